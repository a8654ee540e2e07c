import type { ViolenceCategory } from '../../events/violence-category.js';

/** What an ACLED event_type maps to; `battle` is decided by the actors (state-based or non-state). */
export type AcledCategoryRule = ViolenceCategory | 'battle';

/**
 * ACLED event_type (matched case-insensitively) -> Tocsin category, before the civilian-targeting
 * override. Sub-event types are listed for the reader; they do not change the category.
 */
export const ACLED_EVENT_TYPE_RULES: ReadonlyArray<{ eventType: string; rule: AcledCategoryRule }> = [
  // Attack, Abduction/forced disappearance, Sexual violence: organised violence against unarmed people
  { eventType: 'Violence against civilians', rule: 'one-sided' },
  // Armed clash, Government regains territory, Non-state actor overtakes territory
  { eventType: 'Battles', rule: 'battle' },
  // Air/drone strike, Shelling/artillery/missile attack, Remote explosive/landmine/IED, Suicide bomb, Grenade, Chemical weapon
  { eventType: 'Explosions/Remote violence', rule: 'remote-violence' },
  // Violent demonstration, Mob violence
  { eventType: 'Riots', rule: 'riots' },
  // Peaceful protest, Protest with intervention, Excessive force against protesters
  { eventType: 'Protests', rule: 'protests' },
  // Agreement, Arrests, Change to group/activity, Disrupted weapons use, Headquarters or base established,
  // Looting/property destruction, Non-violent transfer of territory, Other
  { eventType: 'Strategic developments', rule: 'strategic' },
];

/** The civilian_targeting value (2023+ layouts) marking events where civilians were the primary target: always one-sided. */
export const CIVILIAN_TARGETING = 'Civilian targeting';

export interface AcledCategoryInput {
  eventType: string;
  subEventType: string | null;
  /** The civilian_targeting cell; null when empty, `NA` or absent from the layout. */
  civilianTargeting: string | null;
  /** True when actor1 or actor2 is a state's forces (inter code 1 or `State forces`). */
  hasStateActor: boolean;
}

export type AcledCategoryResult =
  | { ok: true; category: ViolenceCategory; sourceCategory: string }
  | { ok: false; column: 'event_type' | 'civilian_targeting'; reason: string };

/** Maps one ACLED event to a Tocsin category; `sourceCategory` keeps ACLED's words (`Battles / Armed clash`). */
export function categoriseAcledEvent(input: AcledCategoryInput): AcledCategoryResult {
  const entry = ACLED_EVENT_TYPE_RULES.find((r) => r.eventType.toLowerCase() === input.eventType.toLowerCase());
  if (entry === undefined)
    return { ok: false, column: 'event_type', reason: `unknown ACLED event type ${JSON.stringify(input.eventType)}` };
  const targeting = input.civilianTargeting;
  if (targeting !== null && targeting.toLowerCase() !== CIVILIAN_TARGETING.toLowerCase()) {
    return {
      ok: false,
      column: 'civilian_targeting',
      reason: `unknown civilian_targeting value ${JSON.stringify(targeting)} (expected "${CIVILIAN_TARGETING}" or empty)`,
    };
  }
  const sourceCategory = input.subEventType === null ? input.eventType : `${input.eventType} / ${input.subEventType}`;
  return { ok: true, category: resolveCategory(entry.rule, targeting !== null, input.hasStateActor), sourceCategory };
}

function resolveCategory(rule: AcledCategoryRule, targetsCivilians: boolean, hasStateActor: boolean): ViolenceCategory {
  if (targetsCivilians) return 'one-sided';
  if (rule === 'battle') return hasStateActor ? 'state-based' : 'non-state';
  return rule;
}
