/**
 * A small seeded pseudo-random generator (fold assignment, training order, bootstrap resamples,
 * synthetic test data). Randomness is passed in, never read from the clock: the same seed gives the
 * same draws on every machine.
 *
 * Generator: mulberry32 (Tommy Ettinger's 32-bit mixer, public domain), period 2^32, which is
 * plenty for shuffling a few thousand rows; not for cryptography.
 */
export interface SeededRandom {
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniform integer in [0, bound), without modulo bias (bound <= 2^32). */
  nextInt(bound: number): number;
  /** A uniform number in [0, 1): the next 32-bit draw divided by 2^32. */
  nextFloat(): number;
}

/** The generator for a seed (any integer; only its low 32 bits count). */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const nextUint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
  const nextInt = (bound: number): number => {
    if (!Number.isInteger(bound) || bound < 1 || bound > 2 ** 32) throw new RangeError(`bound must be 1..2^32, got ${bound}`);
    // Rejection sampling: draw again from the incomplete top slice of the 32-bit range.
    const limit = 2 ** 32 - (2 ** 32 % bound);
    for (;;) {
      const u = nextUint32();
      if (u < limit) return u % bound;
    }
  };
  return { nextUint32, nextInt, nextFloat: () => nextUint32() / 4294967296 };
}

/**
 * A seed derived from a base seed and a label (a training year, a fold), so that each refit of a
 * back-test draws its own independent folds whatever order the refits run in.
 */
export function deriveSeed(seed: number, label: number): number {
  // splitmix32-style finaliser over the pair.
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(label >>> 0, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}
