import { join } from 'node:path';
import { z } from 'zod';
import { TocsinError } from '../../core/errors.js';
import { SPEECH_LABELS, type LabelledPost, type SpeechLabel } from './labels.js';
import { badRow, readCorpusFile, sha256Hex } from './read-file.js';

/**
 * Reader of HateXplain (Mathew et al., AAAI 2021) as rebuilt in `../shared/data/hate/hatexplain/`
 * (see its SOURCE.md): `hatexplain_19229.jsonl`, one post a line, and the official split
 * `post_id_divisions.json` (15,383 / 1,922 / 1,924 ids).
 */

export interface HateXplainSplits {
  train: LabelledPost[];
  val: LabelledPost[];
  test: LabelledPost[];
  /** SHA-256 of the bytes of `hatexplain_19229.jsonl` followed by those of `post_id_divisions.json`. */
  sha256: string;
}

export const HATEXPLAIN_POSTS_FILE = 'hatexplain_19229.jsonl';
export const HATEXPLAIN_DIVISIONS_FILE = 'post_id_divisions.json';

const label = z.enum(SPEECH_LABELS);
const record = z.object({
  post_id: z.string().min(1),
  split: z.enum(['train', 'val', 'test']),
  label,
  annotators: z.array(z.object({ label, target: z.array(z.string()).nullable() })).min(1),
  target_union: z.array(z.string()),
  post_tokens: z.array(z.string()),
});
type HateXplainRecord = z.infer<typeof record>;

const divisions = z.object({ train: z.array(z.string()), val: z.array(z.string()), test: z.array(z.string()) });
type Split = keyof z.infer<typeof divisions>;

/** Annotators' word for "no target", not a group. */
const NO_TARGET = 'None';

/** The label most annotators chose, or null when no label has a strict majority. */
export function majorityLabel(labels: readonly SpeechLabel[]): SpeechLabel | null {
  for (const candidate of SPEECH_LABELS) {
    if (labels.filter((l) => l === candidate).length * 2 > labels.length) return candidate;
  }
  return null;
}

/**
 * Target groups of a post: those named by at least 2 annotators (the rule of the paper's
 * Bias_Calculation_NB). The rebuilt train split has no per-annotator targets, so there the union of
 * the annotators' targets is used, as SOURCE.md advises; the bias metrics are scored on test only.
 */
export function hateXplainTargets(
  annotators: readonly { target: readonly string[] | null }[],
  union: readonly string[],
): string[] {
  if (annotators.some((a) => a.target === null)) return union.filter((g) => g !== NO_TARGET).sort();
  const counts = new Map<string, number>();
  for (const a of annotators) for (const g of new Set(a.target)) counts.set(g, (counts.get(g) ?? 0) + 1);
  return [...counts]
    .filter(([g, n]) => g !== NO_TARGET && n >= 2)
    .map(([g]) => g)
    .sort();
}

function toPost(r: HateXplainRecord): LabelledPost {
  return {
    id: r.post_id,
    text: r.post_tokens.join(' '),
    label: majorityLabel(r.annotators.map((a) => a.label)),
    targets: hateXplainTargets(r.annotators, r.target_union),
    language: 'en',
  };
}

export async function readHateXplain(dir: string): Promise<HateXplainSplits> {
  const postsPath = join(dir, HATEXPLAIN_POSTS_FILE);
  const divisionsPath = join(dir, HATEXPLAIN_DIVISIONS_FILE);
  const [postsBytes, divisionsBytes] = await Promise.all([readCorpusFile(postsPath), readCorpusFile(divisionsPath)]);

  const split = parseDivisions(divisionsPath, divisionsBytes.toString('utf8'));
  const posts = new Map<string, { post: LabelledPost }>();
  const lines = postsBytes.toString('utf8').split('\n');
  lines.forEach((text, i) => {
    const line = i + 1;
    if (text.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw badRow(postsPath, line, `not JSON (${(e as Error).message})`);
    }
    const parsed = record.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw badRow(postsPath, line, `field ${issue?.path.join('.') || '(record)'}: ${issue?.message ?? 'invalid'}`);
    }
    const r = parsed.data;
    if (posts.has(r.post_id)) throw badRow(postsPath, line, `post_id ${r.post_id} appears twice`);
    const official = split.get(r.post_id);
    if (official === undefined)
      throw badRow(postsPath, line, `post_id ${r.post_id} is in no split of ${HATEXPLAIN_DIVISIONS_FILE}`);
    if (official !== r.split) throw badRow(postsPath, line, `split "${r.split}" disagrees with the official split "${official}"`);
    const post = toPost(r);
    if (post.label !== null && post.label !== r.label) {
      throw badRow(postsPath, line, `label "${r.label}" is not the annotators' majority "${post.label}"`);
    }
    posts.set(r.post_id, { post });
  });

  const missing = [...split.keys()].filter((id) => !posts.has(id));
  if (missing.length > 0) {
    throw new TocsinError(
      'invalid_format',
      `${postsPath}: ${missing.length} post(s) of the official split are missing (first: ${missing[0]})`,
      { file: postsPath, missing: missing.length },
    );
  }
  const out: HateXplainSplits = { train: [], val: [], test: [], sha256: sha256Hex(postsBytes, divisionsBytes) };
  // In the order of the official division file, so the splits do not depend on the line order.
  for (const [id, s] of split) out[s].push(posts.get(id)!.post);
  return out;
}

function parseDivisions(path: string, text: string): Map<string, Split> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new TocsinError('invalid_format', `${path}: not JSON (${(e as Error).message})`, { file: path });
  }
  const parsed = divisions.safeParse(json);
  if (!parsed.success) {
    throw new TocsinError('invalid_format', `${path}: expected {train, val, test} lists of post ids`, { file: path });
  }
  const split = new Map<string, Split>();
  for (const s of ['train', 'val', 'test'] as const) {
    for (const id of parsed.data[s]) {
      if (split.has(id))
        throw new TocsinError('invalid_format', `${path}: post id ${id} is in two splits`, { file: path, field: s });
      split.set(id, s);
    }
  }
  return split;
}
