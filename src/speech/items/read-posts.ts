import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { isEmptyRecord, readRecords, type ReadSummary } from '../../ingest/read-records.js';
import type { CsvDialect } from '../../ingest/source-format.js';
import { missingColumns } from './speech-post.js';

/** One record of a post file: its cells by column name, or why it cannot be read; `record` is kept for the quarantine. */
export type PostRecord =
  { line: number; fields: Record<string, unknown>; record: string } | { line: number; problem: string; record: string };

export type PostFormat = 'csv' | 'jsonl';

export const POST_CSV: CsvDialect = { delimiter: ',', header: true, quoting: true, encoding: 'utf8' };

const WITHHELD = '[author withheld]';
const AUTHOR_IN_JSON = /("author"\s*:\s*)("(?:[^"\\]|\\.)*"|[^,}\s]+)/gi;

/** The record as quarantined: the author handle is never stored, not even in a rejected row. */
export const withoutAuthorJson = (line: string): string => line.replace(AUTHOR_IN_JSON, `$1"${WITHHELD}"`);

/** Records of a CSV post file with a header row (streamed); a header without id, text or platform is a problem on line 1. */
export async function* readCsvPosts(file: string, onSummary?: (s: ReadSummary) => void): AsyncGenerator<PostRecord> {
  let header: string[] | undefined;
  let authorAt = -1;
  for await (const batch of readRecords(file, POST_CSV, onSummary)) {
    for (let i = 0; i < batch.records.length; i++) {
      const cells = batch.records[i]!;
      if (isEmptyRecord(cells)) continue;
      const line = batch.lineOf(i);
      if (!header) {
        header = cells.map((h) => h.trim().toLowerCase());
        authorAt = header.indexOf('author');
        const missing = missingColumns(header);
        if (missing.length > 0) {
          yield { line, problem: `the header lacks the column(s) ${missing.join(', ')}`, record: cells.join(',') };
          return;
        }
        continue;
      }
      const record = cells.map((c, k) => (k === authorAt ? WITHHELD : c)).join(',');
      const parseProblem = batch.problems.get(i);
      if (parseProblem !== undefined) yield { line, problem: `malformed CSV: ${parseProblem}`, record };
      else if (cells.length !== header.length)
        yield { line, problem: `expected ${header.length} columns, found ${cells.length}`, record };
      else yield { line, fields: Object.fromEntries(header.map((h, k) => [h, cells[k]])), record };
    }
  }
}

/** Records of a JSON Lines stream: one JSON object per line; blank lines are skipped. */
export async function* readJsonLinePosts(input: Readable): AsyncGenerator<PostRecord> {
  let line = 0;
  for await (const raw of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
    if (text.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (e) {
      yield { line, problem: `not JSON (${e instanceof Error ? e.message : String(e)})`, record: withoutAuthorJson(text) };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { line, problem: 'not a JSON object', record: withoutAuthorJson(text) };
      continue;
    }
    const fields = Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), v]));
    const record = JSON.stringify('author' in fields ? { ...fields, author: WITHHELD } : fields);
    yield { line, fields, record };
  }
}
