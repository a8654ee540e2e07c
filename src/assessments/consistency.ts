import { levelRank, type Level } from './assessment.js';

/** Two assessments are compared when they share at least this many scored factors (or all they have, if fewer). */
export const MIN_SHARED_FACTORS = 3;
/** Factor-score vectors closer than this (mean absolute difference, 0-3 scale) count as similar. */
export const SIMILARITY_THRESHOLD = 0.5;

export interface PublishedForConsistency {
  id: number;
  country: string;
  level: Level;
  factorScores: Readonly<Record<string, number | null>>;
}

export interface InconsistentPair {
  a: { id: number; country: string; level: Level };
  b: { id: number; country: string; level: Level };
  /** Mean absolute difference of the factor scores both have. */
  distance: number;
  /** How many levels apart. */
  levelGap: number;
  factors: { factorId: string; a: number; b: number }[];
  text: string;
}

export interface ConsistencyReport {
  compared: number;
  metric: string;
  threshold: number;
  pairs: InconsistentPair[];
  text: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const scored = (s: Readonly<Record<string, number | null>>) =>
  new Map(Object.entries(s).filter((e): e is [string, number] => typeof e[1] === 'number'));

/**
 * Flags pairs of countries whose latest published assessments have similar factor scores but
 * different levels: either a real difference the scores do not show, or two standards.
 */
export function consistencyReport(assessments: readonly PublishedForConsistency[]): ConsistencyReport {
  const pairs: InconsistentPair[] = [];
  for (let i = 0; i < assessments.length; i++) {
    for (let j = i + 1; j < assessments.length; j++) {
      const a = assessments[i]!;
      const b = assessments[j]!;
      if (a.level === b.level) continue;
      const sa = scored(a.factorScores);
      const sb = scored(b.factorScores);
      const shared = [...sa.keys()].filter((k) => sb.has(k)).sort((x, y) => x.localeCompare(y, 'en', { numeric: true }));
      const needed = Math.min(MIN_SHARED_FACTORS, Math.max(sa.size, sb.size));
      if (shared.length === 0 || shared.length < needed) continue;
      const distance = round2(shared.reduce((s, k) => s + Math.abs(sa.get(k)! - sb.get(k)!), 0) / shared.length);
      if (distance > SIMILARITY_THRESHOLD) continue;
      const factors = shared.map((k) => ({ factorId: k, a: sa.get(k)!, b: sb.get(k)! }));
      pairs.push({
        a: { id: a.id, country: a.country, level: a.level },
        b: { id: b.id, country: b.country, level: b.level },
        distance,
        levelGap: Math.abs(levelRank(a.level) - levelRank(b.level)),
        factors,
        text:
          `${a.country} (assessment ${a.id}, ${a.level}) and ${b.country} (assessment ${b.id}, ${b.level}): ` +
          `factor scores differ by ${distance.toFixed(2)} on average over ${shared.length} factors (` +
          factors.map((f) => `${f.factorId} ${f.a.toFixed(2)}/${f.b.toFixed(2)}`).join(', ') +
          ') yet the levels differ.',
      });
    }
  }
  pairs.sort((x, y) => y.levelGap - x.levelGap || x.distance - y.distance);
  const head =
    pairs.length === 0
      ? `No inconsistency found among ${assessments.length} countries' latest published assessments.`
      : `${pairs.length} pair${pairs.length === 1 ? '' : 's'} of countries with similar factor scores but different levels, among ${assessments.length} countries' latest published assessments. Each may have a good reason (a factor the scores weigh poorly, a context the ratings miss): write it down. Unexplained, different levels for similar situations look like double standards, and perceived double standards erode the trust that early warning depends on.`;
  return {
    compared: assessments.length,
    metric: `mean absolute difference of the factor scores both assessments have (0-3 scale), over at least ${MIN_SHARED_FACTORS} shared factors`,
    threshold: SIMILARITY_THRESHOLD,
    pairs,
    text: head,
  };
}
