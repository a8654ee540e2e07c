import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { TocsinError } from '../../core/errors.js';
import type { Db } from '../../db/database.js';
import {
  finishImportBatch,
  insertRejections,
  startImportBatch,
  updateBatchCounts,
  type BatchCounts,
  type Rejection,
} from '../../ingest/import-batches.repository.js';
import type { ReadSummary } from '../../ingest/read-records.js';
import { hashAuthor } from './author-hash.js';
import { precheckPostFile, precheckPostText } from './precheck-posts.js';
import { readCsvPosts, readJsonLinePosts, type PostFormat, type PostRecord } from './read-posts.js';
import { POST_COLUMNS, readPost } from './speech-post.js';
import { upsertSpeechItems, type StoredPost } from './speech-items.repository.js';

export interface SpeechImportRequest {
  /** A file on disk (CSV or JSON Lines), or JSON Lines text received over the API. */
  input: { file: string } | { text: string; name: string };
  format: PostFormat;
  /** The instance's author key (readOrCreateAuthorKey). */
  authorKey: Buffer;
  userId?: number | null;
  /** Posts per transaction (default 2,000). */
  batchSize?: number;
}

export interface SpeechImportReport extends BatchCounts {
  batchId: number;
  format: PostFormat;
  name: string;
  /** The first rejections (at most 100), each with its line and reason; all are in the quarantine. */
  rejections: Omit<Rejection, 'record'>[];
}

const MAX_RECORD_TEXT = 4_000;

const refuseCsvText = (): never => {
  throw new TocsinError('invalid_input', 'posts sent as text must be JSON Lines; import CSV from a file', { field: 'format' });
};
const REPORTED_REJECTIONS = 100;

/**
 * Imports posts, streamed: precheck (refuses an empty, binary or truncated input before any write)
 * -> read -> readPost (pure) -> author handle replaced by its keyed hash -> one transaction per
 * batch. Bad rows are quarantined with line, column and reason (their author withheld); importing
 * the same posts twice changes nothing.
 */
export async function importSpeechItems(db: Db, req: SpeechImportRequest): Promise<SpeechImportReport> {
  const { input, format } = req;
  const batchSize = req.batchSize ?? 2_000;
  const name = 'file' in input ? input.file : input.name;
  const size = 'file' in input ? await precheckPostFile(input.file, format) : Buffer.byteLength(input.text);
  if ('text' in input) precheckPostText(name, input.text.slice(0, 65_536), input.text.slice(-65_536), input.text.length, format);

  let summary: ReadSummary | undefined;
  const records =
    'file' in input
      ? format === 'csv'
        ? readCsvPosts(input.file, (s) => (summary = s))
        : readJsonLinePosts(createReadStream(input.file))
      : format === 'jsonl'
        ? readJsonLinePosts(Readable.from([input.text]))
        : refuseCsvText();

  const batchId = await startImportBatch(db, {
    source: 'speech',
    format: `speech-${format}`,
    version: 1,
    fileName: basename(name),
    columns: POST_COLUMNS,
    options: {},
    userId: req.userId ?? null,
  });
  const counts: BatchCounts = { rowsRead: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, skipped: 0 };
  const reported: SpeechImportReport['rejections'] = [];
  let pending = new Map<string, StoredPost>();
  let rejections: Rejection[] = [];

  const flush = async () => {
    const posts = [...pending.values()];
    const rej = rejections;
    pending = new Map();
    rejections = [];
    await db.transaction(async (tx) => {
      const c = await upsertSpeechItems(tx, batchId, posts);
      counts.inserted += c.inserted;
      counts.updated += c.updated;
      counts.unchanged += c.unchanged;
      await insertRejections(tx, batchId, rej);
      await updateBatchCounts(tx, batchId, counts);
    });
  };
  const reject = (r: PostRecord, column: string | null, reason: string) => {
    counts.rejected++;
    const record = r.record.length > MAX_RECORD_TEXT ? `${r.record.slice(0, MAX_RECORD_TEXT)}…` : r.record;
    rejections.push({ line: r.line, column, reason, record });
    if (reported.length < REPORTED_REJECTIONS) reported.push({ line: r.line, column, reason });
  };

  try {
    for await (const r of records) {
      if ('problem' in r) {
        counts.rowsRead++;
        reject(r, null, r.problem);
      } else {
        counts.rowsRead++;
        const outcome = readPost(r.fields);
        if (outcome.kind === 'rejected') reject(r, outcome.column, outcome.reason);
        else {
          const { author, ...post } = outcome.post;
          const key = `${post.platform}\u0000${post.sourceId}`;
          if (pending.has(key)) await flush(); // the same post twice in a file: the later row wins
          pending.set(key, { ...post, authorHash: author === null ? null : hashAuthor(author, req.authorKey) });
        }
      }
      if (pending.size >= batchSize || rejections.length >= batchSize) await flush();
    }
    await flush();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    await finishImportBatch(db, batchId, { status: 'failed', message, sha256: null, bytes: null }).catch(() => undefined);
    throw e;
  }
  await finishImportBatch(db, batchId, {
    status: 'completed',
    message: null,
    sha256: summary?.sha256 ?? null,
    bytes: summary?.bytes ?? size,
  });
  return { batchId, format, name, ...counts, rejections: reported };
}
