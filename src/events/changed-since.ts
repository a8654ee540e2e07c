import type { IsoDate, Iso3 } from '../core/brand.js';

/** Countries whose events an import changed, each with the earliest start date among them. */
export type ChangedSince = Map<Iso3, IsoDate>;

/** Notes a changed event of `country` starting on `date`: keeps the country's earliest date. */
export function noteChange(changed: ChangedSince, country: Iso3, date: IsoDate): void {
  const since = changed.get(country);
  if (since === undefined || date < since) changed.set(country, date);
}
