import type { Iso3 } from '../../core/brand.js';
import { countryByFips } from '../../countries/countries.js';
import type { NormalisedEvent } from '../../events/event.js';
import { rejected, type NormaliseOptions, type RowOutcome, type SourceFormat } from '../source-format.js';
import { repairC1Controls } from '../text/lenient-decoder.js';
import { actorRoles, toEventActor } from './gdelt-actors.js';
import { cameoLabel, describeEvent } from './gdelt-cameo-labels.js';
import { categoriseCameo } from './gdelt-categories.js';
import { columnsForWidth, GDELT1_COLUMNS, GDELT2_COLUMNS } from './gdelt-columns.js';
import { readCoordinates } from '../fields.js';
import { readCameoCodes, readLocationPrecision, readMetrics, readYyyymmdd } from './gdelt-fields.js';
import { detectGdeltLayout, GDELT_WIDTHS, type GdeltLayout } from './gdelt-layout.js';

/** Column name -> index; 1.0 rows of 57 columns are the 58-column layout without SOURCEURL, so one map per version does. */
const indexOf = (columns: readonly string[]): ReadonlyMap<string, number> => new Map(columns.map((name, i) => [name, i]));
const INDEX = { '1.0': indexOf(GDELT1_COLUMNS), '2.0': indexOf(GDELT2_COLUMNS) } as const;

/** Actor*Type1Code..Type3Code, named once rather than per row. */
const typeColumns = (actor: 1 | 2): readonly string[] => [1, 2, 3].map((k) => `Actor${actor}Type${k}Code`);
const PERPETRATOR_TYPE_COLUMNS = typeColumns(1);
const TARGET_TYPE_COLUMNS = typeColumns(2);

/** A text cell or null when empty, with C1 controls repaired (they stand for cp1252 characters). */
const text = (cell: string): string | null => (cell.trim() === '' ? null : repairC1Controls(cell.trim()));

/** Resolves a FIPS 10-4 code (ActionGeo_CountryCode); null when empty or unknown: the event is kept without a country. */
const countryOf = (fips: string): Iso3 | null => (fips === '' ? null : (countryByFips(fips)?.iso3 ?? null));

/** Normalises one GDELT record; never throws: bad data comes back as a rejection naming the column. */
export function normaliseGdeltRecord(record: readonly string[], layout: GdeltLayout, options: NormaliseOptions = {}): RowOutcome {
  const columns = columnsForWidth(layout.version, record.length);
  if (columns === undefined) {
    const expected = GDELT_WIDTHS[layout.version].join(' or ');
    return rejected(null, `record has ${record.length} columns; GDELT ${layout.version} records have ${expected}`);
  }
  const index = INDEX[layout.version];
  const cell = (column: string): string => {
    const i = index.get(column);
    return i === undefined ? '' : (record[i] ?? '');
  };

  const sourceId = cell('GLOBALEVENTID');
  if (!/^\d+$/.test(sourceId))
    return rejected('GLOBALEVENTID', `GLOBALEVENTID must be an integer, got ${JSON.stringify(sourceId)}`);
  const date = readYyyymmdd('SQLDATE', cell('SQLDATE'));
  if (!date.ok) return rejected(date.column, date.reason);
  const codes = readCameoCodes(cell('EventCode'), cell('EventBaseCode'), cell('EventRootCode'));
  if (!codes.ok) return rejected(codes.column, codes.reason);
  const { eventCode, baseCode, rootCode } = codes.value;
  if (options.cameoRoots !== undefined && !options.cameoRoots.includes(rootCode)) {
    return { kind: 'skipped', reason: `CAMEO root ${rootCode} is not among ${options.cameoRoots.join(', ')}` };
  }

  const metrics = readMetrics(cell);
  if (!metrics.ok) return rejected(metrics.column, metrics.reason);
  const coordinates = readCoordinates(cell('ActionGeo_Lat'), cell('ActionGeo_Long'), {
    latitude: 'ActionGeo_Lat',
    longitude: 'ActionGeo_Long',
  });
  if (!coordinates.ok) return rejected(coordinates.column, coordinates.reason);
  const locationPrecision = readLocationPrecision(cell('ActionGeo_Type'));
  if (!locationPrecision.ok) return rejected(locationPrecision.column, locationPrecision.reason);

  const perpetratorRoles = actorRoles(PERPETRATOR_TYPE_COLUMNS.map(cell));
  const targetRoles = actorRoles(TARGET_TYPE_COLUMNS.map(cell));
  const perpetrator = toEventActor(cell('Actor1Name'), cell('Actor1Code'), perpetratorRoles);
  const target = toEventActor(cell('Actor2Name'), cell('Actor2Code'), targetRoles);
  const sourceUrl = cell('SOURCEURL').trim();

  const event: NormalisedEvent = {
    source: 'gdelt',
    sourceId,
    dateStart: date.value,
    dateEnd: date.value,
    datePrecision: 'day',
    countryIso3: countryOf(cell('ActionGeo_CountryCode').trim()),
    admin1: text(cell('ActionGeo_ADM1Code')),
    admin2: text(cell('ActionGeo_ADM2Code')),
    location: text(cell('ActionGeo_FullName')),
    latitude: coordinates.value.latitude,
    longitude: coordinates.value.longitude,
    locationPrecision: locationPrecision.value,
    category: categoriseCameo({ eventCode, baseCode, rootCode, perpetrator: perpetratorRoles, target: targetRoles }),
    sourceCategory: `CAMEO ${eventCode}`,
    perpetrator,
    target,
    fatalitiesBest: null,
    fatalitiesLow: null,
    fatalitiesHigh: null,
    description: describeEvent(
      perpetrator?.name ?? null,
      eventCode,
      cameoLabel(eventCode, baseCode, rootCode),
      target?.name ?? null,
    ),
    citations: sourceUrl === '' ? [] : [sourceUrl],
    ...metrics.value,
    raw: record,
  };
  return { kind: 'event', event };
}

/** The GDELT event export (1.0 daily and backfile files, 2.0 15-minute files) as a Tocsin source format. */
export const gdeltFormat: SourceFormat<GdeltLayout> = {
  source: 'gdelt',
  name: 'GDELT event export',
  version: 1,
  csv: { delimiter: '\t', header: false, quoting: false, encoding: 'utf8-cp1252', allowedWidths: [57, 58, 61] },
  detectLayout: detectGdeltLayout,
  // 1.0 rows of 57 cells are the 58 names less the last (SOURCEURL).
  columns: (layout) => (layout.version === '2.0' ? GDELT2_COLUMNS : GDELT1_COLUMNS),
  normalise: normaliseGdeltRecord,
};
