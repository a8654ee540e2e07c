/**
 * Minimal RFC 4180 writing: a field is quoted only when it holds a comma, a quote, CR or LF,
 * and quotes inside are doubled. This is the quoting of the shared GED sample and of ACLED exports.
 */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One CSV record with its `\n` line end. */
export const csvLine = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}\n`;
