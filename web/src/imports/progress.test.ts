import { describe, expect, it } from 'vitest';
import type { ImportStatus } from './api.js';
import { formatBytes, stageOf } from './progress.js';

const status = (over: Partial<ImportStatus>): ImportStatus => ({
  id: 3,
  source: 'ucdp',
  format: 'UCDP GED CSV',
  fileName: 'ged.csv',
  status: 'running',
  message: null,
  rowsRead: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  skipped: 0,
  startedAt: '2026-11-24T07:00:00Z',
  finishedAt: null,
  userName: 'admin',
  state: 'running',
  step: 'reading',
  bytesRead: 0,
  totalBytes: 0,
  signalsStored: null,
  ...over,
});

describe('stageOf', () => {
  it('measures the upload by the bytes sent', () => {
    expect(stageOf({ phase: 'uploading', sent: 250, total: 1000 }, undefined)).toEqual({ stage: 'uploading', fraction: 0.25 });
  });

  it('waits, unmeasured, while the server checks a fully sent file', () => {
    expect(stageOf({ phase: 'uploading', sent: 1000, total: 1000 }, undefined)).toEqual({ stage: 'checking', fraction: null });
  });

  it('measures the import by the bytes the importer has read', () => {
    const s = status({ bytesRead: 600, totalBytes: 800 });
    expect(stageOf({ phase: 'importing', batchId: 3 }, s)).toEqual({ stage: 'reading', fraction: 0.75 });
    expect(stageOf({ phase: 'importing', batchId: 3 }, undefined)).toEqual({ stage: 'reading', fraction: 0 });
  });

  it('shows the surveillance step unmeasured, then how the import ended', () => {
    const importing = { phase: 'importing', batchId: 3 } as const;
    expect(stageOf(importing, status({ step: 'surveillance' }))).toEqual({ stage: 'surveillance', fraction: null });
    expect(stageOf(importing, status({ state: 'completed', step: null }))).toEqual({ stage: 'completed', fraction: 1 });
    expect(stageOf(importing, status({ state: 'failed', step: null }))).toEqual({ stage: 'failed', fraction: null });
    expect(stageOf({ phase: 'refused', message: 'not UCDP' }, undefined)).toEqual({ stage: 'failed', fraction: null });
  });

  it('never reports more than the whole', () => {
    expect(stageOf({ phase: 'importing', batchId: 3 }, status({ bytesRead: 900, totalBytes: 800 })).fraction).toBe(1);
  });
});

describe('formatBytes', () => {
  it('picks a decimal unit and formats it the local way', () => {
    expect(formatBytes(512, 'en')).toBe('512 byte');
    expect(formatBytes(1_256_278, 'en')).toBe('1.3 MB');
    expect(formatBytes(1_256_278, 'fr').replace(/\s/g, ' ')).toBe('1,3 Mo');
    expect(formatBytes(2_500_000_000, 'en')).toBe('2.5 GB');
  });
});
