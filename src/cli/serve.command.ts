import { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureFirstAdmin } from '../access/first-admin.js';
import { TocsinError } from '../core/errors.js';
import { VERSION, WEB_ROOT } from '../core/paths.js';
import { resolveDatabaseConfig } from '../db/open-database.js';
import { startServer } from '../http/server.js';
import { createMailer } from '../warnings/notify/deliver.js';
import { startWarningScheduler } from '../warnings/scheduler.js';
import { withDatabase, type GlobalOptions } from './context.js';

/** `tocsin serve`: the API and the web UI. On an empty instance, creates the first admin. */
export const serveCommand = new Command('serve')
  .description('start the HTTP server: JSON API under /api, web UI at /')
  .option('--host <host>', 'address to listen on', process.env.TOCSIN_HOST ?? '127.0.0.1')
  .option('--port <port>', 'port', process.env.TOCSIN_PORT ?? '8080')
  .option('--secure-cookies', 'mark the session cookie Secure (when served behind HTTPS)')
  .option(
    '--tick-seconds <n>',
    'seconds between passes of the warning deadline scheduler (0: off)',
    process.env.TOCSIN_TICK_SECONDS ?? '60',
  )
  .action(async (o: { host: string; port: string; secureCookies?: boolean; tickSeconds: string }, cmd: Command) => {
    const tick = Number(o.tickSeconds);
    if (!Number.isFinite(tick) || tick < 0)
      throw new TocsinError('invalid_input', '--tick-seconds must be a number of seconds, 0 for off');
    // Before anything starts: a bad TOCSIN_SMTP_URL or a missing TOCSIN_MAIL_FROM stops here, saying which.
    const mailer = createMailer(process.env);
    await withDatabase(cmd, async (db) => {
      const admin = await ensureFirstAdmin(db, { password: process.env.TOCSIN_ADMIN_PASSWORD });
      if (admin) {
        console.log(`First start: created the admin user "${admin.username}".`);
        if (admin.generated) {
          const cfg = resolveDatabaseConfig(cmd.optsWithGlobals<GlobalOptions>());
          if (!cfg.databaseUrl) {
            const file = join(cfg.dataDir, 'initial-admin-password');
            writeFileSync(file, `${admin.password}\n`, { mode: 0o600 });
            console.log(`Its password is in ${file} (readable by you only). Sign in, then delete the file.`);
          } else {
            console.log(`Its password (shown once): ${admin.password}`);
          }
        }
      }
      const server = await startServer({
        db,
        host: o.host,
        port: Number(o.port),
        webRoot: WEB_ROOT,
        secureCookies: o.secureCookies ?? false,
        version: VERSION,
        dataDir: resolveDatabaseConfig(cmd.optsWithGlobals<GlobalOptions>()).dataDir,
      });
      console.log(
        `Tocsin ${VERSION} on ${db.engine}: ${server.url}  (API: ${server.url}/api, OpenAPI: ${server.url}/api/openapi.json)`,
      );
      const scheduler = tick > 0 ? startWarningScheduler(db, { clock: () => new Date(), intervalMs: tick * 1000, mailer }) : null;
      console.log(
        scheduler
          ? `Warning deadlines checked every ${tick} s; e-mail ${mailer ? `from ${mailer.from}` : 'off (set TOCSIN_SMTP_URL and TOCSIN_MAIL_FROM)'}.`
          : 'Warning deadline scheduler off (--tick-seconds 0): overdue steps neither escalate nor notify.',
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await scheduler?.stop();
      await server.close();
      mailer?.close();
    });
  });
