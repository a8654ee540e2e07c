import { describe, expect, it } from 'vitest';
import { parseReport } from '../../../../src/reports/report.js';
import { emptyDraft, newIdentity, newPerpetrator, newSource, newVictim, withCountry, type ReportDraft } from './draft.js';
import { toReportBody } from './to-report.js';

const minimal = (o: Partial<ReportDraft> = {}): ReportDraft => ({
  ...emptyDraft(),
  dateStart: '2015-10-07',
  country: 'CAF',
  acts: ['killing'],
  ...o,
});

const problemsOf = (d: ReportDraft) => {
  const r = toReportBody(d);
  return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.problem}`);
};

describe('toReportBody', () => {
  it('sends only what was filled in, and the server takes it', () => {
    const r = toReportBody(minimal({ admin1: '  Ouham ', location: '' }));
    expect(r).toEqual({
      ok: true,
      body: {
        dateStart: '2015-10-07',
        country: 'CAF',
        admin1: 'Ouham',
        acts: ['killing'],
        description: '',
        groups: [],
        victims: [],
        perpetrators: [],
        sources: [],
      },
    });
    if (r.ok) expect(parseReport(r.body).dateEnd).toBe('2015-10-07');
  });

  it('builds a full report the server accepts, names only in the sealed parts', () => {
    const d = minimal({
      dateEnd: '2015-10-08',
      latitude: '6.49',
      longitude: '17.45',
      fatalities: '7',
      description: 'Armed men fired on the market.',
      victims: [{ ...newVictim(), count: '7', description: 'traders' }],
      perpetrators: [{ ...newPerpetrator(), actor: 'Anti-balaka', involvement: 'direct' }, newPerpetrator()],
      sources: [{ ...newSource(), reliability: 'B', credibility: '2', name: 'Zakaria N.', contact: '+236 72' }, newSource()],
      namedVictims: [{ ...newIdentity(), name: 'Hawa Y.' }, newIdentity()],
      witnesses: [],
      confidentialNotes: ' met at the church ',
    });
    const r = toReportBody(d);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.body.latitude).toBe(6.49);
    expect(r.body.perpetrators).toEqual([
      { actor: 'Anti-balaka', state: false, involvement: 'direct', description: '' },
      { state: false, involvement: 'unknown', description: '' },
    ]);
    expect(r.body.sources).toEqual([
      { kind: 'witness', reliability: 'B', credibility: 2, identity: { name: 'Zakaria N.', contact: '+236 72' } },
      { kind: 'witness', reliability: 'F', credibility: 6 },
    ]);
    expect(r.body.confidential).toEqual({ victims: [{ name: 'Hawa Y.' }], witnesses: [], notes: 'met at the church' });
    const parsed = parseReport(r.body);
    expect(parsed.victims).toEqual([{ kind: 'group', count: 7, civilian: true, description: 'traders' }]);
    expect(JSON.stringify({ ...r.body, sources: [], confidential: undefined })).not.toMatch(/Zakaria|Hawa|\+236/);
  });

  it('leaves out the sealed part when nothing confidential was written', () => {
    const r = toReportBody(minimal({ namedVictims: [newIdentity()], witnesses: [{ ...newIdentity(), name: '  ' }] }));
    expect(r.ok && r.body.confidential).toBe(undefined);
  });

  it('names every problem with its field at once', () => {
    expect(
      problemsOf({ ...emptyDraft(), latitude: '6.5', fatalities: '2.5', victims: [{ ...newVictim(), count: '0' }] }),
    ).toEqual([
      'dateStart:dateRequired',
      'country:countryRequired',
      'longitude:coordinatesBoth',
      'acts:actsRequired',
      'fatalities:wholeNumber',
      'victims.0.count:countAtLeastOne',
    ]);
  });

  it('refuses an end before the start, impossible dates and coordinates off the globe', () => {
    expect(problemsOf(minimal({ dateEnd: '2015-10-06' }))).toEqual(['dateEnd:dateOrder']);
    expect(problemsOf(minimal({ dateStart: '2015-13-45' }))).toEqual(['dateStart:dateInvalid']);
    expect(problemsOf(minimal({ latitude: '91', longitude: '-181' }))).toEqual([
      'latitude:latitudeRange',
      'longitude:longitudeRange',
    ]);
    expect(problemsOf(minimal({ latitude: 'north', longitude: '17' }))).toEqual(['latitude:latitudeRange']);
    expect(problemsOf(minimal({ victims: [{ ...newVictim(), count: '1.5' }] }))).toEqual(['victims.0.count:wholeNumber']);
  });

  it('accepts a one-day incident with the end equal to the start', () => {
    expect(problemsOf(minimal({ dateEnd: '2015-10-07' }))).toEqual([]);
  });
});

describe('withCountry', () => {
  it('drops the protected groups chosen for another country', () => {
    const d = minimal({ groups: [3], victims: [{ ...newVictim(), groupId: '3' }] });
    const moved = withCountry(d, 'SSD');
    expect(moved.groups).toEqual([]);
    expect(moved.victims[0]?.groupId).toBe('');
    expect(withCountry(d, 'CAF')).toBe(d);
  });
});
