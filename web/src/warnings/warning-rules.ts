import type { Role } from '../api-schemas.js';

/** Who acknowledges and decides (POST /api/warnings/{id}/acknowledge and /decide). */
export const DECIDERS: readonly Role[] = ['decision-maker', 'admin'];
/** Who records protection measures (POST /api/warnings/{id}/measures, PATCH /api/measures/{id}). */
export const MEASURE_RECORDERS: readonly Role[] = ['admin', 'analyst', 'decision-maker'];

export const mayDecide = (role: Role): boolean => DECIDERS.includes(role);
export const mayRecordMeasures = (role: Role): boolean => MEASURE_RECORDERS.includes(role);

/** Done and abandoned end a measure, and need a written outcome (docs/measures.md). */
export const needsOutcome = (status: string): boolean => status === 'done' || status === 'abandoned';

/** A measure is overdue when its due day is past and it is neither done nor abandoned. */
export const isMeasureOverdue = (m: { dueDate: string | null; status: string }, today: string): boolean =>
  m.dueDate !== null && m.dueDate < today && !needsOutcome(m.status);
