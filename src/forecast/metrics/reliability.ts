import { TocsinError } from '../../core/errors.js';

/** One bin of a reliability (calibration) table. */
export interface ReliabilityBin {
  readonly bin: number;
  readonly count: number;
  readonly minForecast: number;
  readonly maxForecast: number;
  readonly meanForecast: number;
  /** Events in the bin, and their share: compare with meanForecast. */
  readonly events: number;
  readonly observedRate: number;
}

/**
 * A reliability table: forecasts sorted and cut into `bins` groups of (nearly) equal size, deciles
 * by default, each with its mean forecast and observed event rate. Tied forecasts may straddle two
 * bins; sizes differ by at most one.
 */
export function reliabilityTable(probabilities: ArrayLike<number>, outcomes: ArrayLike<number>, bins = 10): ReliabilityBin[] {
  const n = probabilities.length;
  if (outcomes.length !== n) throw new TocsinError('invalid_input', `${n} forecasts but ${outcomes.length} outcomes`);
  if (!Number.isInteger(bins) || bins < 1) throw new TocsinError('invalid_input', `bins must be a positive integer, got ${bins}`);
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => probabilities[a]! - probabilities[b]!);
  const table: ReliabilityBin[] = [];
  for (let b = 0; b < bins; b++) {
    const from = Math.floor((b * n) / bins);
    const to = Math.floor(((b + 1) * n) / bins);
    if (to === from) continue;
    let sum = 0;
    let events = 0;
    for (let k = from; k < to; k++) {
      sum += probabilities[order[k]!]!;
      events += outcomes[order[k]!] === 1 ? 1 : 0;
    }
    const count = to - from;
    table.push({
      bin: b + 1,
      count,
      minForecast: probabilities[order[from]!]!,
      maxForecast: probabilities[order[to - 1]!]!,
      meanForecast: sum / count,
      events,
      observedRate: events / count,
    });
  }
  return table;
}
