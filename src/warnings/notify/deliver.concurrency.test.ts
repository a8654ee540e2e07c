import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/database.js';
import { openDatabase } from '../../db/open-database.js';
import { createScratchDatabase, TEST_DATABASE_URL } from '../../test-support/engines.js';
import { startSmtpServer, startWebhookReceiver } from '../../test-support/loopback-servers.js';
import { insertRecipient, insertWarning } from '../../test-support/notice-fixtures.js';
import { createMailer, deliverDueNotifications, type Mailer } from './deliver.js';
import { enqueueNotifications } from './notifications.repository.js';

/** Notifications to deliver: 30 in the suite; TOCSIN_NOTIFY_COUNT=200 measures a larger outbox (an even number). */
const COUNT = Number(process.env.TOCSIN_NOTIFY_COUNT ?? 30);
const now = new Date('2026-03-01T10:00:00Z');

// Two server processes on one PostgreSQL: two Db handles (two connection pools), two mailers.
// PostgreSQL only (PGlite is one process); under CI a missing TEST_DATABASE_URL fails the suite.
describe.runIf(TEST_DATABASE_URL || process.env.CI === 'true')(
  'deliverDueNotifications from two processes on one PostgreSQL',
  () => {
    let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
    let dbs: Db[] = [];
    let mailers: Mailer[] = [];
    let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    let hooks: Awaited<ReturnType<typeof startWebhookReceiver>>;

    beforeAll(async () => {
      scratch = await createScratchDatabase(TEST_DATABASE_URL!);
      dbs = [await openDatabase({ databaseUrl: scratch.url }), await openDatabase({ databaseUrl: scratch.url })];
      smtp = await startSmtpServer();
      hooks = await startWebhookReceiver();
      const env = { TOCSIN_SMTP_URL: smtp.url, TOCSIN_MAIL_FROM: 'alerts@tocsin.example.org' };
      mailers = [createMailer(env)!, createMailer(env)!];
    });
    afterAll(async () => {
      for (const m of mailers) m.close();
      await Promise.all([smtp?.close(), hooks?.close(), ...dbs.map((d) => d.close())]);
      await scratch?.drop();
    });

    it(`sends each of ${COUNT} notifications exactly once`, async () => {
      const db = dbs[0]!;
      await insertRecipient(db, { username: 'amina', role: 'decision-maker', email: 'amina@example.org' });
      const webhook = { url: hooks.url(), secret: 'whsec' };
      // Each warning: one e-mail and one webhook.
      for (let i = 0; i < COUNT / 2; i++) {
        const notice = await insertWarning(db, `Warning ${i}`);
        await db.transaction((tx) =>
          enqueueNotifications(tx, {
            warningId: notice.warningId,
            kind: 'raised',
            tier: 0,
            recipients: [{ role: 'decision-maker' }],
            notice,
            webhooks: [webhook],
            now,
          }),
        );
      }
      const started = performance.now();
      // Four delivery runs at once, two on each process, in small batches so they interleave.
      const results = await Promise.all(
        [0, 1, 0, 1].map((p) => deliverDueNotifications(dbs[p]!, { now, mailer: mailers[p]!, webhooks: [webhook], limit: 5 })),
      );
      const ms = performance.now() - started;
      console.log(`[notify] ${COUNT} notifications delivered by 2 processes in ${ms.toFixed(0)} ms`);

      expect(results.reduce((s, r) => s + r.sent, 0)).toBe(COUNT);
      expect(results.every((r) => r.failed === 0 && r.retrying === 0)).toBe(true);
      const mails = smtp.received.map((m) => `${m.to.join(',')} ${m.subject}`);
      expect(mails).toHaveLength(COUNT / 2);
      expect(new Set(mails).size).toBe(mails.length);
      const hookIds = hooks.received.map((h) => (JSON.parse(h.body) as { notice: { warningId: number } }).notice.warningId);
      expect(hookIds).toHaveLength(COUNT / 2);
      expect(new Set(hookIds).size).toBe(hookIds.length);
      const [left] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM notifications WHERE status <> 'sent'`);
      expect(left!.n).toBe(0);
    });
  },
);
