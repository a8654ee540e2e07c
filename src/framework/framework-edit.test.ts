import { describe, expect, it } from 'vitest';
import { applyFrameworkChange, frameworkEditSchema } from './framework-edit.js';
import { factorsFromData } from './framework.js';
import data from './framework.data.json' with { type: 'json' };

const factors = factorsFromData(data);

describe('applyFrameworkChange', () => {
  it('rewords one indicator, marks it edited, and leaves the given version untouched', () => {
    const next = applyFrameworkChange(factors, { kind: 'edit-indicator', indicatorId: '7.6', text: 'Internet shutdowns.' }, 1);
    const before = factors[6]!.indicators[5]!;
    const after = next[6]!.indicators[5]!;
    expect(after).toEqual({ ...before, text: 'Internet shutdowns.', verification: 'edited' });
    expect(before.verification).toBe('source');
    expect(next[6]!.indicators.filter((_, k) => k !== 5)).toEqual(factors[6]!.indicators.filter((_, k) => k !== 5));
  });

  it("numbers an added indicator after the factor's last one and marks it added", () => {
    const next = applyFrameworkChange(factors, { kind: 'add-indicator', factorId: 'RF13', text: 'Child recruitment.' }, 1);
    expect(next[12]!.indicators.at(-1)).toEqual({
      id: '13.11',
      factorId: 'RF13',
      position: 11,
      text: 'Child recruitment.',
      verification: 'added',
    });
    expect(factors[12]!.indicators).toHaveLength(10);
  });

  it('edits a title and a summary separately, each with its own verification', () => {
    const next = applyFrameworkChange(factors, { kind: 'edit-factor', factorId: 'RF3', summary: 'A weak State.' }, 1);
    expect(next[2]).toMatchObject({ summary: 'A weak State.', verification: 'edited', titleVerification: 'brief' });
    const titled = applyFrameworkChange(factors, { kind: 'edit-factor', factorId: 'RF3', title: 'Weak State' }, 1);
    expect(titled[2]).toMatchObject({ title: 'Weak State', titleVerification: 'edited', verification: 'recall' });
  });

  it('refuses unknown ids, unchanged wording and repeated indicators', () => {
    expect(() => applyFrameworkChange(factors, { kind: 'edit-indicator', indicatorId: '7.99', text: 'x' }, 4)).toThrow(
      'no indicator 7.99 in framework version 4',
    );
    expect(() => applyFrameworkChange(factors, { kind: 'add-indicator', factorId: 'RF15', text: 'x' }, 1)).toThrow(
      /no risk factor RF15/,
    );
    const same = factors[0]!.indicators[0]!.text;
    expect(() => applyFrameworkChange(factors, { kind: 'edit-indicator', indicatorId: '1.1', text: same }, 1)).toThrow(
      /same as the current/,
    );
    expect(() => applyFrameworkChange(factors, { kind: 'add-indicator', factorId: 'RF1', text: same }, 1)).toThrow(/already has/);
    expect(() => applyFrameworkChange(factors, { kind: 'edit-factor', factorId: 'RF1', title: factors[0]!.title }, 1)).toThrow(
      /change\.title: the new wording is the same/,
    );
  });
});

describe('frameworkEditSchema', () => {
  it('needs a note and a known kind, and an edit-factor with something to change', () => {
    expect(
      frameworkEditSchema.safeParse({ note: ' ', change: { kind: 'add-indicator', factorId: 'RF1', text: 'x' } }).success,
    ).toBe(false);
    expect(frameworkEditSchema.safeParse({ note: 'n', change: { kind: 'delete-factor', factorId: 'RF1' } }).success).toBe(false);
    const empty = frameworkEditSchema.safeParse({ note: 'n', change: { kind: 'edit-factor', factorId: 'RF1' } });
    expect(empty.error?.issues[0]?.message).toMatch(/title, a new summary or both/);
    expect(frameworkEditSchema.parse({ note: ' why ', change: { kind: 'add-indicator', factorId: 'RF1', text: ' t ' } })).toEqual(
      {
        note: 'why',
        change: { kind: 'add-indicator', factorId: 'RF1', text: 't' },
      },
    );
  });
});
