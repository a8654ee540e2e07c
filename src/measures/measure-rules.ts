import { TocsinError } from '../core/errors.js';
import { FINISHED_STATUSES, type MeasureStatus } from './measure.js';
import type { MeasureUpdate } from './measure-input.js';

/** Why no measure can be added to a warning in this state, or null when one can. */
export function whyNoMeasures(w: { id: number; status: string; closedAt: string | null }): string | null {
  return w.status === 'closed'
    ? `warning ${w.id} is closed${w.closedAt ? ` (since ${w.closedAt})` : ''}: measures cannot be added to a closed warning`
    : null;
}

/** The state of a measure that an update may change. */
export interface MeasureState {
  id: number;
  status: MeasureStatus;
  outcome: string | null;
}

/**
 * Checks an update against the rules: a measure marked done or abandoned needs a written outcome
 * (what happened, or why it was dropped); a finished measure keeps its status, and only its outcome
 * may be amended. Returns the status and outcome after the update.
 */
export function checkMeasureUpdate(
  current: MeasureState,
  update: MeasureUpdate,
): { status: MeasureStatus; outcome: string | null } {
  const status = update.status ?? current.status;
  const outcome = update.outcome ?? current.outcome;
  const finished = FINISHED_STATUSES.includes(current.status);
  if (finished && update.status !== undefined && update.status !== current.status)
    throw new TocsinError(
      'conflict',
      `measure ${current.id} is ${current.status}: its status cannot change (add a new measure instead)`,
      { field: 'status' },
    );
  const changesMoreThanOutcome = Object.keys(update).some((k) => k !== 'outcome' && k !== 'status');
  if (finished && changesMoreThanOutcome)
    throw new TocsinError('conflict', `measure ${current.id} is ${current.status}: only its outcome can be amended`, {
      field: Object.keys(update).find((k) => k !== 'outcome' && k !== 'status'),
    });
  if (FINISHED_STATUSES.includes(status) && !outcome?.trim())
    throw new TocsinError('invalid_input', `outcome: a measure marked ${status} needs a written outcome`, { field: 'outcome' });
  return { status, outcome };
}
