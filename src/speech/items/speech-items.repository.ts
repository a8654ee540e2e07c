import { TocsinError } from '../../core/errors.js';
import type { Queryable } from '../../db/database.js';
import type { SpeechPost } from './speech-post.js';

/** A post as stored: the author only as its keyed hash. */
export type StoredPost = Omit<SpeechPost, 'author'> & { authorHash: string | null };

export interface SpeechItem {
  id: number;
  platform: string;
  sourceId: string;
  text: string;
  language: string | null;
  postedAt: string | null;
  url: string | null;
  country: string | null;
  authorHash: string | null;
  importBatchId: number | null;
  importedAt: string;
}

/**
 * Stores posts of one import batch (in the caller's transaction): new (platform, source id) pairs
 * are inserted, a post seen before is replaced only when something in it changed.
 */
export async function upsertSpeechItems(
  db: Queryable,
  batchId: number | null,
  posts: readonly StoredPost[],
): Promise<{ inserted: number; updated: number; unchanged: number }> {
  if (posts.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const rows = await db.query<{ inserted: boolean }>(
    `INSERT INTO speech_items AS s (platform, source_id, text, language, posted_at, url, country_iso3, author_hash, import_batch_id)
     SELECT platform, source_id, text, language, posted_at, url, country_iso3, author_hash, $1
     FROM json_to_recordset($2::json) AS r(platform text, source_id text, text text, language text, posted_at timestamptz,
       url text, country_iso3 text, author_hash text)
     ON CONFLICT (platform, source_id) DO UPDATE SET text = EXCLUDED.text, language = EXCLUDED.language,
       posted_at = EXCLUDED.posted_at, url = EXCLUDED.url, country_iso3 = EXCLUDED.country_iso3,
       author_hash = EXCLUDED.author_hash, import_batch_id = EXCLUDED.import_batch_id, imported_at = now()
     WHERE (s.text, s.language, s.posted_at, s.url, s.country_iso3, s.author_hash)
       IS DISTINCT FROM (EXCLUDED.text, EXCLUDED.language, EXCLUDED.posted_at, EXCLUDED.url, EXCLUDED.country_iso3, EXCLUDED.author_hash)
     RETURNING (xmax = 0) AS inserted`,
    [
      batchId,
      JSON.stringify(
        posts.map((p) => ({
          platform: p.platform,
          source_id: p.sourceId,
          text: p.text,
          language: p.language,
          posted_at: p.postedAt,
          url: p.url,
          country_iso3: p.country,
          author_hash: p.authorHash,
        })),
      ),
    ],
  );
  const inserted = rows.filter((r) => r.inserted).length;
  return { inserted, updated: rows.length - inserted, unchanged: posts.length - rows.length };
}

interface ItemRow {
  id: number;
  platform: string;
  source_id: string;
  text: string;
  language: string | null;
  posted_at: Date | string | null;
  url: string | null;
  country_iso3: string | null;
  author_hash: string | null;
  import_batch_id: number | null;
  imported_at: Date | string;
}

const iso = (t: Date | string): string => new Date(t).toISOString();

export const ITEM_COLUMNS =
  'i.id, i.platform, i.source_id, i.text, i.language, i.posted_at, i.url, i.country_iso3, i.author_hash, i.import_batch_id, i.imported_at';

export const toSpeechItem = (r: ItemRow): SpeechItem => ({
  id: r.id,
  platform: r.platform,
  sourceId: r.source_id,
  text: r.text,
  language: r.language,
  postedAt: r.posted_at === null ? null : iso(r.posted_at),
  url: r.url,
  country: r.country_iso3,
  authorHash: r.author_hash,
  importBatchId: r.import_batch_id,
  importedAt: iso(r.imported_at),
});

/** One stored item; not_found when there is none. */
export async function getSpeechItem(db: Queryable, id: number): Promise<SpeechItem> {
  const [row] = await db.query<ItemRow>(`SELECT ${ITEM_COLUMNS} FROM speech_items i WHERE i.id = $1`, [id]);
  if (!row) throw new TocsinError('not_found', `no speech item ${id}`);
  return toSpeechItem(row);
}
