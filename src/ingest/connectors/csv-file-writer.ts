import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { csvLine } from '../../core/csv.js';

/** A CSV being written through `<file>.part`: renamed into place by `commit`, deleted by `abort`. */
export interface CsvFileWriter {
  /** Appends one record, waiting when the disk is slower than the network. */
  write(fields: readonly string[]): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Opens `<file>.part` and writes the header; a failed run never leaves a plausible `file`. */
export async function openCsvWriter(file: string, header: readonly string[]): Promise<CsvFileWriter> {
  const part = `${file}.part`;
  const out = createWriteStream(part);
  let failure: Error | undefined;
  out.on('error', (err) => {
    failure ??= err;
  });
  await once(out, 'open');
  const write = async (fields: readonly string[]): Promise<void> => {
    if (failure) throw failure;
    if (!out.write(csvLine(fields))) await once(out, 'drain');
  };
  await write(header);
  return {
    write,
    async commit() {
      out.end();
      await finished(out);
      if (failure) throw failure;
      await rename(part, file);
    },
    async abort() {
      out.end();
      await finished(out).catch(() => undefined);
      await rm(part, { force: true });
    },
  };
}
