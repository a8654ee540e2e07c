import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildBaseline, labelPeriods, prepareSeries, type BaselineLayout } from './baseline.js';
import { createGlmWorkspace } from './glm-workspace.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const layout = (noPeriods: number, pastWeeksNotIncluded = 3): BaselineLayout => ({
  frequency: 52,
  b: 5,
  w: 3,
  noPeriods,
  pastWeeksNotIncluded,
});

/** `surveillance:::blocks()` for week 282 of a 312-week series, weeks 18..282 (see fixtures/README.md). */
const rBlocks = Papa.parse<Record<string, string>>(readFileSync(join(FIXTURES, 'r_blocks_k282.csv'), 'utf8').trim(), {
  header: true,
}).data;

describe('labelPeriods', () => {
  for (const noPeriods of [1, 10, 50]) {
    it(`labels the weeks of the baseline as R's blocks() does (noPeriods = ${noPeriods})`, () => {
      const factors = new Float64Array(312);
      labelPeriods(factors, 282, layout(noPeriods));
      for (const row of rBlocks) {
        const expected = row[`noPeriods${noPeriods}`] === 'NA' ? Number.NaN : Number(row[`noPeriods${noPeriods}`]);
        expect(factors[Number(row.week) - 1], `week ${row.week}`).toBe(expected);
      }
    });
  }

  it("keeps R's quirk for more periods than weeks between windows: a zero-length block writes two weeks", () => {
    const factors = new Float64Array(312);
    labelPeriods(factors, 282, layout(50));
    // 45 weeks between windows, 49 blocks: blocks 46..49 are empty and overwrite the next window's first week.
    expect(factors[282 - 52 - 3 - 1]).toBe(49);
    expect(factors[282 - 52 - 3 - 2]).toBe(49);
  });
});

describe('buildBaseline', () => {
  const series = prepareSeries(Float64Array.from({ length: 312 }, (_, i) => i % 7));

  it('takes the 5 x 7 weeks around the same week of past years, time centred on the current week', () => {
    const ws = createGlmWorkspace(300, 1);
    const base = buildBaseline(series, new Float64Array(312), 282, layout(1), ws, new Int32Array(2));
    expect(base.n).toBe(35);
    expect(base.groups).toBe(1);
    expect(Array.from(ws.t.subarray(0, 7))).toEqual([-263, -262, -261, -260, -259, -258, -257]);
    expect(ws.y[0]).toBe((282 - 263 - 1) % 7);
  });

  it('with Noufaily settings takes every week from 5 years + w back to 27 weeks back, in 10 groups', () => {
    const ws = createGlmWorkspace(300, 10);
    const base = buildBaseline(series, new Float64Array(312), 282, layout(10, 26), ws, new Int32Array(11));
    expect(base.n).toBe(263 - 27 + 1);
    expect(base.groups).toBe(10);
    expect(base.predictionGroup).toBe(9);
  });
});
