import { describe, expect, it } from 'vitest';
import { formatDetectionCsv } from './detection-csv.js';
import { parseReference } from './fixtures/golden-cases.js';

describe('formatDetectionCsv', () => {
  const rows = [
    { index: 8, observed: 4, upperbound: 4.397697305945913, alarm: false },
    { index: 9, observed: 9, upperbound: 1e-7, alarm: true },
    { index: 10, observed: 0, upperbound: null, alarm: null },
  ];

  it('writes the layout of the R reference files, NA where there is no bound or alarm', () => {
    expect(formatDetectionCsv(rows)).toBe('index,observed,upperbound,alarm\n8,4,4.397697305945913,0\n9,9,1e-7,1\n10,0,NA,NA\n');
  });

  it('prints numbers that read back exactly', () => {
    expect(parseReference(formatDetectionCsv(rows))).toEqual(rows);
  });
});
