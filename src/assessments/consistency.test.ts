import { describe, expect, it } from 'vitest';
import { consistencyReport } from './consistency.js';

describe('consistencyReport', () => {
  it('flags countries with similar factor scores but different levels, with the figures', () => {
    const report = consistencyReport([
      { id: 1, country: 'CAF', level: 'imminent-risk', factorScores: { RF1: 2.5, RF2: 2, RF8: 3 } },
      { id: 2, country: 'SSD', level: 'monitoring', factorScores: { RF1: 2.2, RF2: 2, RF8: 2.5, RF3: null } },
      { id: 3, country: 'MLI', level: 'monitoring', factorScores: { RF1: 0.5, RF2: 0, RF8: 0 } },
      { id: 4, country: 'NER', level: 'imminent-risk', factorScores: { RF1: 0.4, RF2: 0.1, RF8: 0.2 } },
    ]);
    expect(report.compared).toBe(4);
    expect(report.pairs).toHaveLength(2);
    // Sorted by the gap between the levels (both 2 here), then by distance.
    expect(report.pairs[0]).toMatchObject({ a: { country: 'MLI' }, b: { country: 'NER' }, distance: 0.13, levelGap: 2 });
    expect(report.pairs[1]).toMatchObject({ a: { country: 'CAF' }, b: { country: 'SSD' }, distance: 0.27 });
    expect(report.pairs[1]!.text).toMatch(/RF1 2\.50\/2\.20, RF2 2\.00\/2\.00, RF8 3\.00\/2\.50/);
    expect(report.text).toMatch(/perceived double standards erode the trust/);
  });

  it('does not compare assessments with too few factors in common, nor equal levels', () => {
    const report = consistencyReport([
      { id: 1, country: 'CAF', level: 'imminent-risk', factorScores: { RF1: 2, RF2: 2, RF8: 2 } },
      { id: 2, country: 'SSD', level: 'monitoring', factorScores: { RF1: 2, RF2: null } },
      { id: 3, country: 'COD', level: 'imminent-risk', factorScores: { RF1: 2, RF2: 2, RF8: 2 } },
    ]);
    expect(report.pairs).toEqual([]);
    expect(report.text).toMatch(/No inconsistency/);
  });
});
