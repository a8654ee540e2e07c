import { TocsinError } from '../../core/errors.js';

/** How many outcomes were flagged in the top k. */
export interface TopKRecall {
  readonly k: number;
  readonly hits: number;
  readonly onsets: number;
  /** hits / onsets (NaN without onsets). */
  readonly recall: number;
}

/**
 * Recall among the top k: the share of onsets whose country ranked k or better (rank 1 = highest
 * risk) in the forecast before it; EWP's headline "top 30" figure.
 */
export function topKRecall(ranks: ArrayLike<number>, outcomes: ArrayLike<number>, k: number): TopKRecall {
  if (ranks.length !== outcomes.length)
    throw new TocsinError('invalid_input', `${ranks.length} ranks but ${outcomes.length} outcomes`);
  let hits = 0;
  let onsets = 0;
  for (let i = 0; i < ranks.length; i++) {
    if (outcomes[i] !== 1) continue;
    onsets++;
    if (ranks[i]! <= k) hits++;
  }
  return { k, hits, onsets, recall: onsets === 0 ? Number.NaN : hits / onsets };
}
