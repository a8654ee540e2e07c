import { describe, expect, it } from 'vitest';
import { groupPatchSchema, newGroupSchema, splitAreas, taggingProblems } from './protected-group.js';

describe('newGroupSchema', () => {
  it('accepts a group of a known country, upper-casing the code and dropping repeated areas', () => {
    expect(
      newGroupSchema.parse({ country: ' caf ', name: ' Muslim civilians ', kind: 'religious', areas: ['Ouham', 'Ouham'] }),
    ).toEqual({
      country: 'CAF',
      name: 'Muslim civilians',
      kind: 'religious',
      areas: ['Ouham'],
      notes: '',
    });
  });

  it('refuses an unknown country, an empty name and an unknown kind, naming each field', () => {
    const r = newGroupSchema.safeParse({ country: 'XYZ', name: '  ', kind: 'caste' });
    expect(r.error?.issues.map((i) => i.path.join('.'))).toEqual(['country', 'name', 'kind']);
    expect(r.error?.issues[2]?.message).toMatch(/one of ethnic, national/);
  });
});

describe('groupPatchSchema', () => {
  it('needs at least one change and refuses a change of country', () => {
    expect(groupPatchSchema.safeParse({}).success).toBe(false);
    expect(groupPatchSchema.safeParse({ country: 'SSD' }).success).toBe(false);
    expect(groupPatchSchema.parse({ notes: '' })).toEqual({ notes: '' });
  });
});

describe('splitAreas and taggingProblems', () => {
  it('reads a comma-separated list of areas', () => {
    expect(splitAreas('Ouham, Ouham-Pendé,,')).toEqual(['Ouham', 'Ouham-Pendé']);
  });

  it('says why each event cannot carry a group of this country', () => {
    const found = [
      { id: 1, country: 'CAF' },
      { id: 2, country: 'SSD' },
      { id: 3, country: null },
    ];
    expect(taggingProblems('event', 'CAF', [1, 2, 3, 4], found)).toEqual([
      'event 2 is in SSD, not CAF',
      'event 3 has no country',
      'no event 4',
    ]);
  });
});
