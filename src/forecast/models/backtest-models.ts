import type { CountryYearTable } from '../country-years/country-year.js';
import type { LambdaRule } from '../elastic-net/cross-validate.js';
import { elasticNetModel } from './elastic-net-model.js';
import { ensembleModel } from './ensemble-model.js';
import { gradientBoostingModel } from './gradient-boosting-model.js';
import { withLaggedChanges } from './lagged-changes.js';
import type { ProbabilityModel } from './probability-model.js';

/**
 * The better model of docs/forecast.md ("Other models tried", `en+xgb+d`): the equal average of the
 * probabilities of EWP's elastic net and XGBoost (depth 3, 300 rounds, eta 0.03, the settings fixed
 * before any run), both also given each time-varying predictor's change since the year before.
 * On the EWP back-test: AUC 0.854 against the elastic net's 0.825 (paired 95% interval of the
 * difference +0.005 to +0.054), 29/39 onsets in the top 30 against 28, Brier 0.00828 against 0.00860.
 */
/** How to build the ensemble, as plain data (a worker thread builds its own from this). */
export interface EnsembleRecipe {
  readonly kind: 'ensemble';
  readonly elasticNet: { readonly alpha: number; readonly folds: number; readonly lambdaRule: LambdaRule };
}

export const modelFromRecipe = (recipe: EnsembleRecipe): ProbabilityModel =>
  ensembleModel([elasticNetModel(recipe.elasticNet), gradientBoostingModel()]);

export interface EnsembleSpec {
  readonly recipe: EnsembleRecipe;
  /** The model, with the elastic-net member's settings. */
  readonly model: ProbabilityModel;
  /** The table the model is fitted on: the input with the lagged changes added. */
  readonly table: CountryYearTable;
  /** Names of the predictors added to the input's. */
  readonly addedPredictors: readonly string[];
}

export function ensembleWithLaggedChanges(
  table: CountryYearTable,
  elasticNet: { readonly alpha: number; readonly folds: number; readonly lambdaRule: LambdaRule },
): EnsembleSpec {
  const withChanges = withLaggedChanges(table);
  const recipe: EnsembleRecipe = { kind: 'ensemble', elasticNet };
  return {
    recipe,
    model: modelFromRecipe(recipe),
    table: withChanges,
    addedPredictors: withChanges.columns.predictors.slice(table.columns.predictors.length),
  };
}
