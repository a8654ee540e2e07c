import { afterAll, describe, expect, it } from 'vitest';
import { designMatrixFromRows } from '../elastic-net/design-matrix.js';
import { crossValidateElasticNet } from '../elastic-net/cross-validate.js';
import { assignFolds } from '../elastic-net/folds.js';
import { crossValidateInWorkers } from './parallel-runs.js';
import { createWorkerPool } from './worker-pool.js';

describe('crossValidateInWorkers', () => {
  const pool = createWorkerPool(2);
  afterAll(() => pool.close());

  it('gives exactly the in-process cross-validation, its path fits run in two worker threads', async () => {
    const rows = Array.from({ length: 400 }, (_, i) => [
      Math.sin(i * 0.7),
      Math.cos(i * 1.3),
      (i % 5) / 5,
      Math.sin(i * i * 0.01),
    ]);
    const y = rows.map((r, i) => (r[0]! + 0.8 * r[2]! + 0.4 * Math.sin(i * 2.1) > 0.6 ? 1 : 0));
    const x = designMatrixFromRows(['a', 'b', 'c', 'd'], rows);
    const folds = assignFolds(400, 5, 11);
    const here = crossValidateElasticNet(x, y, folds, { alpha: 0.5 });
    const there = await crossValidateInWorkers(pool, x, y, folds, { alpha: 0.5 });
    expect(there.indexMin).toBe(here.indexMin);
    expect(Array.from(there.cvm)).toEqual(Array.from(here.cvm));
    expect(Array.from(there.path.coefficients)).toEqual(Array.from(here.path.coefficients));
  }, 30_000);
});

describe('createWorkerPool', () => {
  it("passes a job's error back with its code, and the worker goes on to the next job", async () => {
    const pool = createWorkerPool(1);
    try {
      const x = designMatrixFromRows(['a'], [[1], [2], [3], [4]]);
      const bad = pool.run({ kind: 'path', task: { x, y: Float64Array.of(0, 0, 0, 0), options: { alpha: 1 } } });
      await expect(bad).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/at least 2 rows/) });
      const good = await pool.run({ kind: 'path', task: { x, y: Float64Array.of(0, 1, 0, 1), options: { alpha: 1 } } });
      expect(good.lambdas.length).toBeGreaterThan(0);
    } finally {
      await pool.close();
    }
  }, 30_000);
});
