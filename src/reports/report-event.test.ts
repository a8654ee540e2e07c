import { describe, expect, it } from 'vitest';
import type { IsoDate } from '../core/brand.js';
import { witnessedKilling } from './report.fixture.js';
import { categoryOfReport, datePrecisionOf, reportToEvent } from './report-event.js';
import { parseReport, type Report } from './report.js';
import { duplicateProblem, nextStatus } from './review.js';

const stored = (o: Record<string, unknown> = {}): Report => {
  const r = parseReport(witnessedKilling(o));
  return {
    ...r,
    id: 1,
    reference: 'R-AAAA-BBBB-CCCC',
    status: 'triaged',
    admin1: r.admin1 ?? null,
    admin2: r.admin2 ?? null,
    location: r.location ?? null,
    latitude: r.latitude ?? null,
    longitude: r.longitude ?? null,
    fatalities: r.fatalities ?? null,
    groups: [],
    sources: [],
    confidential: 'sealed',
    anonymous: true,
    submittedBy: null,
    submittedAt: '2015-10-08T00:00:00.000Z',
    reviewedBy: null,
    reviewedAt: null,
    reviewReason: null,
    duplicateOf: null,
    eventId: null,
  };
};

describe('categoryOfReport', () => {
  const civilians = [{ kind: 'group' as const, count: 3, civilian: true, description: '' }];
  const soldiers = [{ kind: 'group' as const, count: 3, civilian: false, description: '' }];
  it('makes violence against civilians one-sided, named actor or not', () => {
    expect(categoryOfReport({ acts: ['killing'], victims: civilians })).toBe('one-sided');
    expect(categoryOfReport({ acts: ['abduction', 'looting'], victims: [] })).toBe('one-sided');
    expect(categoryOfReport({ acts: ['torture'], victims: [...soldiers, ...civilians] })).toBe('one-sided');
  });
  it('keeps combatant victims, property and words out of one-sided violence', () => {
    expect(categoryOfReport({ acts: ['killing'], victims: soldiers })).toBe('other');
    expect(categoryOfReport({ acts: ['looting', 'displacement'], victims: civilians })).toBe('strategic');
    expect(categoryOfReport({ acts: ['incitement'], victims: [] })).toBe('other');
  });
});

describe('reportToEvent', () => {
  it('carries the incident and never the sources or identities', () => {
    const e = reportToEvent('R-AAAA-BBBB-CCCC', stored());
    expect(e).toMatchObject({
      source: 'report',
      sourceId: 'R-AAAA-BBBB-CCCC',
      datePrecision: 'day',
      category: 'one-sided',
      locationPrecision: 'exact',
      perpetrator: { name: 'Anti-balaka', isState: false, isCivilian: false },
      target: { name: 'Civilians', isCivilian: true },
      fatalitiesBest: 7,
      citations: [],
      raw: ['R-AAAA-BBBB-CCCC'],
    });
    expect(JSON.stringify(e)).not.toMatch(/Zakaria|Hawa|traders|twenty/);
  });
  it('says how precise the date and place are', () => {
    expect(datePrecisionOf('2015-10-01' as IsoDate, '2015-10-08' as IsoDate)).toBe('days');
    expect(datePrecisionOf('2015-10-01' as IsoDate, '2015-10-09' as IsoDate)).toBe('month');
    const vague = reportToEvent(
      'R-1',
      stored({ latitude: undefined, longitude: undefined, perpetrators: [{ description: 'men' }] }),
    );
    expect(vague).toMatchObject({ locationPrecision: 'admin1', perpetrator: { name: 'Unidentified perpetrator' } });
  });
});

describe('verification steps', () => {
  it('opens each step only from the statuses before it', () => {
    expect(nextStatus('submitted', 'triage')).toBe('triaged');
    expect(nextStatus('triaged', 'verify')).toBe('verified');
    expect(nextStatus('unverified', 'verify')).toBe('verified');
    expect(() => nextStatus('submitted', 'verify')).toThrow(
      /cannot verify a submitted report: only a report triaged, unverified/,
    );
    expect(() => nextStatus('verified', 'reject')).toThrow(/cannot reject a verified report/);
    expect(nextStatus('verified', 'mark-duplicate')).toBe('duplicate');
    expect(() => nextStatus('duplicate', 'mark-duplicate')).toThrow(/conflict|cannot/);
  });
  it('keeps a verified incident counted once when it is marked a duplicate', () => {
    const original = { id: 2, status: 'triaged' as const, reference: 'R-2' };
    expect(duplicateProblem({ id: 1, status: 'verified' }, original)).toMatch(/verify R-2 first/);
    expect(duplicateProblem({ id: 1, status: 'triaged' }, original)).toBeNull();
    expect(duplicateProblem({ id: 2, status: 'triaged' }, original)).toMatch(/itself/);
    expect(duplicateProblem({ id: 1, status: 'triaged' }, { ...original, status: 'duplicate' })).toMatch(/original/);
  });
});
