import { beforeEach, expect, it } from 'vitest';
import type { IsoDate, Iso3 } from '../core/brand.js';
import { describeEachEngine } from '../test-support/engines.js';
import { clusterEvents } from './corroboration/cluster-events.js';
import { DEFAULT_CORROBORATION_RULE } from './corroboration/corroboration-rule.js';
import { redoSurveillance } from './refresh-surveillance.js';
import { event, quietThenBurst, storeAndSurvey as store } from '../test-support/event-fixtures.js';
import { readSeriesSet } from './series/series.repository.js';
import { listSignals, triageSignal } from './signals/signals.repository.js';
import { saveSurveillanceSettings } from './surveillance-settings.repository.js';

describeEachEngine('surveillance after an import', ({ db }) => {
  beforeEach(async () => {
    await db().exec(
      'TRUNCATE events, import_batches, event_clusters, event_cluster_members, event_series_weekly, event_series_monthly, surveillance_settings RESTART IDENTITY CASCADE',
    );
  });

  it('counts the same killing reported by UCDP, ACLED and GDELT once, with a corroboration of three', async () => {
    const report = await store(db(), [
      event({ source: 'ucdp', dateStart: '2013-12-05', fatalitiesBest: 12 }),
      event({ source: 'acled', dateStart: '2013-12-05', latitude: 6.52, fatalitiesBest: 15 }),
      event({ source: 'gdelt', dateStart: '2013-12-06', longitude: 17.5, fatalitiesBest: null }),
    ]);
    expect(report).toMatchObject({ countries: 1, events: 3, incidents: 1 });
    const [cluster] = await db().query<{ members: number; sources: string[]; fatalities: number }>(
      'SELECT members, sources, fatalities FROM event_clusters',
    );
    expect(cluster).toMatchObject({ members: 3, fatalities: 15 });
    expect([...cluster!.sources].sort()).toEqual(['acled', 'gdelt', 'ucdp']);
    const set = await readSeriesSet(db(), { frequency: 'weekly', categories: ['one-sided'], countries: ['CAF' as Iso3] });
    expect(set.periods).toEqual(['2013-12-02']);
    expect([...set.series[0]!.incidents]).toEqual([1]);
    expect([...set.series[0]!.fatalities]).toEqual([15]);
  });

  it('keeps month- and year-dated events out of weekly series, and year-dated ones out of monthly series', async () => {
    await store(db(), [
      event({ dateStart: '2013-12-05' }),
      event({ dateStart: '2013-12-01', dateEnd: '2013-12-31' as IsoDate, datePrecision: 'month', latitude: 9 }),
      event({ dateStart: '2013-01-01', dateEnd: '2013-12-31' as IsoDate, datePrecision: 'year', latitude: 10 }),
    ]);
    const weekly = await readSeriesSet(db(), { frequency: 'weekly', categories: ['violence'], countries: ['CAF' as Iso3] });
    expect(weekly.series[0]!.incidents.reduce((a, b) => a + b, 0)).toBe(1);
    const monthly = await readSeriesSet(db(), { frequency: 'monthly', categories: ['violence'], countries: ['CAF' as Iso3] });
    expect(monthly.periods.at(-1)).toBe('2013-12-01');
    expect(monthly.series[0]!.incidents.at(-1)).toBe(2);
  });

  it('zero-fills series on the store’s timeline and sums violent categories in the violence series', async () => {
    await store(db(), [
      event({ dateStart: '2013-12-02', category: 'state-based' }),
      event({ dateStart: '2013-12-23', category: 'one-sided', latitude: 9 }),
      event({ dateStart: '2013-12-24', category: 'protests', latitude: 10 }),
    ]);
    const set = await readSeriesSet(db(), {
      frequency: 'weekly',
      categories: ['violence', 'protests'],
      countries: ['CAF' as Iso3],
    });
    expect(set.periods).toEqual(['2013-12-02', '2013-12-09', '2013-12-16', '2013-12-23']);
    const byCategory = Object.fromEntries(set.series.map((s) => [s.key.category, [...s.incidents]]));
    expect(byCategory).toEqual({ violence: [1, 0, 0, 1], protests: [0, 0, 0, 1] });
  });

  it('turns an alarm into a signal with the events behind it, which an analyst triages', async () => {
    await saveSurveillanceSettings(
      db(),
      {
        categories: ['one-sided'],
        measures: ['incidents'],
        methods: [{ label: 'ears-c1', method: 'ears-c1', options: { alpha: 0.001 } }],
      },
      null,
    );
    const report = await store(db(), quietThenBurst(6));
    expect(report.signalsStored).toBe(1);
    const { items } = await listSignals(db(), { status: 'new' }, { limit: 10 });
    expect(items).toHaveLength(1);
    const s = items[0]!;
    expect(s).toMatchObject({
      country: 'CAF',
      category: 'one-sided',
      measure: 'incidents',
      week: '2015-10-05',
      method: 'ears-c1',
      observed: 6,
    });
    expect(s.upperbound).toBeCloseTo(1, 6); // a constant baseline of 1: sd 0, so the bound is the mean
    expect(s.eventIds).toHaveLength(6);
    const triaged = await triageSignal(db(), s.id, {
      decision: 'monitor',
      note: 'attack on Bossangoa, watch the next weeks',
      userId: null,
    });
    expect(triaged).toMatchObject({ status: 'monitoring', triageNote: 'attack on Bossangoa, watch the next weeks' });
    const [log] = await db().query<{ n: number }>('SELECT count(*)::int AS n FROM signal_triage_log');
    expect(log!.n).toBe(1);
  });

  it('keeps triaged signals and withdraws untriaged ones that no longer alarm when the data change', async () => {
    await saveSurveillanceSettings(
      db(),
      {
        categories: ['one-sided'],
        measures: ['incidents'],
        methods: [{ label: 'ears-c1', method: 'ears-c1', options: { alpha: 0.001 } }],
      },
      null,
    );
    await store(db(), [...quietThenBurst(6, 'CAF'), ...quietThenBurst(6, 'SSD')]);
    const before = await listSignals(db(), {}, { limit: 10 });
    expect(before.items.map((s) => s.country).sort()).toEqual(['CAF', 'SSD']);
    const caf = before.items.find((s) => s.country === 'CAF')!;
    await triageSignal(db(), caf.id, { decision: 'discard', note: 'one incident reported six times', userId: null });
    // The six burst events were one incident after all: GDELT records of the same attack.
    await db().query(`UPDATE events SET latitude = 8, source = 'gdelt' WHERE date_start = '2015-10-07'`);
    const again = await redoSurveillance(db());
    expect(again).toMatchObject({ alarms: 0, signalsWithdrawn: 1 });
    const after = await listSignals(db(), {}, { limit: 10 });
    expect(after.items.map((s) => [s.id, s.status])).toEqual([[caf.id, 'discarded']]);
  });

  it('keeps a membership row only for a report counted under another event’s incident, and drops it when the report moves out', async () => {
    const acled = (dateStart: string) =>
      event({ source: 'acled', sourceId: 'CAF-77', dateStart, latitude: 8.05, fatalitiesBest: 12, raw: ['CAF-77', dateStart] });
    await store(db(), [...quietThenBurst(6), acled('2015-10-07')]);
    const ids = new Map(
      (await db().query<{ id: number; source_id: string }>('SELECT id, source_id FROM events')).map((r) => [r.source_id, r.id]),
    );
    const members = await db().query<{ event_id: number; anchor_id: number }>(
      'SELECT event_id, anchor_id FROM event_cluster_members',
    );
    expect(members).toHaveLength(1); // the ACLED report, under the UCDP event it corroborates
    expect(members[0]!.event_id).toBe(ids.get('CAF-77'));
    // The signal points at every report of its incidents: the six anchors and the ACLED report.
    const [signal] = (await listSignals(db(), { status: 'new' }, { limit: 10 })).items;
    expect(signal!.eventIds).toHaveLength(7);
    expect(signal!.eventIds).toContain(members[0]!.anchor_id);
    expect(signal!.eventIds).toContain(ids.get('CAF-77'));

    // ACLED corrects the date by a month: the report is now an incident of its own, with no row.
    await store(db(), [acled('2015-11-10')]);
    expect(await db().query('SELECT event_id FROM event_cluster_members')).toEqual([]);
    const [own] = await db().query<{ members: number; sources: string[] }>(
      'SELECT members, sources FROM event_clusters WHERE anchor_id = $1',
      [ids.get('CAF-77')],
    );
    expect(own).toEqual({ members: 1, sources: ['acled'] });
    const clusters = () =>
      db().query('SELECT anchor_id, day, last_day, fatalities, members, sources FROM event_clusters ORDER BY anchor_id');
    const incremental = await clusters();
    await redoSurveillance(db());
    expect(await clusters()).toEqual(incremental);
  });

  it('re-clusters only the recent weeks after an import, with exactly the result of a full rebuild', async () => {
    await store(db(), quietThenBurst(6));
    // A week later: ACLED reports one of the burst's attacks again, and two new incidents.
    const later = await store(db(), [
      event({ source: 'acled', dateStart: '2015-10-08', latitude: 8.05, fatalitiesBest: 12 }),
      event({ source: 'acled', dateStart: '2015-10-19', latitude: 7 }),
      event({ source: 'acled', dateStart: '2015-10-20', latitude: 9 }),
    ]);
    expect(later.events).toBeLessThan(20); // the events from the cut on, not the country's 309
    const snapshot = async () =>
      Promise.all(
        [
          'SELECT anchor_id, admin1, category, day, last_day, fatalities, members, sources FROM event_clusters ORDER BY anchor_id',
          'SELECT event_id, anchor_id FROM event_cluster_members ORDER BY event_id',
          'SELECT admin1, category, week, incidents, fatalities FROM event_series_weekly ORDER BY week, category, admin1',
          'SELECT admin1, category, month, incidents, fatalities FROM event_series_monthly ORDER BY month, category, admin1',
        ].map((sql) => db().query(sql)),
      );
    const incremental = await snapshot();
    const [cluster] = await db().query<{ members: number }>(
      `SELECT members FROM event_clusters WHERE day = '2015-10-07' AND 'acled' = ANY(sources)`,
    );
    expect(cluster!.members).toBe(2);
    await redoSurveillance(db());
    expect(await snapshot()).toEqual(incremental);
  });

  it('writes single-source incidents in SQL exactly as the clustering would', async () => {
    const events = [
      event({ dateStart: '2013-12-05', admin1: null, fatalitiesBest: null }),
      event({ dateStart: '2013-12-05', category: 'state-based', fatalitiesBest: 40 }), // same day and place: UCDP never repeats itself
      event({ dateStart: '2013-12-01', dateEnd: '2013-12-31' as IsoDate, datePrecision: 'month', latitude: 9 }),
    ];
    await store(db(), events);
    const stored = await db().query<{
      anchor_id: number;
      admin1: string;
      category: string;
      day: string;
      fatalities: number | null;
    }>('SELECT anchor_id, admin1, category, day, fatalities FROM event_clusters ORDER BY anchor_id');
    const ids = await db().query<{ id: number; source_id: string }>('SELECT id, source_id FROM events ORDER BY id');
    const clustering = clusterEvents(
      events.map((e) => ({
        ...e,
        id: ids.find((r) => r.source_id === e.sourceId)!.id,
        dateStart: e.dateStart,
        countryIso3: e.countryIso3,
      })),
      DEFAULT_CORROBORATION_RULE,
    );
    expect(stored).toEqual(
      [...clustering.clusters]
        .sort((a, b) => a.anchorId - b.anchorId)
        .map((c) => ({
          anchor_id: c.anchorId,
          admin1: c.admin1 ?? '',
          category: c.category,
          day: c.date,
          fatalities: c.fatalities,
        })),
    );
  });

  it('rejects settings that name an unknown method or category, saying which field', async () => {
    await expect(
      saveSurveillanceSettings(
        db(),
        { categories: ['one-sided'], measures: ['incidents'], methods: [{ label: 'x', method: 'magic' }] },
        null,
      ),
    ).rejects.toThrow(/methods\.0\.method/);
    await expect(
      saveSurveillanceSettings(
        db(),
        { categories: ['massacres'], measures: ['incidents'], methods: [{ label: 'x', method: 'cusum' }] },
        null,
      ),
    ).rejects.toThrow(/categories\.0/);
    await expect(
      saveSurveillanceSettings(
        db(),
        {
          categories: ['one-sided'],
          measures: ['incidents'],
          methods: [{ label: 'f', method: 'farrington', options: { alpha: 2 } }],
        },
        null,
      ),
    ).rejects.toThrow(/methods\.0\.options: alpha must be between 0 and 1/);
    await expect(
      saveSurveillanceSettings(
        db(),
        { categories: ['one-sided'], measures: ['incidents'], methods: [{ label: 'c', method: 'cusum', options: { b: 3 } }] },
        null,
      ),
    ).rejects.toThrow(/b not an option of cusum/);
  });
});
