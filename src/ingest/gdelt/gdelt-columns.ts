/**
 * GDELT event export columns, in file order (the files have no header line).
 * Source: GDELT 2.0 Event Database codebook and GDELT 1.0 Event codebook (gdeltproject.org).
 */

const actorColumns = (n: 1 | 2): string[] =>
  [
    'Code',
    'Name',
    'CountryCode',
    'KnownGroupCode',
    'EthnicCode',
    'Religion1Code',
    'Religion2Code',
    'Type1Code',
    'Type2Code',
    'Type3Code',
  ].map((c) => `Actor${n}${c}`);

/** One geography block: 8 columns in 2.0, 7 in 1.0 (no `_ADM2Code`). */
const geoColumns = (prefix: string, withAdm2: boolean): string[] =>
  ['Type', 'FullName', 'CountryCode', 'ADM1Code', ...(withAdm2 ? ['ADM2Code'] : []), 'Lat', 'Long', 'FeatureID'].map(
    (c) => `${prefix}_${c}`,
  );

const columns = (withAdm2: boolean): string[] => [
  'GLOBALEVENTID',
  'SQLDATE',
  'MonthYear',
  'Year',
  'FractionDate',
  ...actorColumns(1),
  ...actorColumns(2),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...geoColumns('Actor1Geo', withAdm2),
  ...geoColumns('Actor2Geo', withAdm2),
  ...geoColumns('ActionGeo', withAdm2),
  'DATEADDED',
  'SOURCEURL',
];

/** GDELT 2.0 export: 61 columns; DATEADDED is `YYYYMMDDHHMMSS`. */
export const GDELT2_COLUMNS: readonly string[] = Object.freeze(columns(true));

/**
 * GDELT 1.0 export: the 2.0 fields without the three `*_ADM2Code` columns; DATEADDED is `YYYYMMDD`.
 * 58 columns with SOURCEURL (daily files from 2013-04-01), 57 without (historical backfiles).
 */
export const GDELT1_COLUMNS: readonly string[] = Object.freeze(columns(false));

const GDELT1_COLUMNS_NO_URL: readonly string[] = Object.freeze(GDELT1_COLUMNS.slice(0, -1));

export type GdeltVersion = '1.0' | '2.0';

/** The column names for one record of the given width, or undefined when the version has no such width. */
export function columnsForWidth(version: GdeltVersion, width: number): readonly string[] | undefined {
  if (version === '2.0') return width === GDELT2_COLUMNS.length ? GDELT2_COLUMNS : undefined;
  if (width === GDELT1_COLUMNS.length) return GDELT1_COLUMNS;
  return width === GDELT1_COLUMNS_NO_URL.length ? GDELT1_COLUMNS_NO_URL : undefined;
}
