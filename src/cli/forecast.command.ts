import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command, Option } from 'commander';
import { z } from 'zod';
import type { Iso3, Sha256 } from '../core/brand.js';
import { TocsinError } from '../core/errors.js';
import { VERSION } from '../core/paths.js';
import { EWP_BACKTEST, runBacktest } from '../forecast/backtest/backtest.js';
import { backtestJson, backtestText, modelBacktestJson, modelBacktestText } from '../forecast/backtest/backtest-report.js';
import { runModelBacktest } from '../forecast/backtest/model-backtest.js';
import { ensembleWithLaggedChanges } from '../forecast/models/backtest-models.js';
import { biasCheck } from '../forecast/backtest/bias.js';
import { fitForecastModel } from '../forecast/product/fit-forecast-model.js';
import { forecastModelToStore } from '../forecast/product/forecast-model.js';
import {
  getCountryForecast,
  listCountryForecasts,
  listForecastModels,
  saveForecastModel,
} from '../forecast/product/forecast-models.repository.js';
import { explanationText, forecastCsv, forecastTable, modelsTable } from '../forecast/product/forecast-text.js';
import { describeContribution } from '../forecast/product/predictor-labels.js';
import { workerModelRefitRunner, workerRefitRunner } from '../forecast/parallel/parallel-runs.js';
import { defaultThreads } from '../forecast/parallel/worker-pool.js';
import { EWP_COLUMNS } from '../forecast/country-years/ewp-columns.js';
import { readCountryYears } from '../forecast/country-years/read-country-years.js';
import { withDatabase } from './context.js';

const columnList = z
  .string()
  .transform((s) => s.split(',').map((c) => c.trim()))
  .refine((cols) => cols.every((c) => c !== ''), { message: 'must be comma-separated column names' });
const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Parses a command's options with zod; the first problem becomes an invalid_input naming the flag. */
function parseOptions<S extends z.ZodType>(schema: S, opts: unknown): z.infer<S> {
  const parsed = schema.safeParse(opts);
  if (parsed.success) return parsed.data;
  const i = parsed.error.issues[0]!;
  const flag = String(i.path[0] ?? '').replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
  throw new TocsinError('invalid_input', `--${flag}: ${i.message}`);
}

const backtestOptions = z.object({
  input: z.string().min(1),
  model: z.enum(['elastic-net', 'ensemble']),
  format: z.enum(['json', 'text']),
  seed: whole(0, 2 ** 32 - 1),
  folds: whole(3, 100),
  alpha: z.coerce.number().min(0).max(1),
  lambdaRule: z.enum(['min', '1se']),
  firstYear: whole(1800, 2200),
  lastYear: whole(1800, 2200).optional(),
  threads: whole(1, 64),
  outcome: z.string().min(1),
  outcomeWindow: z
    .string()
    .transform((s) => (s.trim() === '' ? [] : s.split(',').map((c) => c.trim())))
    .optional(),
  predictors: columnList.optional(),
});

/** `tocsin forecast backtest`: EWP's out-of-sample back-test on a country-year predictor file, with the bias check. No database. */
const backtestCommand = new Command('backtest')
  .description('refit the model for each training cutoff and score its forecasts against later onsets')
  .requiredOption('--input <file>', 'country-year predictor CSV (EWP prepared2024predictors-2025-09-03.csv or a newer one)')
  .addOption(
    new Option(
      '--model <model>',
      "model to back-test: EWP's elastic net, or the ensemble (elastic net + XGBoost, with lagged changes; about 1-2 minutes)",
    )
      .choices(['elastic-net', 'ensemble'])
      .default('elastic-net'),
  )
  .addOption(new Option('--format <f>', 'output format').choices(['json', 'text']).default('text'))
  .option('--seed <n>', 'seed of the fold draw', String(EWP_BACKTEST.seed))
  .option('--folds <k>', 'cross-validation folds', String(EWP_BACKTEST.folds))
  .option('--alpha <a>', 'elastic-net mixing (1 = lasso, 0 = ridge)', String(EWP_BACKTEST.alpha))
  .addOption(new Option('--lambda-rule <rule>', 'lambda chosen by cross-validation').choices(['min', '1se']).default('min'))
  .option('--first-year <year>', 'first training cutoff', String(EWP_BACKTEST.firstTrainingYear))
  .option('--last-year <year>', 'last training cutoff (default: last year in the file - 3)')
  .option('--threads <n>', 'worker threads for the refits (1 = none)', String(defaultThreads()))
  .option('--outcome <column>', 'outcome column (0/1, NA = 0)', EWP_COLUMNS.outcome)
  .option('--outcome-window <columns>', 'columns that must be present for a row to train (comma-separated; "" for none)')
  .option('--predictors <columns>', 'predictor columns, comma-separated (default: the 39 EWP predictors)')
  // A usage error reaches runCli as a CommanderError (exit code 2) instead of process.exit(1).
  .exitOverride()
  .action(async (opts: Record<string, string | undefined>) => {
    const o = parseOptions(backtestOptions, opts);
    const table = await readCountryYears(o.input, {
      ...EWP_COLUMNS,
      outcome: o.outcome,
      outcomeWindow: o.outcomeWindow ?? (o.outcome === EWP_COLUMNS.outcome ? EWP_COLUMNS.outcomeWindow : []),
      predictors: o.predictors ?? EWP_COLUMNS.predictors,
    });
    if (o.model === 'ensemble') {
      const spec = ensembleWithLaggedChanges(table, {
        alpha: o.alpha,
        folds: o.folds,
        lambdaRule: o.lambdaRule === 'min' ? 'lambda.min' : 'lambda.1se',
      });
      const result = await runModelBacktest(
        spec.table,
        spec.model,
        {
          seed: o.seed,
          firstTrainingYear: o.firstYear,
          ...(o.lastYear === undefined ? {} : { lastTrainingYear: o.lastYear }),
          topK: EWP_BACKTEST.topK,
        },
        workerModelRefitRunner(spec.recipe, o.threads),
      );
      const settings = {
        model: 'ensemble',
        seed: o.seed,
        outcome: o.outcome,
        predictors: table.columns.predictors,
        addedPredictors: spec.addedPredictors,
        topK: EWP_BACKTEST.topK,
      };
      const bias = biasCheck(result.scored, table, EWP_BACKTEST.topK);
      process.stdout.write(
        o.format === 'json'
          ? `${JSON.stringify(modelBacktestJson(result, settings, o.input, bias), null, 2)}\n`
          : modelBacktestText(result, settings, o.input, bias),
      );
      return;
    }
    const result = await runBacktest(
      table,
      {
        ...EWP_BACKTEST,
        alpha: o.alpha,
        folds: o.folds,
        seed: o.seed,
        lambdaRule: o.lambdaRule === 'min' ? 'lambda.min' : 'lambda.1se',
        firstTrainingYear: o.firstYear,
        ...(o.lastYear === undefined ? {} : { lastTrainingYear: o.lastYear }),
      },
      workerRefitRunner(o.threads),
    );
    const bias = biasCheck(result.scored, table, result.settings.topK);
    process.stdout.write(
      o.format === 'json'
        ? `${JSON.stringify(backtestJson(result, o.input, bias), null, 2)}\n`
        : backtestText(result, o.input, bias),
    );
  });

const fitOptions = z.object({
  input: z.string().min(1),
  name: z.string().trim().min(1).max(200).optional(),
  seed: whole(0, 2 ** 32 - 1),
  folds: whole(3, 100),
  alpha: z.coerce.number().min(0).max(1),
  lambdaRule: z.enum(['lambda.min', 'lambda.1se']),
  lambda: z.coerce.number().positive().finite().optional(),
  lastTrainingYear: whole(1800, 2200).optional(),
  forecastYear: whole(1800, 2200).optional(),
  withBacktest: z.boolean().optional(),
  threads: whole(1, 64),
});

/** `tocsin forecast fit`: fits a model on a country-year file and stores it with its forecasts. */
const fitCommand = new Command('fit')
  .description('fit the model (lambda by cross-validation, or a fixed one) and store it with its forecasts')
  .requiredOption('--input <file>', 'country-year predictor CSV with EWP columns')
  .option('--name <name>', 'a name for the stored model (default: elastic-net, forecast year and file)')
  .option(
    '--seed <n>',
    'seed of the fold draw (folds drawn with deriveSeed(seed, last training year))',
    String(EWP_BACKTEST.seed),
  )
  .option('--folds <k>', 'cross-validation folds', String(EWP_BACKTEST.folds))
  .option('--alpha <a>', 'elastic-net mixing (1 = lasso, 0 = ridge)', String(EWP_BACKTEST.alpha))
  .addOption(
    new Option('--lambda-rule <rule>', 'lambda chosen by cross-validation')
      .choices(['lambda.min', 'lambda.1se'])
      .default('lambda.min'),
  )
  .option('--lambda <l>', 'fit at this lambda instead of cross-validating (EWP 2025: 0.002586428948318162)')
  .option('--last-training-year <y>', 'train on rows up to this year (default: forecast year - 2)')
  .option('--forecast-year <y>', 'forecast from the rows of this year (default: the last year in the file)')
  .option('--with-backtest', 'also run the back-test with the same settings and store its figures (about 10-20 s)')
  .option('--threads <n>', 'worker threads for the back-test (1 = none)', String(defaultThreads()))
  .action(async (opts: Record<string, string | boolean | undefined>, cmd: Command) => {
    const o = parseOptions(fitOptions, opts);
    const table = await readCountryYears(o.input);
    const dataSha256 = createHash('sha256')
      .update(await readFile(o.input))
      .digest('hex') as Sha256;
    const fitted = fitForecastModel(table, {
      alpha: o.alpha,
      folds: o.folds,
      seed: o.seed,
      lambdaRule: o.lambdaRule,
      ...(o.lambda === undefined ? {} : { lambda: o.lambda }),
      ...(o.forecastYear === undefined ? {} : { forecastYear: o.forecastYear }),
      ...(o.lastTrainingYear === undefined ? {} : { lastTrainingYear: o.lastTrainingYear }),
    });
    const s = fitted.settings;
    let backtest: Record<string, unknown> | null = null;
    if (o.withBacktest) {
      const result = await runBacktest(
        table,
        { ...EWP_BACKTEST, alpha: o.alpha, folds: o.folds, seed: o.seed, lambdaRule: o.lambdaRule },
        workerRefitRunner(o.threads),
      );
      backtest = backtestJson(result, basename(o.input), biasCheck(result.scored, table, result.settings.topK));
    }
    const name = o.name ?? `elastic-net ${s.forecastYear} (${basename(o.input)})`;
    await withDatabase(cmd, async (db) => {
      const id = await saveForecastModel(
        db,
        forecastModelToStore(fitted, {
          name,
          createdBy: null,
          dataSha256,
          dataFile: basename(o.input),
          codeVersion: VERSION,
          backtest,
        }),
      );
      const nonZero = fitted.coefficients.coefficients.filter((b) => b !== 0).length;
      const how = s.lambdaRule === 'fixed' ? 'fixed' : `${s.lambdaRule} of ${s.folds}-fold CV, seed ${s.seed}`;
      const lines = [
        `Stored forecast model ${id} "${name}" (elastic-net, alpha ${s.alpha}, lambda ${s.lambda} (${how}))`,
        `Trained on ${s.trainingRows.toLocaleString('en-US')} country-years up to ${s.lastTrainingYear} (${s.positives} with an onset ahead); ${nonZero} of ${s.predictors.length} predictors non-zero`,
        `Data ${basename(o.input)} sha256 ${dataSha256}; tocsin ${VERSION}`,
        ...(backtest
          ? [`Back-test: AUC ${(backtest.auc as number).toFixed(3)}, top-30 ${String(backtest.hits)}/${String(backtest.onsets)}`]
          : []),
        '',
      ];
      process.stdout.write(
        lines.join('\n') + forecastTable(await listCountryForecasts(db, { modelId: id, year: s.forecastYear }), 10),
      );
    });
  });

const modelId = z.coerce.number().int().positive().optional();
const predictOptions = z.object({ model: modelId, year: whole(1800, 2200).optional(), format: z.enum(['table', 'csv', 'json']) });

/** `tocsin forecast predict`: a stored model's ranked forecasts. */
const predictCommand = new Command('predict')
  .description("a stored model's forecasts, highest risk first")
  .option('--model <id>', 'model id (default: the newest)')
  .option('--year <y>', 'predictor year (default: the latest the model forecast from)')
  .addOption(new Option('--format <f>', 'output format').choices(['table', 'csv', 'json']).default('table'))
  .action(async (opts: Record<string, string | undefined>, cmd: Command) => {
    const o = parseOptions(predictOptions, opts);
    await withDatabase(cmd, async (db) => {
      const list = await listCountryForecasts(db, {
        ...(o.model === undefined ? {} : { modelId: o.model }),
        ...(o.year === undefined ? {} : { year: o.year }),
      });
      const out = {
        json: () => `${JSON.stringify(list, null, 2)}\n`,
        csv: () => forecastCsv(list),
        table: () => forecastTable(list),
      };
      process.stdout.write(out[o.format]());
    });
  });

const explainOptions = z.object({
  country: z.string().regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 code such as MMR'),
  model: modelId,
  year: whole(1800, 2200).optional(),
  format: z.enum(['text', 'json']),
});

/** `tocsin forecast explain`: one country's forecast taken apart, predictor by predictor. */
const explainCommand = new Command('explain')
  .description("one country's forecast: probability, rank, change, and each predictor's contribution in words")
  .requiredOption('--country <iso3>', 'ISO alpha-3 code, e.g. MMR')
  .option('--model <id>', 'model id (default: the newest)')
  .option('--year <y>', 'predictor year (default: the latest the model forecast from)')
  .addOption(new Option('--format <f>', 'output format').choices(['text', 'json']).default('text'))
  .action(async (opts: Record<string, string | undefined>, cmd: Command) => {
    const o = parseOptions(explainOptions, opts);
    await withDatabase(cmd, async (db) => {
      const detail = await getCountryForecast(db, {
        iso3: o.country.toUpperCase() as Iso3,
        ...(o.model === undefined ? {} : { modelId: o.model }),
        ...(o.year === undefined ? {} : { year: o.year }),
      });
      const json = { ...detail, contributions: detail.contributions.map((c) => ({ ...c, phrase: describeContribution(c) })) };
      process.stdout.write(o.format === 'json' ? `${JSON.stringify(json, null, 2)}\n` : explanationText(detail));
    });
  });

/** `tocsin forecast models`: the stored models, newest first. */
const modelsCommand = new Command('models')
  .description('stored forecast models, newest first, with their data hash, settings and back-test')
  .addOption(new Option('--format <f>', 'output format').choices(['table', 'json']).default('table'))
  .action(async (o: { format: 'table' | 'json' }, cmd: Command) => {
    await withDatabase(cmd, async (db) => {
      const models = await listForecastModels(db);
      process.stdout.write(o.format === 'json' ? `${JSON.stringify(models, null, 2)}\n` : modelsTable(models));
    });
  });

/** `tocsin forecast`: statistical risk assessment (EWP-style country-year models). */
export const forecastCommand = new Command('forecast')
  .description('statistical risk assessment: country-year models of mass-killing onset')
  .exitOverride()
  .addCommand(fitCommand)
  .addCommand(predictCommand)
  .addCommand(explainCommand)
  .addCommand(modelsCommand)
  .addCommand(backtestCommand);
