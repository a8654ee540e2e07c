import { runCli } from './program.js';

// `tocsin events | head` closes the pipe early: that is the reader's choice, not a failure.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

// The entry point of the `tocsin` command (bin/tocsin.js).
process.exitCode = await runCli(process.argv);
