import { describe, expect, it } from 'vitest';
import { SPEECH_LABELS, type LabelledPost, type SpeechLabel } from '../corpora/corpus.js';
import { linearClassifier } from './linear-classifier.js';
import { trainLinearModel, type TrainingSettings } from './linear-model.js';
import { decodeModel, encodeModel, MODEL_FORMAT, type ModelHeader } from './model-file.js';

// A constructed corpus with an obvious pattern: a marker word decides the label and the target.
const FILLER = ['the', 'weather', 'today', 'market', 'bus', 'river', 'garden', 'music', 'school', 'bread'];
const MARKERS: Record<SpeechLabel, string> = { hatespeech: 'zorblat', offensive: 'quuxish', normal: 'pleasant' };

function constructedCorpus(n: number): LabelledPost[] {
  return Array.from({ length: n }, (_, i) => {
    const label = SPEECH_LABELS[i % 3]!;
    const words = [FILLER[i % 10]!, FILLER[(i * 7) % 10]!, MARKERS[label], FILLER[(i * 3) % 10]!];
    return { id: String(i), text: words.join(' '), label, targets: label === 'hatespeech' ? ['Martian'] : [], language: 'en' };
  });
}

const SETTINGS: TrainingSettings = {
  features: { buckets: 1 << 12, charNgrams: true, charMin: 2, charMax: 5, wordBigrams: true, wordWeight: 1 },
  seed: 7,
  epochs: 4,
  learningRate: 0.5,
  l2: 1e-6,
  balanced: true,
  averageFrom: null,
};

const header = (): Omit<ModelHeader, 'features' | 'groups'> => ({
  format: MODEL_FORMAT,
  name: 'constructed',
  kind: 'linear-hashed',
  settings: {},
  dataSha256: 'x',
  codeVersion: 'test',
});

describe('trainLinearModel', () => {
  const posts = constructedCorpus(300);

  it('learns the marker words: label, target group and the word named in the explanation', () => {
    const c = linearClassifier(trainLinearModel(posts, ['Martian', 'Venusian'], SETTINGS));
    const [hate, offensive, normal] = c.predict(['river zorblat bus', 'quuxish music', 'a pleasant garden'], { explain: true });
    expect(hate!.label).toBe('hatespeech');
    expect(hate!.targets.map((t) => t.group)).toEqual(['Martian']);
    expect(hate!.explanation[0]!.token).toBe('zorblat');
    expect(offensive!.label).toBe('offensive');
    expect(offensive!.targets).toEqual([]);
    expect(normal!.label).toBe('normal');
    expect(normal!.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(c.predict(['river bus'])[0]!.explanation).toEqual([]);
  });

  it('gives the same model bytes for the same seed, and different ones for another seed', () => {
    const bytes = (seed: number) =>
      encodeModel(header(), trainLinearModel(posts, ['Martian', 'Venusian'], { ...SETTINGS, seed }));
    expect(Buffer.from(bytes(7)).equals(Buffer.from(bytes(7)))).toBe(true);
    expect(Buffer.from(bytes(7)).equals(Buffer.from(bytes(8)))).toBe(false);
  });

  it('skips posts without a majority label', () => {
    const withUndecided = [...posts, { ...posts[0]!, id: 'u', label: null }];
    const a = trainLinearModel(posts, ['Martian'], SETTINGS);
    const b = trainLinearModel(withUndecided, ['Martian'], SETTINGS);
    expect(Buffer.from(a.weights.buffer).equals(Buffer.from(b.weights.buffer))).toBe(true);
  });
});

describe('model file', () => {
  it('reads back the weights it wrote', () => {
    const model = trainLinearModel(constructedCorpus(60), ['Martian', 'Venusian'], SETTINGS);
    const { header: h, model: back } = decodeModel(encodeModel(header(), model), 'm.bin');
    expect(h.name).toBe('constructed');
    expect(h.groups).toEqual(['Martian', 'Venusian']);
    expect(back.weights).toEqual(model.weights);
    expect(back.bias).toEqual(model.bias);
  });

  it('refuses bytes that are not a whole model file, naming the file', () => {
    const bytes = encodeModel(header(), trainLinearModel(constructedCorpus(30), ['Martian'], SETTINGS));
    expect(() => decodeModel(new TextEncoder().encode('hello'), 'x.bin')).toThrow(/x\.bin: not a Tocsin speech model/);
    expect(() => decodeModel(bytes.subarray(0, bytes.length - 4), 'y.bin')).toThrow(/y\.bin.*cut short/);
  });
});
