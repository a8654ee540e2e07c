import { describe, expect, it } from 'vitest';
import type { IsoDate, Iso3 } from '../../core/brand.js';
import { detect } from '../methods/detect.js';
import { periodsBetween } from '../series/periods.js';
import type { SeriesSet } from '../series/series.js';
import type { ConfiguredMethod } from '../surveillance-settings.js';
import { parseOnsets } from './onsets.js';
import { scoreReplay } from './replay-report.js';
import { replayWeeks } from './replay.js';

const d = (s: string) => s as IsoDate;

/** A weekly series of 2006-2013 with a seeded noisy background and two bursts. */
function weeklySet(): SeriesSet {
  const periods = periodsBetween(d('2006-01-02'), d('2013-12-30'), 'weekly');
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const incidents = Float64Array.from(periods, (_, i) => Math.floor(rand() * 4) + (i === 330 || i === 380 ? 15 : 0));
  const fatalities = incidents.map((v) => v * 3);
  return {
    frequency: 'weekly',
    periods,
    series: [{ key: { country: 'CAF' as Iso3, admin1: null, category: 'one-sided' }, incidents, fatalities }],
  };
}

const METHODS: ConfiguredMethod[] = [
  { label: 'ears-c2', method: 'ears-c2', options: { alpha: 0.01 } },
  { label: 'cusum', method: 'cusum', options: {} },
  { label: 'farrington', method: 'farrington', options: {} },
];

describe('replayWeeks', () => {
  it('fires, week by week on the data up to each week, exactly what one run over the whole series fires', () => {
    const set = weeklySet();
    const replayed = replayWeeks(
      set,
      { from: set.periods[0]!, to: set.periods.at(-1)! },
      { measures: ['incidents'], methods: METHODS },
    );
    const y = set.series[0]!.incidents;
    for (const m of METHODS) {
      const once = detect(y, { ...m.options, method: m.method })
        .filter((r) => r.alarm === true)
        .map((r) => set.periods[r.index - 1]);
      expect(
        replayed.filter((s) => s.method === m.label).map((s) => s.week),
        m.label,
      ).toEqual(once);
    }
    expect(replayed.some((s) => s.week === set.periods[330])).toBe(true);
  });

  it('judges only the weeks of the window, with the history before it as baseline', () => {
    const set = weeklySet();
    const window = { from: set.periods[300]!, to: set.periods[340]! };
    const replayed = replayWeeks(set, window, { measures: ['incidents', 'fatalities'], methods: METHODS.slice(0, 1) });
    expect(replayed.length).toBeGreaterThan(0);
    expect(replayed.every((s) => s.week >= window.from && s.week <= window.to)).toBe(true);
    expect(new Set(replayed.map((s) => s.measure))).toEqual(new Set(['incidents', 'fatalities']));
  });
});

describe('scoreReplay', () => {
  const onsets = [{ country: 'CAF' as Iso3, year: 2013, code: 'caf2013ns1', name: '' }];
  const signal = (week: string, method = 'm') =>
    ({ week: d(week), category: 'one-sided', measure: 'incidents', method, observed: 9, upperbound: 3 }) as const;

  it('reports the first signal in the year before an onset and counts what fired in years without one', () => {
    const report = scoreReplay(
      [signal('2011-03-07'), signal('2012-11-19'), signal('2012-12-03'), signal('2012-12-03'), signal('2013-02-04')],
      {
        country: 'CAF' as Iso3,
        from: d('2011-01-03'),
        to: d('2013-12-30'),
        weeks: 157,
        methods: ['m'],
        onsets,
      },
    );
    const m = report.methods[0]!;
    expect(m.onsets).toEqual([
      {
        year: 2013,
        code: 'caf2013ns1',
        firstSignalYearBefore: '2012-11-19',
        signalsYearBefore: 3,
        firstSignalInYear: '2013-02-04',
        signalsInYear: 1,
      },
    ]);
    expect(m).toMatchObject({
      signals: 5,
      signalWeeks: 4,
      yearsWithoutOnset: 2,
      yearsWithoutOnsetWithSignals: 2,
      signalsInYearsWithoutOnset: 4,
    });
  });

  it('ignores onsets of other countries and outside the window', () => {
    const report = scoreReplay([], {
      country: 'CAF' as Iso3,
      from: d('2000-01-03'),
      to: d('2005-12-26'),
      weeks: 313,
      methods: ['m'],
      onsets: [...onsets, { country: 'SSD' as Iso3, year: 2003, code: 'x', name: '' }],
    });
    expect(report.onsets).toEqual([]);
    expect(report.methods[0]!.yearsWithoutOnset).toBe(6);
  });
});

describe('parseOnsets', () => {
  it('reads episodes with line breaks in their texts and resolves countries by COW code, then by name', () => {
    const text =
      'country,mk_event_name,startyear,mk_event_code,mk_location_cow\n"Central African Republic","Seleka\nand anti-Balaka",2013,caf2013ns1,482\nZanzibar,"x",1964,zan1964,511\nBurma,"y",1948,bur1948,\n';
    expect(parseOnsets(text).map((o) => [o.country, o.year])).toEqual([
      ['CAF', 2013],
      ['TZA', 1964],
      ['MMR', 1948],
    ]);
  });

  it('reports every unreadable record and a missing column, naming them', () => {
    expect(() => parseOnsets('country,startyear\nX,1990\n', 'mk.csv')).toThrow(/mk\.csv: missing column\(s\) mk_event_code/);
    expect(() => parseOnsets('country,startyear,mk_event_code\nAtlantis,1990,a\nChad,19x0,b\n', 'mk.csv')).toThrow(
      /2 unreadable record\(s\): record 2: country "Atlantis".*record 3: startyear "19x0"/,
    );
  });
});
