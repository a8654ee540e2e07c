import { open } from 'node:fs/promises';
import Papa from 'papaparse';
import { TocsinError } from '../../core/errors.js';
import { missingColumns } from './speech-post.js';
import type { PostFormat } from './read-posts.js';

const PEEK_BYTES = 64 * 1024;

const isJsonObject = (line: string): boolean => {
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
};

const refuse = (where: string, why: string): never => {
  throw new TocsinError('invalid_format', `${where}: not imported: ${why}. Nothing was stored.`, { file: where });
};

/**
 * Refuses, before any write, text that cannot be a post file: empty, binary, or cut short (the
 * last line has no line end and is not a whole record: an open quote in CSV, broken JSON in JSON Lines).
 */
export function precheckPostText(where: string, head: string, tail: string, size: number, format: PostFormat): void {
  if (size === 0 || head.trim() === '') refuse(where, 'it is empty');
  if (head.includes('\u0000')) refuse(where, 'it is binary, not text (it contains NUL bytes)');
  const first = head
    .replace(/^\uFEFF/, '')
    .trimStart()
    .split('\n', 1)[0]!
    .replace(/\r$/, '');
  if (format === 'csv') {
    const missing = missingColumns(Papa.parse<string[]>(first).data[0] ?? []);
    if (missing.length > 0) refuse(where, `line 1: the header lacks the column(s) ${missing.join(', ')}`);
  } else if (!(first.length < head.length - 1 ? isJsonObject(first) : first.startsWith('{')))
    refuse(where, 'line 1: the first line is not a JSON object (JSON Lines: one post per line)');
  if (tail.endsWith('\n')) return;
  const last = tail.slice(tail.lastIndexOf('\n') + 1);
  if (format === 'jsonl') {
    try {
      JSON.parse(last);
    } catch {
      refuse(where, 'it is truncated: its last line is not a whole JSON object and has no line end');
    }
  } else if ((last.match(/"/g)?.length ?? 0) % 2 === 1) {
    refuse(where, 'it is truncated: its last line stops inside a quoted field with no line end');
  }
}

/** The same checks on a file, reading only its first and last 64 KiB; returns its size. */
export async function precheckPostFile(file: string, format: PostFormat): Promise<number> {
  const handle = await open(file, 'r').catch((e: NodeJS.ErrnoException) =>
    refuse(file, e.code === 'ENOENT' ? 'the file does not exist' : `it cannot be read (${e.code})`),
  );
  try {
    const size = (await handle.stat()).size;
    const head = Buffer.alloc(Math.min(size, PEEK_BYTES));
    await handle.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, PEEK_BYTES));
    await handle.read(tail, 0, tail.length, size - tail.length);
    precheckPostText(file, head.toString('utf8'), tail.toString('utf8'), size, format);
    return size;
  } finally {
    await handle.close();
  }
}
