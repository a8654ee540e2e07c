import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../core/paths.js';

const TSX = join(PACKAGE_ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(PACKAGE_ROOT, 'src', 'cli', 'main.ts');

/**
 * `tocsin serve` as the README's first command runs it, in a process of its own: the modules load
 * in the CLI's order, not a test's (a schema built before @hono/zod-openapi extended zod once made
 * the server fail at start while every in-process test passed).
 */
describe('tocsin serve', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'tocsin-serve-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts on a fresh data directory, answers the API and the OpenAPI document, and stops on SIGTERM', async () => {
    const child = spawn(TSX, [MAIN, '--data-dir', dataDir, 'serve', '--host', '127.0.0.1', '--port', '0'], {
      env: { ...process.env, DATABASE_URL: '', TOCSIN_ADMIN_PASSWORD: 'serve test password 1234' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /on pglite: (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      void exited.then((code) => reject(new Error(`tocsin serve exited with ${code}: ${stderr}`)));
    });

    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    const openapi = (await (await fetch(`${url}/api/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toContain('/api/evidence/disclosures');
    expect((await fetch(`${url}/api/watchlist`)).status).toBe(401);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/unexpected failure/);
  }, 60_000);
});
