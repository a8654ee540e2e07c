import { describe, expect, it } from 'vitest';
import { deriveSeed, seededRandom } from './seeded-random.js';

describe('seededRandom', () => {
  it('repeats its sequence for a seed and differs across seeds', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('draws integers below the bound, roughly uniformly', () => {
    const r = seededRandom(7);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.nextInt(6)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    expect(() => r.nextInt(0)).toThrow(RangeError);
  });
});

describe('deriveSeed', () => {
  it('gives a distinct, repeatable seed per label', () => {
    const seeds = new Set(Array.from({ length: 31 }, (_, t) => deriveSeed(90035, 1991 + t)));
    expect(seeds.size).toBe(31);
    expect(deriveSeed(90035, 1991)).toBe(deriveSeed(90035, 1991));
    expect(deriveSeed(1, 1991)).not.toBe(deriveSeed(2, 1991));
  });
});
