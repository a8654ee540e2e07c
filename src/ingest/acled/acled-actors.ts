import type { EventActor } from '../../events/event.js';

/** ACLED actor types (inter1/inter2), in code order: code 1 is `State forces`, ..., 8 `External/Other forces`. */
export const ACLED_ACTOR_TYPES = [
  'State forces', // 1: military and police of a recognised government
  'Rebel group', // 2: organised armed opposition aiming to replace the government
  'Political militia', // 3: armed groups serving a political end, often for elites or parties
  'Identity militia', // 4: communal, ethnic, religious and local defence groups
  'Rioters', // 5: violent demonstrators
  'Protesters', // 6: non-violent demonstrators
  'Civilians', // 7: unarmed people, victims of violence
  'External/Other forces', // 8: international forces, private security, peacekeepers
] as const;

export type AcledActorType = (typeof ACLED_ACTOR_TYPES)[number];

/** An inter cell read: the actor type, or null for code 0 / an empty cell (no second actor). */
export type InterResult = { ok: true; type: AcledActorType | null } | { ok: false; reason: string };

/** Reads an inter1/inter2 cell in either encoding: numeric code (`1`, before 2024) or text (`State forces`, 2024+). */
export function parseInter(cell: string | null): InterResult {
  if (cell === null || cell === '0') return { ok: true, type: null };
  if (/^[1-8]$/.test(cell)) return { ok: true, type: ACLED_ACTOR_TYPES[Number(cell) - 1] ?? null };
  const type = ACLED_ACTOR_TYPES.find((t) => t.toLowerCase() === cell.toLowerCase());
  if (type === undefined)
    return {
      ok: false,
      reason: `unknown actor type ${JSON.stringify(cell)} (expected a code 0-8 or ${ACLED_ACTOR_TYPES.join(', ')})`,
    };
  return { ok: true, type };
}

/** Builds an EventActor from an ACLED actor name and its type; null when the name is missing. */
export function toEventActor(name: string | null, type: AcledActorType | null): EventActor | null {
  if (name === null) return null;
  return { name, isState: type === 'State forces', isCivilian: type === 'Civilians' };
}
