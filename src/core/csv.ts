/**
 * Minimal RFC 4180 writing: a field is quoted only when it holds a comma, a quote, CR or LF,
 * and quotes inside are doubled. This is the quoting of the shared GED sample and of ACLED exports.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV record with its `\n` line end. */
export const csvLine = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\n`;

/**
 * A cell for a spreadsheet. Text beginning with =, +, -, @, a tab or a carriage return is read as a
 * formula by spreadsheet programs (CSV injection, OWASP), so it is written with a leading apostrophe;
 * numbers are written as they are. Line breaks become one space so that each record is one line.
 */
export function safeCsvCell(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  const s = String(v).replace(/\s*[\r\n]+\s*/g, ' ');
  return csvField(typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
}
