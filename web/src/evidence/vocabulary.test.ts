import { describe, expect, it } from 'vitest';
import { CUSTODY_ACTIONS as SERVER_ACTIONS } from '../../../src/evidence/custody/custody-chain.js';
import { EVIDENCE_KINDS as SERVER_KINDS, LINK_KINDS as SERVER_LINKS } from '../../../src/evidence/evidence-item.js';
import { CUSTODY_ACTIONS, EVIDENCE_KINDS, LINK_KINDS } from './vocabulary.js';

describe('evidence vocabulary', () => {
  it('is the server’s own: kinds, link kinds and custody actions, in order', () => {
    expect(EVIDENCE_KINDS).toEqual(SERVER_KINDS);
    expect(LINK_KINDS).toEqual(SERVER_LINKS);
    expect(CUSTODY_ACTIONS).toEqual(SERVER_ACTIONS);
  });
});
