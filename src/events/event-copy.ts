import type { IsoDate, Iso3 } from '../core/brand.js';
import { noteChange, type ChangedSince } from './changed-since.js';
import type { NormalisedEvent } from './event.js';
import { EVENT_ROW_COLUMNS } from './event-row.js';

/**
 * Events as lines of PostgreSQL's COPY text format, for loading events new to the store without
 * the upsert's JSON unpacking and conflict handling (2.4x the upsert on PGlite, docs/benchmarks.md).
 * The values are exactly those `toEventRowJson` sends through `json_to_recordset`: a later upsert of
 * the same row finds it unchanged.
 */

/** The columns of a COPY line: the row columns of `EVENT_ROW_COLUMNS`, then the two batch ids. */
export const EVENT_COPY_COLUMNS: readonly string[] = [...EVENT_ROW_COLUMNS.map(([c]) => c), 'first_batch_id', 'import_batch_id'];

const NULL = '\\N';
const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A value in COPY's text format: backslash, tab, newline and carriage return escaped. */
const text = (s: string): string => (NEEDS_ESCAPE.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : s);

const nullableText = (s: string | null): string => (s === null ? NULL : text(s));

/** As JSON does: a number that is not finite is null. */
const num = (n: number | null): string => (n === null || !Number.isFinite(n) ? NULL : String(n));

const bool = (b: boolean | null | undefined): string => (b === null || b === undefined ? NULL : b ? 't' : 'f');

/** A text[] literal: every element quoted, with its backslashes and double quotes escaped. */
const textArray = (xs: readonly string[]): string => `{${xs.map((x) => `"${x.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/** One event as a COPY text line (with its newline), in the order of `EVENT_COPY_COLUMNS`. */
export function toEventCopyLine(e: NormalisedEvent, normaliserVersion: number, batchId: number): string {
  return `${[
    text(e.source),
    text(e.sourceId),
    e.dateStart,
    e.dateEnd,
    e.datePrecision,
    nullableText(e.countryIso3),
    nullableText(e.admin1),
    nullableText(e.admin2),
    nullableText(e.location),
    num(e.latitude),
    num(e.longitude),
    e.locationPrecision,
    e.category,
    text(e.sourceCategory),
    e.perpetrator ? text(e.perpetrator.name) : NULL,
    bool(e.perpetrator?.isCivilian),
    bool(e.perpetrator?.isState),
    e.target ? text(e.target.name) : NULL,
    bool(e.target?.isCivilian),
    bool(e.target?.isState),
    num(e.fatalitiesBest),
    num(e.fatalitiesLow),
    num(e.fatalitiesHigh),
    nullableText(e.description),
    text(textArray(e.citations)),
    num(e.goldsteinScale),
    num(e.avgTone),
    num(e.numMentions),
    num(e.numSources),
    num(e.numArticles),
    text(JSON.stringify(e.raw)),
    normaliserVersion,
    batchId,
    batchId,
  ].join('\t')}\n`;
}

/**
 * A batch of events ready to load: their COPY lines, and for the surveillance step the earliest
 * start date of each country among them. Plain data (no class, no function), so a batch can be
 * built in the import's worker thread and posted to the thread that writes it.
 */
export interface EventCopyBatch {
  readonly lines: string;
  readonly count: number;
  /** [country, earliest start date], one entry per country. */
  readonly earliestByCountry: ReadonlyArray<readonly [Iso3, IsoDate]>;
}

/** Builds the COPY lines of `events` (no two may share a source id) and their countries' earliest dates. */
export function toEventCopyBatch(events: readonly NormalisedEvent[], normaliserVersion: number, batchId: number): EventCopyBatch {
  let lines = '';
  const earliest: ChangedSince = new Map();
  for (const e of events) {
    lines += toEventCopyLine(e, normaliserVersion, batchId);
    if (e.countryIso3 !== null) noteChange(earliest, e.countryIso3, e.dateStart);
  }
  return { lines, count: events.length, earliestByCountry: [...earliest] };
}
