import { CATEGORY_COLOURS } from '../categories.js';
import { useFormat } from '../i18n/LocaleProvider.js';
import { bandPath, niceMax, stackLayers, weeklyTotals, type ChartData } from './chart-model.js';

export interface ChartMark {
  index: number;
  title: string;
}

const HEIGHT = 240;
const PAD = { top: 16, end: 10, bottom: 24, start: 48 };

/**
 * Stacked weekly counts by category as an SVG drawn here (no chart library), with each signalled
 * week marked by a triangle above the plot (lines through it would hide the counts in busy years). Time runs left to right in every language.
 * The picture is one image for assistive technology: `label` and `describedBy` carry its content.
 */
export function WeeklyChart({
  data,
  marks,
  width,
  label,
  describedBy,
}: {
  data: ChartData;
  marks: readonly ChartMark[];
  width: number;
  label: string;
  describedBy: string;
}) {
  const format = useFormat();
  const inner = Math.max(10, width - PAD.start - PAD.end);
  const n = data.weeks.length;
  const top = niceMax(Math.max(0, ...weeklyTotals(data)));
  const x = (i: number) => PAD.start + (n <= 1 ? inner / 2 : (i * inner) / (n - 1));
  const y = (v: number) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - v / top);
  const tops = stackLayers(data);
  const years = yearTicks(data.weeks, x);
  return (
    <svg
      className="weekly-chart"
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      width={width}
      height={HEIGHT}
      viewBox={`0 0 ${width} ${HEIGHT}`}
      data-testid="weekly-chart"
      data-weeks={n}
    >
      {[0, top / 2, top].map((v) => (
        <g key={v} className="chart-grid">
          <line x1={PAD.start} x2={width - PAD.end} y1={y(v)} y2={y(v)} />
          <text x={PAD.start - 6} y={y(v)} dy="0.32em" textAnchor="end">
            {format.number(v)}
          </text>
        </g>
      ))}
      {data.layers.map((layer, k) => (
        <path
          key={layer.category}
          d={bandPath(tops[k]!, tops[k - 1], x, y)}
          fill={CATEGORY_COLOURS[layer.category]}
          data-category={layer.category}
        />
      ))}
      {years.map(({ index, year }) => (
        <text key={year} className="chart-year" x={x(index)} y={HEIGHT - 6} textAnchor="middle">
          {year}
        </text>
      ))}
      {marks.map((mark) => (
        <g key={`${mark.index}-${mark.title}`} className="chart-signal" data-testid="signal-mark">
          <title>{mark.title}</title>
          <path d={`M${x(mark.index) - 4},${PAD.top - 11}h8l-4,7z`} />
        </g>
      ))}
    </svg>
  );
}

/** The first week of each year, leaving out labels that would come closer than 40 px to the previous one. */
function yearTicks(weeks: readonly string[], x: (i: number) => number): { index: number; year: string }[] {
  const ticks: { index: number; year: string }[] = [];
  let lastYear = '';
  weeks.forEach((week, index) => {
    const year = week.slice(0, 4);
    if (year === lastYear) return;
    lastYear = year;
    const previous = ticks.at(-1);
    if (previous === undefined || x(index) - x(previous.index) >= 40) ticks.push({ index, year });
  });
  return ticks;
}
