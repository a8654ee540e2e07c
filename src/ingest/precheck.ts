import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { TocsinError } from '../core/errors.js';
import { isEmptyRecord, readRecords } from './read-records.js';
import { isFormatProblem, type SourceFormat } from './source-format.js';

/** What the whole-file checks learn before anything is written. */
export interface Precheck<L> {
  layout: L;
  /** Widths a data record may have: the header's width, or the format's allowed widths. */
  widths: readonly number[];
  /** The file's size in bytes. */
  size: number;
}

const TAIL_BYTES = 64 * 1024;

const refuse = (format: SourceFormat, file: string, why: string, details: Record<string, unknown> = {}): never => {
  throw new TocsinError('invalid_format', `${file}: not imported as ${format.name}: ${why}. Nothing was stored.`, {
    file,
    format: format.name,
    ...details,
  });
};

/**
 * Refuses, before any write, a file that is not of the stated format (header or first record
 * rejected by the format, binary content) or that is truncated (its last line stops mid-record),
 * so that a refused file leaves the store exactly as it was.
 */
export async function precheckFile<L>(file: string, format: SourceFormat<L>): Promise<Precheck<L>> {
  const handle = await open(file, 'r').catch((e: NodeJS.ErrnoException) =>
    refuse(format, file, e.code === 'ENOENT' ? 'the file does not exist' : `it cannot be read (${e.code})`),
  );
  let size: number;
  let head: Buffer;
  let tail: Buffer;
  try {
    size = (await handle.stat()).size;
    head = Buffer.alloc(Math.min(size, TAIL_BYTES));
    await handle.read(head, 0, head.length, 0);
    tail = Buffer.alloc(Math.min(size, TAIL_BYTES));
    await handle.read(tail, 0, tail.length, size - tail.length);
  } finally {
    await handle.close();
  }
  if (size === 0) refuse(format, file, 'the file is empty');
  if (head.includes(0)) refuse(format, file, 'it is binary, not text (it contains NUL bytes)');

  let first: string[] | undefined;
  for await (const batch of readRecords(file, format.csv)) {
    first = batch.records.find((r) => !isEmptyRecord(r));
    if (first) break;
  }
  if (!first) return refuse(format, file, 'it holds no records');
  const layout = format.detectLayout(first);
  if (isFormatProblem(layout)) return refuse(format, file, layout.problem, { line: 1 });
  const widths = format.csv.header ? [first.length] : (format.csv.allowedWidths ?? []);

  // A file cut short ends without a line end, in the middle of its last record.
  const last = tail.toString('utf8');
  if (!last.endsWith('\n')) {
    const lastLine = last.slice(last.lastIndexOf('\n') + 1);
    const parsed = Papa.parse<string[]>(lastLine, {
      delimiter: format.csv.delimiter,
      quoteChar: format.csv.quoting ? '"' : '\u0000',
    });
    const width = parsed.data[0]?.length ?? 0;
    const unterminated = parsed.errors.some((e) => e.code === 'MissingQuotes');
    if (unterminated || (widths.length > 0 && !widths.includes(width))) {
      refuse(
        format,
        file,
        `the file is truncated: its last line stops mid-record (${unterminated ? 'inside a quoted field' : `${width} of ${widths.join(' or ')} columns`}) with no line end`,
        {
          lastLine: lastLine.slice(0, 200),
        },
      );
    }
  }
  return { layout, widths, size };
}
