import type { FormatProblem } from '../source-format.js';
import { GDELT1_COLUMNS, GDELT2_COLUMNS, type GdeltVersion } from './gdelt-columns.js';
import { readYyyymmdd } from './gdelt-fields.js';

/** The GDELT export version of a file; each record's own width then picks its columns (1.0 mixes 57 and 58). */
export interface GdeltLayout {
  version: GdeltVersion;
}

/** Record widths per version. */
export const GDELT_WIDTHS: Readonly<Record<GdeltVersion, readonly number[]>> = {
  '1.0': [GDELT1_COLUMNS.length - 1, GDELT1_COLUMNS.length],
  '2.0': [GDELT2_COLUMNS.length],
};

const NOT_GDELT = 'not a GDELT export';

/**
 * Decides 1.0 or 2.0 from the first data record (GDELT files have no header): 57 or 58 columns
 * -> 1.0, 61 -> 2.0; GLOBALEVENTID must be an integer and SQLDATE a real YYYYMMDD day.
 */
export function detectGdeltLayout(firstRecord: readonly string[]): GdeltLayout | FormatProblem {
  const width = firstRecord.length;
  const version: GdeltVersion | undefined = GDELT_WIDTHS['2.0'].includes(width)
    ? '2.0'
    : GDELT_WIDTHS['1.0'].includes(width)
      ? '1.0'
      : undefined;
  if (version === undefined) {
    return { problem: `${NOT_GDELT}: first record has ${width} tab-separated columns, expected 57, 58 or 61` };
  }
  const [id = '', sqlDate = ''] = firstRecord;
  if (id === 'GLOBALEVENTID') {
    return {
      problem: `${NOT_GDELT}: the first record is a header line (GLOBALEVENTID, SQLDATE, ...); GDELT exports have none, remove it`,
    };
  }
  if (!/^\d+$/.test(id)) {
    return {
      problem: `${NOT_GDELT}: GLOBALEVENTID of the first record must be an integer, got ${JSON.stringify(id.slice(0, 40))}`,
    };
  }
  const date = readYyyymmdd('SQLDATE', sqlDate);
  if (!date.ok) return { problem: `${NOT_GDELT}: in the first record, ${date.reason}` };
  return { version };
}
