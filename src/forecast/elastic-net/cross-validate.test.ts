import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test-support/shared-data.js';
import { readCountryYears } from '../country-years/read-country-years.js';
import { trainingRows } from '../country-years/training-set.js';
import { crossValidateElasticNet, summariseFolds } from './cross-validate.js';
import type { ElasticNetPath } from './elastic-net-path.js';

interface CvFixture {
  rows: number;
  lambda: number[];
  cvm: number[];
  cvsd: number[];
  lambda_min: number;
  lambda_1se: number;
  index_min: number;
  index_1se: number;
}

describeWithSharedData('crossValidateElasticNet on the EWP training set', () => {
  it("reproduces R's cv.glmnet curve, lambda.min and lambda.1se for the same folds", async () => {
    const ref = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/ewp-cv-foldid-mod10.json'), 'utf8')) as CvFixture;
    const train = trainingRows(await readCountryYears(sharedData('ewp/prepared2024predictors-2025-09-03.csv')), 2022);
    expect(train.rows.length).toBe(ref.rows);
    const folds = Int32Array.from({ length: train.rows.length }, (_, i) => i % 10);
    const cv = crossValidateElasticNet(train.x, train.y, folds, { alpha: 0.5 });
    expect(cv.path.lambdas.length).toBe(ref.lambda.length);
    ref.lambda.forEach((l, m) => {
      expect(cv.path.lambdas[m]! / l).toBeCloseTo(1, 12);
      expect(cv.cvm[m]! / ref.cvm[m]!).toBeCloseTo(1, 10);
      expect(cv.cvsd[m]! / ref.cvsd[m]!).toBeCloseTo(1, 10);
    });
    expect(cv.indexMin + 1).toBe(ref.index_min);
    expect(cv.index1se + 1).toBe(ref.index_1se);
    expect(cv.lambdaMin / ref.lambda_min).toBeCloseTo(1, 12);
    expect(cv.lambda1se / ref.lambda_1se).toBeCloseTo(1, 12);
  });
});

describe('summariseFolds', () => {
  const path = { lambdas: Float64Array.of(0.4, 0.3, 0.2, 0.1) } as unknown as ElasticNetPath;
  const fold = (fold: number, rows: number, d: number[]) => ({ fold, rows, meanDeviance: Float64Array.from(d) });

  it('weights fold means by fold size and takes the standard error over folds (n - 1)', () => {
    const cv = summariseFolds(path, [fold(0, 1, [1, 1, 1, 1]), fold(1, 3, [2, 2, 2, 2]), fold(2, 4, [1, 1, 1, 1])]);
    expect(cv.cvm[0]).toBeCloseTo((1 + 6 + 4) / 8, 15);
    const mean = 11 / 8;
    const spread = (1 * (1 - mean) ** 2 + 3 * (2 - mean) ** 2 + 4 * (1 - mean) ** 2) / 8;
    expect(cv.cvsd[0]).toBeCloseTo(Math.sqrt(spread / 2), 15);
  });

  it('picks the largest lambda at the minimum, and the largest within one standard error of it', () => {
    const cv = summariseFolds(path, [fold(0, 5, [3, 1.2, 1, 1]), fold(1, 5, [3, 1.4, 1, 1.2]), fold(2, 5, [3, 1.3, 1, 1.1])]);
    expect(cv.indexMin).toBe(2);
    expect(cv.lambdaMin).toBe(0.2);
    expect(cv.index1se).toBe(2);
    const wide = summariseFolds(path, [fold(0, 5, [3, 1.2, 0.2, 1]), fold(1, 5, [3, 1.4, 2, 1.2]), fold(2, 5, [3, 1.3, 1, 1.1])]);
    expect(wide.indexMin).toBe(2);
    expect(wide.index1se).toBe(1);
  });
});
