import { describe, expect, it } from 'vitest';
import { assignFolds, foldIdsFromR } from './folds.js';

describe('assignFolds', () => {
  it('gives every fold n/k rows (differing by at most one) and is the same for the same seed', () => {
    const ids = assignFolds(8970, 10, 90035);
    const sizes = new Array<number>(10).fill(0);
    ids.forEach((f) => sizes[f]!++);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.reduce((a, b) => a + b)).toBe(8970);
    expect(assignFolds(8970, 10, 90035)).toEqual(ids);
  });

  it('draws other folds for another seed, shuffled rather than in blocks', () => {
    const a = assignFolds(1000, 10, 1);
    const b = assignFolds(1000, 10, 2);
    expect(a.filter((f, i) => f === b[i]).length).toBeLessThan(200);
    expect(a.filter((f, i) => f === i % 10).length).toBeLessThan(200);
  });

  it('refuses fewer than 3 folds or more folds than rows', () => {
    expect(() => assignFolds(100, 2, 1)).toThrow(/folds must be/);
    expect(() => assignFolds(5, 10, 1)).toThrow(/cannot be split/);
  });

  it("reads R's 1-based fold ids", () => {
    expect(Array.from(foldIdsFromR([1, 2, 3, 1]))).toEqual([0, 1, 2, 0]);
    expect(() => foldIdsFromR([1, 0, 2])).toThrow(/fold id of row 2/);
  });
});
