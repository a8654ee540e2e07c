import { describe, expect, it } from 'vitest';
import { categoriseAcledEvent, type AcledCategoryInput } from './acled-categories.js';

describe('categoriseAcledEvent', () => {
  const input = (eventType: string, subEventType: string, over: Partial<AcledCategoryInput> = {}): AcledCategoryInput => ({
    eventType,
    subEventType,
    civilianTargeting: null,
    hasStateActor: false,
    ...over,
  });

  it.each([
    [input('Violence against civilians', 'Attack'), 'one-sided'],
    [input('Violence against civilians', 'Sexual violence'), 'one-sided'],
    [input('Violence against civilians', 'Abduction/forced disappearance', { hasStateActor: true }), 'one-sided'],
    [input('Explosions/Remote violence', 'Air/drone strike', { civilianTargeting: 'Civilian targeting' }), 'one-sided'],
    [input('Riots', 'Mob violence', { civilianTargeting: 'civilian targeting' }), 'one-sided'],
    [input('Explosions/Remote violence', 'Shelling/artillery/missile attack'), 'remote-violence'],
    [input('Battles', 'Armed clash', { hasStateActor: true }), 'state-based'],
    [input('Battles', 'Non-state actor overtakes territory'), 'non-state'],
    [input('Riots', 'Violent demonstration'), 'riots'],
    [input('Protests', 'Peaceful protest'), 'protests'],
    [input('Strategic developments', 'Arrests'), 'strategic'],
    [input('BATTLES', 'Armed clash'), 'non-state'],
  ])('maps %j to %s', (given, category) => {
    expect(categoriseAcledEvent(given)).toMatchObject({ ok: true, category });
  });

  it('keeps ACLED words as sourceCategory: event_type / sub_event_type', () => {
    expect(categoriseAcledEvent(input('Battles', 'Armed clash'))).toMatchObject({ sourceCategory: 'Battles / Armed clash' });
    expect(categoriseAcledEvent({ ...input('Riots', ''), subEventType: null })).toMatchObject({ sourceCategory: 'Riots' });
  });

  it('rejects an unknown event type, naming it', () => {
    expect(categoriseAcledEvent(input('Skirmishes', 'Armed clash'))).toEqual({
      ok: false,
      column: 'event_type',
      reason: 'unknown ACLED event type "Skirmishes"',
    });
  });

  it('rejects an unknown civilian_targeting value', () => {
    expect(categoriseAcledEvent(input('Riots', 'Mob violence', { civilianTargeting: 'Yes' }))).toMatchObject({
      ok: false,
      column: 'civilian_targeting',
    });
  });
});
