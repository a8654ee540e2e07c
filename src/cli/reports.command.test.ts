import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../access/users.repository.js';
import { openDatabase } from '../db/open-database.js';
import { witnessedKilling } from '../reports/report.fixture.js';
import { tocsin } from '../test-support/tocsin-cli.js';

describe('tocsin reports', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-reports-'));
  const file = join(dataDir, 'report.json');
  const badFile = join(dataDir, 'bad.json');

  beforeAll(async () => {
    const db = await openDatabase({ dataDir });
    for (const role of ['monitor', 'analyst', 'investigator'] as const)
      await createUser(db, { username: role, password: `password for ${role}!`, role });
    await db.close();
    writeFileSync(file, JSON.stringify(witnessedKilling()));
    writeFileSync(
      badFile,
      JSON.stringify(witnessedKilling({ acts: ['massacre'], sources: [{ kind: 'witness', reliability: 'G', credibility: 9 }] })),
    );
  }, 60_000);

  it('submits, triages, verifies and shows a report, revealing identities only to the cleared', async () => {
    const sent = await tocsin(dataDir, 'reports', 'submit', '--file', file, '--by', 'monitor');
    expect(sent.code, sent.stderr).toBe(0);
    const reference = sent.stdout.trim();
    expect(reference).toMatch(/^R-/);

    const bad = await tocsin(dataDir, 'reports', 'submit', '--file', badFile, '--by', 'monitor');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /acts\.0: must be one of killing.*sources\.0\.reliability: must be an Admiralty.*sources\.0\.credibility/,
    );

    expect((await tocsin(dataDir, 'reports', 'verify', reference, '--reason', 'seen', '--by', 'analyst')).code).toBe(6);
    expect((await tocsin(dataDir, 'reports', 'triage', reference, '--reason', 'in scope', '--by', 'monitor')).code).toBe(5);
    expect((await tocsin(dataDir, 'reports', 'triage', reference, '--reason', 'in scope', '--by', 'analyst')).code).toBe(0);
    const verified = await tocsin(dataDir, 'reports', 'verify', reference, '--reason', 'two witnesses agree', '--by', 'analyst');
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(new RegExp(`${reference}: verified \\(event \\d+\\)`));

    const shown = await tocsin(dataDir, 'reports', 'show', reference);
    expect(shown.stdout).not.toMatch(/Zakaria/);
    expect(JSON.parse(shown.stdout)).toMatchObject({ status: 'verified', confidential: 'sealed', submittedBy: 'monitor' });
    const refused = await tocsin(dataDir, 'reports', 'show', reference, '--reveal', '--purpose', 'protection', '--by', 'analyst');
    expect(refused.code).toBe(5);
    const revealed = await tocsin(
      dataDir,
      'reports',
      'show',
      reference,
      '--reveal',
      '--purpose',
      'protection',
      '--by',
      'investigator',
    );
    expect(revealed.code, revealed.stderr).toBe(0);
    expect((JSON.parse(revealed.stdout) as { sources: { identity: unknown }[] }).sources[0]!.identity).toMatchObject({
      name: 'Zakaria Ndoumbé-Kossi',
    });

    const events = await tocsin(dataDir, 'events', '--format', 'json', '--country', 'CAF');
    expect(events.stdout).toContain(reference);
    const list = await tocsin(dataDir, 'reports', 'list', '--status', 'verified');
    expect(list.stdout).toContain(reference);
  }, 120_000);

  it('prints an intake token once and refuses an analyst-only step to a monitor', async () => {
    const link = await tocsin(dataDir, 'reports', 'intake-link', '--label', 'Bangui network', '--days', '3', '--by', 'analyst');
    expect(link.code, link.stderr).toBe(0);
    expect(link.stdout.trim()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const denied = await tocsin(dataDir, 'reports', 'intake-link', '--by', 'monitor');
    expect(denied.code).toBe(5);
    expect(denied.stderr).toMatch(/only analyst or admin may make intake links/);
  }, 60_000);
});
