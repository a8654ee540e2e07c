import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tocsin } from '../test-support/tocsin-cli.js';

const dir = join(mkdtempSync(join(tmpdir(), 'tocsin-warnings-')), 'data');

describe('tocsin warnings', () => {
  beforeAll(async () => {
    for (const [name, role] of [
      ['ines', 'admin'],
      ['amina', 'decision-maker'],
      ['kofi', 'analyst'],
    ])
      expect((await tocsin(dir, 'users', 'add', name!, '--role', role!, '--email', `${name}@example.org`)).code).toBe(0);
  }, 60_000);

  it('takes a warning from raised to closed, escalating an overdue step on tick', async () => {
    const raised = await tocsin(
      dir,
      'warnings',
      'raise',
      '--by',
      'kofi',
      '--title',
      'Killings of herders in Ouham',
      '--severity',
      'critical',
      '--country',
      'CAF',
      '--risk-factor',
      'RF7,RF8',
      '--format',
      'json',
    );
    expect(raised.code, raised.stderr).toBe(0);
    const w = JSON.parse(raised.stdout) as { id: number; raisedAt: string };

    const later = new Date(Date.parse(w.raisedAt) + 25 * 3_600_000).toISOString();
    const tick = await tocsin(dir, 'warnings', 'tick', '--now', later);
    expect(tick.stdout).toMatch(new RegExp(`warning ${w.id}: acknowledge overdue, tier 0 -> 1`));

    const notRecipient = await tocsin(dir, 'warnings', 'ack', String(w.id), '--by', 'kofi');
    expect(notRecipient.code).not.toBe(0);
    expect(notRecipient.stderr).toMatch(/only decision-makers and admins/);
    expect((await tocsin(dir, 'warnings', 'ack', String(w.id), '--by', 'amina')).stdout).toMatch(/acknowledged, tier 1/);
    const noReason = await tocsin(dir, 'warnings', 'decide', String(w.id), '--by', 'amina', '--decision', 'act', '--reason', ' ');
    expect(noReason.stderr).toMatch(/--reason: a decision needs a written reason/);
    expect(
      (
        await tocsin(
          dir,
          'warnings',
          'decide',
          String(w.id),
          '--by',
          'amina',
          '--decision',
          'monitor',
          '--reason',
          'envoy to report weekly',
        )
      ).stdout,
    ).toMatch(/decided/);
    expect((await tocsin(dir, 'warnings', 'close', String(w.id), '--by', 'kofi', '--note', 'no further attacks')).stdout).toMatch(
      /closed/,
    );
    const after = await tocsin(dir, 'warnings', 'ack', String(w.id), '--by', 'ines');
    expect(after.stderr).toMatch(`warning ${w.id} is closed: it cannot be acknowledged`);

    const show = JSON.parse((await tocsin(dir, 'warnings', 'show', String(w.id))).stdout) as { log: { action: string }[] };
    expect(show.log.map((l) => l.action)).toEqual(['raised', 'escalated', 'acknowledged', 'decided', 'closed']);

    const metrics = await tocsin(dir, 'warnings', 'metrics', '--format', 'json', '--country', 'CAF');
    const m = JSON.parse(metrics.stdout) as {
      overall: { warnings: number; timeToDecide: { count: number }; overdue: { steps: number; late: number } };
    };
    // The tick took a drill time as now; the steps themselves were taken on time.
    expect(m.overall).toMatchObject({ warnings: 1, timeToDecide: { count: 1 }, overdue: { steps: 2, late: 0 } });
  }, 120_000);
});
