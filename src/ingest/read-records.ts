import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import type { CsvDialect } from './source-format.js';
import { createLenientDecoder } from './text/lenient-decoder.js';

/** A run of parsed records. Empty lines come through as `['']`; the consumer skips them. */
export interface RecordBatch {
  records: string[][];
  /** Parse problems (unterminated quotes, ...) by index into `records`. */
  problems: ReadonlyMap<number, string>;
  /** The 1-based line of the file on which record `i` starts (computed on demand: only rejected rows need it). */
  lineOf(i: number): number;
}

export interface ReadSummary {
  bytes: number;
  sha256: string;
}

interface ChunkDecoder {
  decode(chunk: Uint8Array): string;
  end(): string;
}

function createDecoder(encoding: CsvDialect['encoding']): ChunkDecoder {
  if (encoding === 'utf8-cp1252') return createLenientDecoder();
  const td = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  return { decode: (c) => td.decode(c, { stream: true }), end: () => td.decode() };
}

/** Counts `\n` in `s` (native indexOf, fast on long strings). */
function countNewlines(s: string, from = 0, to = s.length): number {
  let n = 0;
  for (let i = s.indexOf('\n', from); i !== -1 && i < to; i = s.indexOf('\n', i + 1)) n++;
  return n;
}

export const isEmptyRecord = (r: readonly string[]): boolean => r.length === 1 && r[0] === '';

/** Line numbers for a batch, from its first line and the line breaks inside quoted fields. */
function lineIndex(records: readonly string[][], firstLine: number): (i: number) => number {
  const known = [firstLine];
  return (i) => {
    for (let k = known.length; k <= i; k++) {
      let embedded = 0;
      for (const field of records[k - 1]!) if (field.includes('\n')) embedded += countNewlines(field);
      known.push(known[k - 1]! + 1 + embedded);
    }
    return known[i]!;
  };
}

/**
 * Streams a delimited text file as batches of records. Parsing is papaparse's own chunk parser
 * (the one its streamers use), asked to leave the last, possibly incomplete, row for the next
 * chunk; decoding is streaming, so a character split across reads is kept whole. A final record
 * without a line end is still returned.
 */
export async function* readRecords(
  file: string,
  dialect: CsvDialect,
  onSummary?: (s: ReadSummary) => void,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<RecordBatch> {
  const decoder = createDecoder(dialect.encoding);
  const hash = createHash('sha256');
  let parser: Papa.Parser | undefined;
  let carry = '';
  let line = 1;
  let bytes = 0;

  const parse = (text: string, isLast: boolean): RecordBatch => {
    if (!parser) {
      const nl = text.indexOf('\n');
      parser = new Papa.Parser({
        delimiter: dialect.delimiter,
        // Formats without quoting (GDELT) get a quote character that cannot occur in text.
        quoteChar: dialect.quoting ? '"' : '\u0000',
        newline: nl > 0 && text[nl - 1] === '\r' ? '\r\n' : '\n',
        skipEmptyLines: false,
      });
    }
    const result = parser.parse(text, 0, !isLast) as Papa.ParseResult<string[]>;
    const consumed = isLast ? text.length : result.meta.cursor;
    carry = isLast ? '' : text.slice(consumed);
    const records = result.data;
    // A file whose first line ended in '\n' alone may still carry a stray '\r' on a later line.
    for (const r of records) {
      const last = r.length - 1;
      if (r[last]!.endsWith('\r')) r[last] = r[last]!.slice(0, -1);
    }
    const problems = new Map<number, string>();
    for (const e of result.errors) if (typeof e.row === 'number') problems.set(e.row, e.message);
    const batch = { records, problems, lineOf: lineIndex(records, line) };
    line += countNewlines(text, 0, consumed);
    return batch;
  };

  let first = true;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    bytes += buf.length;
    hash.update(buf);
    let text = carry + decoder.decode(buf);
    if (first && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    first = false;
    const batch = parse(text, false);
    if (batch.records.length > 0) yield batch;
    onBytes?.(bytes);
  }
  const rest = carry + decoder.end();
  if (rest.length > 0) {
    const batch = parse(rest.endsWith('\n') ? rest.slice(0, rest.endsWith('\r\n') ? -2 : -1) : rest, true);
    if (batch.records.length > 0) yield batch;
  }
  onSummary?.({ bytes, sha256: hash.digest('hex') });
}
