import { Command } from 'commander';
import { TocsinError } from '../core/errors.js';
import { listImportBatches, listRejections } from '../ingest/imports.repository.js';
import { withDatabase } from './context.js';

const list = new Command('list').description('import batches, newest first').action(async (_o, cmd: Command) => {
  await withDatabase(cmd, async (db) => {
    for (const b of await listImportBatches(db)) {
      console.log(
        `${String(b.id).padStart(5)}  ${b.startedAt}  ${b.status.padEnd(9)} ${b.source.padEnd(6)} ${b.fileName}  +${b.inserted} ~${b.updated} =${b.unchanged} !${b.rejected}`,
      );
    }
  });
});

const show = new Command('show')
  .description('the quarantined rows of an import batch')
  .argument('<batch>', 'batch id')
  .action(async (batch: string, _o, cmd: Command) => {
    const id = Number(batch);
    if (!Number.isInteger(id) || id < 1) throw new TocsinError('invalid_input', 'the batch id is a positive whole number');
    await withDatabase(cmd, async (db) => {
      const rows = await listRejections(db, id);
      for (const r of rows) console.log(`line ${r.line}${r.column ? `, column ${r.column}` : ''}: ${r.reason}`);
      console.error(`${rows.length} rejected rows`);
    });
  });

/** `tocsin imports list|show`. */
export const importsCommand = new Command('imports')
  .description('import history and quarantine')
  .addCommand(list)
  .addCommand(show);
