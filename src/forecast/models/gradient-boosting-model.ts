import { createRequire } from 'node:module';
import type XGBoostLoaded from 'ml-xgboost';
import { cell, type DesignMatrix } from '../elastic-net/design-matrix.js';
import type { ProbabilityModel } from './probability-model.js';

/** XGBoost settings (binary:logistic), fixed before any back-test is run. */
export interface GradientBoostingOptions {
  readonly rounds: number;
  readonly maxDepth: number;
  readonly eta: number;
  readonly minChildWeight: number;
  readonly subsample: number;
  readonly colsampleByTree: number;
  /** L2 penalty on leaf weights (XGBoost's lambda). */
  readonly lambda: number;
}

/** Shallow trees, slow learning, row and column subsampling: common defaults for a rare outcome. */
export const DEFAULT_GRADIENT_BOOSTING: GradientBoostingOptions = Object.freeze({
  rounds: 300,
  maxDepth: 3,
  eta: 0.03,
  minChildWeight: 1,
  subsample: 0.8,
  colsampleByTree: 0.8,
  lambda: 1,
});

/**
 * What ml-xgboost's Emscripten loader prints on every start in Node: it tries `fetch` on a file
 * path, fails, and falls back to reading the file, the normal path here. Not a warning for a user.
 */
const LOADER_NOTICES = [/^wasm streaming compile failed: /, /^falling back to ArrayBuffer instantiation$/];

/**
 * `ml-xgboost` is CommonJS whose `module.exports` is a promise of the class; loaded through
 * `require` because an ESM import of a thenable module object is not portable across loaders.
 * Its loader takes `console.warn` as its error printer when it is first evaluated, so it is handed
 * one that drops the two `LOADER_NOTICES` and passes anything else on.
 */
let loaded: typeof XGBoostLoaded | undefined;
const loadXGBoost = (): typeof XGBoostLoaded => (loaded ??= requireXGBoost());
const requireXGBoost = (): typeof XGBoostLoaded => {
  const warn = console.warn;
  console.warn = (...args: unknown[]): void => {
    const [first] = args;
    if (typeof first === 'string' && LOADER_NOTICES.some((notice) => notice.test(first))) return;
    warn.apply(console, args);
  };
  try {
    return createRequire(import.meta.url)('ml-xgboost') as typeof XGBoostLoaded;
  } finally {
    console.warn = warn;
  }
};

const rowsOf = (x: DesignMatrix): number[][] =>
  Array.from({ length: x.rows }, (_, i) => Array.from({ length: x.names.length }, (_, j) => cell(x, i, j)));

/**
 * Gradient-boosted trees through `ml-xgboost` (XGBoost compiled to WebAssembly), behind our
 * interface. The booster's own seed is the fit's seed, so a fit is repeatable. The model lives in
 * WASM memory until the predictor has been used once (then it is freed: the back-test predicts
 * once per fit).
 */
export function gradientBoostingModel(options: GradientBoostingOptions = DEFAULT_GRADIENT_BOOSTING): ProbabilityModel {
  return {
    name: `xgboost (${options.rounds} rounds, depth ${options.maxDepth}, eta ${options.eta}, min_child_weight ${options.minChildWeight}, subsample ${options.subsample}, colsample ${options.colsampleByTree}, lambda ${options.lambda})`,
    fit: async (data) => {
      const XGB = await loadXGBoost();
      const booster = new XGB({
        booster: 'gbtree',
        objective: 'binary:logistic',
        max_depth: options.maxDepth,
        eta: options.eta,
        min_child_weight: options.minChildWeight,
        subsample: options.subsample,
        colsample_bytree: options.colsampleByTree,
        lambda: options.lambda,
        seed: data.seed % 2147483647,
        silent: 1,
        iterations: options.rounds,
      });
      booster.train(rowsOf(data.x), Array.from(data.y));
      let freed = false;
      return (x) => {
        if (freed) throw new Error('this gradient-boosting fit has already predicted and been freed');
        const p = x.rows === 0 ? [] : booster.predict(rowsOf(x));
        booster.free();
        freed = true;
        return Float64Array.from(p);
      };
    },
  };
}
