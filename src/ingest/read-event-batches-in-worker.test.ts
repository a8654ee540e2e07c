import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { acledFormat } from './acled/acled-format.js';
import { precheckFile } from './precheck.js';
import { readEventBatches, type ReadItem, type ReadSpec } from './read-event-batches.js';
import { canReadInWorker, readEventBatchesInWorker } from './read-event-batches-in-worker.js';
import type { SourceFormat } from './source-format.js';

const fixture = (name: string) => join(import.meta.dirname, 'acled', 'fixtures', name);

async function specFor(file: string, batchSize: number): Promise<ReadSpec> {
  const { layout, widths } = await precheckFile(file, acledFormat);
  return { file, layout, widths, options: {}, batchSize, batchId: 7 };
}

async function collect(items: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('readEventBatchesInWorker', () => {
  it('yields exactly the items of reading in this thread, in the same order', async () => {
    const spec = await specFor(fixture('acled-bad-rows.csv'), 2);
    // Two good rows and six rejected ones: one batch carries them all, an empty last one closes the file.
    const here = await collect(readEventBatches(acledFormat, spec, true));
    const there = await collect(readEventBatchesInWorker(acledFormat, spec));
    expect(there).toEqual(here);
    expect(here.filter((i) => i.kind === 'batch').map((i) => i.kind === 'batch' && i.events.count)).toEqual([2, 0]);
    expect(here.at(-1)).toMatchObject({ kind: 'end', read: { rowsRead: 8, rejected: 6 } });
  });

  it('stops the worker when the reader stops early', async () => {
    const spec = await specFor(fixture('acled-2023.csv'), 1);
    let batches = 0;
    for await (const item of readEventBatchesInWorker(acledFormat, spec)) {
      if (item.kind === 'batch' && ++batches === 2) break;
    }
    expect(batches).toBe(2);
  });

  it('reads only the built-in formats, which the worker can find by name', async () => {
    expect(canReadInWorker(acledFormat)).toBe(true);
    const copy: SourceFormat = { ...acledFormat };
    expect(canReadInWorker(copy)).toBe(false);
    await expect(readEventBatchesInWorker(copy, {} as ReadSpec).next()).rejects.toThrow(/cannot be read in a worker/);
  });
});
