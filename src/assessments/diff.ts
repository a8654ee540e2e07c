import { levelRank, type Confidence, type Level, type Rating } from './assessment.js';

interface Side {
  id: number;
  level: Level | null;
  factorScores: Readonly<Record<string, number | null>>;
  ratings: readonly { indicatorId: string; rating: Rating; confidence: Confidence }[];
}

export interface IndicatorChange {
  indicatorId: string;
  from: { rating: Rating; confidence: Confidence } | null;
  to: { rating: Rating; confidence: Confidence } | null;
}
export interface FactorScoreChange {
  factorId: string;
  from: number | null;
  to: number | null;
  /** to - from, null when either is not scored. */
  change: number | null;
}
export interface AssessmentDiff {
  from: number;
  to: number;
  level: { from: Level | null; to: Level | null; direction: 'rose' | 'fell' | 'same' | 'set' | 'cleared' };
  indicators: IndicatorChange[];
  factors: FactorScoreChange[];
}

const byId = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });

/** What changed from one assessment to another: ratings and confidences, factor scores, the level. */
export function diffAssessments(a: Side, b: Side): AssessmentDiff {
  const before = new Map(a.ratings.map((r) => [r.indicatorId, r]));
  const after = new Map(b.ratings.map((r) => [r.indicatorId, r]));
  const indicators: IndicatorChange[] = [];
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort(byId)) {
    const x = before.get(id);
    const y = after.get(id);
    if (x && y && x.rating === y.rating && x.confidence === y.confidence) continue;
    indicators.push({
      indicatorId: id,
      from: x ? { rating: x.rating, confidence: x.confidence } : null,
      to: y ? { rating: y.rating, confidence: y.confidence } : null,
    });
  }
  const factors: FactorScoreChange[] = [];
  for (const id of [...new Set([...Object.keys(a.factorScores), ...Object.keys(b.factorScores)])].sort(byId)) {
    const x = a.factorScores[id] ?? null;
    const y = b.factorScores[id] ?? null;
    if (x === y) continue;
    factors.push({ factorId: id, from: x, to: y, change: x === null || y === null ? null : Math.round((y - x) * 100) / 100 });
  }
  const direction =
    a.level === b.level
      ? 'same'
      : a.level === null
        ? 'set'
        : b.level === null
          ? 'cleared'
          : levelRank(b.level) > levelRank(a.level)
            ? 'rose'
            : 'fell';
  return { from: a.id, to: b.id, level: { from: a.level, to: b.level, direction }, indicators, factors };
}
