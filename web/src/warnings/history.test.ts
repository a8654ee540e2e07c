import { describe, expect, it } from 'vitest';
import { historyFacts } from './history.js';

describe('historyFacts', () => {
  it('reads a late decision with its reason', () => {
    expect(historyFacts({ decision: 'act', reason: 'killings spreading to Bria', late: true })).toMatchObject({
      late: true,
      decision: 'act',
      text: 'killings spreading to Bria',
    });
  });

  it('reads the tiers of an escalation and the note of a closing', () => {
    expect(historyFacts({ step: 'acknowledge', fromTier: 0, toTier: 1 }).tiers).toEqual({ from: 0, to: 1 });
    expect(historyFacts({ from: 'decided', note: 'mission deployed' }).text).toBe('mission deployed');
  });

  it('reads the measure added, and a measure status change only when the status moved', () => {
    expect(historyFacts({ measureId: 3, title: 'Mediation support' }).measure).toBe('Mediation support');
    expect(historyFacts({ measureId: 3, from: 'planned', to: 'done' }).statusChange).toEqual({ from: 'planned', to: 'done' });
    expect(historyFacts({ measureId: 3, from: 'done', to: 'done' }).statusChange).toBeNull();
  });

  it('ignores fields of the wrong type instead of showing them', () => {
    expect(historyFacts({ late: 'yes', reason: 42, fromTier: '0', toTier: 1 })).toEqual({
      late: false,
      decision: null,
      text: null,
      tiers: null,
      measure: null,
      statusChange: null,
    });
  });
});
