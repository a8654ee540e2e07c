import { beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../test-support/engines.js';
import { raiseWarning } from './raise-warning.js';
import { startWarningScheduler, tickWarnings } from './scheduler.js';
import { hoursAfter, usersWithEmail } from './warning-fixtures.js';
import { getWarning } from './warnings.repository.js';

const T = new Date('2025-05-01T00:00:00Z');

describeEachEngine('warning scheduler', ({ db }) => {
  let by: number;
  beforeAll(async () => {
    by = (await usersWithEmail(db(), ['analyst', 'decision-maker'], 's'))['analyst']!.id;
  });

  it('escalates overdue steps, then leaves e-mail in the outbox while no mailer is configured', async () => {
    const w = await raiseWarning(
      db(),
      { title: 'Curfew attacks', severity: 'high', country: 'SSD', groupIds: [], evidence: [] },
      { by, now: T },
    );
    const quiet = await tickWarnings(db(), { now: hoursAfter(T, 47), mailer: null });
    expect(quiet.escalations.filter((e) => e.warningId === w.id)).toEqual([]);
    const r = await tickWarnings(db(), { now: hoursAfter(T, 49), mailer: null });
    expect(r.escalations.filter((e) => e.warningId === w.id)).toMatchObject([{ step: 'acknowledge', toTier: 1 }]);
    expect(r.delivery).toEqual({ sent: 0, failed: 0, retrying: 0 });
    const [pending] = await db().query<{ n: number }>(
      "SELECT count(*)::int AS n FROM notifications WHERE warning_id = $1 AND status = 'pending'",
      [w.id],
    );
    expect(pending!.n).toBeGreaterThan(0);
  });

  it('ticks on its clock until stopped, reporting a failed pass without stopping', async () => {
    const w = await raiseWarning(
      db(),
      { title: 'Raids on markets', severity: 'critical', country: 'SSD', groupIds: [], evidence: [] },
      { by, now: T },
    );
    const errors: unknown[] = [];
    const s = startWarningScheduler(db(), {
      clock: () => hoursAfter(T, 25),
      intervalMs: 20,
      mailer: null,
      onError: (e) => errors.push(e),
    });
    await new Promise((r) => setTimeout(r, 300));
    await s.stop();
    expect(errors).toEqual([]);
    expect(await getWarning(db(), w.id)).toMatchObject({ tier: 1, ackDueAt: hoursAfter(T, 48).toISOString() });
  });
});
