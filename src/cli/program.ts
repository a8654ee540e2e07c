import { Command, CommanderError } from 'commander';
import { isTocsinError } from '../core/errors.js';
import { VERSION } from '../core/paths.js';
import { assessCommand } from './assess.command.js';
import { dbCommand } from './db.command.js';
import { detectCommand } from './detect.command.js';
import { eventsCommand } from './events.command.js';
import { evidenceCommand } from './evidence.command.js';
import { EXIT_CODE } from './exit-codes.js';
import { fetchCommand } from './fetch.command.js';
import { forecastCommand } from './forecast.command.js';
import { frameworkCommand } from './framework.command.js';
import { groupsCommand } from './groups.command.js';
import { importCommand } from './import.command.js';
import { importsCommand } from './imports.command.js';
import { keysCommand } from './keys.command.js';
import { measuresCommand } from './measures.command.js';
import { replayCommand } from './replay.command.js';
import { reportsCommand } from './reports.command.js';
import { serveCommand } from './serve.command.js';
import { seriesCommand } from './series.command.js';
import { signalsCommand } from './signals.command.js';
import { speechCommand } from './speech.command.js';
import { usersCommand } from './users.command.js';
import { warningsCommand } from './warnings.command.js';

/** The `tocsin` program: every command wired in one place. */
export function buildProgram(): Command {
  return new Command('tocsin')
    .description('Tocsin: early warning and early action for the prevention of atrocity crimes')
    .version(VERSION)
    .option('--data-dir <dir>', 'embedded database directory (env TOCSIN_DATA_DIR, default ./tocsin-data)')
    .option('--database-url <url>', 'PostgreSQL server instead of the embedded database (env DATABASE_URL)')
    .showHelpAfterError()
    .addCommand(serveCommand)
    .addCommand(importCommand)
    .addCommand(fetchCommand)
    .addCommand(eventsCommand)
    .addCommand(detectCommand)
    .addCommand(importsCommand)
    .addCommand(forecastCommand)
    .addCommand(seriesCommand)
    .addCommand(signalsCommand)
    .addCommand(speechCommand)
    .addCommand(frameworkCommand)
    .addCommand(groupsCommand)
    .addCommand(assessCommand)
    .addCommand(warningsCommand)
    .addCommand(reportsCommand)
    .addCommand(measuresCommand)
    .addCommand(replayCommand)
    .addCommand(usersCommand)
    .addCommand(keysCommand)
    .addCommand(evidenceCommand)
    .addCommand(dbCommand);
}

/** Runs the CLI and maps errors to a message on stderr and an exit code from one table. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  // Every command, nested ones included: a usage error throws (exit 2) instead of exiting with 1.
  const override = (c: Command): void => {
    c.exitOverride();
    c.commands.forEach(override);
  };
  override(program);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (isTocsinError(e)) {
      console.error(`tocsin: ${e.message}`);
      return EXIT_CODE[e.code];
    }
    // Full detail only on request: a database error object can carry the rows it was given.
    const detail = process.env.TOCSIN_DEBUG ? e : e instanceof Error ? e.message : String(e);
    console.error('tocsin: unexpected failure:', detail, process.env.TOCSIN_DEBUG ? '' : '(set TOCSIN_DEBUG=1 for details)');
    return 1;
  }
}
