import { TocsinError } from '../../core/errors.js';
import { deriveSeed } from '../../core/seeded-random.js';
import type { Predictor, ProbabilityModel } from './probability-model.js';

/** How an ensemble combines its members' probabilities. */
export type Combine = 'mean-probability' | 'mean-log-odds';

const logit = (p: number): number => Math.log(p / (1 - p));
const clamp = (p: number): number => Math.min(1 - 1e-9, Math.max(1e-9, p));

/**
 * An unweighted average of member models (weights fixed a priori, so nothing is tuned on scored
 * years): each member is fitted on the same rows with its own seed, derived from the fit's seed
 * and the member's position.
 */
export function ensembleModel(members: readonly ProbabilityModel[], combine: Combine = 'mean-probability'): ProbabilityModel {
  if (members.length === 0) throw new TocsinError('invalid_input', 'an ensemble needs at least one member');
  return {
    name: `ensemble (${combine}) of [${members.map((m) => m.name).join('; ')}]`,
    fit: async (data) => {
      const predictors: Predictor[] = [];
      for (const [k, m] of members.entries()) predictors.push(await m.fit({ ...data, seed: deriveSeed(data.seed, k + 1) }));
      return (x) => {
        const out = new Float64Array(x.rows);
        for (const predict of predictors) {
          const p = predict(x);
          for (let i = 0; i < x.rows; i++) out[i] = out[i]! + (combine === 'mean-probability' ? p[i]! : logit(clamp(p[i]!)));
        }
        for (let i = 0; i < x.rows; i++) {
          const mean = out[i]! / predictors.length;
          out[i] = combine === 'mean-probability' ? mean : 1 / (1 + Math.exp(-mean));
        }
        return out;
      };
    },
  };
}
