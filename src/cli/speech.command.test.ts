import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../test-support/shared-data.js';
import { tocsin } from '../test-support/tocsin-cli.js';

const HATEXPLAIN = sharedData('hate/hatexplain');

describeWithSharedData('tocsin speech train, eval and classify on HateXplain', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-speech-cli-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('says to train a model before classifying', async () => {
    const r = await tocsin(dataDir, 'speech', 'classify', 'a plain sentence');
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/tocsin speech train/);
  }, 60_000);

  it('trains on part of the train split, reports validation figures, evaluates on the test split and classifies', async () => {
    const trained = await tocsin(dataDir, 'speech', 'train', '--corpus', HATEXPLAIN, '--limit', '1500', '--seed', '3');
    expect(trained.code).toBe(0);
    expect(trained.stdout).toMatch(
      /speech model 1 \(hatexplain-linear\): 1500 posts, trained in [\d.]+ s, [\d.]+ MB at models\/speech-1\.bin/,
    );
    expect(trained.stdout).toMatch(/macro-F1 {4}0\.\d{4}/);

    const evaluated = await tocsin(dataDir, 'speech', 'eval', '--corpus', HATEXPLAIN, '--limit', '400', '--format', 'json');
    expect(evaluated.code).toBe(0);
    const e = JSON.parse(evaluated.stdout) as { model: number; corpus: string; n: number; macro_f1: number; bias: unknown };
    expect(e).toMatchObject({ model: 1, corpus: 'hatexplain-test', n: 400 });
    expect(e.macro_f1).toBeGreaterThan(0.4); // three balanced-ish classes: chance is about 0.33
    expect(e.bias).not.toBeNull();

    const file = join(dataDir, 'posts.txt');
    writeFileSync(file, 'a plain sentence about the weather\n\nanother one about lunch\n');
    const classified = await tocsin(dataDir, 'speech', 'classify', '--file', file, '--format', 'json');
    expect(classified.code).toBe(0);
    const c = JSON.parse(classified.stdout) as {
      model: number;
      predictions: { label: string; probs: number[]; explanation: unknown[] }[];
    };
    expect(c.predictions).toHaveLength(2);
    for (const p of c.predictions) {
      expect(['hatespeech', 'offensive', 'normal']).toContain(p.label);
      expect(p.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    }
  }, 180_000);

  it('refuses a text and --file together, and a corpus folder it does not know', async () => {
    expect((await tocsin(dataDir, 'speech', 'classify', 'x', '--file', 'y')).code).toBe(2);
    const r = await tocsin(dataDir, 'speech', 'eval', '--corpus', dataDir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a HateXplain, Davidson 2017 or MLMA folder/);
  }, 60_000);
});
