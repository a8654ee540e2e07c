import type { ViolenceCategory } from '../../events/violence-category.js';
import type { GdeltActorRoles } from './gdelt-actors.js';

/** A CAMEO event with its codes as strings (leading zeros matter: `061`, root `06`) and the roles of its two actors. */
export interface CameoEvent {
  eventCode: string;
  baseCode: string;
  rootCode: string;
  perpetrator: GdeltActorRoles;
  target: GdeltActorRoles;
}

type RootRule = ViolenceCategory | ((event: CameoEvent) => ViolenceCategory);

/** Base codes whose means are remote: bombs (183x), artillery and tanks (194), aircraft and drones (195x). */
const REMOTE_BASE_CODES: ReadonlySet<string> = new Set(['183', '194', '195']);

/**
 * The order for assault (18) and fighting (19), the same for both:
 * 1. a civilian target makes it one-sided, whatever the means (UCDP type 3, ACLED civilian targeting);
 * 2. remote means (bombs, artillery, aircraft) make it remote violence;
 * 3. (assault only) a target neither armed nor state is taken as unarmed;
 * 4. otherwise the sides decide (a state on either side -> state-based, as UCDP defines it).
 */
function violenceCategory(event: CameoEvent, ifTargetUnarmed: ViolenceCategory | null): ViolenceCategory {
  const { perpetrator, target } = event;
  if (target.isCivilian) return 'one-sided';
  if (REMOTE_BASE_CODES.has(event.baseCode)) return 'remote-violence';
  if (ifTargetUnarmed !== null && !target.isArmed && !target.isState) return ifTargetUnarmed;
  return perpetrator.isState || target.isState ? 'state-based' : 'non-state';
}

/**
 * 18 assault: abduction, beating, torture, assassination. A target that GDELT does not mark as
 * armed or state (including an unknown target) is taken as a person not fighting -> one-sided;
 * an armed or state target -> state-based or non-state by the sides.
 */
const assault = (event: CameoEvent): ViolenceCategory => violenceCategory(event, 'one-sided');

/**
 * 19 fight: conventional force. A state on either side -> state-based (government vs rebels
 * included), else non-state; 194 artillery and 195 aerial weapons -> remote violence.
 */
const fight = (event: CameoEvent): ViolenceCategory => violenceCategory(event, null);

/** 14 protest: 145 (violent protest, riot, and its sub-codes 1451-1454) -> riots, else protests. */
const protest = (event: CameoEvent): ViolenceCategory => (event.baseCode === '145' ? 'riots' : 'protests');

/** CAMEO root code -> Tocsin category. Roots outside violence and protest are kept as `other`. */
export const CAMEO_ROOT_CATEGORIES: Readonly<Record<string, RootRule>> = {
  '01': 'other', // make public statement
  '02': 'other', // appeal
  '03': 'other', // express intent to cooperate
  '04': 'other', // consult
  '05': 'other', // engage in diplomatic cooperation
  '06': 'other', // engage in material cooperation
  '07': 'other', // provide aid
  '08': 'other', // yield
  '09': 'other', // investigate
  '10': 'other', // demand
  '11': 'other', // disapprove
  '12': 'other', // reject
  '13': 'other', // threaten: words, no violence yet
  '14': protest, // protest: 145 riot -> riots, else protests
  '15': 'other', // exhibit force posture: troop movements, alerts; no violence
  '16': 'other', // reduce relations
  '17': 'other', // coerce (arrests, seizures, repression): too mixed to call strategic or violent
  '18': assault, // assault: civilian or unarmed target -> one-sided; 183 bombing -> remote violence; armed target -> by the sides
  '19': fight, // fight: civilian target -> one-sided; 194, 195 -> remote violence; a state side -> state-based, else non-state
  '20': 'one-sided', // unconventional mass violence: 201 mass expulsion, 202 mass killings, 203 ethnic cleansing, 204 WMD
};

/** The Tocsin category of a CAMEO event; `other` for an unknown root. */
export function categoriseCameo(event: CameoEvent): ViolenceCategory {
  const rule = CAMEO_ROOT_CATEGORIES[event.rootCode] ?? 'other';
  return typeof rule === 'function' ? rule(event) : rule;
}
