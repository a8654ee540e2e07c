import type { Role } from '../api-schemas.js';

/** The roles the API lets triage a signal and raise a warning (POST /api/signals/{id}/triage, from-signal). */
export const TRIAGERS: readonly Role[] = ['admin', 'analyst'];

export const mayTriage = (role: Role): boolean => TRIAGERS.includes(role);

/** The longest reason the API keeps (triageSchema's note). */
export const REASON_MAX = 4000;

/** What is wrong with a written reason, or null: a triage decision needs one, within the API's limit. */
export function reasonProblem(reason: string, max = REASON_MAX): 'required' | 'tooLong' | null {
  const text = reason.trim();
  if (text === '') return 'required';
  return text.length > max ? 'tooLong' : null;
}
