import type { Db } from '../../db/database.js';
import { isTocsinError, TocsinError } from '../../core/errors.js';
import { importEventFile, type ImportRequest } from '../import-events.js';

/** What the server knows, in memory, of an import it runs in the background. */
export interface ImportJob {
  batchId: number;
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
  finished: boolean;
  /** Why the import stopped, when it failed after its batch was opened. */
  error: string | null;
  /** Signals stored by the surveillance step, once it ran. */
  signalsStored: number | null;
}

/** The imports one server runs: one at a time, each followed until its end. */
export interface ImportJobs {
  /** The job of a batch this server started, while it still remembers it. */
  job(batchId: number): ImportJob | undefined;
  /** Takes the server's one import slot (for the upload, then the import); false when it is taken. */
  claim(): boolean;
  /** Gives back a slot whose import never started. */
  release(): void;
  /**
   * Runs `importEventFile` on the claimed slot. Resolves with the job as soon as the file passed
   * the precheck and its batch is open, or rejects with the importer's refusal (nothing stored);
   * the import then runs on, and `cleanup` runs when it ends, before the slot is given back.
   */
  start(db: Db, req: ImportRequest, upload: { file: string; name: string; cleanup: () => Promise<void> }): Promise<ImportJob>;
}

const REMEMBERED = 100;

/** The importer's words with the temporary path replaced by the uploader's file name. */
export function hideTempPath(e: unknown, file: string, name: string): Error {
  if (!isTocsinError(e)) return new Error((e instanceof Error ? e.message : String(e)).replaceAll(file, name), { cause: e });
  const details = e.details && 'file' in e.details ? { ...e.details, file: name } : e.details;
  return new TocsinError(e.code, e.message.replaceAll(file, name), details ? { ...details } : undefined, { cause: e });
}

export function createImportJobs(): ImportJobs {
  const jobs = new Map<number, ImportJob>();
  let busy = false;
  const remember = (job: ImportJob) => {
    jobs.set(job.batchId, job);
    for (const id of jobs.keys()) if (jobs.size > REMEMBERED) jobs.delete(id);
  };
  return {
    job: (batchId) => jobs.get(batchId),
    claim() {
      if (busy) return false;
      busy = true;
      return true;
    },
    release() {
      busy = false;
    },
    start(db, req, upload) {
      return new Promise<ImportJob>((resolve, reject) => {
        let job: ImportJob | undefined;
        const settle = async (error: unknown, signalsStored: number | null) => {
          await upload.cleanup().catch(() => undefined);
          busy = false;
          if (!job) {
            reject(hideTempPath(error ?? new Error('the import ended before opening a batch'), upload.file, upload.name));
            return;
          }
          job.finished = true;
          job.signalsStored = signalsStored;
          if (error !== undefined) {
            job.error = hideTempPath(error, upload.file, upload.name).message;
          }
        };
        importEventFile(db, {
          ...req,
          onBatchStarted: (batchId) => {
            job = { batchId, bytesRead: 0, totalBytes: 0, rowsRead: 0, finished: false, error: null, signalsStored: null };
            remember(job);
            resolve(job);
          },
          onProgress: (p) => {
            if (job) Object.assign(job, p);
          },
        }).then(
          (report) => settle(undefined, report.surveillance?.signalsStored ?? null),
          (e: unknown) => settle(e ?? new Error('the import failed'), null),
        );
      });
    },
  };
}
