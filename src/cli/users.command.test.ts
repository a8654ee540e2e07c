import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tocsin } from '../test-support/tocsin-cli.js';

describe('tocsin users: e-mail addresses for warnings', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-users-'));

  it('sets an address on creation, changes it, refuses a malformed one and removes it', async () => {
    const add = await tocsin(dataDir, 'users', 'add', 'amina', '--role', 'decision-maker', '--email', 'amina@example.org');
    expect(add.code, add.stderr).toBe(0);
    const edit = await tocsin(dataDir, 'users', 'edit', 'amina', '--email', 'a.haddad@example.org');
    expect(edit.stdout).toBe('amina: e-mail a.haddad@example.org\n');
    const bad = await tocsin(dataDir, 'users', 'edit', 'amina', '--email', 'not an address');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('not an e-mail address: "not an address"');
    expect((await tocsin(dataDir, 'users', 'list')).stdout).toMatch(/^amina\s+decision-maker\s+a\.haddad@example\.org$/m);
    expect((await tocsin(dataDir, 'users', 'edit', 'amina', '--email', 'none')).stdout).toBe('amina: e-mail removed\n');
    expect((await tocsin(dataDir, 'users', 'edit', 'nobody', '--email', 'x@y.org')).stderr).toContain('no user named nobody');
  }, 60_000);
});
