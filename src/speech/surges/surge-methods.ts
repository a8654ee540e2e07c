import type { ConfiguredMethod } from '../../surveillance/surveillance-settings.js';

/**
 * The methods run over daily counts of hateful posts (docs/speech-surges.md gives the reasoning).
 * EARS C2 was designed at CDC for daily syndromic counts (Hutwagner et al. 2003): a 7-day baseline
 * holds each weekday once, so the platforms' weekly rhythm does not pass for a surge, and its 2-day
 * guard band keeps a surge building over two days out of its own baseline. minSigma 1 keeps a
 * single post after a silent week (baseline sd 0) from alarming: a surge then needs mean + 3.1
 * posts at least. The weekly settings (Farrington over 5 years of 52 weeks) do not fit days, so
 * they are not reused here.
 */
export const DEFAULT_SURGE_METHODS: readonly ConfiguredMethod[] = [
  { label: 'ears-c2-daily', method: 'ears-c2', options: { alpha: 0.001, baseline: 7, minSigma: 1 } },
];
