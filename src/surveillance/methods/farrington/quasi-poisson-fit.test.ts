import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../../test-support/shared-data.js';
import { buildBaseline, prepareSeries } from './baseline.js';
import { createGlmFit, createGlmWorkspace, hatValue, predictionVariance } from './glm-workspace.js';
import { fitQuasiPoisson } from './quasi-poisson-fit.js';
import { studentTwoSidedPValue } from '../distributions.js';

const close = (actual: number, expected: number, relative = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(relative * Math.abs(expected));

describeWithSharedData('fitQuasiPoisson against R glm(family = quasipoisson) on a Noufaily baseline', () => {
  // Week 282 of salmonella.agona, noPeriods 10, pastWeeksNotIncluded 26: 237 weeks in 10 groups.
  // Expected values: R 4.2.2, glm(response ~ 1 + wtime + seasgroups, quasipoisson) (fixtures/README.md).
  const observed = readFileSync(sharedData('surveillance/salmonella_agona_weekly.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => Number(line.split(',')[1]));
  const ws = createGlmWorkspace(300, 10);
  const layout = { frequency: 52, b: 5, w: 3, noPeriods: 10, pastWeeksNotIncluded: 26 };
  const base = buildBaseline(
    prepareSeries(Float64Array.from(observed)),
    new Float64Array(312),
    282,
    layout,
    ws,
    new Int32Array(11),
  );

  it('reproduces the fit with trend: prediction, its standard error, dispersion, slope p-value, hat values', () => {
    const fit = createGlmFit();
    ws.prior.fill(1, 0, base.n);
    expect(fitQuasiPoisson(ws, base.n, base.groups, true, fit)).toBe(true);
    expect(fit.converged).toBe(true);
    close(ws.level[base.predictionGroup]!, 0.53484732526699297);
    close(Math.sqrt(fit.dispersion * predictionVariance(ws, base.predictionGroup, fit)), 0.19363059075204511);
    close(fit.dispersion, 1.8502768786975536);
    close(fit.slope, -0.0020350366210419211);
    close(studentTwoSidedPValue(fit.slope / Math.sqrt(fit.dispersion / fit.q), fit.df), 0.0063310719740487052, 1e-7);
    close(hatValue(ws, 0, fit), 0.043052419617813427);
    close(hatValue(ws, 99, fit), 0.052756804377399581);
    close(ws.mu[0]!, 2.9155601325771268);
  });

  it('reproduces a prior-weighted fit without trend', () => {
    const fit = createGlmFit();
    for (let i = 0; i < base.n; i++) ws.prior[i] = i % 2 === 0 ? 0.5 : 2;
    expect(fitQuasiPoisson(ws, base.n, base.groups, false, fit)).toBe(true);
    close(ws.level[base.predictionGroup]!, 0.87024679337275268);
    close(Math.sqrt(fit.dispersion * predictionVariance(ws, base.predictionGroup, fit)), 0.15904446533005684);
    close(fit.dispersion, 2.4156861390590429);
    close(hatValue(ws, 0, fit), 0.012500000000000042);
  });
});
