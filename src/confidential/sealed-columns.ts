import { TocsinError } from '../core/errors.js';

/** A column of sealed envelopes (jsonb), and the place each row's envelope is bound to. */
export interface Resealer {
  table: string;
  idColumn: string;
  column: string;
  aad(row: { id: number }): string;
}

/** Every sealed column of Tocsin: rotation re-seals them all. A new sealed column is registered here. */
export const SEALED_COLUMNS: readonly Resealer[] = [
  { table: 'reports', idColumn: 'id', column: 'confidential_sealed', aad: (r) => `report:${r.id}:confidential` },
  { table: 'report_sources', idColumn: 'id', column: 'identity_sealed', aad: (r) => `report-source:${r.id}:identity` },
];

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A registered name as a quoted SQL identifier (they are interpolated, so only plain names pass). */
export function sqlName(name: string): string {
  if (!IDENTIFIER.test(name)) throw new TocsinError('invalid_input', `not a plain SQL name: "${name}"`, { field: 'resealer' });
  return `"${name}"`;
}
