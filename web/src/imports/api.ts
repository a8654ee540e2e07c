import * as z from 'zod/mini';
import type { FormatName } from '../../../src/ingest/formats.js';
import { ApiError, request } from '../api.js';
import { apiErrorSchema } from '../api-schemas.js';

/** The import statuses the store records (import_batches.status). */
export const BATCH_STATUSES = ['running', 'completed', 'refused', 'failed'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export const batchSchema = z.object({
  id: z.number(),
  source: z.string(),
  format: z.string(),
  fileName: z.string(),
  status: z.enum(BATCH_STATUSES),
  message: z.nullable(z.string()),
  rowsRead: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  rejected: z.number(),
  skipped: z.number(),
  startedAt: z.string(),
  finishedAt: z.nullable(z.string()),
  userName: z.nullable(z.string()),
});
export type ImportBatch = z.infer<typeof batchSchema>;

export const importStatusSchema = z.extend(batchSchema, {
  state: z.enum(['running', 'completed', 'failed']),
  step: z.nullable(z.enum(['reading', 'surveillance'])),
  bytesRead: z.nullable(z.number()),
  totalBytes: z.nullable(z.number()),
  signalsStored: z.nullable(z.number()),
});
export type ImportStatus = z.infer<typeof importStatusSchema>;

const rejectionSchema = z.object({ line: z.number(), column: z.nullable(z.string()), reason: z.string() });
export type Rejection = z.infer<typeof rejectionSchema>;

/** The server lists at most this many quarantined rows of a batch (imports.repository.ts). */
export const REJECTIONS_LISTED = 1000;

export async function fetchImports(): Promise<ImportBatch[]> {
  return (await request('/api/imports', z.object({ items: z.array(batchSchema) }))).items;
}

export const fetchImportStatus = (batchId: number): Promise<ImportStatus> =>
  request(`/api/imports/${batchId}`, importStatusSchema);

export async function fetchRejections(batchId: number): Promise<Rejection[]> {
  return (await request(`/api/imports/${batchId}/rejections`, z.object({ items: z.array(rejectionSchema) }))).items;
}

const acceptedSchema = z.object({ batchId: z.number() });

/**
 * Sends the file as the raw request body. XMLHttpRequest rather than fetch: only it reports how
 * many bytes have left, which is what the progress bar shows during a long upload.
 */
export function uploadEventFile(format: FormatName, file: File, onSent: (sent: number, total: number) => void): Promise<number> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const query = new URLSearchParams({ format, name: file.name });
    xhr.open('POST', `/api/imports?${query}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => onSent(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'The server could not be reached'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        const accepted = acceptedSchema.safeParse(body);
        if (accepted.success) resolve(accepted.data.batchId);
        else reject(new ApiError(0, 'bad_response', 'Unexpected response from /api/imports'));
        return;
      }
      const error = apiErrorSchema.safeParse(body);
      const { code, message } = error.success ? error.data.error : { code: 'http_error', message: `HTTP ${xhr.status}` };
      reject(new ApiError(xhr.status, code, message));
    };
    xhr.send(file);
  });
}
