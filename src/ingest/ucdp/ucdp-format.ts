import { toIsoDate, type IsoDate } from '../../core/brand.js';
import { countryByGw } from '../../countries/countries.js';
import type { EventActor } from '../../events/event.js';
import { indexHeader, isMissing, parseInteger, readCoordinates, splitCitations, textOrNull } from '../fields.js';
import { rejected, type RowOutcome, type SourceFormat } from '../source-format.js';
import { UCDP_CATEGORIES, UCDP_DATE_PRECISION, UCDP_LOCATION_PRECISION } from './ucdp-codes.js';
import { GED_REQUIRED, type GedColumn } from './ucdp-columns.js';

/** Column positions of one GED file, found by name so column order does not matter. */
export interface GedLayout {
  names: readonly string[];
  at: ReadonlyMap<string, number>;
}

/** GED dates come as `2019-03-01`, `2019-03-01 00:00:00.000` (official CSV) or `2019-03-01T00:00:00`. */
const gedDate = (cell: string | undefined): IsoDate | undefined => (cell ? toIsoDate(cell.trim().slice(0, 10)) : undefined);

/** Reads a GED fatality count; UCDP does not guarantee low <= best <= high, so none is imposed. */
function deaths(cell: string | undefined, column: string): number | null | RowOutcome {
  const n = parseInteger(cell);
  if (n instanceof Error) return rejected(column, n.message);
  if (n !== null && n < 0) return rejected(column, `fatalities cannot be negative (${n})`);
  return n;
}

const isOutcome = (x: unknown): x is RowOutcome => typeof x === 'object' && x !== null && 'kind' in x;

function normaliseGed(record: readonly string[], layout: GedLayout): RowOutcome {
  const get = (c: GedColumn): string | undefined => {
    const i = layout.at.get(c);
    return i === undefined ? undefined : record[i];
  };
  const id = parseInteger(get('id'));
  if (id === null || id instanceof Error) return rejected('id', id === null ? 'the event id is missing' : id.message);
  const type = UCDP_CATEGORIES[get('type_of_violence')?.trim() ?? ''];
  if (!type) return rejected('type_of_violence', `"${get('type_of_violence')}" is not 1, 2 or 3`);
  const dateStart = gedDate(get('date_start'));
  if (!dateStart) return rejected('date_start', `"${get('date_start')}" is not a date`);
  const dateEnd = gedDate(get('date_end'));
  if (!dateEnd) return rejected('date_end', `"${get('date_end')}" is not a date`);
  if (dateEnd < dateStart) return rejected('date_end', `date_end ${dateEnd} is before date_start ${dateStart}`);
  const datePrecision = UCDP_DATE_PRECISION[get('date_prec')?.trim() ?? ''];
  if (!datePrecision) return rejected('date_prec', `"${get('date_prec')}" is not a precision code 1-5`);
  const locationPrecision = UCDP_LOCATION_PRECISION[get('where_prec')?.trim() ?? ''];
  if (!locationPrecision) return rejected('where_prec', `"${get('where_prec')}" is not a precision code 1-7`);
  const gw = parseInteger(get('country_id'));
  if (gw === null || gw instanceof Error) return rejected('country_id', gw === null ? 'the country is missing' : gw.message);
  const country = countryByGw(gw);
  if (!country) return rejected('country_id', `Gleditsch-Ward code ${gw} matches no known country`);
  const coords = readCoordinates(get('latitude'), get('longitude'));
  if (!coords.ok) return rejected(coords.column, coords.reason);
  const best = deaths(get('best'), 'best');
  if (isOutcome(best)) return best;
  const low = deaths(get('low'), 'low');
  if (isOutcome(low)) return low;
  const high = deaths(get('high'), 'high');
  if (isOutcome(high)) return high;

  const isOneSided = type.category === 'one-sided';
  const sideA: EventActor | null = isMissing(get('side_a'))
    ? null
    : { name: get('side_a')!.trim(), isCivilian: false, isState: !isMissing(get('gwnoa')) };
  const sideBName = textOrNull(get('side_b'));
  const sideB: EventActor | null =
    sideBName === null
      ? null
      : { name: sideBName, isCivilian: isOneSided || sideBName === 'Civilians', isState: !isMissing(get('gwnob')) };
  const dyad = textOrNull(get('dyad_name'));
  const where = textOrNull(get('where_description'));
  return {
    kind: 'event',
    event: {
      source: 'ucdp',
      sourceId: String(id),
      dateStart,
      dateEnd,
      datePrecision,
      countryIso3: country.iso3,
      admin1: textOrNull(get('adm_1')),
      admin2: textOrNull(get('adm_2')),
      location: textOrNull(get('where_coordinates')),
      latitude: coords.value.latitude,
      longitude: coords.value.longitude,
      locationPrecision,
      category: type.category,
      sourceCategory: `UCDP type_of_violence ${get('type_of_violence')!.trim()} (${type.label})`,
      perpetrator: sideA,
      target: sideB,
      fatalitiesBest: best,
      fatalitiesLow: low,
      fatalitiesHigh: high,
      description: [dyad, where].filter((s) => s !== null).join(': ') || null,
      citations: splitCitations(get('source_article')),
      goldsteinScale: null,
      avgTone: null,
      numMentions: null,
      numSources: null,
      numArticles: null,
      raw: record,
    },
  };
}

/** UCDP Georeferenced Event Dataset, CSV export (49 columns, header row). */
export const ucdpFormat: SourceFormat<GedLayout> = {
  source: 'ucdp',
  name: 'UCDP GED CSV',
  version: 1,
  csv: { delimiter: ',', header: true, quoting: true, encoding: 'utf8' },
  detectLayout(header) {
    const at = indexHeader(header);
    const missing = GED_REQUIRED.filter((c) => !at.has(c));
    if (missing.length === GED_REQUIRED.length) {
      const start = header.join(',').replace(/\s+/g, ' ').slice(0, 60);
      return { problem: `not a UCDP GED file: its first line is not a GED header (it starts "${start}")` };
    }
    if (missing.length > 0) return { problem: `not a UCDP GED file: the header lacks ${missing.join(', ')}` };
    return { names: header.map((h) => h.replace(/^\uFEFF/, '').trim()), at };
  },
  columns: (layout) => layout.names,
  normalise: (record, layout) => normaliseGed(record, layout),
};
