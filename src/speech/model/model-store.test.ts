import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../test-support/engines.js';
import { trainLinearModel } from './linear-model.js';
import { MODEL_FORMAT } from './model-file.js';
import { getSpeechModelRecord, loadSpeechModel, recordSpeechEvaluation, saveSpeechModel } from './model-store.js';

const posts = Array.from({ length: 30 }, (_, i) => ({
  id: String(i),
  text: i % 2 ? 'kind words about the garden' : 'rude wordz about the bus',
  label: i % 2 ? ('normal' as const) : ('offensive' as const),
  targets: [],
  language: 'en',
}));
const features = { buckets: 1 << 10, charNgrams: true, charMin: 2, charMax: 4, wordBigrams: true, wordWeight: 1 };
const model = trainLinearModel(posts, ['Martian'], {
  features,
  seed: 1,
  epochs: 3,
  learningRate: 0.5,
  l2: 1e-6,
  balanced: true,
  averageFrom: null,
});
const header = {
  format: MODEL_FORMAT,
  name: 'small',
  kind: 'linear-hashed-ngrams',
  settings: { epochs: 3 },
  dataSha256: 'abc',
  codeVersion: 'test',
};

describeEachEngine('speech model store', ({ db }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-speech-model-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('says to train a model when there is none', async () => {
    await expect(loadSpeechModel(db(), dataDir)).rejects.toThrow(/run `tocsin speech train/);
  });

  it('writes the file under models/, records its hash, and loads the newest model', async () => {
    const first = await saveSpeechModel(db(), dataDir, header, model);
    const second = await saveSpeechModel(db(), dataDir, { ...header, name: 'second' }, model);
    expect(second.file).toBe(`models/speech-${second.id}.bin`);
    const record = await getSpeechModelRecord(db(), first.id);
    expect(record).toMatchObject({ name: 'small', file: first.file, fileSha256: first.fileSha256, dataSha256: 'abc' });
    const { classifier, modelId } = await loadSpeechModel(db(), dataDir);
    expect(modelId).toBe(second.id);
    expect(classifier.predict(['rude wordz'])[0]!.label).toBe('offensive');
    await recordSpeechEvaluation(db(), first.id, 'hatexplain-test', { macro_f1: 0.5 });
    await recordSpeechEvaluation(db(), first.id, 'davidson2017-test', { macro_f1: 0.4 });
    expect((await getSpeechModelRecord(db(), first.id)).evaluation).toEqual({
      'hatexplain-test': { macro_f1: 0.5 },
      'davidson2017-test': { macro_f1: 0.4 },
    });
  });

  it('refuses a model file changed since training, saying so', async () => {
    const saved = await saveSpeechModel(db(), dataDir, header, model);
    const path = join(dataDir, saved.file);
    const bytes = readFileSync(path);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    writeFileSync(path, bytes);
    await expect(loadSpeechModel(db(), dataDir, saved.id)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/has changed since it was trained/),
    });
    await expect(loadSpeechModel(db(), dataDir, 999_999)).rejects.toMatchObject({ code: 'not_found' });
  });
});
