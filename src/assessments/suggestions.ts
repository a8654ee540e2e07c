import type { IsoDate } from '../core/brand.js';
import { EWP_PREDICTOR_LABELS } from '../forecast/product/predictor-labels.js';
import type { EvidenceLink, Rating } from './assessment.js';
import { PREDICTOR_FACTORS } from './predictor-factors.js';

/** A rating suggested from data, shown beside the analyst's own; never applied without a person. */
export interface Suggestion {
  factorId: string;
  /** Null: the suggestion speaks to the factor as a whole. */
  indicatorId: string | null;
  suggestedRating: Rating;
  /** The figures behind it, in words. */
  basis: string;
  evidence: EvidenceLink[];
}

/** What the store knows about a country and period, gathered by `gatherSuggestionInputs`. */
export interface SuggestionInputs {
  periodStart: IsoDate;
  periodEnd: IsoDate;
  /** Whether the store holds any event of the country (or admin1): without, no event means no data, not calm. */
  hasEventData: boolean;
  stateBased: { events: number; fatalities: number; eventIds: number[] };
  oneSidedHistory: { from: IsoDate; to: IsoDate; events: number; fatalities: number; eventIds: number[] };
  signals: { id: number; week: IsoDate; category: string; measure: string; observed: number; status: string }[];
  forecast: {
    modelId: number;
    modelName: string;
    country: string;
    year: number;
    probability: number;
    rank: number;
    ranked: number;
    /** Each predictor's contribution to the log-odds against the average country, and its value. */
    contributions: { predictor: string; contribution: number; value: number | null }[];
  } | null;
}

type ForecastContribution = NonNullable<SuggestionInputs['forecast']>['contributions'][number];

/** UCDP's thresholds: 25 deaths a year make an armed conflict (or a one-sided actor), 1,000 a war. */
export const CONFLICT_DEATHS = 25;
export const WAR_DEATHS = 1000;
/** Years of one-sided violence before the period read for RF2. */
export const HISTORY_YEARS = 5;
/** A factor's net forecast contribution (log-odds) from which it is suggested moderate, and high. */
export const FORECAST_MODERATE = 0.5;
export const FORECAST_HIGH = 1;

const DAY_MS = 86_400_000;
const days = (from: IsoDate, to: IsoDate) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS) + 1;
const nf = new Intl.NumberFormat('en');
const eventLinks = (ids: readonly number[]): EvidenceLink[] => ids.map((id) => ({ kind: 'event', id }));
const byAnnualDeaths = (perYear: number, events: number): Rating =>
  events === 0 ? 'absent' : perYear >= WAR_DEATHS ? 'high' : perYear >= CONFLICT_DEATHS ? 'moderate' : 'low';

function armedConflict(i: SuggestionInputs): Suggestion {
  const d = days(i.periodStart, i.periodEnd);
  const perYear = (i.stateBased.fatalities * 365) / d;
  const rating = byAnnualDeaths(perYear, i.stateBased.events);
  return {
    factorId: 'RF1',
    indicatorId: null,
    suggestedRating: rating,
    basis:
      `${nf.format(i.stateBased.events)} state-based conflict events with ${nf.format(i.stateBased.fatalities)} deaths ` +
      `from ${i.periodStart} to ${i.periodEnd} (${d} days, about ${nf.format(Math.round(perYear))} a year). ` +
      `UCDP counts an armed conflict from ${CONFLICT_DEATHS} battle deaths a year and a war from ${nf.format(WAR_DEATHS)}.`,
    evidence: eventLinks(i.stateBased.eventIds),
  };
}

function pastViolations(i: SuggestionInputs): Suggestion {
  const h = i.oneSidedHistory;
  const perYear = h.fatalities / HISTORY_YEARS;
  return {
    factorId: 'RF2',
    indicatorId: null,
    suggestedRating: byAnnualDeaths(perYear, h.events),
    basis:
      `${nf.format(h.events)} events of one-sided violence against civilians with ${nf.format(h.fatalities)} deaths ` +
      `from ${h.from} to ${h.to} (the ${HISTORY_YEARS} years before the period; about ${nf.format(Math.round(perYear))} a year). ` +
      `Moderate from ${CONFLICT_DEATHS} deaths a year (UCDP's threshold for one-sided violence), high from ${nf.format(WAR_DEATHS)}.`,
    evidence: eventLinks(h.eventIds),
  };
}

function triggers(i: SuggestionInputs): Suggestion {
  const raised = i.signals.filter((s) => s.status === 'warning');
  const n = i.signals.length;
  // Several methods alarm on the same series and week: a rise counts, and is named, once.
  const rises = [
    ...new Set(i.signals.map((s) => `${s.category} ${s.measure} ${nf.format(s.observed)} in the week of ${s.week}`)),
  ];
  const rating: Rating = n === 0 ? 'absent' : rises.length >= 3 || raised.length > 0 ? 'high' : 'moderate';
  const weeks = [...new Set(i.signals.map((s) => s.week))].sort();
  return {
    factorId: 'RF8',
    indicatorId: null,
    suggestedRating: rating,
    basis:
      n === 0
        ? `No surveillance signal (other than discarded ones) in weeks from ${i.periodStart} to ${i.periodEnd}. ` +
          'Signals only see sudden rises in violence: elections, arrests or speeches that may trigger violence are not in them.'
        : `${n} surveillance signal${n === 1 ? '' : 's'} not discarded in the period (weeks ${weeks.join(', ')})` +
          `${rises.length < n ? `, ${rises.length} distinct rise${rises.length === 1 ? '' : 's'}` : ''}` +
          `${raised.length ? `, ${raised.length} triaged as a warning` : ''}: ` +
          rises.slice(0, 5).join('; ') +
          `${rises.length > 5 ? `; and ${rises.length - 5} more` : ''}. A sudden rise in violence can itself trigger atrocity crimes.`,
    evidence: i.signals.map((s) => ({ kind: 'signal', id: s.id })),
  };
}

function fromForecast(f: NonNullable<SuggestionInputs['forecast']>, factorIds: ReadonlySet<string>): Suggestion[] {
  const byFactor = new Map<string, ForecastContribution[]>();
  for (const c of f.contributions) {
    const factor = PREDICTOR_FACTORS[c.predictor];
    if (!factor || !factorIds.has(factor)) continue;
    byFactor.set(factor, [...(byFactor.get(factor) ?? []), c]);
  }
  const out: Suggestion[] = [];
  for (const [factorId, cs] of byFactor) {
    const net = cs.reduce((s, c) => s + c.contribution, 0);
    if (net <= 0) continue; // the model reads this factor as lowering the risk: nothing to suggest
    const top = [...cs].sort((a, b) => b.contribution - a.contribution).slice(0, 3);
    out.push({
      factorId,
      indicatorId: null,
      suggestedRating: net >= FORECAST_HIGH ? 'high' : net >= FORECAST_MODERATE ? 'moderate' : 'low',
      basis:
        `Forecast model "${f.modelName}" (${f.year} predictors): probability of a mass-killing onset ${(100 * f.probability).toFixed(1)}%, ` +
        `rank ${f.rank} of ${f.ranked}. Predictors of this factor add ${net.toFixed(2)} to the log-odds against the average country: ` +
        top
          .map(
            (c) =>
              `${EWP_PREDICTOR_LABELS[c.predictor]?.label ?? c.predictor} (${c.contribution >= 0 ? '+' : ''}${c.contribution.toFixed(2)})`,
          )
          .join(', ') +
        `. Moderate from +${FORECAST_MODERATE}, high from +${FORECAST_HIGH}.`,
      evidence: [{ kind: 'forecast', id: `${f.modelId}:${f.country}:${f.year}` }],
    });
  }
  return out;
}

/**
 * Ratings suggested from data, for the factors present in the assessment's framework: RF1 from
 * state-based conflict deaths in the period, RF2 from one-sided violence in the five years before,
 * RF8 from the surveillance signals of the period, and the factors the forecast's predictors speak to.
 * Without event data for the country, RF1 and RF2 are not suggested (silence is not evidence of calm).
 */
export function suggestRatings(inputs: SuggestionInputs, factorIds: readonly string[]): Suggestion[] {
  const has = new Set(factorIds);
  const out: Suggestion[] = [];
  if (inputs.hasEventData) {
    if (has.has('RF1')) out.push(armedConflict(inputs));
    if (has.has('RF2')) out.push(pastViolations(inputs));
  }
  if (has.has('RF8')) out.push(triggers(inputs));
  if (inputs.forecast) out.push(...fromForecast(inputs.forecast, has));
  return out;
}
