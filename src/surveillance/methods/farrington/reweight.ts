import { hatValue, type GlmFit, type GlmWorkspace } from './glm-workspace.js';

/**
 * Replaces the prior weights by Farrington's down-weighting of outbreaks (Farrington et al. 1996;
 * `anscombe.residuals` and `algo.farrington.assign.weights` of R package surveillance 1.20.3):
 * Anscombe residuals s_i = 3/2 (y^(2/3) mu^(-1/6) - mu^(1/2)) / sqrt(phi (1 - h_ii)); weight
 * gamma s^-2 where s > threshold, gamma elsewhere, gamma scaling the weights to sum to n.
 */
export function assignOutbreakWeights(ws: GlmWorkspace, n: number, fit: GlmFit, phi: number, threshold: number): void {
  const { yTwoThirds, mu, eta, prior } = ws;
  const floor = 2.220446049250313e-16; // mu is floored at R's .Machine$double.eps
  let total = 0;
  for (let i = 0; i < n; i++) {
    const m = mu[i]!;
    const muMinusSixth = Math.exp(-(m > floor ? eta[i]! : Math.log(floor)) / 6); // mu^(-1/6), mu = exp(eta)
    const s = (1.5 * (yTwoThirds[i]! * muMinusSixth - Math.sqrt(m))) / Math.sqrt(phi * (1 - hatValue(ws, i, fit)));
    const down = s > threshold ? Math.pow(s, -2) : 1;
    prior[i] = down;
    total += down;
  }
  const gamma = n / total;
  for (let i = 0; i < n; i++) prior[i]! *= gamma;
}
