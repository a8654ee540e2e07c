import type { AssessmentSummary } from './api.js';

/** How a risk factor's score moved from the previous published assessment to the newest. */
export type FactorTrend = 'rose' | 'fell' | 'same' | 'new' | 'dropped' | 'none';

/** Scores are means of 0-3 points rounded to hundredths; smaller moves are rounding, not change. */
const TOLERANCE = 0.005;

/**
 * The country-wide assessments, newest first: those of an admin1 region or of one protected group
 * answer a narrower question and do not set the country's level.
 */
export const nationalAssessments = (list: readonly AssessmentSummary[]): AssessmentSummary[] =>
  list.filter((a) => a.admin1 === null && a.groupId === null);

/** The trend of one factor; `previous` is undefined when there is no earlier assessment at all. */
export function factorTrend(current: number | null | undefined, previous: number | null | undefined): FactorTrend {
  if (previous === undefined) return 'none';
  const now = current ?? null;
  if (now === null && previous === null) return 'same';
  if (previous === null) return 'new';
  if (now === null) return 'dropped';
  if (Math.abs(now - previous) < TOLERANCE) return 'same';
  return now > previous ? 'rose' : 'fell';
}

/** Each factor's trend between the newest assessment and the one before it (if any). */
export function factorTrends(
  factorIds: readonly string[],
  newest: AssessmentSummary,
  previous: AssessmentSummary | undefined,
): Map<string, FactorTrend> {
  return new Map(
    factorIds.map((id) => [
      id,
      factorTrend(newest.factorScores[id], previous === undefined ? undefined : (previous.factorScores[id] ?? null)),
    ]),
  );
}
