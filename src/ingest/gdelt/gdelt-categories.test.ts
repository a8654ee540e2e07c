import { describe, expect, it } from 'vitest';
import { actorRoles } from './gdelt-actors.js';
import { cameoLabel } from './gdelt-cameo-labels.js';
import { CAMEO_ROOT_CATEGORIES, categoriseCameo } from './gdelt-categories.js';

const cat = (eventCode: string, perpetratorTypes: string[] = [], targetTypes: string[] = []) =>
  categoriseCameo({
    eventCode,
    baseCode: eventCode.slice(0, 3),
    rootCode: eventCode.slice(0, 2),
    perpetrator: actorRoles(perpetratorTypes),
    target: actorRoles(targetTypes),
  });

describe('categoriseCameo', () => {
  it('has a rule for every CAMEO root 01-20, as two-digit strings', () => {
    const roots = Array.from({ length: 20 }, (_, i) => String(i + 1).padStart(2, '0'));
    expect(Object.keys(CAMEO_ROOT_CATEGORIES).sort()).toEqual(roots);
  });

  it('keeps non-violent roots as other, with leading zeros intact', () => {
    expect(['010', '061', '0834', '130', '150', '173'].map((c) => cat(c, ['MIL'], ['CVL']))).toEqual(Array(6).fill('other'));
  });

  it('splits protest into riots (145 and its sub-codes) and protests', () => {
    expect([cat('140'), cat('141'), cat('1431'), cat('145'), cat('1451')]).toEqual([
      'protests',
      'protests',
      'protests',
      'riots',
      'riots',
    ]);
  });

  it('makes every unconventional mass violence code one-sided', () => {
    expect(['200', '201', '202', '203', '204', '2041'].map((c) => cat(c, ['MIL'], ['MIL']))).toEqual(Array(6).fill('one-sided'));
  });

  it('makes an assault on civilians, or on an unknown or unarmed target, one-sided', () => {
    expect(cat('1823', ['MIL'], ['CVL'])).toBe('one-sided');
    expect(cat('181', [], [])).toBe('one-sided');
    expect(cat('186', ['REB'], ['MED'])).toBe('one-sided');
  });

  it('reads bombings as remote violence unless they target civilians', () => {
    expect(cat('1831', ['INS'], ['MIL'])).toBe('remote-violence');
    expect(cat('183', [], [])).toBe('remote-violence');
    expect(cat('1832', ['INS'], ['CVL'])).toBe('one-sided');
  });

  it('splits assaults on armed or state targets by the sides', () => {
    expect(cat('186', ['REB'], ['GOV'])).toBe('state-based');
    expect(cat('182', ['UAF'], ['REB'])).toBe('non-state');
  });

  it('reads fighting with a state side as state-based, else non-state', () => {
    expect(cat('193', ['GOV'], ['REB'])).toBe('state-based');
    expect(cat('190', ['REB'], ['MIL'])).toBe('state-based');
    expect(cat('193', ['MIL'], ['MIL'])).toBe('state-based');
    expect(cat('193', ['REB'], ['SEP'])).toBe('non-state');
    expect(cat('190', [], [])).toBe('non-state');
  });

  it('reads artillery, tanks and aerial weapons as remote violence, and fighting against civilians as one-sided', () => {
    expect([cat('194', ['MIL'], ['REB']), cat('195', ['MIL'], []), cat('1952', [], [])]).toEqual(
      Array(3).fill('remote-violence'),
    );
    expect(cat('195', ['MIL'], ['CVL'])).toBe('one-sided');
    expect(cat('193', ['COP'], ['CVL'])).toBe('one-sided');
  });
});

describe('actorRoles', () => {
  it('marks state, armed and civilian actors; state media are not civilians', () => {
    expect(actorRoles(['GOV', '', ''])).toEqual({ isState: true, isArmed: false, isCivilian: false });
    expect(actorRoles(['REB', '', ''])).toEqual({ isState: false, isArmed: true, isCivilian: false });
    expect(actorRoles(['CVL', '', ''])).toEqual({ isState: false, isArmed: false, isCivilian: true });
    expect(actorRoles(['GOV', 'MED', ''])).toEqual({ isState: true, isArmed: false, isCivilian: false });
  });
});

describe('cameoLabel', () => {
  it('labels the most specific code known, down to the root', () => {
    expect(cameoLabel('1823', '182', '18')).toBe('killing by physical assault');
    expect(cameoLabel('1824', '182', '18')).toBe('physical assault');
    expect(cameoLabel('190', '190', '19')).toBe('fighting');
    expect(cameoLabel('061', '061', '06')).toBe('material cooperation');
  });
});
