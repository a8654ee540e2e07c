/**
 * The permutation NumPy's legacy `RandomState(seed).permutation(n)` draws, so a held-out split here
 * is the very split scikit-learn's `train_test_split(..., random_state=seed)` makes in Python.
 *
 * Algorithm: Mersenne Twister MT19937 seeded by `init_genrand(seed)`; then a Fisher-Yates shuffle of
 * [0, n) from the last index down: for i = n-1 … 1, j is drawn uniformly in [0, i] by masked
 * rejection (take a 32-bit output, AND it with the smallest all-ones mask covering i, redraw while
 * above i), and items i and j are swapped. Deterministic for a given seed and n.
 */
export class Mt19937 {
  private readonly mt = new Uint32Array(624);
  private index = 624;

  constructor(seed: number) {
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < 624; i++) {
      const prev = this.mt[i - 1]! ^ (this.mt[i - 1]! >>> 30);
      this.mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  nextUint32(): number {
    if (this.index >= 624) this.twist();
    let y = this.mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < 624; i++) {
      const y = (mt[i]! & 0x80000000) | (mt[(i + 1) % 624]! & 0x7fffffff);
      mt[i] = mt[(i + 397) % 624]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.index = 0;
  }
}

/** A uniform integer in [0, max] by masked rejection, as NumPy's `random_interval`. */
function interval(rng: Mt19937, max: number): number {
  if (max === 0) return 0;
  let mask = max;
  mask |= mask >>> 1;
  mask |= mask >>> 2;
  mask |= mask >>> 4;
  mask |= mask >>> 8;
  mask |= mask >>> 16;
  for (;;) {
    const value = (rng.nextUint32() & mask) >>> 0;
    if (value <= max) return value;
  }
}

export function seededPermutation(n: number, seed: number): number[] {
  const rng = new Mt19937(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i >= 1; i--) {
    const j = interval(rng, i);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** Test indices first (ceil(fraction · n) of them), as scikit-learn's ShuffleSplit takes them. */
export function heldOutSplit(n: number, fraction: number, seed: number): { train: number[]; test: number[] } {
  const order = seededPermutation(n, seed);
  const nTest = Math.ceil(fraction * n);
  return { test: order.slice(0, nTest), train: order.slice(nTest) };
}
