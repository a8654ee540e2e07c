import Papa from 'papaparse';
import { TocsinError } from '../../core/errors.js';
import { countryByCow } from '../../countries/countries.js';
import { isMissing } from '../../ingest/fields.js';
import type { CellProblem, CountryYear, CountryYearColumns, CountryYearTable } from './country-year.js';
import { EWP_COLUMNS } from './ewp-columns.js';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const WHOLE = /^[+-]?\d+(\.0+)?$/;
/** Years a country-year panel can hold; anything else is a typo or another column. */
const YEARS = { min: 1800, max: 2200 } as const;
/** Problems quoted in the error message; all of them are in `details.problems`. */
const QUOTED = 5;

type Cell<T> = { ok: true; value: T } | { ok: false; reason: string };
const good = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = <T>(reason: string): Cell<T> => ({ ok: false, reason });

/** A 0/1 flag; NA gives `missing`. */
const readFlag = <M>(cell: string, missing: M): Cell<0 | 1 | M> => {
  if (isMissing(cell)) return good(missing);
  const t = cell.trim();
  if (!DECIMAL.test(t)) return bad('not a number');
  const v = Number(t);
  return v === 0 || v === 1 ? good(v) : bad('must be 0 or 1 (or NA)');
};
/** A finite decimal; NA gives NaN. */
const readPredictor = (cell: string): Cell<number> => {
  if (isMissing(cell)) return good(Number.NaN);
  const t = cell.trim();
  const v = Number(t);
  return DECIMAL.test(t) && Number.isFinite(v) ? good(v) : bad('not a finite number (NA is allowed)');
};
const readWhole = (cell: string): Cell<number> => {
  if (isMissing(cell)) return bad('missing');
  const t = cell.trim();
  const v = Number(t);
  return WHOLE.test(t) && Number.isSafeInteger(v) ? good(v) : bad('not a whole number');
};

/**
 * Parses and validates a country-year predictor file (CSV with a header; an unnamed first column,
 * R's row names, is allowed). Pure: text in, table out. Every problem is collected (missing or
 * duplicated columns, records of the wrong width, bad cells, unknown country codes, duplicate
 * country-years) and reported together in one TocsinError('invalid_format') whose
 * `details.problems` lists each with its line, column, value and reason.
 */
export function parseCountryYears(text: string, columns: CountryYearColumns = EWP_COLUMNS, source = 'input'): CountryYearTable {
  const problems: CellProblem[] = [];
  const fail = (): never => {
    const shown = problems.slice(0, QUOTED).map((p) => `line ${p.line}${p.column ? `, ${p.column}` : ''}: ${p.reason}`);
    const more = problems.length > QUOTED ? `; and ${problems.length - QUOTED} more` : '';
    throw new TocsinError(
      'invalid_format',
      `${source}: ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${shown.join('; ')}${more}`,
      { source, problems },
    );
  };
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, delimiter: ',', skipEmptyLines: false });
  const records = parsed.data;
  const lines = lineNumbers(records);
  for (const e of parsed.errors) {
    problems.push({ line: lines[e.row ?? 0] ?? 1, column: null, value: null, reason: `CSV: ${e.message}` });
  }
  const header = records[0] ?? [];
  const index = headerIndex(header, columns, problems);
  if (!index) return fail();

  const rows: CountryYear[] = [];
  const seen = new Map<string, number>();
  const p = columns.predictors.length;
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    const line = lines[r]!;
    if (record.length === 1 && record[0]!.trim() === '') continue;
    if (record.length !== header.length) {
      problems.push({ line, column: null, value: null, reason: `has ${record.length} fields, the header has ${header.length}` });
      continue;
    }
    const before = problems.length;
    const take = <T>(column: string, cell: Cell<T>): T | undefined => {
      if (cell.ok) return cell.value;
      problems.push({ line, column, value: record[index.get(column)!] ?? null, reason: cell.reason });
      return undefined;
    };
    const cellOf = (column: string): string => record[index.get(column)!]!;
    const code = take(columns.country, readWhole(cellOf(columns.country)));
    const country = code === undefined ? undefined : countryByCow(code);
    if (code !== undefined && !country) take(columns.country, bad('unknown country code (expected a Correlates of War number)'));
    const name = cellOf(columns.countryName).trim();
    if (name === '' || name.length > 200) take(columns.countryName, bad(name === '' ? 'missing' : 'longer than 200 characters'));
    const year = take(columns.year, readWhole(cellOf(columns.year)));
    if (year !== undefined && (year < YEARS.min || year > YEARS.max))
      take(columns.year, bad(`outside ${YEARS.min}-${YEARS.max}`));
    const outcome = take(columns.outcome, readFlag(cellOf(columns.outcome), 0 as const));
    let outcomeObserved = true;
    for (const c of columns.outcomeWindow) if (take(c, readFlag(cellOf(c), null)) === null) outcomeObserved = false;
    const onset = take(columns.onset, readFlag(cellOf(columns.onset), null));
    const predictors = new Float64Array(p);
    let complete = true;
    columns.predictors.forEach((c, j) => {
      // A predictor that is also the year column (EWP's `year`) was read, and reported, above.
      const v = c === columns.year ? year : take(c, readPredictor(cellOf(c)));
      predictors[j] = v ?? Number.NaN;
      if (!(v !== undefined && Number.isFinite(v))) complete = false;
    });
    if (problems.length > before || !country || year === undefined || outcome === undefined || onset === undefined) continue;
    const key = `${code}:${year}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        line,
        column: columns.year,
        value: String(year),
        reason: `duplicate country-year (${code}, ${year}) of line ${first}`,
      });
      continue;
    }
    seen.set(key, line);
    rows.push({
      line,
      countryCode: code!,
      iso3: country.iso3,
      countryName: name,
      year,
      outcome,
      outcomeObserved,
      onset,
      predictors,
      complete,
    });
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 1, column: null, value: null, reason: 'no data rows' });
  if (problems.length > 0) fail();
  return { columns, rows };
}

/** Each required column's position, or null after recording what is missing or duplicated. */
function headerIndex(
  header: readonly string[],
  columns: CountryYearColumns,
  problems: CellProblem[],
): Map<string, number> | null {
  const required = [
    columns.country,
    columns.countryName,
    columns.year,
    columns.outcome,
    ...columns.outcomeWindow,
    columns.onset,
    ...columns.predictors,
  ];
  const positions = new Map<string, number[]>();
  header.forEach((name, i) => positions.set(name.trim(), [...(positions.get(name.trim()) ?? []), i]));
  const index = new Map<string, number>();
  const before = problems.length;
  for (const name of new Set(required)) {
    const at = positions.get(name);
    if (!at) problems.push({ line: 1, column: name, value: null, reason: 'required column missing from the header' });
    else if (at.length > 1) problems.push({ line: 1, column: name, value: null, reason: `column appears ${at.length} times` });
    else index.set(name, at[0]!);
  }
  // The year may well be a predictor (EWP's is); an outcome among the predictors would leak it.
  const outcomes = new Set([columns.outcome, ...columns.outcomeWindow, columns.onset]);
  for (const name of columns.predictors.filter((c) => outcomes.has(c))) {
    problems.push({ line: 1, column: name, value: null, reason: 'an outcome column cannot also be a predictor' });
  }
  if (new Set(columns.predictors).size !== columns.predictors.length) {
    problems.push({ line: 1, column: null, value: null, reason: 'a predictor is named twice' });
  }
  return problems.length > before ? null : index;
}

/** The 1-based line each record starts on (records can span lines inside quoted fields). */
function lineNumbers(records: readonly string[][]): number[] {
  const lines: number[] = [];
  let line = 1;
  for (const record of records) {
    lines.push(line);
    line += 1;
    for (const field of record) for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) line++;
  }
  return lines;
}
