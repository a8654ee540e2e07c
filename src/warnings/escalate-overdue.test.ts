import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import { createScratchDatabase, describeEachEngine, TEST_DATABASE_URL } from '../test-support/engines.js';
import { escalateOverdue } from './escalate-overdue.js';
import { raiseWarning } from './raise-warning.js';
import { hoursAfter, usersWithEmail } from './warning-fixtures.js';
import { getWarningDetail } from './warnings.repository.js';
import { acknowledgeWarning } from './warning-steps.js';

const T = new Date('2025-03-01T00:00:00Z');
const critical = {
  title: 'Attacks on displaced people near Bossangoa',
  severity: 'critical' as const,
  country: 'CAF',
  groupIds: [],
  evidence: [],
};

const notices = (db: Db, warningId: number) =>
  db.query<{ kind: string; recipient: string }>('SELECT kind, recipient FROM notifications WHERE warning_id = $1 ORDER BY id', [
    warningId,
  ]);

describeEachEngine('escalateOverdue', ({ db }) => {
  let admin: { id: number };
  let decisionMaker: { id: number; username: string; role: 'decision-maker' };
  beforeAll(async () => {
    const users = await usersWithEmail(db(), ['admin', 'decision-maker']);
    admin = users.admin!;
    decisionMaker = users['decision-maker'] as typeof decisionMaker;
  });

  it('escalates a critical warning unacknowledged past 24 hours to tier 1 once, and notifies once', async () => {
    const w = await raiseWarning(db(), critical, { by: admin.id, now: T });
    expect(w.ackDueAt).toBe('2025-03-02T00:00:00.000Z');
    expect(w.decideDueAt).toBe('2025-03-04T00:00:00.000Z');
    expect(await notices(db(), w.id)).toEqual([{ kind: 'raised', recipient: 'w-decision-maker@example.org' }]);

    expect(await escalateOverdue(db(), hoursAfter(T, 23))).toEqual([]);
    expect(await escalateOverdue(db(), hoursAfter(T, 24))).toEqual([]);

    const late = new Date(hoursAfter(T, 24).getTime() + 1000);
    const [e, ...more] = await escalateOverdue(db(), late);
    expect(more).toEqual([]);
    expect(e).toMatchObject({ warningId: w.id, step: 'acknowledge', fromTier: 0, toTier: 1, dueAt: '2025-03-03T00:00:00.000Z' });
    const sent = await notices(db(), w.id);
    expect(
      sent
        .filter((n) => n.kind === 'escalated')
        .map((n) => n.recipient)
        .sort(),
    ).toEqual(['w-admin@example.org', 'w-decision-maker@example.org']);

    expect(await escalateOverdue(db(), late)).toEqual([]);
    expect(await notices(db(), w.id)).toHaveLength(sent.length);

    const detail = await getWarningDetail(db(), w.id);
    expect(detail).toMatchObject({ tier: 1, status: 'raised', ackDueAt: '2025-03-03T00:00:00.000Z' });
    expect(detail.log.map((l) => [l.action, l.detail.step ?? null])).toEqual([
      ['raised', null],
      ['escalated', 'acknowledge'],
    ]);
  });

  it('at the last tier logs the overdue step and sends a reminder instead of escalating', async () => {
    const w = await raiseWarning(db(), critical, { by: admin.id, now: T });
    await escalateOverdue(db(), hoursAfter(T, 25));
    const [e] = (await escalateOverdue(db(), hoursAfter(T, 49))).filter((x) => x.warningId === w.id);
    expect(e).toMatchObject({ warningId: w.id, fromTier: 1, toTier: 1, dueAt: '2025-03-04T00:00:00.000Z' });
    const detail = await getWarningDetail(db(), w.id);
    expect(detail.log.at(-1)).toMatchObject({ action: 'overdue', detail: { step: 'acknowledge' } });
    expect((await notices(db(), w.id)).filter((n) => n.kind === 'reminder')).toHaveLength(2);

    // Acknowledged late, then the decision is missed too: a second reminder, for the decision.
    await acknowledgeWarning(db(), w.id, { user: decisionMaker, now: hoursAfter(T, 50) });
    const [d] = (await escalateOverdue(db(), hoursAfter(T, 73))).filter((x) => x.warningId === w.id);
    expect(d).toMatchObject({ step: 'decide', fromTier: 1, toTier: 1 });
    expect((await notices(db(), w.id)).filter((n) => n.kind === 'reminder')).toHaveLength(4);
  });

  it('after the scheduler was down, moves one tier and gives the step a full interval from now', async () => {
    const w = await raiseWarning(db(), { ...critical, severity: 'high' }, { by: admin.id, now: T });
    const [e] = (await escalateOverdue(db(), hoursAfter(T, 24 * 10))).filter((x) => x.warningId === w.id);
    expect(e).toMatchObject({ fromTier: 0, toTier: 1, dueAt: hoursAfter(T, 24 * 10 + 48).toISOString() });
  });
});

describe.skipIf(!TEST_DATABASE_URL)('escalateOverdue with two server processes on one PostgreSQL', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let a: Db;
  let b: Db;
  beforeAll(async () => {
    scratch = await createScratchDatabase(TEST_DATABASE_URL!);
    a = await openDatabase({ databaseUrl: scratch.url });
    b = await openDatabase({ databaseUrl: scratch.url });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await scratch?.drop();
  });

  it('escalates each overdue step once when both tick at the same moment', async () => {
    const { admin } = await usersWithEmail(a, ['admin', 'decision-maker']);
    const ids: number[] = [];
    for (let i = 0; i < 12; i++)
      ids.push((await raiseWarning(a, { ...critical, title: `warning ${i}` }, { by: admin!.id, now: T })).id);
    const late = hoursAfter(T, 24.5);
    const [fromA, fromB] = await Promise.all([escalateOverdue(a, late), escalateOverdue(b, late)]);
    expect([...fromA, ...fromB].map((e) => e.warningId).sort((x, y) => x - y)).toEqual(ids);
    const [logged] = await a.query<{ n: number }>("SELECT count(*)::int AS n FROM warning_log WHERE action = 'escalated'");
    expect(logged!.n).toBe(12);
    const [queued] = await a.query<{ n: number }>("SELECT count(*)::int AS n FROM notifications WHERE kind = 'escalated'");
    expect(queued!.n).toBe(24);
  });
});
