import { describe, expect, it } from 'vitest';
import type { ImportBatch } from './api.js';
import { sourceStatuses } from './sources.js';

const batch = (id: number, source: string, status: ImportBatch['status']): ImportBatch => ({
  id,
  source,
  format: source,
  fileName: `${source}-${id}.csv`,
  status,
  message: null,
  rowsRead: 10,
  inserted: 10,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  skipped: 0,
  startedAt: `2026-11-${String(id).padStart(2, '0')}T07:00:00Z`,
  finishedAt: null,
  userName: null,
});

describe('sourceStatuses', () => {
  it('gives each source its newest import and its newest completed one, whatever the order given', () => {
    const [ucdp, acled, gdelt] = sourceStatuses([
      batch(1, 'ucdp', 'completed'),
      batch(4, 'ucdp', 'failed'),
      batch(2, 'acled', 'completed'),
      batch(3, 'ucdp', 'completed'),
    ]);
    expect(ucdp).toMatchObject({ source: 'ucdp', imports: 3 });
    expect(ucdp?.latest?.id).toBe(4);
    expect(ucdp?.lastCompleted?.id).toBe(3);
    expect(acled?.latest?.id).toBe(2);
    expect(gdelt).toEqual({ source: 'gdelt', latest: null, lastCompleted: null, imports: 0 });
  });

  it('knows a source that was tried but never completed', () => {
    const [ucdp] = sourceStatuses([batch(5, 'ucdp', 'failed')]);
    expect(ucdp?.latest?.id).toBe(5);
    expect(ucdp?.lastCompleted).toBeNull();
  });
});
