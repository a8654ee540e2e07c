import { readFile } from 'node:fs/promises';
import { TocsinError } from '../../core/errors.js';
import type { CountryYearColumns, CountryYearTable } from './country-year.js';
import { EWP_COLUMNS } from './ewp-columns.js';
import { parseCountryYears } from './parse-country-years.js';

/** Files beyond this size are not country-year panels (EWP's is 1.7 MB). */
const MAX_BYTES = 256 * 1024 * 1024;

/** Reads a country-year predictor file (UTF-8 CSV) and parses it; see `parseCountryYears`. */
export async function readCountryYears(file: string, columns: CountryYearColumns = EWP_COLUMNS): Promise<CountryYearTable> {
  const bytes = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new TocsinError('invalid_input', `${file}: ${e.code === 'ENOENT' ? 'no such file' : `cannot be read (${e.code})`}`, {
      file,
    });
  });
  if (bytes.length > MAX_BYTES)
    throw new TocsinError('invalid_input', `${file}: larger than ${MAX_BYTES / 2 ** 20} MiB`, { file });
  if (bytes.includes(0))
    throw new TocsinError('invalid_format', `${file}: binary, not a CSV text file (it contains NUL bytes)`, { file });
  return parseCountryYears(new TextDecoder('utf-8').decode(bytes), columns, file);
}
