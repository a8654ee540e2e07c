import { csvField } from '../../core/csv.js';
import type { CountryForecastDetail, ForecastList, ForecastModelSummary } from './forecast-model.js';
import { describeContribution } from './predictor-labels.js';

const pct = (p: number, digits = 2): string => `${(100 * p).toFixed(digits)}%`;
/** A change in probability, in percentage points. */
const points = (d: number | null): string => (d === null ? 'new' : `${d >= 0 ? '+' : '-'}${Math.abs(100 * d).toFixed(2)} pt`);

/** The horizon a predictor year forecasts (EWP: onset in the next two years). */
export const onsetWindow = (year: number): string => `${year + 1}-${String(year + 2).slice(-2)}`;

/** A ranked list as an aligned table, with a header line saying what it forecasts. */
export function forecastTable(list: ForecastList, limit = Infinity): string {
  const lines = [
    `Model ${list.modelId} "${list.modelName}": risk of a new mass-killing onset in ${onsetWindow(list.year)}, from the ${list.year} data`,
    `${'rank'.padStart(4)}  ${'country'.padEnd(34)} ISO3  ${'risk'.padStart(7)}  change since the ${list.year - 1} data`,
    ...list.forecasts
      .slice(0, limit)
      .map(
        (f) =>
          `${String(f.rank).padStart(4)}  ${f.countryName.slice(0, 34).padEnd(34)} ${f.iso3}  ${pct(f.probability).padStart(7)}  ${points(f.change)}`,
      ),
  ];
  return `${lines.join('\n')}\n`;
}

/** A ranked list as CSV (probabilities as fractions, full precision). */
export function forecastCsv(list: ForecastList): string {
  const head = 'model,year,rank,iso3,country,probability,previous_probability,change';
  const rows = list.forecasts.map((f) =>
    [list.modelId, list.year, f.rank, f.iso3, f.countryName, f.probability, f.previousProbability ?? 'NA', f.change ?? 'NA']
      .map((v) => csvField(String(v)))
      .join(','),
  );
  return `${[head, ...rows].join('\n')}\n`;
}

/** One country's forecast, with its largest contributions in words (the rest summed in one line). */
export function explanationText(d: CountryForecastDetail, top = 10): string {
  const shown = d.contributions.slice(0, top);
  const rest = d.contributions.slice(top);
  const restSum = rest.reduce((s, c) => s + c.contribution, 0);
  const diff = d.logOdds - d.baselineLogOdds;
  const lines = [
    `${d.countryName} (${d.iso3}): ${pct(d.probability)} risk of a new mass-killing onset in ${onsetWindow(d.year)} (from the ${d.year} data)`,
    `Rank ${d.rank} of ${d.countries}; ${d.previousProbability === null ? `no forecast from the ${d.year - 1} data` : `from the ${d.year - 1} data ${pct(d.previousProbability)} (${points(d.change)})`}`,
    `Model ${d.modelId} "${d.modelName}"`,
    '',
    `Against the average country (the training means, ${pct(d.baselineProbability)}), ${diff >= 0 ? '+' : ''}${diff.toFixed(2)} log-odds:`,
    ...shown.map((c) => `  ${describeContribution(c)}`),
    ...(rest.length
      ? [`  ${restSum >= 0 ? '+' : '-'}${Math.abs(restSum).toFixed(2)} log-odds: ${rest.length} other predictors together`]
      : []),
    '',
    'Contributions are coefficient x (value - average) and add up to the difference in log-odds;',
    'they describe the model, not causes.',
  ];
  return `${lines.join('\n')}\n`;
}

/** Stored models as a table, newest first. */
export function modelsTable(models: readonly ForecastModelSummary[]): string {
  if (models.length === 0) return 'No forecast model is stored yet (fit one with `tocsin forecast fit`).\n';
  const lines = models.map((m) => {
    const b = m.backtest as { auc?: number; hits?: number; onsets?: number } | null;
    const backtest = b && typeof b.auc === 'number' ? `AUC ${b.auc.toFixed(3)}, top-30 ${b.hits}/${b.onsets}` : 'no back-test';
    return `${String(m.id).padStart(4)}  ${m.createdAt.slice(0, 16).replace('T', ' ')}  ${m.name.slice(0, 32).padEnd(32)}  lambda ${m.settings.lambda.toPrecision(4)} (${m.settings.lambdaRule})  years ${m.years.join(', ')}  ${backtest}  data ${m.dataSha256.slice(0, 12)}  v${m.codeVersion}`;
  });
  return `${lines.join('\n')}\n`;
}
