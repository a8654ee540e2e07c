import * as z from 'zod/mini';
// Vocabularies from the server's pure modules (no Node dependency), so the page cannot drift from them.
import { MEASURE_KINDS, MEASURE_STATUSES } from '../../../src/measures/measure.js';
import { SIGNAL_MEASURES, SIGNAL_STATUSES } from '../../../src/surveillance/signals/signal.js';
import { DECISIONS, SEVERITIES, WARNING_STATUSES } from '../../../src/warnings/warning.js';
import { ApiError, request } from '../api.js';
import { eventPageSchema, type EventPage, type ViolenceCategory } from '../api-schemas.js';

/** The country profile's API answers, parsed once with zod/mini. Levels and ratings stay strings: see levels.ts. */

const countryListSchema = z.object({
  items: z.array(z.object({ iso3: z.string(), name: z.string(), region: z.string(), subregion: z.string() })),
});
export type CountryInfo = z.infer<typeof countryListSchema>['items'][number];

export async function fetchCountryInfo(iso3: string): Promise<CountryInfo | null> {
  const { items } = await request('/api/countries', countryListSchema);
  return items.find((c) => c.iso3 === iso3) ?? null;
}

const contributionSchema = z.object({
  predictor: z.string(),
  value: z.number(),
  mean: z.number(),
  coefficient: z.number(),
  contribution: z.number(),
});
export type Contribution = z.infer<typeof contributionSchema>;

const forecastSchema = z.object({
  iso3: z.string(),
  probability: z.number(),
  rank: z.number(),
  previousProbability: z.nullable(z.number()),
  change: z.nullable(z.number()),
  modelId: z.number(),
  modelName: z.string(),
  year: z.number(),
  countries: z.number(),
  baselineProbability: z.number(),
  contributions: z.array(contributionSchema),
});
export type CountryForecast = z.infer<typeof forecastSchema>;

/** null when no model forecasts this country (404): a state to explain, not an error. */
export async function fetchForecast(iso3: string): Promise<CountryForecast | null> {
  try {
    return await request(`/api/forecasts/${iso3}`, forecastSchema);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

const summarySchema = z.object({
  id: z.number(),
  country: z.string(),
  admin1: z.nullable(z.string()),
  groupId: z.nullable(z.number()),
  periodStart: z.string(),
  periodEnd: z.string(),
  status: z.string(),
  level: z.nullable(z.string()),
  summary: z.string(),
  factorScores: z.record(z.string(), z.nullable(z.number())),
  author: z.nullable(z.string()),
  reviewer: z.nullable(z.string()),
  publishedAt: z.nullable(z.string()),
});
export type AssessmentSummary = z.infer<typeof summarySchema>;

export const fetchPublishedAssessments = (iso3: string): Promise<AssessmentSummary[]> =>
  request(`/api/assessments?country=${iso3}&status=published&limit=1000`, z.array(summarySchema));

const evidenceSchema = z.object({ kind: z.string(), id: z.union([z.number(), z.string()]) });
const assessmentSchema = z.extend(summarySchema, {
  ratings: z.array(
    z.object({
      indicatorId: z.string(),
      rating: z.string(),
      confidence: z.string(),
      rationale: z.string(),
      evidence: z.array(evidenceSchema),
    }),
  ),
  framework: z.array(
    z.object({
      id: z.string(),
      number: z.number(),
      title: z.string(),
      indicators: z.array(z.object({ id: z.string(), position: z.number(), text: z.string() })),
    }),
  ),
  scores: z.array(
    z.object({
      factorId: z.string(),
      score: z.nullable(z.number()),
      rated: z.number(),
      unknown: z.number(),
      indicators: z.number(),
    }),
  ),
});
export type Assessment = z.infer<typeof assessmentSchema>;
export type IndicatorRating = Assessment['ratings'][number];

export const fetchAssessment = (id: number): Promise<Assessment> => request(`/api/assessments/${id}`, assessmentSchema);

const ratingChange = z.nullable(z.object({ rating: z.string(), confidence: z.string() }));
const diffSchema = z.object({
  from: z.number(),
  to: z.number(),
  level: z.object({ from: z.nullable(z.string()), to: z.nullable(z.string()), direction: z.string() }),
  indicators: z.array(z.object({ indicatorId: z.string(), from: ratingChange, to: ratingChange })),
  factors: z.array(
    z.object({ factorId: z.string(), from: z.nullable(z.number()), to: z.nullable(z.number()), change: z.nullable(z.number()) }),
  ),
});
export type AssessmentDiff = z.infer<typeof diffSchema>;

/** What changed from assessment `from` to assessment `to`. */
export const fetchDiff = (from: number, to: number): Promise<AssessmentDiff> =>
  request(`/api/assessments/${from}/diff?with=${to}`, diffSchema);

const historySchema = z.array(z.object({ id: z.number(), action: z.string(), user: z.nullable(z.string()), at: z.string() }));
export type AssessmentLog = z.infer<typeof historySchema>;
export const fetchHistory = (id: number): Promise<AssessmentLog> => request(`/api/assessments/${id}/history`, historySchema);

const frameworkSchema = z.object({ factors: z.array(z.object({ id: z.string(), number: z.number(), title: z.string() })) });
export type FrameworkFactor = z.infer<typeof frameworkSchema>['factors'][number];
export const fetchFramework = async (): Promise<FrameworkFactor[]> => (await request('/api/framework', frameworkSchema)).factors;

const seriesSchema = z.object({
  periods: z.array(z.string()),
  incidents: z.array(z.number()),
  fatalities: z.array(z.number()),
});
export type WeeklySeries = z.infer<typeof seriesSchema>;

export const fetchWeeklySeries = (iso3: string, category: ViolenceCategory): Promise<WeeklySeries> =>
  request(`/api/series?country=${iso3}&category=${category}&frequency=weekly`, seriesSchema);

const signalSchema = z.object({
  id: z.number(),
  category: z.string(),
  measure: z.enum(SIGNAL_MEASURES),
  frequency: z.string(),
  week: z.string(),
  method: z.string(),
  observed: z.number(),
  upperbound: z.nullable(z.number()),
  status: z.enum(SIGNAL_STATUSES),
});
export type Signal = z.infer<typeof signalSchema>;
export const SIGNAL_LIMIT = 500;

export const fetchSignals = async (iso3: string): Promise<Signal[]> =>
  (await request(`/api/signals?country=${iso3}&limit=${SIGNAL_LIMIT}`, z.object({ items: z.array(signalSchema) }))).items;

const groupSchema = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.string(),
  areas: z.array(z.string()),
  notes: z.string(),
});
export type ProtectedGroup = z.infer<typeof groupSchema>;
export const fetchGroups = (iso3: string): Promise<ProtectedGroup[]> =>
  request(`/api/groups?country=${iso3}`, z.array(groupSchema));

/** The latest events tagged with a group, with their total. */
export const fetchGroupEvents = (groupId: number, limit: number): Promise<EventPage> =>
  request(`/api/events?group=${groupId}&limit=${limit}&includeTotal=true`, eventPageSchema);

const warningSchema = z.object({
  id: z.number(),
  title: z.string(),
  summary: z.string(),
  severity: z.enum(SEVERITIES),
  admin1: z.nullable(z.string()),
  riskFactors: z.array(z.string()),
  status: z.enum(WARNING_STATUSES),
  decision: z.nullable(z.enum(DECISIONS)),
  raisedAt: z.string(),
});
export type Warning = z.infer<typeof warningSchema>;
export const fetchWarnings = async (iso3: string): Promise<Warning[]> =>
  (await request(`/api/warnings?country=${iso3}&limit=200`, z.object({ items: z.array(warningSchema) }))).items;

const measuresSchema = z.object({
  measures: z.array(
    z.object({
      id: z.number(),
      kind: z.nullable(z.enum(MEASURE_KINDS)),
      title: z.string(),
      owner: z.string(),
      status: z.enum(MEASURE_STATUSES),
      dueDate: z.nullable(z.string()),
      outcome: z.nullable(z.string()),
    }),
  ),
  recommended: z.array(z.object({ id: z.string(), kind: z.enum(MEASURE_KINDS), title: z.string(), reason: z.string() })),
});
export type WarningMeasures = z.infer<typeof measuresSchema>;
export const fetchWarningMeasures = (id: number): Promise<WarningMeasures> =>
  request(`/api/warnings/${id}/measures`, measuresSchema);
