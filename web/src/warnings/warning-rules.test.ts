import { describe, expect, it } from 'vitest';
import { ROLES } from '../api-schemas.js';
import { isMeasureOverdue, mayDecide, mayRecordMeasures, needsOutcome } from './warning-rules.js';

describe('who may act on a warning', () => {
  it('lets decision-makers and administrators acknowledge and decide', () => {
    expect(ROLES.filter(mayDecide)).toEqual(['admin', 'decision-maker']);
  });

  it('lets administrators, analysts and decision-makers record measures', () => {
    expect(ROLES.filter(mayRecordMeasures)).toEqual(['admin', 'analyst', 'decision-maker']);
  });
});

describe('measures', () => {
  it('needs an outcome to be done or abandoned only', () => {
    expect(['planned', 'in-progress', 'done', 'abandoned'].map(needsOutcome)).toEqual([false, false, true, true]);
  });

  it('is overdue after its due day while unfinished', () => {
    expect(isMeasureOverdue({ dueDate: '2025-04-01', status: 'planned' }, '2025-04-02')).toBe(true);
    expect(isMeasureOverdue({ dueDate: '2025-04-01', status: 'in-progress' }, '2025-04-01')).toBe(false);
    expect(isMeasureOverdue({ dueDate: '2025-04-01', status: 'done' }, '2025-05-01')).toBe(false);
    expect(isMeasureOverdue({ dueDate: null, status: 'planned' }, '2025-05-01')).toBe(false);
  });
});
