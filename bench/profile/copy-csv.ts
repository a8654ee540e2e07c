import { EVENT_ROW_COLUMNS } from '../../src/events/event-row.js';

const quote = (s: string): string => `"${s.replaceAll('"', '""')}"`;
const arrayLiteral = (xs: readonly string[]): string =>
  `{${xs.map((x) => `"${x.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;

function field(v: unknown, type: string): string {
  if (v === null || v === undefined) return '';
  if (type === 'jsonb' || type === 'json') return quote(JSON.stringify(v));
  if (typeof v === 'boolean') return v ? 't' : 'f';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return quote(v);
  if (Array.isArray(v)) return quote(arrayLiteral(v as string[]));
  return quote(JSON.stringify(v));
}

/** The columns COPY writes: the row columns, then the two batch ids. */
export const COPY_COLUMNS = [...EVENT_ROW_COLUMNS.map(([c]) => c), 'first_batch_id', 'import_batch_id'].join(', ');

/** One `toEventRowJson` row as a PostgreSQL CSV line for COPY (NULL unquoted, '' quoted). */
export function rowJsonToCsv(json: string, batchId: number): string {
  const o = JSON.parse(json) as Record<string, unknown>;
  return `${EVENT_ROW_COLUMNS.map(([c, t]) => field(o[c], t)).join(',')},${batchId},${batchId}\n`;
}
