import { describe, expect, it } from 'vitest';
import type { IsoDate, Iso3 } from '../core/brand.js';
import type { Signal } from '../surveillance/signals/signal.js';
import { signalWording } from './from-signal.js';

const base: Signal = {
  id: 1,
  country: 'CAF' as Iso3,
  category: 'one-sided',
  measure: 'incidents',
  frequency: 'weekly',
  week: '2013-12-02' as IsoDate,
  method: 'ears-c2',
  observed: 6,
  upperbound: 2.5,
  eventIds: [],
  speechItemIds: [],
  status: 'new',
  triageNote: null,
  triagedBy: null,
  triagedAt: null,
  detectedAt: '2013-12-09T00:00:00.000Z',
};

describe('signalWording', () => {
  it('words a weekly count of violence by week', () => {
    expect(signalWording(base).title).toBe('Unusual one-sided incidents in Central African Republic, week of 2013-12-02');
  });

  it('words a daily surge of hateful posts by day and target group', () => {
    const surge: Signal = { ...base, category: 'hate:Refugee', measure: 'hateful-posts', frequency: 'daily', observed: 20 };
    expect(signalWording(surge)).toEqual({
      title: 'Surge of hateful posts against Refugee in Central African Republic on 2013-12-02',
      summary: '20 hateful posts against Refugee on 2013-12-02, above the expected upper bound of 2.5 (ears-c2).',
    });
    expect(signalWording({ ...surge, category: 'hate:all' }).title).toBe(
      'Surge of hateful posts in Central African Republic on 2013-12-02',
    );
  });
});
