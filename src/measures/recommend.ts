import { TocsinError } from '../core/errors.js';
import { RISK_FACTOR_ID, type CatalogueMeasure, type MeasureKind, type RecommendedMeasure } from './measure.js';

/** How many measures a warning is shown by default. */
export const DEFAULT_RECOMMENDATIONS = 8;

/** Checks and de-duplicates risk factor ids (RF1..RF14), keeping their order; names the one at fault. */
export function checkRiskFactorIds(ids: readonly string[], field = 'riskFactors'): string[] {
  const out: string[] = [];
  for (const [i, raw] of ids.entries()) {
    const id = raw.trim().toUpperCase();
    if (!RISK_FACTOR_ID.test(id))
      throw new TocsinError('invalid_input', `${field}[${i}]: "${raw}" is not a risk factor id (RF1 to RF14)`, { field });
    if (!out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * Ranks catalogue measures for the risk factors of a warning: first by how many of those factors a
 * measure addresses, then spread over kinds (among equals, a kind already chosen yields to one not yet
 * chosen, so a warning is not answered with six diplomatic steps), then catalogue order. Inactive
 * measures and measures addressing none of the factors are left out.
 */
export function rankMeasures(
  catalogue: readonly CatalogueMeasure[],
  riskFactorIds: readonly string[],
  limit = DEFAULT_RECOMMENDATIONS,
): RecommendedMeasure[] {
  const wanted = checkRiskFactorIds(riskFactorIds);
  const candidates = catalogue
    .filter((m) => m.active)
    .map((m, order) => ({ m, order, addresses: wanted.filter((rf) => m.riskFactors.includes(rf)) }))
    .filter((c) => c.addresses.length > 0);
  const chosenByKind = new Map<MeasureKind, number>();
  const picked: RecommendedMeasure[] = [];
  while (picked.length < limit && candidates.length > 0) {
    let best = 0;
    for (let i = 1; i < candidates.length; i++) {
      if (isBetter(candidates[i]!, candidates[best]!, chosenByKind)) best = i;
    }
    const [c] = candidates.splice(best, 1);
    chosenByKind.set(c!.m.kind, (chosenByKind.get(c!.m.kind) ?? 0) + 1);
    picked.push({ ...c!.m, addresses: c!.addresses, reason: `addresses ${c!.addresses.join(', ')}` });
  }
  return picked;
}

type Candidate = { m: CatalogueMeasure; order: number; addresses: string[] };

const isBetter = (a: Candidate, b: Candidate, chosen: ReadonlyMap<MeasureKind, number>): boolean => {
  if (a.addresses.length !== b.addresses.length) return a.addresses.length > b.addresses.length;
  const ka = chosen.get(a.m.kind) ?? 0;
  const kb = chosen.get(b.m.kind) ?? 0;
  if (ka !== kb) return ka < kb;
  return a.order < b.order;
};
