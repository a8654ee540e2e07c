import type { FormatProblem } from '../source-format.js';

/** Every column name ACLED has published in its CSV exports (2020, 2023 and 2024+ layouts). */
export const ACLED_COLUMNS = [
  'data_id', // 2020 only: row number of the export
  'iso', // ISO 3166-1 numeric country code
  'event_id_cnty', // stable event id: country prefix + number (NIG12345)
  'event_id_no_cnty', // 2020 only: the number without the prefix
  'event_date',
  'year',
  'time_precision', // 1 day, 2 week, 3 month
  'disorder_type', // 2023+: Political violence, Demonstrations, Strategic developments
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1', // actor type: numeric code 1-8 before 2024, text ('State forces') after
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction', // inter1 and inter2 combined: 17 or 'State forces-Civilians'
  'civilian_targeting', // 2023+: 'Civilian targeting' when civilians were the primary target
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision', // 1 exact, 2 near, 3 larger region
  'source', // outlets separated by ';'
  'source_scale',
  'notes',
  'fatalities',
  'tags', // 2023+
  'timestamp', // Unix seconds of the last change
  'iso3', // 2020 only: ISO alpha-3
] as const;

export type AcledColumn = (typeof ACLED_COLUMNS)[number];

/** Columns a file must have to be read as ACLED: without any of them an event cannot be normalised faithfully. */
export const ACLED_CORE_COLUMNS: readonly AcledColumn[] = [
  'event_id_cnty',
  'event_date',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'inter1',
  'actor2',
  'inter2',
  'country',
  'latitude',
  'longitude',
  'geo_precision',
  'fatalities',
];

/** Columns whose presence marks the 2023+ layout (absent from 2020 exports). */
const LAYOUT_2023_MARKERS: readonly AcledColumn[] = ['disorder_type', 'civilian_targeting', 'tags'];

/**
 * Where each known column sits in one ACLED file.
 * `generation` is read from the header: the 2024+ exports share the 2023 header and differ only in
 * the cells of inter1/inter2/interaction (text instead of codes), so those are read per cell.
 */
export interface AcledLayout {
  generation: '2020' | '2023';
  /** The header as written (trimmed, BOM stripped): the keys of `raw`. */
  header: readonly string[];
  /** Index of every known column present in the file. */
  columns: Readonly<Partial<Record<AcledColumn, number>>>;
}

const isAcledColumn = (name: string): name is AcledColumn => (ACLED_COLUMNS as readonly string[]).includes(name);

/** Reads the header row: matches columns by name (case-insensitive, trimmed, BOM stripped) in any order, extra columns allowed. */
export function detectAcledLayout(headerRecord: readonly string[]): AcledLayout | FormatProblem {
  const header = headerRecord.map((cell, i) => (i === 0 ? cell.replace(/^\uFEFF/, '') : cell).trim());
  const columns: Partial<Record<AcledColumn, number>> = {};
  const duplicates: string[] = [];
  header.forEach((name, index) => {
    const key = name.toLowerCase();
    if (!isAcledColumn(key)) return;
    if (columns[key] !== undefined) duplicates.push(key);
    else columns[key] = index;
  });
  const missing = ACLED_CORE_COLUMNS.filter((c) => columns[c] === undefined);
  if (missing.length > 0) return { problem: `not an ACLED CSV: missing columns ${missing.join(', ')}` };
  if (duplicates.length > 0) return { problem: `ACLED CSV with duplicate columns ${duplicates.join(', ')}` };
  const generation = LAYOUT_2023_MARKERS.some((c) => columns[c] !== undefined) ? '2023' : '2020';
  return { generation, header, columns };
}
