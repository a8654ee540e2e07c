import type { IsoDate } from '../../core/brand.js';
import type { Db } from '../../db/database.js';
import { daysBetween } from './daily-series.js';

export const DAYS = daysBetween('2026-01-01' as IsoDate, '2026-02-04' as IsoDate);
export const SURGE_DAY = '2026-01-29';
const QUIET = [2, 3, 2, 4, 3, 2, 3];

export interface Post {
  sourceId: string;
  postedAt: string;
  label: 'hatespeech' | 'offensive' | 'normal';
  targets: string[];
}

/**
 * A constructed stream in CAF (no real post text): every day a quiet number of hateful posts against
 * refugees, one against women, and two normal posts; on the surge day 20 against refugees. Some
 * are posted in the last second of the UTC day, to hold the day boundary.
 */
export function stream(): Post[] {
  const posts: Post[] = [];
  DAYS.forEach((day, i) => {
    const refugee = day === SURGE_DAY ? 20 : QUIET[i % 7]!;
    for (let k = 0; k < refugee; k++)
      posts.push({
        sourceId: `${day}-r${k}`,
        postedAt: `${day}T${k === 0 ? '23:59:59' : '10:00:00'}Z`,
        label: 'hatespeech',
        targets: ['Refugee'],
      });
    posts.push({ sourceId: `${day}-w`, postedAt: `${day}T00:00:00Z`, label: 'hatespeech', targets: ['Women'] });
    for (let k = 0; k < 2; k++)
      posts.push({ sourceId: `${day}-n${k}`, postedAt: `${day}T12:00:00Z`, label: 'normal', targets: [] });
  });
  return posts;
}

/** Stores the posts in CAF with their scores under a new model (the newest); returns its id. */
export async function storeScored(db: Db, posts: readonly Post[]): Promise<number> {
  const [model] = await db.query<{ id: number }>(
    `INSERT INTO speech_models (name, kind, file, file_sha256, data_sha256, settings, code_version)
     VALUES ('surge-test', 'constructed', 'models/none', 'x', 'x', '{}', 'test') RETURNING id`,
  );
  await db.query(
    `INSERT INTO speech_items (platform, source_id, text, posted_at, country_iso3)
     SELECT 'test', p."sourceId", 'constructed post', p."postedAt", 'CAF' FROM json_to_recordset($1::json) AS p("sourceId" text, "postedAt" timestamptz)
     ON CONFLICT (platform, source_id) DO NOTHING`,
    [JSON.stringify(posts)],
  );
  await db.query(
    `INSERT INTO speech_scores (item_id, model_id, label, p_hate, p_offensive, p_normal, targets)
     SELECT i.id, $2, p.label, CASE WHEN p.label = 'hatespeech' THEN 0.9 ELSE 0.05 END, 0.05,
            CASE WHEN p.label = 'hatespeech' THEN 0.05 ELSE 0.9 END, p.targets
     FROM json_to_recordset($1::json) AS p("sourceId" text, label text, targets text[])
     JOIN speech_items i ON i.platform = 'test' AND i.source_id = p."sourceId"`,
    [JSON.stringify(posts.map((p) => ({ ...p, targets: `{${p.targets.join(',')}}` }))), model!.id],
  );
  return model!.id;
}
