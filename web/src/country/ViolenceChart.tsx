import { useQueries } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { mondayOf } from '../../../src/surveillance/series/periods.js';
import type { IsoDate } from '../../../src/core/brand.js';
import { VIOLENCE_CATEGORIES } from '../api-schemas.js';
import { CATEGORY_COLOURS } from '../categories.js';
import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import { fetchWeeklySeries, type Signal } from './api.js';
import {
  alignSeries,
  CHART_RANGES,
  peakWeek,
  sliceRange,
  weeklyTotals,
  yearlyTotals,
  type ChartData,
  type ChartMeasure,
  type ChartRange,
} from './chart-model.js';
import { countryMessages } from './messages.js';
import { useSignals } from './queries.js';
import { Empty, QueryGate, ScrollBox, Section } from './Section.js';
import { signalCategoryName } from './signal-names.js';
import { useElementWidth } from './use-element-width.js';
import { WeeklyChart, type ChartMark } from './WeeklyChart.js';

/** Weekly events or fatalities by category over the stored timeline, with the signals marked, and its figures as a table. */
export function ViolenceChart({ iso3 }: { iso3: string }) {
  const m = useMessages(countryMessages);
  const series = useQueries({
    queries: VIOLENCE_CATEGORIES.map((category) => ({
      queryKey: ['series', iso3, category],
      queryFn: () => fetchWeeklySeries(iso3, category),
    })),
  });
  const signals = useSignals(iso3);
  return (
    <Section id="country-chart" title={m.chart.title}>
      <QueryGate queries={[...series, signals]}>
        {() => {
          const loaded = VIOLENCE_CATEGORIES.map((category, i) => ({ category, series: series[i]!.data! }));
          if (alignSeries(loaded, 'incidents').layers.length === 0) return <Empty>{m.chart.none}</Empty>;
          return <ChartView loaded={loaded} signals={signals.data ?? []} />;
        }}
      </QueryGate>
    </Section>
  );
}

function ChartView({ loaded, signals }: { loaded: Parameters<typeof alignSeries>[0]; signals: readonly Signal[] }) {
  const t = useT();
  const m = useMessages(countryMessages);
  const format = useFormat();
  const [measure, setMeasure] = useState<ChartMeasure>('incidents');
  const [range, setRange] = useState<ChartRange>('all');
  const [showTable, setShowTable] = useState(false);
  const { ref, width } = useElementWidth<HTMLDivElement>();
  const ids = { summary: useId(), table: useId(), measure: useId(), range: useId() };
  const data = sliceRange(alignSeries(loaded, measure), range);
  const measureName = measure === 'incidents' ? m.chart.incidents : m.chart.fatalities;
  const marks = signalMarks(data, signals, measure, (s) =>
    [m.chart.weekOf(format.date(s.week)), signalCategoryName(t, m, s.category), m.signals.measures[s.measure] ?? s.measure].join(
      ' · ',
    ),
  );
  const peak = peakWeek(data);
  const total = weeklyTotals(data).reduce((a, b) => a + b, 0);
  const first = data.weeks[0] ?? '';
  const last = data.weeks.at(-1) ?? '';
  return (
    <>
      <div className="chart-controls">
        <fieldset>
          <legend>{m.chart.measure}</legend>
          {(['incidents', 'fatalities'] as const).map((value) => (
            <label key={value}>
              <input type="radio" name={ids.measure} checked={measure === value} onChange={() => setMeasure(value)} />{' '}
              {value === 'incidents' ? m.chart.incidents : m.chart.fatalities}
            </label>
          ))}
        </fieldset>
        <label>
          {m.chart.range}{' '}
          <select id={ids.range} value={range} onChange={(e) => setRange(e.target.value as ChartRange)}>
            {CHART_RANGES.map((r) => (
              <option key={r} value={r}>
                {m.chart.ranges[r]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div ref={ref} className="chart-frame">
        <WeeklyChart
          data={data}
          marks={marks}
          width={width}
          label={m.chart.label(measureName, format.date(first), format.date(last))}
          describedBy={ids.summary}
        />
      </div>
      <ul className="chart-legend">
        {data.layers.map((layer) => (
          <li key={layer.category}>
            <span className="swatch" style={{ background: CATEGORY_COLOURS[layer.category] }} aria-hidden />
            {t.categories[layer.category]}
          </li>
        ))}
        <li>
          <span className="signal-key" aria-hidden>
            ▼
          </span>
          {m.chart.signalKey}
        </li>
      </ul>
      <p id={ids.summary} className="hint" data-testid="chart-summary">
        {peak && m.chart.summary(format.number(total), m.chart.weekOf(format.date(peak.week)), format.number(peak.total))}{' '}
        {m.chart.signalsMarked(marks.length)}
      </p>
      <button
        type="button"
        className="link"
        aria-expanded={showTable}
        aria-controls={ids.table}
        onClick={() => setShowTable(!showTable)}
      >
        {showTable ? m.chart.hideTable : m.chart.showTable}
      </button>
      <div id={ids.table} hidden={!showTable}>
        {showTable && (
          <ScrollBox label={m.chart.tableCaption(measureName)}>
            <YearTable data={data} caption={m.chart.tableCaption(measureName)} />
          </ScrollBox>
        )}
      </div>
    </>
  );
}

/**
 * One mark per signalled week of the shown weeks, for the signals of the measure shown (and surges
 * of hateful posts, which have no event measure): daily signals fall on their week's Monday.
 */
function signalMarks(
  data: ChartData,
  signals: readonly Signal[],
  measure: ChartMeasure,
  describe: (s: Signal) => string,
): ChartMark[] {
  const index = new Map(data.weeks.map((w, i) => [w, i]));
  const byWeek = new Map<number, string[]>();
  for (const s of signals) {
    if (s.measure !== measure && s.measure !== 'hateful-posts') continue;
    const i = index.get(mondayOf(s.week.slice(0, 10) as IsoDate));
    if (i !== undefined) byWeek.set(i, [...(byWeek.get(i) ?? []), describe(s)]);
  }
  return [...byWeek].sort(([a], [b]) => a - b).map(([i, titles]) => ({ index: i, title: titles.join('\n') }));
}

function YearTable({ data, caption }: { data: ChartData; caption: string }) {
  const t = useT();
  const m = useMessages(countryMessages);
  const format = useFormat();
  return (
    <table className="data-table" data-testid="chart-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{m.chart.year}</th>
          {data.layers.map((l) => (
            <th key={l.category} scope="col" className="numeric">
              {t.categories[l.category]}
            </th>
          ))}
          <th scope="col" className="numeric">
            {m.chart.total}
          </th>
        </tr>
      </thead>
      <tbody>
        {yearlyTotals(data).map((row) => (
          <tr key={row.year}>
            <th scope="row">{row.year}</th>
            {row.values.map((v, k) => (
              <td key={data.layers[k]!.category} className="numeric">
                {format.number(v)}
              </td>
            ))}
            <td className="numeric">{format.number(row.total)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
