import { Command, Option } from 'commander';
import { z } from 'zod';
import { TocsinError } from '../core/errors.js';
import { EWP_BACKTEST, runBacktest } from '../forecast/backtest/backtest.js';
import { backtestJson, backtestText } from '../forecast/backtest/backtest-report.js';
import { workerRefitRunner } from '../forecast/parallel/parallel-runs.js';
import { defaultThreads } from '../forecast/parallel/worker-pool.js';
import { EWP_COLUMNS } from '../forecast/country-years/ewp-columns.js';
import { readCountryYears } from '../forecast/country-years/read-country-years.js';

const columnList = z
  .string()
  .transform((s) => s.split(',').map((c) => c.trim()))
  .refine((cols) => cols.every((c) => c !== ''), { message: 'must be comma-separated column names' });
const whole = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const backtestOptions = z.object({
  input: z.string().min(1),
  model: z.enum(['elastic-net']),
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

/** `tocsin forecast backtest`: EWP's out-of-sample back-test on a country-year predictor file. No database. */
const backtestCommand = new Command('backtest')
  .description('refit the model for each training cutoff and score its forecasts against later onsets')
  .requiredOption('--input <file>', 'country-year predictor CSV (EWP prepared2024predictors-2025-09-03.csv or a newer one)')
  .addOption(new Option('--model <model>', 'model to back-test').choices(['elastic-net']).default('elastic-net'))
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
    const parsed = backtestOptions.safeParse(opts);
    if (!parsed.success) {
      const i = parsed.error.issues[0]!;
      const flag = String(i.path[0] ?? '').replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`);
      throw new TocsinError('invalid_input', `--${flag}: ${i.message}`);
    }
    const o = parsed.data;
    const table = await readCountryYears(o.input, {
      ...EWP_COLUMNS,
      outcome: o.outcome,
      outcomeWindow: o.outcomeWindow ?? (o.outcome === EWP_COLUMNS.outcome ? EWP_COLUMNS.outcomeWindow : []),
      predictors: o.predictors ?? EWP_COLUMNS.predictors,
    });
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
    process.stdout.write(
      o.format === 'json' ? `${JSON.stringify(backtestJson(result, o.input), null, 2)}\n` : backtestText(result, o.input),
    );
  });

/** `tocsin forecast`: statistical risk assessment (EWP-style country-year models). */
export const forecastCommand = new Command('forecast')
  .description('statistical risk assessment: country-year models of mass-killing onset')
  .exitOverride()
  .addCommand(backtestCommand);
