import type { FormatName } from '../../../src/ingest/formats.js';
import type { ImportBatch } from './api.js';

/** The sources an event file can come from, in the order the page lists them. */
export const IMPORT_SOURCES = ['ucdp', 'acled', 'gdelt'] as const satisfies readonly FormatName[];
export type ImportSource = (typeof IMPORT_SOURCES)[number];

export interface SourceStatus {
  source: ImportSource;
  /** The newest import of this source, whatever its outcome. */
  latest: ImportBatch | null;
  /** The newest import that completed: when the source's data was last refreshed. */
  lastCompleted: ImportBatch | null;
  imports: number;
}

/** Per source, from the import history (newest first or not): its latest import and its last good one. */
export function sourceStatuses(batches: readonly ImportBatch[]): SourceStatus[] {
  const newestFirst = [...batches].sort((a, b) => b.id - a.id);
  return IMPORT_SOURCES.map((source) => {
    const mine = newestFirst.filter((b) => b.source === source);
    return {
      source,
      latest: mine[0] ?? null,
      lastCompleted: mine.find((b) => b.status === 'completed') ?? null,
      imports: mine.length,
    };
  });
}
