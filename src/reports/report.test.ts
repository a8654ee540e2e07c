import { describe, expect, it } from 'vitest';
import { TocsinError } from '../core/errors.js';
import { witnessedKilling } from './report.fixture.js';
import { groupIdsOf, hasIdentity, parseReport } from './report.js';

const problemsOf = (value: unknown): string[] => {
  try {
    parseReport(value);
  } catch (e) {
    expect(e).toBeInstanceOf(TocsinError);
    return (e as TocsinError).details!.issues as string[];
  }
  throw new Error('the report was accepted');
};

describe('parseReport', () => {
  it('accepts a full report, defaults the end date to the start and the rest to empty', () => {
    const r = parseReport({ dateStart: '2015-10-07', country: 'caf', acts: ['killing', 'killing', 'looting'] });
    expect(r).toMatchObject({ dateEnd: '2015-10-07', country: 'CAF', acts: ['killing', 'looting'], victims: [], sources: [] });
    expect(parseReport(witnessedKilling()).sources[0]).toMatchObject({ reliability: 'B', credibility: 2 });
  });

  it('reports every problem with its field path', () => {
    const problems = problemsOf({
      dateStart: '2015-02-30',
      country: 'XXX',
      acts: [],
      latitude: 6.5,
      sources: [{ kind: 'rumour', reliability: 'a', credibility: 0 }],
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'dateStart: must be a date YYYY-MM-DD',
        expect.stringMatching(/^country: not an ISO alpha-3 code/),
        'acts: name at least one act',
        expect.stringMatching(/^sources\.0\.kind:/),
        'sources.0.reliability: must be an Admiralty reliability grade A-F',
        'sources.0.credibility: must be 1-6 (Admiralty credibility)',
      ]),
    );
  });

  it('refuses names outside the sealed parts, and an end before the start', () => {
    expect(problemsOf(witnessedKilling({ victims: [{ kind: 'individual', name: 'A. B.' }] }))).toEqual([
      expect.stringMatching(/^victims\.0: unknown field name: identities go in "confidential"/),
    ]);
    expect(problemsOf(witnessedKilling({ witnessName: 'A. B.' }))[0]).toMatch(/witnessName/);
    expect(problemsOf(witnessedKilling({ dateEnd: '2015-10-06' }))).toEqual(['dateEnd: must be on or after dateStart']);
    expect(problemsOf(witnessedKilling({ longitude: undefined }))).toEqual(['longitude: give both coordinates or neither']);
  });

  it('collects the groups of the report and of its victims once each', () => {
    const r = parseReport(
      witnessedKilling({
        groups: [3, 4],
        victims: [
          { kind: 'group', groupId: 4 },
          { kind: 'group', groupId: 9 },
        ],
      }),
    );
    expect(groupIdsOf(r)).toEqual([3, 4, 9]);
  });

  it('has nothing to seal in an empty identity', () => {
    expect(hasIdentity(undefined)).toBe(false);
    expect(hasIdentity({ name: '' })).toBe(false);
    expect(hasIdentity({ contact: '+236' })).toBe(true);
  });
});
