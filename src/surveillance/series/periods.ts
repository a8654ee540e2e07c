import type { IsoDate } from '../../core/brand.js';

/** Weekly (Monday-start, as ISO 8601 weeks) or monthly periods. */
export const FREQUENCIES = ['weekly', 'monthly'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

const DAY_MS = 86_400_000;
const toMs = (d: IsoDate): number => Date.parse(`${d}T00:00:00Z`);
const fromMs = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10) as IsoDate;

/** The Monday that starts the week of `date`. */
export function mondayOf(date: IsoDate): IsoDate {
  const ms = toMs(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday 0 .. Sunday 6
  return fromMs(ms - weekday * DAY_MS);
}

/** The first day of the month of `date`. */
export const monthOf = (date: IsoDate): IsoDate => `${date.slice(0, 7)}-01` as IsoDate;

/** The period of `date` at the given frequency. */
export const periodOf = (date: IsoDate, frequency: Frequency): IsoDate =>
  frequency === 'weekly' ? mondayOf(date) : monthOf(date);

/** The period after `period` (a Monday or a first of month). */
export function nextPeriod(period: IsoDate, frequency: Frequency): IsoDate {
  if (frequency === 'weekly') return fromMs(toMs(period) + 7 * DAY_MS);
  const d = new Date(toMs(period));
  return fromMs(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/** Every period from the one holding `from` to the one holding `to`, inclusive, in order. */
export function periodsBetween(from: IsoDate, to: IsoDate, frequency: Frequency): IsoDate[] {
  const out: IsoDate[] = [];
  const last = periodOf(to, frequency);
  for (let p = periodOf(from, frequency); p <= last; p = nextPeriod(p, frequency)) out.push(p);
  return out;
}

/**
 * Places sparse period values on a full timeline, zero where a period has no row: a week with no
 * reported incident is a count of zero, which detection needs to see.
 */
export function zeroFill(periods: readonly IsoDate[], values: ReadonlyMap<string, number>): Float64Array {
  const out = new Float64Array(periods.length);
  for (let i = 0; i < periods.length; i++) out[i] = values.get(periods[i]!) ?? 0;
  return out;
}
