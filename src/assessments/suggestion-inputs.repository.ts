import type { IsoDate } from '../core/brand.js';
import type { Queryable } from '../db/database.js';
import type { AssessmentSummary } from './assessment.js';
import { HISTORY_YEARS, type SuggestionInputs } from './suggestions.js';

/** Events linked as evidence per suggestion: the deadliest first. */
const EVIDENCE_EVENTS = 10;

const yearsBefore = (d: IsoDate, years: number): IsoDate =>
  `${String(Number(d.slice(0, 4)) - years).padStart(4, '0')}${d.slice(4)}`.replace(/-02-29$/, '-02-28') as IsoDate;
const dayBefore = (d: IsoDate): IsoDate => new Date(Date.parse(d) - 86_400_000).toISOString().slice(0, 10) as IsoDate;

/**
 * Reads what the store knows about an assessment's country (and admin1) for its period: event
 * counts by category, surveillance signals, and the newest forecast model's forecast.
 */
export async function gatherSuggestionInputs(db: Queryable, a: AssessmentSummary): Promise<SuggestionInputs> {
  const place = (params: unknown[]) =>
    `e.country_iso3 = $${params.push(a.country)}${a.admin1 === null ? '' : ` AND e.admin1 = $${params.push(a.admin1)}`}`;

  const any: unknown[] = [];
  const [data] = await db.query<{ has: boolean }>(`SELECT EXISTS (SELECT 1 FROM events e WHERE ${place(any)}) AS has`, any);

  const tally = async (category: string, from: IsoDate, to: IsoDate) => {
    const p: unknown[] = [];
    const where = `${place(p)} AND e.category = $${p.push(category)} AND e.date_start BETWEEN $${p.push(from)}::date AND $${p.push(to)}::date`;
    const [t] = await db.query<{ events: number; fatalities: number | null }>(
      `SELECT count(*)::int AS events, sum(coalesce(e.fatalities_best, 0))::int AS fatalities FROM events e WHERE ${where}`,
      p,
    );
    const top = await db.query<{ id: number }>(
      `SELECT e.id FROM events e WHERE ${where} ORDER BY e.fatalities_best DESC NULLS LAST, e.id LIMIT ${EVIDENCE_EVENTS}`,
      p,
    );
    return { events: t?.events ?? 0, fatalities: t?.fatalities ?? 0, eventIds: top.map((r) => Number(r.id)) };
  };

  const historyFrom = yearsBefore(a.periodStart, HISTORY_YEARS);
  const historyTo = dayBefore(a.periodStart);
  const signals = await db.query<SuggestionInputs['signals'][number]>(
    `SELECT id, week, category, measure, observed, status FROM signals
     WHERE country_iso3 = $1 AND status <> 'discarded' AND week BETWEEN $2::date AND $3::date ORDER BY week, id`,
    [a.country, a.periodStart, a.periodEnd],
  );

  return {
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    hasEventData: data?.has ?? false,
    stateBased: await tally('state-based', a.periodStart, a.periodEnd),
    oneSidedHistory: { from: historyFrom, to: historyTo, ...(await tally('one-sided', historyFrom, historyTo)) },
    signals: signals.map((s) => ({ ...s, id: Number(s.id) })),
    forecast: await latestForecast(db, a),
  };
}

/** The newest model's forecast for the country from the latest predictor year up to the period's end. */
async function latestForecast(db: Queryable, a: AssessmentSummary): Promise<SuggestionInputs['forecast']> {
  const [f] = await db.query<{
    model_id: number;
    name: string;
    year: number;
    probability: number;
    rank: number;
    ranked: number;
    contributions: Record<string, number>;
    predictor_values: Record<string, number | null>;
  }>(
    `SELECT f.model_id, m.name, f.year, f.probability, f.rank, f.contributions, f.predictor_values,
       (SELECT count(*)::int FROM country_forecasts o WHERE o.model_id = f.model_id AND o.year = f.year) AS ranked
     FROM country_forecasts f JOIN forecast_models m ON m.id = f.model_id
     WHERE f.model_id = (SELECT id FROM forecast_models ORDER BY created_at DESC, id DESC LIMIT 1)
       AND f.country_iso3 = $1 AND f.year <= $2
     ORDER BY f.year DESC LIMIT 1`,
    [a.country, Number(a.periodEnd.slice(0, 4))],
  );
  if (!f) return null;
  return {
    modelId: f.model_id,
    modelName: f.name,
    country: a.country,
    year: f.year,
    probability: f.probability,
    rank: f.rank,
    ranked: f.ranked,
    contributions: Object.entries(f.contributions).map(([predictor, contribution]) => ({
      predictor,
      contribution,
      value: f.predictor_values[predictor] ?? null,
    })),
  };
}
