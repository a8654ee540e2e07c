/** Small pure readers of text cells shared by the source formats. */

/** Empty, whitespace and the literal `NA` are missing values. */
export const isMissing = (cell: string | undefined): boolean => {
  if (cell === undefined) return true;
  const t = cell.trim();
  return t === '' || t === 'NA';
};

/** The trimmed text, or null when missing. */
export const textOrNull = (cell: string | undefined): string | null => (isMissing(cell) ? null : cell!.trim());

const INTEGER = /^-?\d+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** A whole number, null when missing, or an Error naming the bad value. */
export function parseInteger(cell: string | undefined): number | null | Error {
  if (isMissing(cell)) return null;
  const t = cell!.trim();
  // GED files written by some tools carry integers as `20.0`.
  const s = t.endsWith('.0') ? t.slice(0, -2) : t;
  if (!INTEGER.test(s)) return new Error(`"${t}" is not a whole number`);
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : new Error(`"${t}" is out of range`);
}

/** One cell read from a source row, or the column and reason the row is rejected for. */
export type FieldResult<T> = { ok: true; value: T } | { ok: false; column: string | null; reason: string };

export const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
export const fail = <T>(column: string | null, reason: string): FieldResult<T> => ({ ok: false, column, reason });

const blank = (cell: string | null | undefined): cell is null | undefined | '' =>
  cell === null || cell === undefined || cell.trim() === '';

/** A decimal within [-limit, limit]; an empty cell is null. */
export function readDecimal(column: string, cell: string | null | undefined, limit: number): FieldResult<number | null> {
  if (blank(cell)) return ok(null);
  const t = cell.trim();
  const value = Number(t);
  if (!DECIMAL.test(t) || !Number.isFinite(value)) return fail(column, `${column} is not a number: ${JSON.stringify(t)}`);
  if (Math.abs(value) > limit) return fail(column, `${column} ${t} is out of range (-${limit} to ${limit})`);
  return ok(value);
}

/** A non-negative whole number (a count of deaths, mentions, sources); an empty cell is null. */
export function readCount(column: string, cell: string | null | undefined): FieldResult<number | null> {
  if (blank(cell)) return ok(null);
  const t = cell.trim();
  const value = Number(t);
  if (!/^\d+$/.test(t) || !Number.isSafeInteger(value)) {
    return fail(column, `${column} must be a non-negative integer, got ${JSON.stringify(t)}`);
  }
  return ok(value);
}

/** Latitude and longitude: both present and in range, or both missing (null). */
export function readCoordinates(
  latitude: string | null | undefined,
  longitude: string | null | undefined,
  columns: { latitude: string; longitude: string } = { latitude: 'latitude', longitude: 'longitude' },
): FieldResult<{ latitude: number | null; longitude: number | null }> {
  if (blank(latitude) && blank(longitude)) return ok({ latitude: null, longitude: null });
  if (blank(latitude) || blank(longitude)) {
    const [missing, given] = blank(latitude) ? [columns.latitude, columns.longitude] : [columns.longitude, columns.latitude];
    return fail(missing, `${missing} is missing while ${given} is given`);
  }
  const lat = readDecimal(columns.latitude, latitude, 90);
  if (!lat.ok) return lat;
  const lon = readDecimal(columns.longitude, longitude, 180);
  if (!lon.ok) return lon;
  return ok({ latitude: lat.value, longitude: lon.value });
}

/** Splits a list of citations on `;`, trimmed, empties dropped. */
export const splitCitations = (cell: string | undefined): string[] =>
  isMissing(cell)
    ? []
    : cell!
        .split(';')
        .map((s) => s.trim())
        .filter((s) => s.length > 0);

/** Maps header names (trimmed, lower-cased, BOM stripped) to their column index. */
export function indexHeader(header: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  header.forEach((h, i) => {
    const k = h
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase();
    if (!m.has(k)) m.set(k, i);
  });
  return m;
}
