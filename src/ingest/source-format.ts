import type { EventSource, NormalisedEvent } from '../events/event.js';

/**
 * What one source format (UCDP GED CSV, ACLED CSV, GDELT export) contributes to the
 * ingestion chain: read (I/O, shared) -> parse (papaparse, shared) -> **layout + normalise (here, pure)** -> load (shared).
 *
 * A format is pure: it sees records as arrays of strings and returns data. It never touches
 * the database, the file system or the clock.
 */
export interface SourceFormat<L = unknown> {
  source: EventSource;
  /** Human name used in messages: `UCDP GED CSV`. */
  name: string;
  /**
   * Version of this normaliser. Raise it when the mapping from a source row to an event changes,
   * so re-importing an unchanged file refreshes the stored events.
   */
  version: number;
  /** How the shared reader must split the file. */
  csv: CsvDialect;
  /**
   * Looks at the first record (the header row when `csv.header`, else the first data record)
   * and returns the layout to use for every row, or a problem that refuses the whole file
   * ("this is not a UCDP GED file: missing columns type_of_violence, best").
   */
  detectLayout(firstRecord: readonly string[]): L | FormatProblem;
  /** The column names of the raw rows under this layout (the header, or the format's own names). */
  columns(layout: L): readonly string[];
  /** Normalises one data record. Must never throw for bad data: return a rejection instead. */
  normalise(record: readonly string[], layout: L, options: NormaliseOptions): RowOutcome;
}

export interface CsvDialect {
  delimiter: ',' | '\t';
  /** true when the first record is a header. */
  header: boolean;
  /** false for formats without quoting (GDELT): quotes are then ordinary characters. */
  quoting: boolean;
  /**
   * `utf8`: strict-ish UTF-8 (invalid bytes become U+FFFD).
   * `utf8-cp1252`: UTF-8 where stray invalid bytes are read as Windows-1252 (GDELT).
   */
  encoding: 'utf8' | 'utf8-cp1252';
  /**
   * Column counts a record may have (GDELT 1.0: 57 or 58; 2.0: 61). For header formats,
   * leave undefined: the header fixes the count.
   */
  allowedWidths?: readonly number[];
}

export interface FormatProblem {
  problem: string;
}

export const isFormatProblem = (x: unknown): x is FormatProblem =>
  typeof x === 'object' && x !== null && 'problem' in x && typeof (x as FormatProblem).problem === 'string';

export interface NormaliseOptions {
  /** GDELT only: keep only these CAMEO root codes (`['14','18','19','20']`); undefined keeps all. */
  cameoRoots?: readonly string[] | undefined;
}

/**
 * The result for one record:
 * - `event`: stored (inserted, or replacing the row with the same source id when it changed);
 * - `rejected`: quarantined with the column and reason, reported at the end of the import;
 * - `skipped`: left out on purpose by an option (e.g. `--cameo-roots`), counted but not quarantined.
 */
export type RowOutcome =
  | { kind: 'event'; event: NormalisedEvent }
  | { kind: 'rejected'; column: string | null; reason: string }
  | { kind: 'skipped'; reason: string };

export const rejected = (column: string | null, reason: string): RowOutcome => ({ kind: 'rejected', column, reason });
