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
const DECIMAL = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

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

/** A decimal number, null when missing, or an Error naming the bad value. */
export function parseDecimal(cell: string | undefined): number | null | Error {
  if (isMissing(cell)) return null;
  const t = cell!.trim();
  return DECIMAL.test(t) ? Number(t) : new Error(`"${t}" is not a number`);
}

/** Latitude and longitude, both present and in range, or both null; an Error names the problem. */
export function parseCoordinates(
  lat: string | undefined,
  lon: string | undefined,
): { latitude: number; longitude: number } | null | Error {
  const la = parseDecimal(lat);
  const lo = parseDecimal(lon);
  if (la instanceof Error) return new Error(`latitude ${la.message}`);
  if (lo instanceof Error) return new Error(`longitude ${lo.message}`);
  if (la === null && lo === null) return null;
  if (la === null || lo === null) return new Error('only one of latitude and longitude is given');
  if (la < -90 || la > 90) return new Error(`latitude ${la} is outside -90..90`);
  if (lo < -180 || lo > 180) return new Error(`longitude ${lo} is outside -180..180`);
  return { latitude: la, longitude: lo };
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
