import { describe, expect, it } from 'vitest';
import { readHistoryEntry, revisedFrom } from './history.js';

const entry = (action: string, detail: Record<string, unknown>) => ({
  id: 1,
  action,
  detail,
  user: 'analyst',
  at: '2026-01-01T00:00:00Z',
});

describe('readHistoryEntry', () => {
  it('reads a rating with the one it replaced', () => {
    expect(
      readHistoryEntry(
        entry('rated', {
          indicatorId: '1.2',
          rating: 'high',
          confidence: 'low',
          evidence: 2,
          previous: { rating: 'low', confidence: 'high' },
        }),
      ),
    ).toEqual({
      action: 'rated',
      indicatorId: '1.2',
      rating: 'high',
      confidence: 'low',
      previous: { rating: 'low', confidence: 'high' },
    });
  });

  it('reads returns with their note and publications with the level they rose from', () => {
    expect(readHistoryEntry(entry('returned', { note: 'rate RF8' }))).toEqual({ action: 'returned', note: 'rate RF8' });
    expect(
      readHistoryEntry(
        entry('published', { level: 'serious-concern', previousAssessmentId: null, previousLevel: null, levelRose: true }),
      ),
    ).toEqual({ action: 'published', level: 'serious-concern', previousLevel: null, levelRose: true });
  });

  it('shows an unknown action, or a known one with a detail it cannot read, by its name only', () => {
    expect(readHistoryEntry(entry('archived', {}))).toEqual({ action: 'other', name: 'archived' });
    expect(readHistoryEntry(entry('rated', { indicatorId: '1.2', rating: 'severe' }))).toEqual({
      action: 'other',
      name: 'rated',
    });
    expect(readHistoryEntry(entry('toString', {}))).toEqual({ action: 'other', name: 'toString' });
  });
});

describe('revisedFrom', () => {
  it('finds the assessment a revision was started from, else null', () => {
    const revised = entry('revised-from', {
      from: 4,
      frameworkVersion: 1,
      copied: 3,
      dropped: [],
      periodStart: 'x',
      periodEnd: 'y',
    });
    expect(revisedFrom([revised, entry('rated', {})])).toBe(4);
    expect(revisedFrom([entry('created', {})])).toBeNull();
  });
});
