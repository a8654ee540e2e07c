import type { Severity } from './warning.js';

/** The assessment levels, from least to most serious. */
export const LEVELS = ['no-current-concern', 'monitoring', 'serious-concern', 'imminent-risk', 'current-crisis'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * A warning from a signal is high; critical when the signal counts one-sided violence (against
 * civilians) at twice its upper bound or more.
 */
export function severityOfSignal(s: { category: string; observed: number; upperbound: number | null }): Severity {
  const far = s.upperbound !== null && s.upperbound > 0 && s.observed >= 2 * s.upperbound;
  return s.category === 'one-sided' && far ? 'critical' : 'high';
}

/** A warning from a forecast: critical from 4 times the threshold, high from twice, else medium. */
export function severityOfForecast(probability: number, threshold: number): Severity {
  if (probability >= 4 * threshold) return 'critical';
  if (probability >= 2 * threshold) return 'high';
  return 'medium';
}

/** A warning from an assessment: by the level it rose to. */
export function severityOfLevel(level: Level): Severity {
  switch (level) {
    case 'current-crisis':
    case 'imminent-risk':
      return 'critical';
    case 'serious-concern':
      return 'high';
    case 'monitoring':
      return 'medium';
    case 'no-current-concern':
      return 'low';
  }
}

export const levelRank = (l: Level): number => LEVELS.indexOf(l);

/**
 * The risk factors scored highest: the top three scores above zero (ties at the cut included).
 * Scores are numbers, or objects with a numeric `score`.
 */
export function highestScoredFactors(scores: Readonly<Record<string, unknown>> | null): string[] {
  const scoreOf = (v: unknown): number | null =>
    typeof v === 'number'
      ? v
      : typeof v === 'object' && v !== null && typeof (v as { score?: unknown }).score === 'number'
        ? (v as { score: number }).score
        : null;
  const scored = Object.entries(scores ?? {})
    .map(([id, v]): [string, number | null] => [id, scoreOf(v)])
    .filter((e): e is [string, number] => /^RF\d+$/.test(e[0]) && e[1] !== null && e[1] > 0)
    .sort((a, b) => b[1] - a[1] || Number(a[0].slice(2)) - Number(b[0].slice(2)));
  const cut = scored[Math.min(2, scored.length - 1)]?.[1];
  return cut === undefined ? [] : scored.filter(([, s]) => s >= cut).map(([id]) => id);
}
