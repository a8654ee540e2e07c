import { PREDICTOR_FACTORS } from '../assessments/predictor-factors.js';
import { TocsinError } from '../core/errors.js';
import type { Db } from '../db/database.js';
import { storeWarning, type Actor } from './raise-warning.js';
import { severityOfForecast } from './severity-rules.js';
import type { Warning } from './warning.js';
import { readWarningSettings } from './warning-settings.repository.js';

export interface ForecastRaise {
  modelId: number | null;
  year: number | null;
  threshold: number | null;
  raised: Warning[];
  /** Countries at or above the threshold that raised nothing, and why. */
  skipped: { country: string; reason: string }[];
}

const percent = (p: number) => `${(p * 100).toFixed(1)}%`;

/**
 * The risk factors a forecast speaks to: those of the predictors that raise this country's risk the
 * most (the `top` largest positive contributions to the log-odds), in that order, each once.
 * Structural predictors (population, region, time) speak to no factor and are passed over.
 */
export function factorsOfContributions(contributions: Readonly<Record<string, number>>, top = 5): string[] {
  const raising = Object.entries(contributions)
    .filter(([predictor, c]) => c > 0 && PREDICTOR_FACTORS[predictor] !== undefined)
    .sort((a, b) => b[1] - a[1])
    .slice(0, top);
  return [...new Set(raising.map(([predictor]) => PREDICTOR_FACTORS[predictor]!))];
}

/**
 * Raises a warning for each country whose forecast in the newest model's latest year is at or
 * above `forecastThreshold`; once per country, model and year (a second run raises nothing new).
 */
export async function raiseFromForecasts(db: Db, actor: Actor): Promise<ForecastRaise> {
  const settings = await readWarningSettings(db);
  const threshold = settings.forecastThreshold;
  if (threshold === null)
    throw new TocsinError('conflict', 'forecastThreshold is not set in the warning settings: no forecast raises a warning');
  const [model] = await db.query<{ id: number; name: string; year: number | null }>(
    `SELECT m.id, m.name, (SELECT max(year) FROM country_forecasts f WHERE f.model_id = m.id) AS year
     FROM forecast_models m ORDER BY m.created_at DESC, m.id DESC LIMIT 1`,
  );
  if (!model || model.year === null) return { modelId: model?.id ?? null, year: null, threshold, raised: [], skipped: [] };
  const rows = await db.query<{
    country_iso3: string;
    country_name: string;
    probability: number;
    rank: number;
    known: boolean;
    done: boolean;
    contributions: Record<string, number>;
  }>(
    `SELECT f.country_iso3, f.country_name, f.probability, f.rank, f.contributions,
            EXISTS (SELECT 1 FROM countries c WHERE c.iso3 = f.country_iso3) AS known,
            EXISTS (SELECT 1 FROM warnings w WHERE w.origin = 'forecast' AND w.forecast_model_id = f.model_id
                      AND w.country_iso3 = f.country_iso3 AND w.forecast_year = f.year) AS done
     FROM country_forecasts f WHERE f.model_id = $1 AND f.year = $2 AND f.probability >= $3 ORDER BY f.rank, f.country_iso3`,
    [model.id, model.year, threshold],
  );
  const out: ForecastRaise = { modelId: model.id, year: model.year, threshold, raised: [], skipped: [] };
  for (const r of rows) {
    if (r.done) {
      out.skipped.push({ country: r.country_iso3, reason: 'already raised for this model and year' });
      continue;
    }
    if (!r.known) {
      out.skipped.push({ country: r.country_iso3, reason: 'not in the country table' });
      continue;
    }
    const w = await storeWarning(
      db,
      {
        title: `Forecast risk of mass killing in ${r.country_name}: ${percent(r.probability)} (${model.year + 1}-${model.year + 2})`,
        summary:
          `Model "${model.name}" puts the risk of a new mass-killing episode in ${r.country_name} starting in ` +
          `${model.year + 1} or ${model.year + 2} at ${percent(r.probability)} (rank ${r.rank}), at or above the ` +
          `threshold of ${percent(threshold)}.`,
        severity: severityOfForecast(r.probability, threshold),
        country: r.country_iso3,
        admin1: null,
        origin: 'forecast',
        forecastModelId: model.id,
        forecastYear: model.year,
        riskFactors: factorsOfContributions(r.contributions),
        evidence: [{ kind: 'forecast', id: `${model.id}/${r.country_iso3}/${model.year}` }],
        groupIds: [],
      },
      actor,
      settings,
    );
    if (w) out.raised.push(w);
    else out.skipped.push({ country: r.country_iso3, reason: 'already raised for this model and year' });
  }
  return out;
}
