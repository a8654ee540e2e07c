import { describe, expect, it } from 'vitest';
import { recordReview } from '../../../src/speech/queue/speech-queue.repository.js';
import { RABAT_PARTS } from './vocabulary.js';
import { refusedPart } from './refusal.js';

const rabat = (o: Record<string, string>) =>
  Object.fromEntries(RABAT_PARTS.map((p) => [p, { assessment: o[p] ?? 'met', note: '' }])) as never;

/** The server's refusal, from its own code (it refuses before touching the database). */
async function refusal(parts: Record<string, string>): Promise<string> {
  const input = { rabat: rabat(parts), decision: 'incitement' as const, groupId: null, country: null, admin1: null, note: '' };
  const error = await recordReview(null as never, 1, input, null).catch((e: unknown) => e as Error);
  return (error as Error).message;
}

describe('refusedPart', () => {
  it('names the part the server refuses incitement over', async () => {
    expect(refusedPart(await refusal({ extent: 'unclear' }))).toBe('extent');
    expect(refusedPart(await refusal({ intent: 'not-met' }))).toBe('intent');
    expect(refusedPart(await refusal({ likelihood: 'not-met' }))).toBe('likelihood');
  });

  it('names nothing for other refusals', () => {
    expect(refusedPart('groupId: group 4 is a group of SSD, not of CAF (set country)')).toBeNull();
    expect(refusedPart('rabat.nonsense: x')).toBeNull();
  });
});
