import { type Confidence, type FrameworkFactor, type Level, type Rating } from './assessment.js';

/** Points of a rating; `unknown` has none: it is left out of the score and lowers the coverage. */
export const RATING_POINTS: Readonly<Record<Exclude<Rating, 'unknown'>, number>> = { absent: 0, low: 1, moderate: 2, high: 3 };
/** A rating's weight in its factor's score: a guess counts half as much as a well-founded rating. */
export const CONFIDENCE_WEIGHT: Readonly<Record<Confidence, number>> = { low: 0.5, medium: 0.75, high: 1 };

/** A factor's score is "high" from here, and "moderate or above" from MODERATE (both on the 0-3 scale). */
export const HIGH = 2.5;
export const MODERATE = 1.5;
export const PRESENT = 0.5;

export interface FactorScore {
  factorId: string;
  /** Confidence-weighted mean of the points of its rated indicators (0-3), null when none is rated. */
  score: number | null;
  /** Share of the factor's indicators rated other than unknown (0-1). */
  coverage: number;
  rated: number;
  unknown: number;
  indicators: number;
}

export interface LevelSuggestion {
  level: Level | null;
  explanation: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Scores every factor of the framework from the ratings given (ratings of other indicators are ignored). */
export function scoreFactors(
  factors: readonly FrameworkFactor[],
  ratings: readonly { indicatorId: string; rating: Rating; confidence: Confidence }[],
): FactorScore[] {
  const byIndicator = new Map(ratings.map((r) => [r.indicatorId, r]));
  return factors.map((f) => {
    let points = 0;
    let weight = 0;
    let rated = 0;
    let unknown = 0;
    for (const ind of f.indicators) {
      const r = byIndicator.get(ind.id);
      if (!r) continue;
      if (r.rating === 'unknown') {
        unknown++;
        continue;
      }
      rated++;
      const w = CONFIDENCE_WEIGHT[r.confidence];
      points += w * RATING_POINTS[r.rating];
      weight += w;
    }
    const n = f.indicators.length;
    return {
      factorId: f.id,
      score: weight > 0 ? round2(points / weight) : null,
      coverage: n > 0 ? round2(rated / n) : 0,
      rated,
      unknown,
      indicators: n,
    };
  });
}

/** `{RF1: 2.4, RF2: null, ...}`: what is stored in `assessments.factor_scores`. */
export const scoreMap = (scores: readonly FactorScore[]): Record<string, number | null> =>
  Object.fromEntries(scores.map((s) => [s.factorId, s.score]));

const list = (xs: readonly FactorScore[]) => xs.map((s) => `${s.factorId} ${s.score!.toFixed(2)}`).join(', ');

/**
 * The level the scores point to, with the reasons in words. Shares are of all the framework's factors,
 * so an assessment with few ratings does not look graver than it is:
 * current-crisis when half the factors score high (>= 2.5), imminent-risk when a quarter do,
 * serious-concern when one does or a quarter score moderate or above (>= 1.5), monitoring when any
 * factor is present (>= 0.5), no-current-concern otherwise. Only a suggestion: the person chooses.
 */
export function suggestLevel(scores: readonly FactorScore[]): LevelSuggestion {
  const scored = scores.filter((s) => s.score !== null);
  if (scored.length === 0)
    return { level: null, explanation: 'No suggestion: no indicator is rated yet (unknown ratings do not count).' };
  const total = scores.length;
  const high = scored.filter((s) => s.score! >= HIGH);
  const moderate = scored.filter((s) => s.score! >= MODERATE);
  const present = scored.filter((s) => s.score! >= PRESENT);
  const rated = scores.reduce((n, s) => n + s.rated, 0);
  const indicators = scores.reduce((n, s) => n + s.indicators, 0);
  const coverage = indicators ? rated / indicators : 0;

  let level: Level;
  let why: string;
  if (high.length / total >= 0.5) {
    level = 'current-crisis';
    why = `${high.length} of ${total} risk factors score high (>= ${HIGH}): ${list(high)}; half or more score high`;
  } else if (high.length / total >= 0.25) {
    level = 'imminent-risk';
    why = `${high.length} of ${total} risk factors score high (>= ${HIGH}): ${list(high)}; a quarter or more score high`;
  } else if (high.length >= 1 || moderate.length / total >= 0.25) {
    level = 'serious-concern';
    why =
      high.length >= 1
        ? `${list(high)} scores high (>= ${HIGH}); ${moderate.length} of ${total} factors score moderate or above`
        : `${moderate.length} of ${total} risk factors score moderate or above (>= ${MODERATE}): ${list(moderate)}`;
  } else if (present.length >= 1) {
    level = 'monitoring';
    why = `${present.length} of ${total} risk factors are present (>= ${PRESENT}): ${list(present)}, none high and fewer than a quarter moderate`;
  } else {
    level = 'no-current-concern';
    why = `every scored factor is below ${PRESENT} (indicators rated absent or nearly so)`;
  }
  const caveat =
    coverage < 0.5
      ? ` Caution: only ${Math.round(coverage * 100)}% of the indicators are rated, so the picture is partial.`
      : ` ${Math.round(coverage * 100)}% of the indicators are rated.`;
  return { level, explanation: `Suggested ${level}: ${why}.${caveat}` };
}
