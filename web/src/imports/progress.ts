import type { ImportStatus } from './api.js';

/** Where an upload started from this page stands, until the server has opened its batch (or refused it). */
export type UploadState =
  | { phase: 'uploading'; sent: number; total: number }
  | { phase: 'importing'; batchId: number }
  | { phase: 'refused'; message: string };

export type Stage = 'uploading' | 'checking' | 'reading' | 'surveillance' | 'completed' | 'failed';

export interface StageProgress {
  stage: Stage;
  /** 0..1 of the current stage, or null when it cannot be measured (shown as a busy bar). */
  fraction: number | null;
}

const ratio = (done: number, total: number): number => (total > 0 ? Math.min(1, Math.max(0, done / total)) : 0);

/**
 * The stage to show and how far along it is. The bytes sent measure the upload; once all are
 * sent the server checks the file before answering; then the bytes the importer has read measure
 * the rows; the surveillance step that follows has no measure.
 */
export function stageOf(upload: UploadState, status: ImportStatus | undefined): StageProgress {
  switch (upload.phase) {
    case 'refused':
      return { stage: 'failed', fraction: null };
    case 'uploading':
      return upload.total > 0 && upload.sent >= upload.total
        ? { stage: 'checking', fraction: null }
        : { stage: 'uploading', fraction: ratio(upload.sent, upload.total) };
    case 'importing':
      if (!status) return { stage: 'reading', fraction: 0 };
      if (status.state === 'completed') return { stage: 'completed', fraction: 1 };
      if (status.state === 'failed') return { stage: 'failed', fraction: null };
      if (status.step === 'surveillance') return { stage: 'surveillance', fraction: null };
      return { stage: 'reading', fraction: status.totalBytes ? ratio(status.bytesRead ?? 0, status.totalBytes) : 0 };
  }
}

/** A size in bytes the way people read it ("1.3 MB", "1,3 Mo" in French), in decimal units. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: unit === 0 ? 0 : 1,
  }).format(value);
}
