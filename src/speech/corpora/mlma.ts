import { join } from 'node:path';
import { csvRecords } from './csv-records.js';
import type { LabelledPost, SpeechLabel } from './labels.js';
import { badRow, readCorpusFile, sha256Hex } from './read-file.js';

/**
 * Reader of MLMA (Ousidhoum et al., EMNLP 2019): `mlma/<language>_dataset.csv` with columns
 * HITId, tweet, sentiment, directness, annotator_sentiment, target, group. No official split: every
 * post that maps to one of our labels is returned.
 *
 * `sentiment` holds the hostility types the annotators agreed on, joined by `_`. Mapping to ours:
 * - exactly `normal` → normal;
 * - `normal` together with a hostile type (e.g. `abusive_normal`) → excluded: the annotators split
 *   between harmless and hostile, as HateXplain's no-majority posts;
 * - `hateful` (without `normal`) → hatespeech;
 * - otherwise `offensive`, `abusive` or `disrespectful` present → offensive;
 * - `fearful` alone → excluded: fear-mongering has no class of ours.
 *
 * `group` maps to HateXplain's target groups where one means the same; `other`, `individual`,
 * `left_wing_people` and the ambiguous `indian/hindu` map to none (see MLMA_GROUPS).
 */
export type MlmaLanguage = 'en' | 'fr' | 'ar';

const HEADER = ['HITId', 'tweet', 'sentiment', 'directness', 'annotator_sentiment', 'target', 'group'];
const SENTIMENTS = new Set(['abusive', 'hateful', 'offensive', 'disrespectful', 'fearful', 'normal']);

/** MLMA `group` → HateXplain target group (null: no equivalent). HateXplain's Refugee covers immigrants. */
export const MLMA_GROUPS: Readonly<Record<string, string | null>> = {
  african_descent: 'African',
  arabs: 'Arab',
  asians: 'Asian',
  christian: 'Christian',
  gay: 'Homosexual',
  hispanics: 'Hispanic',
  immigrants: 'Refugee',
  refugees: 'Refugee',
  jews: 'Jewish',
  muslims: 'Islam',
  special_needs: 'Disability',
  women: 'Women',
  'indian/hindu': null,
  left_wing_people: null,
  individual: null,
  other: null,
};

/** Our label for an MLMA sentiment set, or null when it maps to none. */
export function mlmaLabel(sentiments: ReadonlySet<string>): SpeechLabel | null {
  if (sentiments.has('normal')) return sentiments.size === 1 ? 'normal' : null;
  if (sentiments.has('hateful')) return 'hatespeech';
  if (['offensive', 'abusive', 'disrespectful'].some((s) => sentiments.has(s))) return 'offensive';
  return null;
}

export interface MlmaCorpus {
  posts: LabelledPost[];
  /** Posts left out because their sentiment maps to none of our labels. */
  excluded: number;
  sha256: string;
}

/** `dir` is the folder holding the MLMA csv files (`../shared/data/hate/mlma`). */
export async function readMlma(dir: string, language: MlmaLanguage): Promise<MlmaCorpus> {
  const path = join(dir, `${language}_dataset.csv`);
  const bytes = await readCorpusFile(path);
  const [header, ...rows] = csvRecords(bytes.toString('utf8'));
  if (header === undefined || header.fields.join(',') !== HEADER.join(',')) {
    throw badRow(path, header?.line ?? 1, `header must be "${HEADER.join(',')}"`);
  }
  const seen = new Set<string>();
  const posts: LabelledPost[] = [];
  let excluded = 0;
  for (const { line, fields } of rows) {
    if (fields.length !== HEADER.length) throw badRow(path, line, `${fields.length} fields, expected ${HEADER.length}`);
    const [id, tweet, sentiment, , , , group] = fields as [string, string, string, string, string, string, string];
    if (id === '' || seen.has(id)) throw badRow(path, line, id === '' ? 'HITId is empty' : `HITId ${id} appears twice`);
    seen.add(id);
    const sentiments = new Set(sentiment.split('_'));
    const unknown = [...sentiments].find((s) => !SENTIMENTS.has(s));
    if (unknown !== undefined) throw badRow(path, line, `sentiment "${unknown}" is not one of ${[...SENTIMENTS].join(', ')}`);
    if (!(group in MLMA_GROUPS))
      throw badRow(path, line, `group "${group}" is not one of ${Object.keys(MLMA_GROUPS).join(', ')}`);
    const label = mlmaLabel(sentiments);
    if (label === null) {
      excluded++;
      continue;
    }
    const target = MLMA_GROUPS[group];
    posts.push({ id, text: tweet, label, targets: target ? [target] : [], language });
  }
  return { posts, excluded, sha256: sha256Hex(bytes) };
}
