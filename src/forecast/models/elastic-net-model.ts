import { coefficientsAt } from '../elastic-net/coefficients-at.js';
import { crossValidateElasticNet, type LambdaRule } from '../elastic-net/cross-validate.js';
import { assignFolds } from '../elastic-net/folds.js';
import { predictProbability } from '../elastic-net/predict.js';
import type { ProbabilityModel } from './probability-model.js';

export interface ElasticNetModelOptions {
  readonly alpha: number;
  readonly folds: number;
  readonly lambdaRule: LambdaRule;
}

/**
 * The EWP model as a `ProbabilityModel`: k-fold CV of the glmnet path on the training rows (folds
 * drawn from the fit's seed), the chosen lambda's coefficients, then probabilities. With EWP's
 * settings and seed `deriveSeed(90035, T)` it is the refit of `runBacktest`.
 */
export function elasticNetModel(
  options: ElasticNetModelOptions = { alpha: 0.5, folds: 10, lambdaRule: 'lambda.min' },
): ProbabilityModel {
  return {
    name: `elastic-net (alpha ${options.alpha}, ${options.folds}-fold CV, ${options.lambdaRule})`,
    fit: (data) => {
      const foldIds = assignFolds(data.x.rows, options.folds, data.seed);
      const cv = crossValidateElasticNet(data.x, data.y, foldIds, { alpha: options.alpha });
      const index = options.lambdaRule === 'lambda.min' ? cv.indexMin : cv.index1se;
      const model = coefficientsAt(cv.path, cv.path.lambdas[index]!);
      return Promise.resolve((x) => predictProbability(model, x));
    },
  };
}
