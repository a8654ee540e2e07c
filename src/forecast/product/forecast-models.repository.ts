import type { Iso3, Sha256 } from '../../core/brand.js';
import { TocsinError } from '../../core/errors.js';
import type { Db, Queryable } from '../../db/database.js';
import { explainForecast } from './explain-forecast.js';
import type { ForecastModelSettings } from './fit-forecast-model.js';
import type {
  CountryForecastDetail,
  ForecastList,
  ForecastModel,
  ForecastModelSummary,
  NewForecastModel,
  RankedCountryForecast,
  StoredCoefficients,
} from './forecast-model.js';

interface ModelRow {
  id: number;
  name: string;
  kind: 'elastic-net';
  created_at: Date | string;
  created_by: string | null;
  data_sha256: Sha256;
  data_file: string;
  code_version: string;
  settings: ForecastModelSettings;
  backtest: Record<string, unknown> | null;
  years: number[] | null;
  coefficients?: StoredCoefficients;
  predictor_means?: { predictor: string; mean: number }[];
}

const SUMMARY_COLUMNS = `m.id, m.name, m.kind, m.created_at, u.username AS created_by, m.data_sha256, m.data_file,
  m.code_version, m.settings, m.backtest,
  ARRAY(SELECT DISTINCT f.year FROM country_forecasts f WHERE f.model_id = m.id ORDER BY f.year DESC) AS years`;

const summaryOf = (r: ModelRow): ForecastModelSummary => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  createdAt: new Date(r.created_at).toISOString(),
  createdBy: r.created_by,
  dataSha256: r.data_sha256,
  dataFile: r.data_file,
  codeVersion: r.code_version,
  settings: r.settings,
  backtest: r.backtest,
  years: r.years ?? [],
});

/** Stores a model and all its forecasts in one transaction; returns the model's id. */
export async function saveForecastModel(db: Db, model: NewForecastModel): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO forecast_models (name, kind, created_by, data_sha256, data_file, settings, code_version, coefficients,
         predictor_means, backtest)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8::jsonb, $9::jsonb, $10::jsonb) RETURNING id`,
      [
        model.name,
        model.kind,
        model.createdBy,
        model.dataSha256,
        model.dataFile,
        JSON.stringify(model.settings),
        model.codeVersion,
        JSON.stringify(model.coefficients),
        JSON.stringify(model.predictorMeans),
        model.backtest === null ? null : JSON.stringify(model.backtest),
      ],
    );
    const id = row!.id;
    const rows = model.forecasts.map((f) => ({
      iso3: f.iso3,
      code: f.countryCode,
      name: f.countryName,
      year: f.year,
      probability: f.probability,
      rank: f.rank,
      previous: f.previousProbability,
      change: f.change,
      values: f.predictorValues,
      contributions: f.contributions,
    }));
    await tx.query(
      `INSERT INTO country_forecasts (model_id, country_iso3, country_code, country_name, year, probability, rank,
         previous_probability, change, predictor_values, contributions)
       SELECT $1, f.iso3, f.code, f.name, f.year, f.probability, f.rank, f.previous, f.change, f.values, f.contributions
       FROM json_to_recordset($2::json) AS f(iso3 text, code integer, name text, year integer, probability double precision,
            rank integer, previous double precision, change double precision, "values" jsonb, contributions jsonb)`,
      [id, JSON.stringify(rows)],
    );
    return id;
  });
}

/** Every stored model, newest first, without coefficients. */
export async function listForecastModels(db: Queryable): Promise<ForecastModelSummary[]> {
  const rows = await db.query<ModelRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM forecast_models m LEFT JOIN users u ON u.id = m.created_by
     ORDER BY m.created_at DESC, m.id DESC`,
  );
  return rows.map(summaryOf);
}

/** One model with its coefficients and predictor means; the newest when `id` is omitted. */
export async function getForecastModel(db: Queryable, id?: number): Promise<ForecastModel> {
  const [row] = await db.query<ModelRow>(
    `SELECT ${SUMMARY_COLUMNS}, m.coefficients, m.predictor_means
     FROM forecast_models m LEFT JOIN users u ON u.id = m.created_by
     WHERE $1::integer IS NULL OR m.id = $1
     ORDER BY m.created_at DESC, m.id DESC LIMIT 1`,
    [id ?? null],
  );
  if (!row) {
    throw new TocsinError(
      'not_found',
      id === undefined ? 'no forecast model is stored yet (fit one with `tocsin forecast fit`)' : `no forecast model ${id}`,
      id === undefined ? {} : { id },
    );
  }
  return { ...summaryOf(row), coefficients: row.coefficients!, predictorMeans: row.predictor_means! };
}

/** The year asked for, or the model's latest; refused when the model has no forecasts for it. */
function yearOf(model: ForecastModelSummary, year: number | undefined): number {
  const chosen = year ?? model.years[0];
  if (chosen === undefined || !model.years.includes(chosen)) {
    throw new TocsinError(
      'not_found',
      `model ${model.id} has no forecasts from ${year ?? 'any year'} (it has ${model.years.join(', ') || 'none'})`,
      {
        model: model.id,
        year,
      },
    );
  }
  return chosen;
}

interface ForecastRow {
  country_iso3: Iso3;
  country_code: number;
  country_name: string;
  probability: number;
  rank: number;
  previous_probability: number | null;
  change: number | null;
  predictor_values?: Record<string, number>;
  countries?: number;
}

const rankedOf = (r: ForecastRow): RankedCountryForecast => ({
  iso3: r.country_iso3,
  countryName: r.country_name,
  probability: r.probability,
  rank: r.rank,
  previousProbability: r.previous_probability,
  change: r.change,
});

/** One year's forecasts of a model (default: the newest model, its latest year), highest probability first. */
export async function listCountryForecasts(db: Queryable, query: { modelId?: number; year?: number }): Promise<ForecastList> {
  const model = await getForecastModel(db, query.modelId);
  const year = yearOf(model, query.year);
  const rows = await db.query<ForecastRow>(
    `SELECT country_iso3, country_code, country_name, probability, rank, previous_probability, change
     FROM country_forecasts WHERE model_id = $1 AND year = $2 ORDER BY rank, country_iso3`,
    [model.id, year],
  );
  return { modelId: model.id, modelName: model.name, year, forecasts: rows.map(rankedOf) };
}

/** One country's forecast with each predictor's contribution (default: newest model, latest year). */
export async function getCountryForecast(
  db: Queryable,
  query: { iso3: Iso3; modelId?: number; year?: number },
): Promise<CountryForecastDetail> {
  const model = await getForecastModel(db, query.modelId);
  const year = yearOf(model, query.year);
  const [row] = await db.query<ForecastRow>(
    `SELECT country_iso3, country_code, country_name, probability, rank, previous_probability, change, predictor_values,
       (SELECT count(*)::integer FROM country_forecasts c WHERE c.model_id = f.model_id AND c.year = f.year) AS countries
     FROM country_forecasts f WHERE model_id = $1 AND year = $2 AND country_iso3 = $3`,
    [model.id, year, query.iso3],
  );
  if (!row) {
    throw new TocsinError('not_found', `model ${model.id} has no forecast for ${query.iso3} from ${year}`, {
      model: model.id,
      iso3: query.iso3,
      year,
    });
  }
  const names = model.coefficients.coefficients.map((c) => c.predictor);
  const meanOf = new Map(model.predictorMeans.map((m) => [m.predictor, m.mean]));
  const e = explainForecast(
    { names, intercept: model.coefficients.intercept, coefficients: model.coefficients.coefficients.map((c) => c.value) },
    names.map((n) => meanOf.get(n) ?? Number.NaN),
    names.map((n) => row.predictor_values![n] ?? Number.NaN),
  );
  return {
    ...rankedOf(row),
    modelId: model.id,
    modelName: model.name,
    countryCode: row.country_code,
    year,
    countries: row.countries!,
    logOdds: e.logOdds,
    baselineLogOdds: e.baselineLogOdds,
    baselineProbability: e.baselineProbability,
    contributions: e.contributions,
  };
}
