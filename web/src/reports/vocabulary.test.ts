import { describe, expect, it } from 'vitest';
import * as server from '../../../src/reports/report.js';
import { nextStatus, REVIEW_ACTIONS as SERVER_ACTIONS } from '../../../src/reports/review.js';
import { ACTS, INVOLVEMENTS, openSteps, RELIABILITIES, REPORT_STATUSES, REVIEW_ACTIONS, SOURCE_KINDS } from './vocabulary.js';

describe('report vocabulary', () => {
  it('is the server’s own: acts, involvements, source kinds, grades, statuses and steps, in order', () => {
    expect(ACTS).toEqual(server.ACTS);
    expect(INVOLVEMENTS).toEqual(server.INVOLVEMENTS);
    expect(SOURCE_KINDS).toEqual(server.SOURCE_KINDS);
    expect(RELIABILITIES).toEqual(server.RELIABILITIES);
    expect(REPORT_STATUSES).toEqual(server.REPORT_STATUSES);
    expect(REVIEW_ACTIONS).toEqual(SERVER_ACTIONS);
  });
});

describe('openSteps', () => {
  const serverAllows = (status: (typeof REPORT_STATUSES)[number], action: (typeof REVIEW_ACTIONS)[number]) => {
    try {
      nextStatus(status, action);
      return true;
    } catch {
      return false;
    }
  };

  it('offers exactly the steps the server accepts from each status', () => {
    for (const status of REPORT_STATUSES) {
      expect(openSteps(status), status).toEqual(REVIEW_ACTIONS.filter((a) => serverAllows(status, a)));
    }
  });

  it('offers a verified report only the duplicate step, and a duplicate none', () => {
    expect(openSteps('verified')).toEqual(['mark-duplicate']);
    expect(openSteps('duplicate')).toEqual([]);
  });
});
