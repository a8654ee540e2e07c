import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import type { CsvDialect } from './source-format.js';
import { createLenientDecoder } from './text/lenient-decoder.js';

/** One parsed record with the 1-based line of the file it starts on. */
export interface RecordBatch {
  records: string[][];
  lines: number[];
  /** Parse problems of this chunk, by index into `records`. */
  problems: Map<number, string>;
}

export interface ReadSummary {
  bytes: number;
  sha256: string;
}

/** Text decoder with the streaming shape both our decoders share. */
interface ChunkDecoder {
  decode(chunk: Uint8Array): string;
  end(): string;
}

function createDecoder(encoding: CsvDialect['encoding']): ChunkDecoder {
  if (encoding === 'utf8-cp1252') return createLenientDecoder();
  const td = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });
  return { decode: (c) => td.decode(c, { stream: true }), end: () => td.decode() };
}

/**
 * Index just past the last record boundary in `text`: the last `\n` that is outside quotes.
 * Quote parity is counted from the start of `text`, which always begins at a record boundary.
 */
function lastRecordBoundary(text: string, quoting: boolean): number {
  if (!quoting) return text.lastIndexOf('\n') + 1;
  let inQuotes = false;
  let boundary = 0;
  let i = 0;
  for (;;) {
    const q = text.indexOf('"', i);
    const n = text.indexOf('\n', i);
    if (n === -1) return boundary;
    if (q !== -1 && q < n) {
      inQuotes = !inQuotes;
      i = q + 1;
    } else {
      if (!inQuotes) boundary = n + 1;
      i = n + 1;
    }
  }
}

/**
 * Streams a delimited text file as batches of records, tracking the line each record starts on.
 * Parsing is papaparse's synchronous parser run on record-aligned chunks (its fastest path);
 * decoding is streaming, so a multi-byte character split across reads is kept whole.
 * Empty lines are skipped. A final record without a newline is still returned.
 */
export async function* readRecords(
  file: string,
  dialect: CsvDialect,
  onSummary?: (s: ReadSummary) => void,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<RecordBatch> {
  const decoder = createDecoder(dialect.encoding);
  const hash = createHash('sha256');
  let carry = '';
  let line = 1;
  let bytes = 0;
  let first = true;
  // Line ends are detected on the first chunk: CRLF files (ACLED exports) are parsed with '\r\n'
  // so a quoted last field is not followed by a stray '\r'.
  let newline: '\n' | '\r\n' = '\n';
  const config = () => ({
    delimiter: dialect.delimiter,
    quoteChar: dialect.quoting ? '"' : '\u0000',
    newline,
    skipEmptyLines: false,
  });
  const withoutFinalNewline = (t: string): string =>
    t.endsWith('\r\n') ? t.slice(0, -2) : t.endsWith('\n') ? t.slice(0, -1) : t;

  const parseText = (text: string): RecordBatch => {
    const result = Papa.parse<string[]>(text, config());
    const problems = new Map<number, string>();
    for (const err of result.errors) {
      if (err.row !== undefined && err.row !== null) problems.set(err.row, err.message);
    }
    const records: string[][] = [];
    const lines: number[] = [];
    const keptProblems = new Map<number, string>();
    result.data.forEach((rec, idx) => {
      const start = line;
      for (const field of rec) if (field.includes('\n')) line += field.split('\n').length - 1;
      line += 1;
      const last = rec.length - 1;
      // A stray '\r' before '\n' in a file whose first line ended in '\n' alone.
      if (last >= 0 && rec[last]!.endsWith('\r')) rec[last] = rec[last]!.slice(0, -1);
      if (rec.length === 1 && rec[0] === '') return; // empty line
      const problem = problems.get(idx);
      if (problem !== undefined) keptProblems.set(records.length, problem);
      records.push(rec);
      lines.push(start);
    });
    return { records, lines, problems: keptProblems };
  };

  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const buf = chunk as Buffer;
    bytes += buf.length;
    hash.update(buf);
    let text = carry + decoder.decode(buf);
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const nl = text.indexOf('\n');
      if (nl > 0 && text[nl - 1] === '\r') newline = '\r\n';
      first = false;
    }
    const cut = lastRecordBoundary(text, dialect.quoting);
    carry = text.slice(cut);
    // Drop the final newline so papaparse does not emit an empty trailing record.
    if (cut > 0) yield parseText(withoutFinalNewline(text.slice(0, cut)));
    onBytes?.(bytes);
  }
  const rest = carry + decoder.end();
  if (rest.length > 0) yield parseText(withoutFinalNewline(rest));
  onSummary?.({ bytes, sha256: hash.digest('hex') });
}
