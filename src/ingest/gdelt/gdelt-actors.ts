import type { EventActor } from '../../events/event.js';
import { repairC1Controls } from '../text/lenient-decoder.js';

/**
 * CAMEO actor type codes (Actor*Type1Code..Type3Code) that mark an actor as the state.
 * CAMEO has no `POL`: police are `COP`.
 */
export const STATE_TYPES: ReadonlySet<string> = new Set([
  'GOV', // government
  'MIL', // military
  'COP', // police forces
  'JUD', // judiciary
  'SPY', // state intelligence
]);

/** Type codes of armed actors, state forces or not: a target of these is a fighting party, not a civilian. */
export const ARMED_TYPES: ReadonlySet<string> = new Set([
  'MIL', // military
  'COP', // police forces
  'SPY', // state intelligence
  'REB', // rebels
  'INS', // insurgents
  'SEP', // separatist rebels
  'UAF', // unaligned armed forces (militias, gunmen)
]);

/**
 * Type codes of unarmed people, counted as civilians (as ACLED's civilian actor type counts
 * journalists, aid and health workers, students). Ignored when the actor is also state or armed
 * (`GOV` + `MED` is state media, not a civilian).
 */
export const CIVILIAN_TYPES: ReadonlySet<string> = new Set([
  'CVL', // civilians
  'REF', // refugees and displaced people
  'EDU', // students and teachers
  'HLH', // health workers
  'MED', // journalists and media workers
  'HRI', // human-rights activists
  'AGR', // farmers
  'LAB', // workers
]);

/** What the CAMEO type codes say about one actor. */
export interface GdeltActorRoles {
  isState: boolean;
  isArmed: boolean;
  isCivilian: boolean;
}

/** Reads the roles from an actor's three type codes. */
export function actorRoles(typeCodes: readonly string[]): GdeltActorRoles {
  const has = (set: ReadonlySet<string>): boolean => typeCodes.some((c) => set.has(c));
  const isState = has(STATE_TYPES);
  const isArmed = has(ARMED_TYPES);
  return { isState, isArmed, isCivilian: !isState && !isArmed && has(CIVILIAN_TYPES) };
}

/** The event actor, named by Actor*Name (else Actor*Code); null when GDELT identified no actor. */
export function toEventActor(name: string, code: string, roles: GdeltActorRoles): EventActor | null {
  const shown = repairC1Controls(name.trim()) || code.trim();
  if (shown === '') return null;
  return { name: shown, isState: roles.isState, isCivilian: roles.isCivilian };
}
