import { join } from 'node:path';
import { csvRecords } from './csv-records.js';
import type { CorpusSplits, LabelledPost, SpeechLabel } from './labels.js';
import { badRow, readCorpusFile, sha256Hex } from './read-file.js';
import { heldOutSplit } from './seeded-shuffle.js';

/**
 * Reader of Davidson et al. 2017 (`davidson2017/labeled_data.csv`, 24,783 English tweets).
 * `class` 0 = hate speech, 1 = offensive language, 2 = neither map to hatespeech, offensive, normal.
 * There is no official split: the held-out test set is the 10% that scikit-learn's
 * `train_test_split(random_state=42, test_size=0.1)` takes in the authors' Python 3.6 notebook,
 * reproduced by `heldOutSplit` (MT19937 seeded with 42, Fisher-Yates from the last index, the first
 * ceil(0.1 · n) = 2,479 shuffled rows are the test set, in shuffled order). No target groups.
 */
export const DAVIDSON_FILE = 'labeled_data.csv';
export const DAVIDSON_SEED = 42;
export const DAVIDSON_TEST_FRACTION = 0.1;

const HEADER = ['', 'count', 'hate_speech', 'offensive_language', 'neither', 'class', 'tweet'];
const CLASS_LABELS: readonly SpeechLabel[] = ['hatespeech', 'offensive', 'normal'];

const count = (text: string): number | null => (/^\d+$/.test(text) ? Number(text) : null);

/** `dir` is the folder holding labeled_data.csv (`../shared/data/hate/davidson2017`). */
export async function readDavidson(dir: string): Promise<CorpusSplits> {
  const path = join(dir, DAVIDSON_FILE);
  const bytes = await readCorpusFile(path);
  const [header, ...rows] = csvRecords(bytes.toString('utf8'));
  if (header === undefined || header.fields.join(',') !== HEADER.join(',')) {
    throw badRow(path, header?.line ?? 1, `header must be "${HEADER.join(',')}"`);
  }
  const seen = new Set<string>();
  const posts: LabelledPost[] = rows.map(({ line, fields }) => {
    if (fields.length !== HEADER.length) throw badRow(path, line, `${fields.length} fields, expected ${HEADER.length}`);
    const [id, coders, hate, offensive, neither, klass, tweet] = fields as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    const numbers = [coders, hate, offensive, neither].map(count);
    const names = ['count', 'hate_speech', 'offensive_language', 'neither'];
    const at = numbers.indexOf(null);
    if (at >= 0) throw badRow(path, line, `${names[at]} is not a whole number`);
    const [n, h, o, e] = numbers as [number, number, number, number];
    if (h + o + e !== n) throw badRow(path, line, `hate_speech + offensive_language + neither is ${h + o + e}, count is ${n}`);
    const label = CLASS_LABELS[Number(klass)];
    if (!/^[012]$/.test(klass) || label === undefined) throw badRow(path, line, `class must be 0, 1 or 2`);
    if (id === '' || seen.has(id)) throw badRow(path, line, id === '' ? 'row index is empty' : `row index ${id} appears twice`);
    seen.add(id);
    return { id, text: tweet, label, targets: [], language: 'en' };
  });
  const split = heldOutSplit(posts.length, DAVIDSON_TEST_FRACTION, DAVIDSON_SEED);
  return { train: split.train.map((i) => posts[i]!), test: split.test.map((i) => posts[i]!), sha256: sha256Hex(bytes) };
}
