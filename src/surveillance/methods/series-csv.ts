import Papa from 'papaparse';
import { TocsinError } from '../../core/errors.js';

/** At most this many bad cells are listed in one error; the count of the rest follows. */
const LISTED_PROBLEMS = 5;

/**
 * Reads one numeric column of a CSV file (header on line 1, one week per line) as a series.
 * Every cell must be a finite number, and with `counts` a non-negative integer; all bad cells are
 * reported together with their line numbers (TocsinError 'invalid_input'), as is a missing column
 * (the message lists the columns that exist). `source` names the file in messages.
 */
export function readSeriesColumn(text: string, column: string, source: string, counts: boolean): number[] {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...records] = parsed.data;
  if (!header || header.length === 0)
    throw new TocsinError('invalid_input', `${source} is empty: expected a header line and one line per week`);
  const at = header.findIndex((name) => name.trim() === column);
  if (at < 0) {
    throw new TocsinError(
      'invalid_input',
      `${source} has no column "${column}"; its columns are: ${header.map((h) => h.trim()).join(', ')}`,
      {
        column,
        columns: header,
      },
    );
  }
  if (records.length === 0) throw new TocsinError('invalid_input', `${source} has a header but no data lines`);
  const values: number[] = [];
  const problems: string[] = [];
  records.forEach((record, i) => {
    const line = i + 2;
    const cell = (record[at] ?? '').trim();
    const value = cell === '' ? Number.NaN : Number(cell);
    let problem: string | null = null;
    if (!Number.isFinite(value)) problem = cell === '' ? 'is empty' : `"${cell.slice(0, 40)}" is not a number`;
    else if (counts && !(Number.isInteger(value) && value >= 0)) problem = `${cell} is not a count (a non-negative integer)`;
    if (problem) problems.push(`line ${line}: ${problem}`);
    values.push(value);
  });
  if (problems.length > 0) {
    const more = problems.length > LISTED_PROBLEMS ? `; and ${problems.length - LISTED_PROBLEMS} more` : '';
    throw new TocsinError(
      'invalid_input',
      `${source}, column "${column}": ${problems.slice(0, LISTED_PROBLEMS).join('; ')}${more}`,
      {
        column,
        problems: problems.length,
      },
    );
  }
  return values;
}
