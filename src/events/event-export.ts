import { safeCsvCell } from '../core/csv.js';
import type { EventDto } from './event-dto.js';

export const EXPORT_FORMATS = ['table', 'csv', 'json', 'geojson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const CSV_COLUMNS = [
  'id',
  'source',
  'source_id',
  'date_start',
  'date_end',
  'date_precision',
  'country',
  'admin1',
  'admin2',
  'location',
  'latitude',
  'longitude',
  'location_precision',
  'category',
  'source_category',
  'perpetrator',
  'target',
  'target_is_civilian',
  'fatalities_best',
  'fatalities_low',
  'fatalities_high',
  'description',
] as const;

/**
 * RFC 4180 quoting (see core/csv.ts), line breaks as one space so that every event is one line,
 * and text that a spreadsheet would run as a formula defused; `--format json` keeps text exactly.
 */
export const csvCell = safeCsvCell;

const csvRow = (e: EventDto): string =>
  [
    e.id,
    e.source,
    e.sourceId,
    e.dateStart,
    e.dateEnd,
    e.datePrecision,
    e.country,
    e.admin1,
    e.admin2,
    e.location,
    e.latitude,
    e.longitude,
    e.locationPrecision,
    e.category,
    e.sourceCategory,
    e.perpetrator?.name,
    e.target?.name,
    e.target?.isCivilian,
    e.fatalities.best,
    e.fatalities.low,
    e.fatalities.high,
    e.description,
  ]
    .map(csvCell)
    .join(',');

const feature = (e: EventDto): string =>
  JSON.stringify({
    type: 'Feature',
    // A country-precision point is a centroid: kept in properties, not as geometry.
    geometry:
      e.latitude !== null && e.longitude !== null && e.locationPrecision !== 'country'
        ? { type: 'Point', coordinates: [e.longitude, e.latitude] }
        : null,
    properties: { ...e, latitude: undefined, longitude: undefined },
  });

const clip = (s: string | null | undefined, n: number): string => {
  const t = s ?? '';
  return (t.length > n ? `${t.slice(0, n - 1)}…` : t).padEnd(n);
};

const tableRow = (e: EventDto): string =>
  [
    e.dateStart,
    clip(e.country, 3),
    clip(e.category, 15),
    String(e.fatalities.best ?? '').padStart(6),
    clip(e.admin1, 22),
    clip(`${e.perpetrator?.name ?? '?'} → ${e.target?.name ?? '?'}`, 60),
  ].join('  ');

/**
 * Writes events in one of the export formats as they arrive; `write` may return a promise (wait
 * for the consumer), so an export of any size streams in constant memory. Returns the number written.
 */
export async function writeEvents(
  events: AsyncIterable<EventDto>,
  format: ExportFormat,
  write: (s: string) => void | Promise<void>,
): Promise<number> {
  let n = 0;
  if (format === 'csv') await write(`${CSV_COLUMNS.join(',')}\n`);
  if (format === 'json') await write('[');
  if (format === 'geojson') await write('{"type":"FeatureCollection","features":[');
  if (format === 'table')
    await write(
      `${['date      ', 'ctry', 'category       ', 'deaths', 'admin1                ', 'perpetrator → target'].join(' ')}\n`,
    );
  for await (const e of events) {
    const sep = n > 0 ? ',\n' : '\n';
    if (format === 'csv') await write(`${csvRow(e)}\n`);
    else if (format === 'json') await write(sep + JSON.stringify(e));
    else if (format === 'geojson') await write(sep + feature(e));
    else await write(`${tableRow(e)}\n`);
    n++;
  }
  if (format === 'json') await write('\n]\n');
  if (format === 'geojson') await write('\n]}\n');
  return n;
}
