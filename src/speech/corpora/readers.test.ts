import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TocsinError } from '../../core/errors.js';
import { csvRecords } from './csv-records.js';
import { hateXplainTargets, majorityLabel } from './hatexplain.js';
import { mlmaLabel, readDavidson, readHateXplain, readMlma } from './corpus.js';
import { heldOutSplit, seededPermutation } from './seeded-shuffle.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tocsin-corpora-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const refusal = async (p: Promise<unknown>): Promise<TocsinError> => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(TocsinError);
  return e as TocsinError;
};

describe('seededPermutation', () => {
  it('draws the permutation of NumPy RandomState(42).permutation', () => {
    // Reference values printed by numpy: RandomState(42).permutation(10), and the first 5 of 24783.
    expect(seededPermutation(10, 42)).toEqual([8, 1, 5, 0, 7, 2, 9, 4, 3, 6]);
    expect(seededPermutation(24783, 42).slice(0, 5)).toEqual([2281, 15914, 18943, 16407, 13326]);
  });
  it('holds out ceil(fraction · n) indices and keeps every index once', () => {
    const { train, test } = heldOutSplit(21, 0.1, 7);
    expect(test).toHaveLength(3);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(Array.from({ length: 21 }, (_, i) => i));
  });
});

describe('csvRecords', () => {
  it('gives each record the line it starts on, across quoted line breaks and doubled quotes', () => {
    expect(csvRecords('a,b\n"x\ny","say ""hi"""\r\nlast,\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x\ny', 'say "hi"'] },
      { line: 4, fields: ['last', ''] },
    ]);
  });
});

describe('label and target rules', () => {
  it('takes the strict majority of annotators, none on a three-way split', () => {
    expect(majorityLabel(['offensive', 'hatespeech', 'offensive'])).toBe('offensive');
    expect(majorityLabel(['offensive', 'hatespeech', 'normal'])).toBeNull();
  });
  it('counts a HateXplain group named by at least 2 of 3 annotators, never "None"', () => {
    const annotators = [{ target: ['Women', 'Islam'] }, { target: ['Women'] }, { target: ['None', 'Islam', 'Arab'] }];
    expect(hateXplainTargets(annotators, [])).toEqual(['Islam', 'Women']);
    expect(hateXplainTargets([{ target: null }], ['None', 'Jewish'])).toEqual(['Jewish']);
  });
  it('maps MLMA sentiment sets as documented', () => {
    expect(mlmaLabel(new Set(['normal']))).toBe('normal');
    expect(mlmaLabel(new Set(['abusive', 'normal']))).toBeNull();
    expect(mlmaLabel(new Set(['offensive', 'hateful']))).toBe('hatespeech');
    expect(mlmaLabel(new Set(['fearful', 'disrespectful']))).toBe('offensive');
    expect(mlmaLabel(new Set(['fearful']))).toBeNull();
  });
});

describe('bad rows are refused with file:line and why', () => {
  it('refuses a Davidson row whose coder counts do not add up', async () => {
    const d = join(dir, 'davidson');
    await mkdir(d);
    await writeFile(
      join(d, 'labeled_data.csv'),
      ',count,hate_speech,offensive_language,neither,class,tweet\n0,3,0,0,3,2,"a\nb"\n1,3,1,1,0,1,c\n',
    );
    const e = await refusal(readDavidson(d));
    expect(e.code).toBe('invalid_format');
    expect(e.message).toMatch(/labeled_data\.csv:4: hate_speech \+ offensive_language \+ neither is 2, count is 3/);
    expect(e.details).toMatchObject({ line: 4 });
  });
  it('refuses an MLMA row with an unknown sentiment', async () => {
    await writeFile(
      join(dir, 'fr_dataset.csv'),
      'HITId,tweet,sentiment,directness,annotator_sentiment,target,group\n1,t,normal,direct,fear,other,other\n2,t,angry,direct,fear,other,women\n',
    );
    const e = await refusal(readMlma(dir, 'fr'));
    expect(e.message).toMatch(/fr_dataset\.csv:3: sentiment "angry"/);
  });
  it('refuses a HateXplain post that disagrees with the official split, and a missing file', async () => {
    const h = join(dir, 'hx');
    await mkdir(h);
    await writeFile(join(h, 'post_id_divisions.json'), JSON.stringify({ train: ['a'], val: [], test: ['b'] }));
    const post = (id: string, split: string): string =>
      JSON.stringify({
        post_id: id,
        split,
        label: 'normal',
        annotators: [1, 2, 3].map(() => ({ annotator_id: 1, label: 'normal', target: ['None'] })),
        target_union: ['None'],
        post_tokens: ['w'],
        rationales: null,
      });
    await writeFile(join(h, 'hatexplain_19229.jsonl'), `${post('a', 'train')}\n${post('b', 'val')}\n`);
    const e = await refusal(readHateXplain(h));
    expect(e.message).toMatch(/hatexplain_19229\.jsonl:2: split "val" disagrees with the official split "test"/);
    await writeFile(join(h, 'hatexplain_19229.jsonl'), `${post('a', 'train')}\n${post('b', 'test')}\n`);
    const ok = await readHateXplain(h);
    expect([ok.train.length, ok.test.length, ok.val.length]).toEqual([1, 1, 0]);
    expect((await refusal(readHateXplain(join(dir, 'nowhere')))).code).toBe('not_found');
  });
});
