import { Command } from 'commander';
import { withDatabase } from './context.js';

/** `tocsin db migrate`: applies pending migrations (they also run at every start). */
export const dbCommand = new Command('db').description('database maintenance').addCommand(
  new Command('migrate').description('apply pending migrations').action(async (_o, cmd: Command) => {
    let applied: string[] = [];
    await withDatabase(
      cmd,
      (db) =>
        Promise.resolve(
          console.log(applied.length ? `applied ${applied.join(', ')} (${db.engine})` : `schema up to date (${db.engine})`),
        ),
      (ids) => (applied = ids),
    );
  }),
);
