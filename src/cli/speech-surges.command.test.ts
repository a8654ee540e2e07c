import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { isTocsinError } from '../core/errors.js';
import { openDatabase } from '../db/open-database.js';
import { storeScored, stream, SURGE_DAY } from '../speech/surges/surge-stream.fixture.js';
import { EXIT_CODE } from './exit-codes.js';
import { surgesCommand } from './speech-surges.command.js';
import { signalsCommand } from './signals.command.js';

/** A tiny `tocsin` with `speech surges` and `signals`, run in-process as runCli runs the real one. */
async function tocsin(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const program = new Command('tocsin')
    .option('--data-dir <dir>')
    .option('--database-url <url>')
    .exitOverride()
    .addCommand(new Command('speech').exitOverride().addCommand(surgesCommand))
    .addCommand(signalsCommand);
  let code = 0;
  try {
    await program.parseAsync(['node', 'tocsin', ...args]);
  } catch (e) {
    if (!isTocsinError(e)) throw e;
    err.push(e.message);
    code = EXIT_CODE[e.code];
  }
  vi.restoreAllMocks();
  return { stdout: out.join('\n'), stderr: err.join('\n'), code };
}

describe('tocsin speech surges', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tocsin-cli-surges-'));
    const db = await openDatabase({ dataDir });
    try {
      await storeScored(db, stream());
    } finally {
      await db.close();
    }
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('stores the surge as signals and prints them, and signals list finds them by category', async () => {
    const run = await tocsin('--data-dir', dataDir, 'speech', 'surges', '--country', 'caf', '--format', 'json');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { alarms: number; signals: { category: string; week: string; frequency: string }[] };
    expect(out.alarms).toBe(2);
    expect(out.signals.map((s) => `${s.category} ${s.week} ${s.frequency}`).sort()).toEqual([
      `hate:Refugee ${SURGE_DAY} daily`,
      `hate:all ${SURGE_DAY} daily`,
    ]);
    const list = await tocsin('--data-dir', dataDir, 'signals', 'list', '--category', 'hate:Refugee', '--frequency', 'daily');
    expect(list.code).toBe(0);
    expect(list.stdout).toContain(SURGE_DAY);
    expect(list.stdout.split('\n')).toHaveLength(1);
  });

  it('refuses a bad --since, naming the flag', async () => {
    const run = await tocsin('--data-dir', dataDir, 'speech', 'surges', '--since', '2026-02-30');
    expect(run.code).toBe(EXIT_CODE.invalid_input);
    expect(run.stderr).toMatch(/--since/);
  });
});
