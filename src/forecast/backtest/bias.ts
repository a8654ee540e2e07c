import { countryByIso3 } from '../../countries/countries.js';
import type { CountryYearTable } from '../country-years/country-year.js';
import { rocAuc } from '../metrics/auc.js';
import { brierScore } from '../metrics/brier.js';
import { topKRecall } from '../metrics/top-k-recall.js';
import type { ScoredCountryYear } from './onset-scoring.js';

/** The back-test's figures for one group of country-years. */
export interface GroupFigures {
  readonly group: string;
  readonly countryYears: number;
  readonly countries: number;
  readonly onsets: number;
  /** Onsets whose country ranked top-k among all countries (the ranks are the whole list's, not the group's). */
  readonly hits: number;
  /** hits / onsets; null without onsets. */
  readonly topKRecall: number | null;
  /** AUC within the group; null without both onsets and non-onsets. */
  readonly auc: number | null;
  readonly brier: number;
  readonly meanForecast: number;
  readonly observedRate: number;
}

/** Country-years grouped by population tercile. */
export interface SizeGroups {
  /** The population predictor the terciles are cut on (EWP: `popsize.log2`). */
  readonly predictor: string;
  /** The two cut points on the predictor's scale, and in people when it is a log2. */
  readonly cuts: readonly [number, number];
  readonly cutsPopulation: readonly [number, number] | null;
  readonly groups: readonly GroupFigures[];
}

export interface BiasCheck {
  readonly byRegion: readonly GroupFigures[];
  /** Null when the file has no population predictor. */
  readonly bySize: SizeGroups | null;
}

/** Predictors read as population size, in order of preference. */
export const POPULATION_PREDICTORS = ['popsize.log2', 'popsize', 'pop.l', 'population'] as const;

/** Figures of one group (pure). */
export function groupFigures(group: string, scored: readonly ScoredCountryYear[], topK: number): GroupFigures {
  const risk = scored.map((s) => s.maxrisk2);
  const onset = scored.map((s) => s.onset);
  const recall = topKRecall(
    scored.map((s) => s.minrank2),
    onset,
    topK,
  );
  const auc = rocAuc(risk, onset);
  const n = scored.length;
  return {
    group,
    countryYears: n,
    countries: new Set(scored.map((s) => s.countryCode)).size,
    onsets: recall.onsets,
    hits: recall.hits,
    topKRecall: recall.onsets === 0 ? null : recall.recall,
    auc: Number.isNaN(auc) ? null : auc,
    brier: brierScore(risk, onset),
    meanForecast: risk.reduce((a, b) => a + b, 0) / n,
    observedRate: recall.onsets / n,
  };
}

const groupBy = <T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> => {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const members = groups.get(k);
    if (members) members.push(item);
    else groups.set(k, [item]);
  }
  return groups;
};

/**
 * The bias check of the back-test (issue 4 part 6): AUC, top-k recall and Brier score by UN region
 * (M49, from the country table) and by population tercile. A country-year's size is the
 * population predictor of its own row (of the year before when that is missing); the terciles are
 * cut over the scored country-years. Groups hold few onsets, so read their figures with care.
 */
export function biasCheck(scored: readonly ScoredCountryYear[], table: CountryYearTable, topK: number): BiasCheck {
  const regions = groupBy(scored, (s) => countryByIso3(s.iso3)?.region ?? 'unknown');
  const byRegion = [...regions.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, group]) => groupFigures(region, group, topK));
  return { byRegion, bySize: sizeGroups(scored, table, topK) };
}

function sizeGroups(scored: readonly ScoredCountryYear[], table: CountryYearTable, topK: number): SizeGroups | null {
  const predictor = POPULATION_PREDICTORS.find((p) => table.columns.predictors.includes(p));
  if (!predictor) return null;
  const j = table.columns.predictors.indexOf(predictor);
  const value = new Map(table.rows.map((r) => [`${r.countryCode}:${r.year}`, r.predictors[j]!]));
  const sizeOf = (s: ScoredCountryYear): number => {
    const own = value.get(`${s.countryCode}:${s.year}`);
    return own !== undefined && Number.isFinite(own) ? own : (value.get(`${s.countryCode}:${s.year - 1}`) ?? Number.NaN);
  };
  const sizes = scored.map(sizeOf);
  const known = sizes.filter(Number.isFinite).sort((a, b) => a - b);
  if (known.length < 3) return null;
  const cuts = [known[Math.floor(known.length / 3)]!, known[Math.floor((2 * known.length) / 3)]!] as const;
  const label = (v: number): string =>
    !Number.isFinite(v) ? 'unknown' : v < cuts[0] ? 'small' : v < cuts[1] ? 'medium' : 'large';
  const groups = groupBy(
    scored.map((s, i) => ({ s, group: label(sizes[i]!) })),
    (x) => x.group,
  );
  const order = ['small', 'medium', 'large', 'unknown'];
  return {
    predictor,
    cuts,
    cutsPopulation: predictor.endsWith('.log2') ? [2 ** cuts[0], 2 ** cuts[1]] : null,
    groups: order.flatMap((g) => {
      const members = groups.get(g);
      return members
        ? [
            groupFigures(
              g,
              members.map((x) => x.s),
              topK,
            ),
          ]
        : [];
    }),
  };
}
