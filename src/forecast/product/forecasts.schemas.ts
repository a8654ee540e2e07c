import { z } from '@hono/zod-openapi';

const Settings = z.record(z.string(), z.unknown()).openapi({
  description:
    'alpha, lambdaRule, lambda, folds, seed, foldSeed, outcome, predictors, trainingRule, lastTrainingYear, trainingRows, positives, forecastYear',
});

/** A stored model without its coefficients. */
export const ForecastModelSummaryBody = z
  .object({
    id: z.number().int(),
    name: z.string(),
    kind: z.literal('elastic-net'),
    createdAt: z.string(),
    createdBy: z.string().nullable(),
    dataSha256: z.string().openapi({ description: 'SHA-256 of the input file the model was fitted on' }),
    dataFile: z.string(),
    codeVersion: z.string(),
    settings: Settings,
    backtest: z.record(z.string(), z.unknown()).nullable().openapi({
      description:
        'the back-test with the same settings (auc, auc_ci95, top30_recall, top30_recall_ci95, hits, onsets, brier, by_region, by_size), when run',
    }),
    years: z.array(z.number().int()).openapi({ description: 'predictor years with forecasts, latest first' }),
  })
  .openapi('ForecastModelSummary');

export const ForecastModelListBody = z.object({ items: z.array(ForecastModelSummaryBody) }).openapi('ForecastModelList');

/** A stored model with its coefficients and the training means its explanations are against. */
export const ForecastModelBody = ForecastModelSummaryBody.extend({
  coefficients: z.object({
    intercept: z.number(),
    coefficients: z.array(z.object({ predictor: z.string(), value: z.number() })),
  }),
  predictorMeans: z.array(z.object({ predictor: z.string(), mean: z.number() })),
}).openapi('ForecastModel');

const RankedFields = {
  iso3: z.string().openapi({ example: 'MMR' }),
  countryName: z.string(),
  probability: z.number().openapi({ description: 'risk of a new mass-killing onset in year + 1 or year + 2' }),
  rank: z.number().int().openapi({ description: '1 = highest probability of the year; ties share the better rank' }),
  previousProbability: z.number().nullable().openapi({ description: "the same model's forecast from the year before" }),
  change: z.number().nullable().openapi({ description: 'probability - previousProbability' }),
};

export const ForecastListBody = z
  .object({
    modelId: z.number().int(),
    modelName: z.string(),
    year: z.number().int().openapi({ description: 'the predictor year (2024 forecasts an onset in 2025 or 2026)' }),
    forecasts: z.array(z.object(RankedFields)),
  })
  .openapi('ForecastList');

export const CountryForecastBody = z
  .object({
    ...RankedFields,
    modelId: z.number().int(),
    modelName: z.string(),
    countryCode: z.number().int(),
    year: z.number().int(),
    countries: z.number().int().openapi({ description: 'countries ranked that year' }),
    logOdds: z.number(),
    baselineLogOdds: z.number(),
    baselineProbability: z.number().openapi({ description: 'the model at the training means: the average country' }),
    contributions: z.array(
      z.object({
        predictor: z.string(),
        value: z.number(),
        mean: z.number(),
        coefficient: z.number(),
        contribution: z.number().openapi({ description: 'coefficient x (value - mean), in log-odds' }),
        phrase: z
          .string()
          .openapi({ example: '+0.35 log-odds: battle deaths (log2 of 1 + deaths) higher than average (11.2 against 0.963)' }),
      }),
    ),
  })
  .openapi('CountryForecast');
