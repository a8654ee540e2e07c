import type { Queryable } from '../db/database.js';
import type { Assessment, FrameworkFactor } from './assessment.js';
import { getAssessment, latestPublishedByCountry } from './assessments.repository.js';
import { consistencyReport, type ConsistencyReport } from './consistency.js';
import { diffAssessments, type AssessmentDiff } from './diff.js';
import { readRatingFramework } from './rating-framework.repository.js';
import { scoreFactors, suggestLevel, type FactorScore, type LevelSuggestion } from './scoring.js';
import { gatherSuggestionInputs } from './suggestion-inputs.repository.js';
import { suggestRatings, type Suggestion } from './suggestions.js';

/** An assessment as an analyst or reviewer reads it: ratings, scores, and beside them what the data suggest. */
export interface AssessmentView extends Assessment {
  framework: FrameworkFactor[];
  scores: FactorScore[];
  /** The level the scores point to; never applied: `level` is the person's choice. */
  suggestedLevel: LevelSuggestion;
  suggestions: Suggestion[];
}

export async function viewAssessment(db: Queryable, id: number): Promise<AssessmentView> {
  const a = await getAssessment(db, id);
  const framework = await readRatingFramework(db, a.frameworkVersion);
  const scores = scoreFactors(framework, a.ratings);
  const inputs = await gatherSuggestionInputs(db, a);
  return {
    ...a,
    framework,
    scores,
    suggestedLevel: suggestLevel(scores),
    suggestions: suggestRatings(
      inputs,
      framework.map((f) => f.id),
    ),
  };
}

/** What changed from assessment `id` to assessment `other`. */
export async function diffStoredAssessments(db: Queryable, id: number, other: number): Promise<AssessmentDiff> {
  return diffAssessments(await getAssessment(db, id), await getAssessment(db, other));
}

/** The consistency report over the latest published country assessments. */
export async function consistencyOfPublished(db: Queryable): Promise<ConsistencyReport> {
  const latest = await latestPublishedByCountry(db);
  return consistencyReport(
    latest.flatMap((a) => (a.level ? [{ id: a.id, country: a.country, level: a.level, factorScores: a.factorScores }] : [])),
  );
}
