import { join } from 'node:path';
import { HATEXPLAIN_GROUPS, readHateXplain } from '../../src/speech/corpora/corpus.js';
import { evaluate } from '../../src/speech/evaluate.js';
import { linearClassifier } from '../../src/speech/model/linear-classifier.js';
import { DEFAULT_TRAINING, trainLinearModel } from '../../src/speech/model/linear-model.js';
import { encodeModel, MODEL_FORMAT } from '../../src/speech/model/model-file.js';
import { SHARED_DIR } from '../../src/test-support/shared-data.js';

const HATEXPLAIN_DIR = join(SHARED_DIR, 'data', 'hate', 'hatexplain');

export interface SpeechBenchResult {
  trainPosts: number;
  trainingSeconds: number;
  modelBytes: number;
  testPosts: number;
  testMacroF1: number;
  /** Posts classified per second on one core (label, probabilities, targets; no explanation), best of 5 passes. */
  postsPerSecond: number;
  /** The same with the explanation (top words) asked for. */
  explainedPostsPerSecond: number;
}

/** Trains on the HateXplain train split, then times classification of its test split on this one thread. */
export async function benchSpeech(log: (s: string) => void = () => undefined): Promise<SpeechBenchResult> {
  const corpus = await readHateXplain(HATEXPLAIN_DIR);
  const t0 = performance.now();
  const model = trainLinearModel(corpus.train, HATEXPLAIN_GROUPS, DEFAULT_TRAINING);
  const trainingSeconds = (performance.now() - t0) / 1000;
  log(`trained on ${corpus.train.length} posts in ${trainingSeconds.toFixed(1)} s`);
  const bytes = encodeModel(
    {
      format: MODEL_FORMAT,
      name: 'bench',
      kind: 'linear-hashed-ngrams',
      settings: {},
      dataSha256: corpus.sha256,
      codeVersion: 'bench',
    },
    model,
  );
  const classifier = linearClassifier(model);
  const texts = corpus.test.map((p) => p.text);
  const rate = (explain: boolean): number => {
    let best = 0;
    for (let pass = 0; pass < 6; pass++) {
      const start = performance.now();
      classifier.predict(texts, { explain });
      const perSecond = texts.length / ((performance.now() - start) / 1000);
      if (pass > 0) best = Math.max(best, perSecond); // the first pass warms the JIT up
    }
    return Math.round(best);
  };
  const postsPerSecond = rate(false);
  const explainedPostsPerSecond = rate(true);
  log(`${postsPerSecond} posts/s (${explainedPostsPerSecond} with explanations)`);
  const testMacroF1 = evaluate(classifier, corpus.test, HATEXPLAIN_GROUPS).macro_f1;
  return {
    trainPosts: corpus.train.length,
    trainingSeconds: Math.round(trainingSeconds * 10) / 10,
    modelBytes: bytes.length,
    testPosts: texts.length,
    testMacroF1,
    postsPerSecond,
    explainedPostsPerSecond,
  };
}
