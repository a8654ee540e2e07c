import { TocsinError } from '../../core/errors.js';
import type { ElasticNetCoefficients } from './coefficients-at.js';
import type { DesignMatrix } from './design-matrix.js';

/** The linear predictor (log-odds) b0 + x . b of every row. */
export function linearPredictor(model: ElasticNetCoefficients, x: DesignMatrix): Float64Array {
  const p = model.names.length;
  if (x.names.length !== p || x.names.some((name, j) => name !== model.names[j])) {
    throw new TocsinError(
      'invalid_input',
      `predictors [${x.names.join(', ')}] do not match the model's [${model.names.join(', ')}]`,
    );
  }
  const eta = new Float64Array(x.rows).fill(model.intercept);
  for (let j = 0; j < p; j++) {
    const b = model.coefficients[j]!;
    if (b === 0) continue;
    const off = j * x.rows;
    for (let i = 0; i < x.rows; i++) eta[i] = eta[i]! + b * x.values[off + i]!;
  }
  return eta;
}

/** The probability 1 / (1 + exp(-eta)) of every row. */
export function predictProbability(model: ElasticNetCoefficients, x: DesignMatrix): Float64Array {
  return linearPredictor(model, x).map((eta) => 1 / (1 + Math.exp(-eta)));
}
