import type { NormalisedEvent } from '../../events/event.js';
import { readCoordinates, readCount } from '../fields.js';
import { rejected, type RowOutcome, type SourceFormat } from '../source-format.js';
import { parseInter, toEventActor } from './acled-actors.js';
import { categoriseAcledEvent } from './acled-categories.js';
import { readCitations, readCountry, readDatePrecision, readEventDate, readLocationPrecision } from './acled-fields.js';
import { detectAcledLayout, type AcledColumn, type AcledLayout } from './acled-layout.js';

/** The literal ACLED (and R, and spreadsheets) write for a missing value. */
const MISSING_MARK = 'NA';

/** The trimmed cell of a known column; null when the column is absent, the cell empty or `NA`. */
export function acledCell(record: readonly string[], layout: AcledLayout, column: AcledColumn): string | null {
  const index = layout.columns[column];
  if (index === undefined) return null;
  const value = (record[index] ?? '').trim();
  return value === '' || value === MISSING_MARK ? null : value;
}

/** Normalises one ACLED data row; never throws: bad data comes back as a rejection naming the column. */
export function normaliseAcledRecord(record: readonly string[], layout: AcledLayout): RowOutcome {
  if (record.length !== layout.header.length) {
    return rejected(null, `row has ${record.length} cells; the header has ${layout.header.length}`);
  }
  const cell = (column: AcledColumn): string | null => acledCell(record, layout, column);

  const sourceId = cell('event_id_cnty');
  if (sourceId === null) return rejected('event_id_cnty', 'event_id_cnty is missing');
  const date = readEventDate(cell('event_date'), cell('year'));
  if (!date.ok) return rejected(date.column, date.reason);
  const datePrecision = readDatePrecision(cell('time_precision'));
  if (!datePrecision.ok) return rejected(datePrecision.column, datePrecision.reason);
  const country = readCountry({ iso3: cell('iso3'), iso: cell('iso'), country: cell('country') });
  if (!country.ok) return rejected(country.column, country.reason);
  const coordinates = readCoordinates(cell('latitude'), cell('longitude'));
  if (!coordinates.ok) return rejected(coordinates.column, coordinates.reason);
  const locationPrecision = readLocationPrecision(cell('geo_precision'));
  if (!locationPrecision.ok) return rejected(locationPrecision.column, locationPrecision.reason);
  const inter1 = parseInter(cell('inter1'));
  if (!inter1.ok) return rejected('inter1', inter1.reason);
  const inter2 = parseInter(cell('inter2'));
  if (!inter2.ok) return rejected('inter2', inter2.reason);
  const eventType = cell('event_type');
  if (eventType === null) return rejected('event_type', 'event_type is missing');
  const category = categoriseAcledEvent({
    eventType,
    subEventType: cell('sub_event_type'),
    civilianTargeting: cell('civilian_targeting'),
    hasStateActor: inter1.type === 'State forces' || inter2.type === 'State forces',
  });
  if (!category.ok) return rejected(category.column, category.reason);
  const fatalities = readCount('fatalities', cell('fatalities'));
  if (!fatalities.ok) return rejected(fatalities.column, fatalities.reason);

  const event: NormalisedEvent = {
    source: 'acled',
    sourceId,
    dateStart: date.value,
    dateEnd: date.value,
    datePrecision: datePrecision.value,
    countryIso3: country.value,
    admin1: cell('admin1'),
    admin2: cell('admin2'),
    location: cell('location'),
    latitude: coordinates.value.latitude,
    longitude: coordinates.value.longitude,
    locationPrecision: locationPrecision.value,
    category: category.category,
    sourceCategory: category.sourceCategory,
    perpetrator: toEventActor(cell('actor1'), inter1.type),
    target: toEventActor(cell('actor2'), inter2.type),
    fatalitiesBest: fatalities.value,
    fatalitiesLow: null,
    fatalitiesHigh: null,
    description: cell('notes'),
    citations: readCitations(cell('source')),
    goldsteinScale: null,
    avgTone: null,
    numMentions: null,
    numSources: null,
    numArticles: null,
    // Object.fromEntries defines own properties, so a hostile header such as `__proto__` stays data.
    raw: record,
  };
  return { kind: 'event', event };
}

/** The ACLED CSV export (2020, 2023 and 2024+ layouts) as a Tocsin source format. */
export const acledFormat: SourceFormat<AcledLayout> = {
  source: 'acled',
  name: 'ACLED CSV',
  version: 1,
  csv: { delimiter: ',', header: true, quoting: true, encoding: 'utf8' },
  detectLayout: detectAcledLayout,
  columns: (layout) => layout.header,
  normalise: (record, layout) => normaliseAcledRecord(record, layout),
};
