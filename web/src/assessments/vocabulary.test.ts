import { describe, expect, it } from 'vitest';
import * as server from '../../../src/assessments/assessment.js';
import * as framework from '../../../src/framework/framework.js';
import * as web from './vocabulary.js';

describe('the web vocabularies of assessments', () => {
  it('are the server’s own, in the same order (the order is the scale shown to the analyst)', () => {
    expect(web.RATINGS).toEqual(server.RATINGS);
    expect(web.CONFIDENCES).toEqual(server.CONFIDENCES);
    expect(web.LEVELS).toEqual(server.LEVELS);
    expect(web.STATUSES).toEqual(server.STATUSES);
    expect(web.EVIDENCE_KINDS).toEqual(server.EVIDENCE_KINDS);
    expect(web.SCOPES).toEqual(framework.SCOPES);
    expect(web.VERIFICATIONS).toEqual(framework.VERIFICATIONS);
    expect(web.TITLE_VERIFICATIONS).toEqual(framework.TITLE_VERIFICATIONS);
  });
});
