/**
 * Runs candidate models on the EWP back-test protocol and prints one JSON line per model:
 *   npx tsx src/forecast/models/experiments.ts ../shared/data/ewp/prepared2024predictors-2025-09-03.csv [--seed N] en en+d xgb ...
 * Each line after the first also compares the candidate's AUC with the first one's on the same
 * country-years (`vsFirst`: the difference and its paired bootstrap interval).
 * Every candidate's settings are fixed here, before any run; `runModelBacktest` fits each on the
 * training rows of a cutoff only.
 */
import { aucDifferenceInterval } from '../../core/auc-interval.js';
import { runModelBacktest } from '../backtest/model-backtest.js';
import { EWP_BACKTEST } from '../backtest/backtest.js';
import type { CountryYearTable } from '../country-years/country-year.js';
import { readCountryYears } from '../country-years/read-country-years.js';
import { elasticNetModel } from './elastic-net-model.js';
import { ensembleModel } from './ensemble-model.js';
import { DEFAULT_GRADIENT_BOOSTING, gradientBoostingModel } from './gradient-boosting-model.js';
import { atlasLandBorders } from './atlas-land-borders.js';
import { withLaggedChanges } from './lagged-changes.js';
import { withNeighbourhood } from './neighbourhood.js';
import { plattCalibrated } from './platt-calibration.js';
import type { ProbabilityModel } from './probability-model.js';
import { timeSplitTuned } from './time-split-tuned.js';

const en = elasticNetModel();
const xgb = gradientBoostingModel();
const xgbDeep = gradientBoostingModel({ ...DEFAULT_GRADIENT_BOOSTING, maxDepth: 5, minChildWeight: 2 });
const xgbStumps = gradientBoostingModel({ ...DEFAULT_GRADIENT_BOOSTING, maxDepth: 1, rounds: 500, eta: 0.05 });

const report =
  (label: string) =>
  (lastYear: number, chosen: number, losses: number[]): void => {
    process.stderr.write(`${label} T=${lastYear} chose ${chosen} losses ${losses.map((l) => l.toFixed(5)).join(' ')}\n`);
  };
const xgbGrid = [
  gradientBoostingModel({ ...DEFAULT_GRADIENT_BOOSTING, maxDepth: 2 }),
  xgb,
  gradientBoostingModel({ ...DEFAULT_GRADIENT_BOOSTING, rounds: 150 }),
  gradientBoostingModel({ ...DEFAULT_GRADIENT_BOOSTING, maxDepth: 4, minChildWeight: 2 }),
];

/**
 * The conflict and repression predictors whose recent change seemed most likely to signal an
 * onset (chosen before any run, not from the back-test).
 */
export const DYNAMIC_PREDICTORS: readonly string[] = [
  'battledeaths.log2',
  'coup.try.5yr',
  'mk_ongoing_count_log2',
  'pol_killing_approved',
  'repress_civilsoc',
  'freediscussion',
  'gdppcgrowth',
  'un_imr_sqrt',
  'widetargeting',
  'narrowtargeting',
];

/** Which lagged changes a candidate sees: none, every time-varying predictor's, or DYNAMIC_PREDICTORS'. */
type Changes = false | true | 'dynamic';

/**
 * Candidate -> [model, the lagged-change predictors it sees, whether it sees the neighbourhood
 * predictors (`withNeighbourhood`)].
 */
export const CANDIDATES: Record<string, readonly [ProbabilityModel, Changes, boolean?]> = {
  en: [en, false],
  'en+d': [en, true],
  'en+dsel': [en, 'dynamic'],
  'en-lasso': [elasticNetModel({ alpha: 1, folds: 10, lambdaRule: 'lambda.min' }), false],
  'en-1se': [elasticNetModel({ alpha: 0.5, folds: 10, lambdaRule: 'lambda.1se' }), false],
  'en-alphas': [
    ensembleModel([
      en,
      elasticNetModel({ alpha: 0.1, folds: 10, lambdaRule: 'lambda.min' }),
      elasticNetModel({ alpha: 1, folds: 10, lambdaRule: 'lambda.min' }),
    ]),
    false,
  ],
  xgb: [xgb, false],
  'xgb+d': [xgb, true],
  'xgb-deep': [xgbDeep, false],
  'xgb-stumps': [xgbStumps, false],
  'en+xgb': [ensembleModel([en, xgb]), false],
  'en+xgb-logodds': [ensembleModel([en, xgb], 'mean-log-odds'), false],
  'en+xgb+d': [ensembleModel([en, xgb]), true],
  // Added after the first round of runs (combines the two best changes seen there): post hoc.
  'en+xgb-logodds+d': [ensembleModel([en, xgb], 'mean-log-odds'), true],
  'xgb-tuned': [timeSplitTuned(xgbGrid, 6, report('xgb-tuned')), false],
  'model-tuned': [timeSplitTuned([en, xgb, ensembleModel([en, xgb])], 6, report('model-tuned')), false],
  'platt-en': [plattCalibrated(en), false],
  'platt-xgb': [plattCalibrated(xgb), false],
  'platt-en+xgb': [plattCalibrated(ensembleModel([en, xgb])), false],
  // Second round (2026-11-24), fixed before its runs: the neighbourhood predictors.
  'en+nb': [en, false, true],
  'xgb+nb': [xgb, false, true],
  'en+xgb+d+nb': [ensembleModel([en, xgb]), true, true],
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : EWP_BACKTEST.seed;
  if (!Number.isInteger(seed)) throw new Error('--seed needs an integer');
  const [input, ...names] = args;
  if (!input || names.length === 0) throw new Error(`usage: experiments.ts FILE ${Object.keys(CANDIDATES).join('|')} ...`);
  const table = await readCountryYears(input);
  const tables = new Map<string, CountryYearTable>();
  const borders = names.some((name) => CANDIDATES[name]?.[2]) ? await atlasLandBorders() : undefined;
  const tableWith = (changes: Changes, neighbourhood: boolean): CountryYearTable => {
    const key = `${changes}:${neighbourhood}`;
    let t = tables.get(key);
    if (!t) {
      t =
        changes === false
          ? table
          : changes === 'dynamic'
            ? withLaggedChanges(table, DYNAMIC_PREDICTORS)
            : withLaggedChanges(table);
      if (neighbourhood) t = withNeighbourhood(t, borders!);
      tables.set(key, t);
    }
    return t;
  };
  // The first candidate's forecasts, to compare each later one with on the same country-years.
  let first: { name: string; risk: Map<string, number> } | undefined;
  for (const name of names) {
    const candidate = CANDIDATES[name];
    if (!candidate) throw new Error(`unknown candidate ${name}`);
    const [model, withChanges, neighbourhood = false] = candidate;
    const started = Date.now();
    const result = await runModelBacktest(tableWith(withChanges, neighbourhood), model, { ...EWP_BACKTEST, seed });
    const m = result.metrics;
    const key = (s: { countryCode: number; year: number }): string => `${s.countryCode}:${s.year}`;
    const risk = new Map(result.scored.map((s) => [key(s), s.maxrisk2]));
    let vsFirst: Record<string, unknown> | undefined;
    if (!first) first = { name, risk };
    else {
      const baseline = result.scored.map((s) => first!.risk.get(key(s)) ?? Number.NaN);
      const d = aucDifferenceInterval(
        baseline,
        result.scored.map((s) => s.maxrisk2),
        result.scored.map((s) => s.onset === 1),
        { clusters: result.scored.map((s) => s.countryCode) },
      );
      vsFirst = d
        ? {
            candidate: first.name,
            aucDifference: Number(d.difference.toFixed(4)),
            ci95: [Number(d.low.toFixed(4)), Number(d.high.toFixed(4))],
            shareNotAbove: d.shareNotAbove,
          }
        : undefined;
    }
    console.log(
      JSON.stringify({
        candidate: name,
        seed,
        model: result.model,
        laggedChanges: withChanges,
        neighbourhood,
        auc: Number(m.auc.toFixed(4)),
        aucCi95: m.aucInterval && [Number(m.aucInterval.low.toFixed(4)), Number(m.aucInterval.high.toFixed(4))],
        hits: m.hits,
        onsets: m.onsets,
        brier: Number(m.brier.toFixed(5)),
        countryYears: m.countryYears,
        ...(vsFirst ? { vsFirst } : {}),
        seconds: Math.round((Date.now() - started) / 1000),
        missed: result.missedOnsets.map((s) => `${s.countryName} ${s.year} (${s.minrank2})`),
        reliability: m.reliability.map((b) => [Number(b.meanForecast.toFixed(4)), b.events, b.count]),
      }),
    );
  }
}

await main();
