import { createMethodOutput, NO_ALARM_VALUE, type MethodOutput } from '../method-output.js';
import { normalQuantile } from '../normal-quantile.js';
import { studentTwoSidedPValue } from '../distributions.js';
import { buildBaseline, prepareSeries, type Baseline, type BaselineLayout } from './baseline.js';
import { createGlmFit, createGlmWorkspace, predictionVariance, type GlmFit, type GlmWorkspace } from './glm-workspace.js';
import { fitQuasiPoisson } from './quasi-poisson-fit.js';
import { assignOutbreakWeights } from './reweight.js';
import { deltaThreshold, quantileThreshold, type PowerTransform, type Threshold, type ThresholdMethod } from './thresholds.js';

/** Every control parameter of `farringtonFlexible` that Tocsin supports, resolved (no defaults left). */
export interface FarringtonParameters extends BaselineLayout {
  from: number;
  to: number;
  alpha: number;
  reweight: boolean;
  weightsThreshold: number;
  trend: boolean;
  pThresholdTrend: number;
  /** [cases, weeks]: no bound and no alarm unless the last `weeks` weeks hold at least `cases` cases. */
  limit54: readonly [number, number];
  powertrans: PowerTransform;
  thresholdMethod: ThresholdMethod;
  /**
   * Not an R parameter. Skip the fit in weeks that cannot alarm (a count of 0, or limit54 unmet):
   * their bound is NA and their alarm 0. Alarms are exactly R's; bounds are R's wherever a week could
   * alarm (R also gives NA where limit54 fails). For signal detection, where only alarms matter.
   */
  alarmsOnly?: boolean | undefined;
}

interface Context {
  readonly params: FarringtonParameters;
  readonly ws: GlmWorkspace;
  readonly fit: GlmFit;
}

/**
 * `algo.farrington.fitGLM.flexible`: fit (falling back to no trend if the trend fit does not
 * converge), then, with `reweight`, down-weight outbreaks and refit. Returns phi = max(dispersion, 1)
 * and whether the model has a trend, or null when R gives no model.
 */
function fitFlexible(ctx: Context, base: Baseline, withTrend: boolean): { phi: number; hasTrend: boolean } | null {
  const { ws, fit, params } = ctx;
  ws.prior.fill(1, 0, base.n);
  if (!fitQuasiPoisson(ws, base.n, base.groups, withTrend, fit)) return null;
  let hasTrend = withTrend;
  if (!fit.converged && withTrend) {
    hasTrend = false;
    if (!fitQuasiPoisson(ws, base.n, base.groups, false, fit)) return null;
  }
  if (!fit.converged) return null;
  let phi = Math.max(fit.dispersion, 1);
  if (params.reweight) {
    assignOutbreakWeights(ws, base.n, fit, phi, params.weightsThreshold);
    if (!fitQuasiPoisson(ws, base.n, base.groups, hasTrend, fit)) return null;
    phi = Math.max(fit.dispersion, 1);
  }
  return { phi, hasTrend };
}

/**
 * The dispersion that `summary.glm()` and `predict.glm()` use for the trend test and the standard error
 * of the prediction. Quirk of the R code, needed for an exact match: with `reweight` the fit's working
 * weights were overwritten by the outbreak weights, so the sum uses those; the result is never floored.
 */
const inferenceDispersion = (ctx: Context): number =>
  ctx.params.reweight ? ctx.fit.priorWeightedDispersion : ctx.fit.dispersion;

/**
 * `algo.farrington.glm`: keep the trend only if its p-value < pThresholdTrend, b >= 3 and the
 * prediction does not exceed the largest baseline count; otherwise refit without it.
 */
function fitModel(ctx: Context, base: Baseline): { phi: number } | null {
  const { ws, fit, params } = ctx;
  // The trend is always dropped with b < 3, and where every baseline count is 0 (a prediction > 0
  // then exceeds the largest count; the trend fit converges exactly when the fit without does):
  // the model is then the one fitted without trend, so the trend fit is skipped.
  const model = fitFlexible(ctx, base, params.trend && params.b >= 3 && base.largest > 0);
  if (model === null || !model.hasTrend) return model;
  const muPredicted = Math.max(Math.exp(ws.level[base.predictionGroup]!), 2.220446049250313e-16);
  const pValue = studentTwoSidedPValue(fit.slope / Math.sqrt(inferenceDispersion(ctx) / fit.q), fit.df);
  if (pValue < params.pThresholdTrend && muPredicted <= base.largest) return model;
  return fitFlexible(ctx, base, false);
}

/**
 * Farrington flexible (Farrington et al. 1996; Noufaily et al. 2013) as `farringtonFlexible` of the
 * R package surveillance 1.20.3, for one series without population offset, weeks indexed 1..n.
 */
export function farringtonFlexible(observed: Float64Array, params: FarringtonParameters): MethodOutput {
  const out = createMethodOutput(params.from, params.to);
  const z = normalQuantile(1 - params.alpha);
  const capacity = params.frequency * params.b + params.w + 2;
  const ctx: Context = {
    params,
    ws: createGlmWorkspace(capacity, params.noPeriods),
    fit: createGlmFit(),
  };
  const factors = new Float64Array(observed.length);
  const groupOfPeriod = new Int32Array(params.noPeriods + 1);
  const [limitCases, limitWeeks] = params.limit54;
  const series = prepareSeries(observed);
  for (let k = params.from; k <= params.to; k++) {
    const row = k - params.from;
    const y = observed[k - 1]!;
    let recent = 0;
    for (let week = k - limitWeeks + 1; week <= k; week++) recent += observed[week - 1]!;
    const enoughCases = recent >= limitCases;
    if (params.alarmsOnly && (!enoughCases || y === 0)) {
      out.upperbound[row] = Number.NaN;
      out.alarm[row] = 0;
      continue;
    }
    const base = buildBaseline(series, factors, k, params, ctx.ws, groupOfPeriod);
    const model = base.predictionGroup < 0 || base.n === 0 ? null : fitModel(ctx, base);
    if (model === null) {
      out.upperbound[row] = Number.NaN;
      out.alarm[row] = NO_ALARM_VALUE;
      continue;
    }
    const seEta = Math.sqrt(inferenceDispersion(ctx) * predictionVariance(ctx.ws, base.predictionGroup, ctx.fit));
    const prediction = { eta: ctx.ws.level[base.predictionGroup]!, seEta, phi: model.phi };
    const threshold: Threshold =
      params.thresholdMethod === 'delta'
        ? deltaThreshold(prediction, z, params.powertrans, y)
        : quantileThreshold(prediction, params.thresholdMethod, params.alpha, z, y);
    out.upperbound[row] = enoughCases ? threshold.upper : Number.NaN;
    out.alarm[row] = enoughCases && threshold.score > 1 && y !== 0 ? 1 : 0;
  }
  return out;
}
