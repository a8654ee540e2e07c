import { describe, expect, it } from 'vitest';
import type { ImportBatchRow } from '../imports.repository.js';
import type { ImportJob } from './import-jobs.js';
import { importStatus } from './import-status.js';

const batch = (over: Partial<ImportBatchRow> = {}): ImportBatchRow => ({
  id: 7,
  source: 'ucdp',
  format: 'UCDP GED CSV',
  fileName: 'ged.csv',
  fileSha256: null,
  status: 'running',
  message: null,
  rowsRead: 5000,
  inserted: 5000,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  skipped: 0,
  startedAt: '2026-11-24T07:00:00Z',
  finishedAt: null,
  userName: 'amina',
  ...over,
});
const job = (over: Partial<ImportJob> = {}): ImportJob => ({
  batchId: 7,
  bytesRead: 1_000_000,
  totalBytes: 4_000_000,
  rowsRead: 6100,
  finished: false,
  error: null,
  signalsStored: null,
  ...over,
});

describe('importStatus', () => {
  it('shows the live rows read while the rows are being read', () => {
    expect(importStatus(batch(), job())).toMatchObject({
      state: 'running',
      step: 'reading',
      rowsRead: 6100,
      bytesRead: 1_000_000,
      totalBytes: 4_000_000,
    });
  });

  it('is still running, in the surveillance step, once the batch is stored but the job goes on', () => {
    expect(importStatus(batch({ status: 'completed' }), job())).toMatchObject({ state: 'running', step: 'surveillance' });
  });

  it('is completed when the job has ended, with the signals it stored', () => {
    const s = importStatus(batch({ status: 'completed', rowsRead: 6100 }), job({ finished: true, signalsStored: 2 }));
    expect(s).toMatchObject({ state: 'completed', step: null, signalsStored: 2, rowsRead: 6100 });
  });

  it('is failed when the surveillance step failed after the rows were stored, with its message', () => {
    const s = importStatus(batch({ status: 'completed' }), job({ finished: true, error: 'the events are stored, but…' }));
    expect(s).toMatchObject({ state: 'failed', step: null, message: 'the events are stored, but…' });
  });

  it('trusts the stored batch alone when the server did not run it', () => {
    expect(importStatus(batch({ status: 'failed', message: 'disk full' }), undefined)).toMatchObject({
      state: 'failed',
      message: 'disk full',
      bytesRead: null,
    });
    expect(importStatus(batch({ status: 'completed' }), undefined)).toMatchObject({ state: 'completed', step: null });
    expect(importStatus(batch(), undefined)).toMatchObject({ state: 'running', step: 'reading', rowsRead: 5000 });
  });
});
