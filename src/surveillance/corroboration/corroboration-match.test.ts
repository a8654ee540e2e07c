import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../../core/brand.js';
import { admin1Key, areFatalitiesCompatible, dateGapDays, dayNumber, haversineKm, KM_PER_DEGREE } from './corroboration-match.js';

describe('haversineKm', () => {
  it('measures Paris to London as about 343.5 km and a degree of latitude as about 111.2 km', () => {
    expect(haversineKm(48.8566, 2.3522, 51.5074, -0.1278)).toBeCloseTo(343.5, 0);
    expect(haversineKm(0, 30, 1, 30)).toBeCloseTo(KM_PER_DEGREE, 6);
    expect(KM_PER_DEGREE).toBeCloseTo(111.195, 3);
  });

  it('is short across the antimeridian and zero for one point', () => {
    expect(haversineKm(-16.8, 179.95, -16.8, -179.95)).toBeLessThan(11);
    expect(haversineKm(1, 2, 1, 2)).toBe(0);
  });
});

describe('dateGapDays', () => {
  const range = (start: string, end = start) => ({ dayStart: dayNumber(start as IsoDate), dayEnd: dayNumber(end as IsoDate) });

  it('counts whole days between ranges, 0 when they overlap, across month ends', () => {
    expect(dateGapDays(range('2024-02-28'), range('2024-03-01'))).toBe(2);
    expect(dateGapDays(range('2024-03-01', '2024-03-05'), range('2024-03-04'))).toBe(0);
    expect(dateGapDays(range('2024-03-09'), range('2024-03-01', '2024-03-05'))).toBe(4);
  });
});

describe('areFatalitiesCompatible', () => {
  it('allows the larger up to ratio times the smaller plus the slack, and any unknown', () => {
    expect(areFatalitiesCompatible(10, 35, 3, 5)).toBe(true);
    expect(areFatalitiesCompatible(36, 10, 3, 5)).toBe(false);
    expect(areFatalitiesCompatible(2, 200, 3, 5)).toBe(false);
    expect(areFatalitiesCompatible(null, 200, 3, 5)).toBe(true);
  });
});

describe('admin1Key', () => {
  it('ignores case, accents and spacing, but not spelling', () => {
    expect(admin1Key(' Équateur ')).toBe(admin1Key('EQUATEUR'));
    expect(admin1Key('Nord  Kivu')).toBe('nord kivu');
    expect(admin1Key('Nord-Kivu')).not.toBe(admin1Key('North Kivu'));
    expect(admin1Key('  ')).toBeNull();
  });
});
