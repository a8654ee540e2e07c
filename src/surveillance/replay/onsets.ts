import Papa from 'papaparse';
import type { Iso3 } from '../../core/brand.js';
import { TocsinError } from '../../core/errors.js';
import { countryByCow, countryByName } from '../../countries/countries.js';

/** A recorded onset of a mass killing (EWP's list: >= 1,000 civilians deliberately killed as members of a group). */
export interface Onset {
  country: Iso3;
  year: number;
  /** EWP's episode code, e.g. `caf2013ns1`. */
  code: string;
  name: string;
}

const REQUIRED = ['country', 'startyear', 'mk_event_code'] as const;

/**
 * Reads EWP's mass-killing episode list (`mk_events_2025.csv`: the `mk_events` sheet of its master
 * workbook). The country comes from `mk_location_cow` when it resolves, else from the name. Every
 * row that cannot be read is reported at once, with its line.
 */
export function parseOnsets(text: string, file = 'onsets'): Onset[] {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  const fields = parsed.meta.fields ?? [];
  const missing = REQUIRED.filter((c) => !fields.includes(c));
  if (missing.length)
    throw new TocsinError('invalid_format', `${file}: missing column(s) ${missing.join(', ')}; found ${fields.join(', ')}`);
  const problems: string[] = [];
  const onsets: Onset[] = [];
  parsed.data.forEach((r, i) => {
    const line = i + 2; // the header is line 1; episode texts hold line breaks, so this is the record number + 1
    const year = Number(r.startyear);
    const cow = Number(r.mk_location_cow);
    const country = (Number.isInteger(cow) && cow > 0 ? countryByCow(cow) : undefined) ?? countryByName(r.country ?? '');
    if (!Number.isInteger(year) || year < 1900 || year > 2100)
      problems.push(`record ${line}: startyear "${r.startyear}" is not a year`);
    else if (!country)
      problems.push(`record ${line}: country "${r.country}" (COW ${r.mk_location_cow}) is not in the country table`);
    else onsets.push({ country: country.iso3, year, code: r.mk_event_code ?? '', name: r.mk_event_name ?? '' });
  });
  if (problems.length)
    throw new TocsinError(
      'invalid_format',
      `${file}: ${problems.length} unreadable record(s): ${problems.slice(0, 10).join('; ')}`,
      {
        problems,
      },
    );
  return onsets;
}
