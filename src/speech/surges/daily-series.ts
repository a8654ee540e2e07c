import type { IsoDate, Iso3 } from '../../core/brand.js';
import { zeroFill } from '../../surveillance/series/periods.js';

/** All hateful items of a country, whatever group they target. */
export const ALL_GROUPS = 'all';

/** Hateful items counted on one UTC day in one country, against one target group (or `all`). */
export interface HatefulCount {
  country: Iso3;
  group: string;
  day: IsoDate;
  count: number;
}

/** A zero-filled daily series of hateful items in one country against one target group. */
export interface HateSeries {
  country: Iso3;
  group: string;
  counts: Float64Array;
}

/** The signal category of a group's series: `hate:<group>`, or `hate:all`. */
export const hateCategory = (group: string): `hate:${string}` => `hate:${group}`;

const DAY_MS = 86_400_000;

/** Every day from `first` to `last`, inclusive. */
export function daysBetween(first: IsoDate, last: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  const end = Date.parse(`${last}T00:00:00Z`);
  for (let ms = Date.parse(`${first}T00:00:00Z`); ms <= end; ms += DAY_MS)
    days.push(new Date(ms).toISOString().slice(0, 10) as IsoDate);
  return days;
}

/**
 * One series per (country, group) with any hateful item, on the shared timeline `days` (the days the
 * store covers): a day without a hateful post is a count of zero, which detection needs to see.
 * Series come sorted by country, then `all` and the groups in code-point order. Pure.
 */
export function dailySeries(counts: readonly HatefulCount[], days: readonly IsoDate[]): HateSeries[] {
  const byKey = new Map<string, { country: Iso3; group: string; values: Map<string, number> }>();
  for (const c of counts) {
    const key = `${c.country}\u0000${c.group}`;
    const entry = byKey.get(key) ?? { country: c.country, group: c.group, values: new Map<string, number>() };
    entry.values.set(c.day, (entry.values.get(c.day) ?? 0) + c.count);
    byKey.set(key, entry);
  }
  const order = (e: { country: string; group: string }) => `${e.country}\u0000${e.group === ALL_GROUPS ? '' : e.group}`;
  return [...byKey.values()]
    .sort((a, b) => (order(a) < order(b) ? -1 : 1))
    .map((e) => ({ country: e.country, group: e.group, counts: zeroFill(days, e.values) }));
}
