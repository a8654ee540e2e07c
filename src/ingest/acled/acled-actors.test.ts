import { describe, expect, it } from 'vitest';
import { parseInter, toEventActor } from './acled-actors.js';

describe('ACLED actors', () => {
  it.each([
    ['1', 'State forces'],
    ['State forces', 'State forces'],
    ['state FORCES', 'State forces'],
    ['7', 'Civilians'],
    ['Civilians', 'Civilians'],
    ['8', 'External/Other forces'],
    ['0', null],
    [null, null],
  ])('reads %j as %j', (cell, type) => {
    expect(parseInter(cell)).toEqual({ ok: true, type });
  });

  it.each(['9', '10', 'Soldiers', '1.0'])('rejects %j', (cell) => {
    expect(parseInter(cell)).toMatchObject({ ok: false, reason: expect.stringContaining(JSON.stringify(cell)) });
  });

  it('builds actors flagged as state or civilians', () => {
    expect(toEventActor('Military Forces of Mali (2012-)', 'State forces')).toEqual({
      name: 'Military Forces of Mali (2012-)',
      isState: true,
      isCivilian: false,
    });
    expect(toEventActor('Civilians (Mali)', 'Civilians')).toEqual({ name: 'Civilians (Mali)', isState: false, isCivilian: true });
    expect(toEventActor(null, null)).toBeNull();
  });
});
