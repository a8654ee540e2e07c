import type { ViolenceCategory } from '../api-schemas.js';
import type { WeeklySeries } from './api.js';

/** What the weekly chart counts, and how far back it looks. */
export type ChartMeasure = 'incidents' | 'fatalities';
export type ChartRange = 'year' | 'five' | 'all';
export const CHART_RANGES: readonly ChartRange[] = ['year', 'five', 'all'];
const WEEKS_IN: Record<ChartRange, number> = { year: 52, five: 261, all: Infinity };

export interface ChartLayer {
  category: ViolenceCategory;
  values: number[];
}

/** Weeks (Mondays, ascending) and one layer per category with a value for every week. */
export interface ChartData {
  weeks: string[];
  layers: ChartLayer[];
}

/**
 * Lines the per-category series up on one week axis (each series can start and end elsewhere)
 * and keeps only the categories with any count in the whole timeline.
 */
export function alignSeries(
  series: readonly { category: ViolenceCategory; series: WeeklySeries }[],
  measure: ChartMeasure,
): ChartData {
  const weeks = [...new Set(series.flatMap((s) => s.series.periods))].sort();
  const position = new Map(weeks.map((w, i) => [w, i]));
  const layers = series
    .map(({ category, series: s }) => {
      const values = weeks.map(() => 0);
      s.periods.forEach((week, i) => (values[position.get(week)!] = s[measure][i] ?? 0));
      return { category, values };
    })
    .filter((layer) => layer.values.some((v) => v > 0));
  return { weeks, layers };
}

/** The last weeks of the timeline that the range covers. */
export function sliceRange(data: ChartData, range: ChartRange): ChartData {
  const start = Math.max(0, data.weeks.length - WEEKS_IN[range]);
  return { weeks: data.weeks.slice(start), layers: data.layers.map((l) => ({ ...l, values: l.values.slice(start) })) };
}

/** Each week's total over the layers. */
export const weeklyTotals = (data: ChartData): number[] =>
  data.weeks.map((_, i) => data.layers.reduce((sum, l) => sum + (l.values[i] ?? 0), 0));

/** The tops of the stacked layers: tops[k][i] is the sum of layers 0..k in week i. */
export function stackLayers(data: ChartData): number[][] {
  const running = data.weeks.map(() => 0);
  return data.layers.map((layer) => layer.values.map((v, i) => (running[i] = (running[i] ?? 0) + v)));
}

/** The smallest 1, 2 or 5 × 10^k at or above `max`: a round top for the axis (1 for an empty chart). */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= max - 1e-9)!;
}

/** The week with the highest total (the first such week on a tie), or null when all are zero. */
export function peakWeek(data: ChartData): { week: string; total: number } | null {
  const totals = weeklyTotals(data);
  let best = -1;
  totals.forEach((t, i) => {
    if (t > 0 && (best < 0 || t > totals[best]!)) best = i;
  });
  return best < 0 ? null : { week: data.weeks[best]!, total: totals[best]! };
}

/** Totals per calendar year of the week's Monday, per layer: the chart as a table. */
export function yearlyTotals(data: ChartData): { year: string; values: number[]; total: number }[] {
  const years = new Map<string, number[]>();
  data.weeks.forEach((week, i) => {
    const year = week.slice(0, 4);
    const row = years.get(year) ?? data.layers.map(() => 0);
    data.layers.forEach((layer, k) => (row[k] = (row[k] ?? 0) + (layer.values[i] ?? 0)));
    years.set(year, row);
  });
  return [...years].map(([year, values]) => ({ year, values, total: values.reduce((a, b) => a + b, 0) }));
}

/**
 * The SVG path of one stacked band: along its top from the first week to the last, then back along
 * its bottom. `x` and `y` map a week index and a count to pixels.
 */
export function bandPath(
  tops: readonly number[],
  bottoms: readonly number[] | undefined,
  x: (i: number) => number,
  y: (count: number) => number,
): string {
  if (tops.length === 0) return '';
  const point = (i: number, v: number) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`;
  const upper = tops.map((v, i) => point(i, v));
  const lower = tops.map((_, i) => point(i, bottoms?.[i] ?? 0)).reverse();
  return `M${upper.join('L')}L${lower.join('L')}Z`;
}
