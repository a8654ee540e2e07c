import { describe, expect, it } from 'vitest';
import { TocsinError } from '../../core/errors.js';
import { DEFAULT_CORROBORATION_RULE, parseCorroborationRule } from './corroboration-rule.js';

/** The TocsinError thrown by parsing `input`. */
function parseError(input: unknown): TocsinError {
  try {
    parseCorroborationRule(input);
  } catch (e) {
    if (e instanceof TocsinError) return e;
    throw e;
  }
  throw new Error('the rule was accepted');
}

describe('parseCorroborationRule', () => {
  it('fills every default: 2 days, 25 km, ratio 3 plus 5, GDELT may repeat itself', () => {
    expect(DEFAULT_CORROBORATION_RULE).toMatchObject({
      windowDays: 2,
      maxDateRangeDays: 7,
      radiusKm: 25,
      distancePrecisions: ['exact', 'near', 'admin2'],
      admin1Precisions: ['exact', 'near', 'admin2', 'admin1'],
      fatalitiesRatio: 3,
      fatalitiesSlack: 5,
      sameSourceMatches: ['gdelt'],
    });
    expect(parseCorroborationRule(undefined)).toEqual(DEFAULT_CORROBORATION_RULE);
  });

  it('pairs identical categories except other, and one-sided and remote violence with armed conflict', () => {
    const pairs = DEFAULT_CORROBORATION_RULE.compatibleCategories.map(([a, b]) => `${a}|${b}`);
    expect(pairs).toEqual([
      'one-sided|one-sided',
      'state-based|state-based',
      'non-state|non-state',
      'remote-violence|remote-violence',
      'riots|riots',
      'protests|protests',
      'strategic|strategic',
      'one-sided|state-based',
      'one-sided|non-state',
      'one-sided|remote-violence',
      'remote-violence|state-based',
      'remote-violence|non-state',
    ]);
  });

  it('keeps the defaults of the fields not given', () => {
    const rule = parseCorroborationRule({ radiusKm: 10, sameSourceMatches: [] });
    expect(rule.radiusKm).toBe(10);
    expect(rule.sameSourceMatches).toEqual([]);
    expect(rule.windowDays).toBe(2);
  });

  it('does not share default arrays between rules', () => {
    const a = parseCorroborationRule({});
    a.sameSourceMatches.push('ucdp');
    expect(parseCorroborationRule({}).sameSourceMatches).toEqual(['gdelt']);
  });

  it.each([
    [{ radiusKm: -1 }, /radiusKm: .*>0/],
    [{ radiusKm: 'far' }, /radiusKm: .*number/],
    [{ windowDays: 1.5 }, /windowDays: .*int/],
    [{ fatalitiesRatio: 0.5 }, /fatalitiesRatio: .*>=1/],
    [
      { distancePrecisions: ['exact', 'country'] },
      /distancePrecisions: must not contain country, international, unknown: .*centroid/,
    ],
    [{ admin1Precisions: ['unknown'] }, /admin1Precisions: must not contain/],
    [{ distancePrecisions: ['street'] }, /distancePrecisions\.0: /],
    [{ compatibleCategories: [['protests', 'one-sided']] }, /compatibleCategories\.0: protests never match organised violence/],
    [{ compatibleCategories: [['remote-violence', 'protests']] }, /compatibleCategories\.0: protests never match/],
    [{ compatibleCategories: [['other', 'other']] }, /compatibleCategories\.0: other is kept but never counted/],
    [{ compatibleCategories: [['riots']] }, /compatibleCategories\.0/],
    [{ sameSourceMatches: ['twitter'] }, /sameSourceMatches\.0: /],
    [{ radius: 25 }, /\(rule\): Unrecognized key: "radius"/],
    ['25 km', /\(rule\): .*object/],
  ])('refuses %j, naming the field and why', (input, message) => {
    const error = parseError(input);
    expect(error.code).toBe('invalid_input');
    expect(error.message).toMatch(/^corroboration rule: /);
    expect(error.message).toMatch(message);
  });

  it('reports every bad field at once, also in the details', () => {
    const error = parseError({ radiusKm: 0, windowDays: -1 });
    expect(error.message).toMatch(/windowDays: .*; radiusKm: |radiusKm: .*; windowDays: /);
    expect(error.details?.issues).toEqual(
      expect.arrayContaining([
        { field: 'radiusKm', message: expect.any(String) },
        { field: 'windowDays', message: expect.any(String) },
      ]),
    );
  });

  it('allows protests with riots when a user asks for it', () => {
    expect(parseCorroborationRule({ compatibleCategories: [['protests', 'riots']] }).compatibleCategories).toEqual([
      ['protests', 'riots'],
    ]);
  });
});
