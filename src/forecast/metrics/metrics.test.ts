import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, sharedData } from '../../test-support/shared-data.js';
import { rocAuc } from './auc.js';
import { brierScore } from './brier.js';
import { reliabilityTable } from './reliability.js';
import { topKRecall } from './top-k-recall.js';

describe('rocAuc', () => {
  it('is 1 for a perfect ranking, 0 for a reversed one, 0.5 when everything ties', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(rocAuc([0.5, 0.5, 0.5], [0, 1, 0])).toBe(0.5);
  });

  it('counts a tie between a positive and a negative as one half (Mann-Whitney)', () => {
    // pairs (pos, neg): (0.5 vs 0.1) win, (0.5 vs 0.5) tie, (0.9 vs both) win -> 3.5 / 4
    expect(rocAuc([0.1, 0.5, 0.5, 0.9], [0, 0, 1, 1])).toBe(0.875);
  });

  it('is NaN without positives or negatives and refuses labels other than 0/1', () => {
    expect(rocAuc([0.1, 0.2], [0, 0])).toBeNaN();
    expect(() => rocAuc([0.1, 0.2], [0, 2])).toThrow(/not 0 or 1/);
    expect(() => rocAuc([0.1], [0, 1])).toThrow(/1 scores but 2 labels/);
  });
});

describe('topKRecall, brierScore, reliabilityTable', () => {
  it('counts onsets ranked k or better', () => {
    expect(topKRecall([1, 30, 31, 5, 40], [1, 1, 1, 0, 0], 30)).toEqual({ k: 30, hits: 2, onsets: 3, recall: 2 / 3 });
  });

  it('averages squared errors', () => {
    expect(brierScore([0.1, 0.9, 0.5], [0, 1, 1])).toBeCloseTo((0.01 + 0.01 + 0.25) / 3, 15);
    expect(brierScore([], [])).toBeNaN();
  });

  it('cuts forecasts into equal-count bins with mean forecast and observed rate', () => {
    const p = Array.from({ length: 20 }, (_, i) => (i + 1) / 100);
    const y = p.map((_, i) => (i >= 18 ? 1 : 0));
    const table = reliabilityTable(p, y, 10);
    expect(table).toHaveLength(10);
    expect(table.every((b) => b.count === 2)).toBe(true);
    expect(table[0]).toMatchObject({ bin: 1, minForecast: 0.01, maxForecast: 0.02, events: 0 });
    expect(table[0]!.meanForecast).toBeCloseTo(0.015, 15);
    expect(table[9]).toMatchObject({ bin: 10, events: 2, observedRate: 1 });
    expect(reliabilityTable([0.1, 0.2, 0.3], [0, 0, 1], 10).reduce((s, b) => s + b.count, 0)).toBe(3);
  });
});

describeWithSharedData("EWP's own back-test (FOOSforecasts_3Sep2025.csv) scored by our metrics", () => {
  it('gives the figures the peer reports: AUC 0.825, 27 of 39 onsets in the top 30', () => {
    const rows = Papa.parse<Record<string, string>>(readFileSync(sharedData('ewp/FOOSforecasts_3Sep2025.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data.filter((r) => r.maxrisk2 !== 'NA');
    expect(rows).toHaveLength(5032);
    const risk = rows.map((r) => Number(r.maxrisk2));
    const onset = rows.map((r) => Number(r.mk_onset));
    expect(rocAuc(risk, onset)).toBeCloseTo(0.825, 3);
    expect(
      topKRecall(
        rows.map((r) => Number(r.minrank2)),
        onset,
        30,
      ),
    ).toMatchObject({ hits: 27, onsets: 39 });
  });
});
