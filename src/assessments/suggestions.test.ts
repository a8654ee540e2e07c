import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../core/brand.js';
import { suggestRatings, type SuggestionInputs } from './suggestions.js';

const d = (s: string) => s as IsoDate;
const quiet: SuggestionInputs = {
  periodStart: d('2024-01-01'),
  periodEnd: d('2024-06-30'),
  hasEventData: true,
  stateBased: { events: 0, fatalities: 0, eventIds: [] },
  oneSidedHistory: { from: d('2019-01-01'), to: d('2023-12-31'), events: 0, fatalities: 0, eventIds: [] },
  signals: [],
  forecast: null,
};
const ALL = ['RF1', 'RF2', 'RF3', 'RF6', 'RF8', 'RF9'];
const of = (inputs: SuggestionInputs, factor: string) => suggestRatings(inputs, ALL).filter((s) => s.factorId === factor);

describe('suggestRatings', () => {
  it('rates RF1 from state-based deaths in the period, at a yearly rate against UCDP thresholds', () => {
    expect(of(quiet, 'RF1')[0]).toMatchObject({ suggestedRating: 'absent', indicatorId: null });
    const war = of({ ...quiet, stateBased: { events: 40, fatalities: 600, eventIds: [7, 8] } }, 'RF1')[0]!;
    // 600 deaths in 182 days: about 1,203 a year, a war.
    expect(war.suggestedRating).toBe('high');
    expect(war.basis).toMatch(
      /40 state-based conflict events with 600 deaths from 2024-01-01 to 2024-06-30 \(182 days, about 1,203 a year\)/,
    );
    expect(war.evidence).toEqual([
      { kind: 'event', id: 7 },
      { kind: 'event', id: 8 },
    ]);
    expect(of({ ...quiet, stateBased: { events: 3, fatalities: 10, eventIds: [] } }, 'RF1')[0]!.suggestedRating).toBe('low');
    expect(of({ ...quiet, stateBased: { events: 3, fatalities: 30, eventIds: [] } }, 'RF1')[0]!.suggestedRating).toBe('moderate');
  });

  it('rates RF2 from one-sided violence in the five years before', () => {
    const h = (fatalities: number) => ({
      ...quiet,
      oneSidedHistory: { ...quiet.oneSidedHistory, events: 9, fatalities, eventIds: [1] },
    });
    expect(of(h(100), 'RF2')[0]!.suggestedRating).toBe('low');
    expect(of(h(125), 'RF2')[0]!.suggestedRating).toBe('moderate');
    expect(of(h(5000), 'RF2')[0]!.suggestedRating).toBe('high');
    expect(of(h(5000), 'RF2')[0]!.basis).toMatch(/from 2019-01-01 to 2023-12-31 .*about 1,000 a year/);
  });

  it('says nothing on RF1 and RF2 without event data for the country: silence is not calm', () => {
    const none = suggestRatings({ ...quiet, hasEventData: false }, ALL);
    expect(none.map((s) => s.factorId)).toEqual(['RF8']);
  });

  it('rates RF8 from the signals of the period, higher when one was triaged as a warning', () => {
    const signal = (id: number, status: string) => ({
      id,
      week: d('2024-03-04'),
      category: 'one-sided',
      measure: 'incidents',
      observed: 6,
      status,
    });
    expect(of(quiet, 'RF8')[0]!.suggestedRating).toBe('absent');
    const one = of({ ...quiet, signals: [signal(5, 'new')] }, 'RF8')[0]!;
    expect(one).toMatchObject({ suggestedRating: 'moderate', evidence: [{ kind: 'signal', id: 5 }] });
    expect(one.basis).toMatch(/1 surveillance signal not discarded in the period \(weeks 2024-03-04\): one-sided incidents 6/);
    expect(of({ ...quiet, signals: [signal(5, 'warning')] }, 'RF8')[0]!.suggestedRating).toBe('high');
    // Three methods alarming on the same rise are one rise, named once.
    const same = of({ ...quiet, signals: [signal(5, 'new'), signal(6, 'new'), signal(7, 'new')] }, 'RF8')[0]!;
    expect(same.suggestedRating).toBe('moderate');
    expect(same.basis).toMatch(
      /3 surveillance signals not discarded in the period \(weeks 2024-03-04\), 1 distinct rise: one-sided incidents 6 in the week of 2024-03-04\. /,
    );
  });

  it('rates the factors the forecast predictors speak to when they raise the risk, with the figures', () => {
    const forecast = {
      modelId: 3,
      modelName: 'ewp 2024',
      country: 'SDN',
      year: 2023,
      probability: 0.183,
      rank: 2,
      ranked: 160,
      contributions: [
        { predictor: 'mk_ongoing_count_log2', contribution: 1.2, value: 1 },
        { predictor: 'widetargeting', contribution: 0.1, value: 1 },
        { predictor: 'discrimpop', contribution: 0.3, value: 0.2 },
        { predictor: 'un_imr_sqrt', contribution: -0.4, value: 3 },
        { predictor: 'reg.mna', contribution: 0.5, value: 1 },
      ],
    };
    const s = suggestRatings({ ...quiet, hasEventData: false, forecast }, ['RF2', 'RF3', 'RF8']);
    const rf2 = s.find((x) => x.factorId === 'RF2')!;
    expect(rf2.suggestedRating).toBe('high');
    expect(rf2.basis).toMatch(
      /probability of a mass-killing onset 18\.3%, rank 2 of 160.* add 1\.30 .*ongoing mass killings \(log2 of 1 \+ count\) \(\+1\.20\)/,
    );
    expect(rf2.evidence).toEqual([{ kind: 'forecast', id: '3:SDN:2023' }]);
    // RF3 lowers the risk; RF9 is not in this framework; the region speaks to no factor.
    expect(s.map((x) => x.factorId).sort()).toEqual(['RF2', 'RF8']);
    expect(suggestRatings({ ...quiet, forecast }, ['RF9']).find((x) => x.factorId === 'RF9')!.suggestedRating).toBe('low');
  });
});
