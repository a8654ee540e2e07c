import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PACKAGE_ROOT } from '../core/paths.js';
import {
  differences,
  FIXTURE_CASES,
  parseReference,
  SHARED_CASES,
  type GoldenCase,
} from '../surveillance/methods/fixtures/golden-cases.js';
import { describeWithSharedData, sharedData } from '../test-support/shared-data.js';
import { runCli } from './program.js';

const FIXTURES = join(PACKAGE_ROOT, 'src', 'surveillance', 'methods', 'fixtures');
const AGONA = sharedData('surveillance/salmonella_agona_weekly.csv');

/** Runs `tocsin …` in-process through runCli, capturing stdout and stderr. */
async function tocsin(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const error = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    stderr += `${parts.map(String).join(' ')}\n`;
  });
  const errWrite = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await runCli(['node', 'tocsin', ...args]);
    return { code, stdout, stderr };
  } finally {
    write.mockRestore();
    error.mockRestore();
    errWrite.mockRestore();
  }
}

/** The `tocsin detect` flags that reproduce a golden case's options. */
function cliArgs(c: GoldenCase, input: string): string[] {
  const args = ['detect', '--method', c.options.method, '--input', input, '--column', c.column];
  const flags: Record<string, string> = {
    alpha: '--alpha',
    k: '--k',
    h: '--h',
    frequency: '--frequency',
    b: '--b',
    w: '--w',
    noPeriods: '--no-periods',
    pastWeeksNotIncluded: '--past-weeks-not-included',
    pThresholdTrend: '--p-threshold-trend',
    weightsThreshold: '--weights-threshold',
    thresholdMethod: '--threshold-method',
  };
  for (const [key, value] of Object.entries(c.options)) {
    if (key === 'method') continue;
    if (key === 'range') {
      const r = value as { from?: number; to?: number };
      args.push('--range', `${r.from ?? ''}:${r.to ?? ''}`);
    } else if (key === 'reweight' && value === false) args.push('--no-reweight');
    else if (flags[key]) args.push(flags[key], String(value));
    else throw new Error(`no flag for option ${key}`);
  }
  return args;
}

afterEach(() => vi.restoreAllMocks());

describe('tocsin detect on the fixtures made with R (surveillance 1.20.3)', () => {
  for (const c of FIXTURE_CASES) {
    it(`reproduces ${c.ref}`, async () => {
      const out = await tocsin(...cliArgs(c, join(FIXTURES, c.series)));
      expect(out.code, out.stderr).toBe(0);
      const expected = parseReference(readFileSync(join(FIXTURES, c.ref), 'utf8'));
      expect(differences(parseReference(out.stdout), expected)).toEqual([]);
    });
  }
});

describeWithSharedData('tocsin detect on the shared reference outputs', () => {
  for (const c of SHARED_CASES) {
    it(`reproduces ${c.ref}`, async () => {
      const out = await tocsin(...cliArgs(c, sharedData(`surveillance/${c.series}`)));
      expect(out.code, out.stderr).toBe(0);
      const expected = parseReference(readFileSync(sharedData(`surveillance/${c.ref}`), 'utf8'));
      expect(differences(parseReference(out.stdout), expected)).toEqual([]);
    });
  }

  it('prints the header, then one line per monitored week with full-precision numbers', async () => {
    const out = await tocsin(
      'detect',
      '--method',
      'ears-c1',
      '--input',
      AGONA,
      '--column',
      'observed',
      '--alpha',
      '0.05',
      '--range',
      '8:9',
    );
    expect(out.stdout).toBe('index,observed,upperbound,alarm\n8,4,4.397697305945914,0\n9,0,5.14965490146934,0\n');
  });
});

describe('tocsin detect refuses bad input with exit code 2 and a message on stderr', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tocsin-detect-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const series = (values: (number | string)[]) => `week,events\n${values.map((v, i) => `w${i + 1},${v}`).join('\n')}\n`;
  const fine = file('fine.csv', series(Array.from({ length: 30 }, (_, i) => i % 4)));

  const refused = async (args: string[], message: RegExp) => {
    const out = await tocsin('detect', ...args);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(message);
  };

  it('a missing file', () =>
    refused(
      ['--method', 'cusum', '--input', join(dir, 'nope.csv'), '--column', 'events'],
      /nope\.csv: cannot read the file \(no such file\)/,
    ));

  it('a missing column, listing the columns that exist', () =>
    refused(['--method', 'cusum', '--input', fine, '--column', 'deaths'], /no column "deaths"; its columns are: week, events/));

  it('non-numeric and negative counts, with their line numbers', async () => {
    const bad = file('bad.csv', series([1, 2, 'many', 3, -4, ...Array<number>(20).fill(1)]));
    await refused(
      ['--method', 'cusum', '--input', bad, '--column', 'events'],
      /line 4: "many" is not a number; line 6: -4 is not a count/,
    );
  });

  it('a series too short for the method', () =>
    refused(
      ['--method', 'farrington', '--input', fine, '--column', 'events'],
      /the series has 30 weeks; farrington needs at least 264/,
    ));

  it('a malformed or out-of-bounds --range', async () => {
    await refused(['--method', 'ears-c1', '--input', fine, '--column', 'events', '--range', '8-20'], /--range must be FROM:TO/);
    await refused(
      ['--method', 'ears-c1', '--input', fine, '--column', 'events', '--range', '8:31'],
      /range 8:31 is not within the series \(weeks 1 to 30/,
    );
    await refused(
      ['--method', 'ears-c2', '--input', fine, '--column', 'events', '--range', '3:'],
      /starts too early.*at least 10/,
    );
  });

  it('a non-numeric option and an option the method does not take', async () => {
    await refused(
      ['--method', 'ears-c1', '--input', fine, '--column', 'events', '--alpha', 'five'],
      /--alpha must be a number \(got "five"\)/,
    );
    await refused(
      ['--method', 'ears-c1', '--input', fine, '--column', 'events', '--no-periods', '10', '--b', '3'],
      /--b, --no-periods do not apply to --method ears-c1/,
    );
  });

  it('a missing --method or an unknown one (commander)', async () => {
    expect((await tocsin('detect', '--input', fine, '--column', 'events')).code).toBe(2);
    expect((await tocsin('detect', '--method', 'ears-c4', '--input', fine, '--column', 'events')).code).toBe(2);
  });
});

describe('tocsin detect as a process', () => {
  it('exits 2 with the message on stderr and nothing on stdout', async () => {
    const run = promisify(execFile);
    const tsx = join(PACKAGE_ROOT, 'node_modules', '.bin', 'tsx');
    const main = join(PACKAGE_ROOT, 'src', 'cli', 'main.ts');
    const failed = await run(tsx, [
      main,
      'detect',
      '--method',
      'cusum',
      '--input',
      join(FIXTURES, 'trend_weekly.csv'),
      '--column',
      'cases',
    ]).catch((e: { code: number; stdout: string; stderr: string }) => e);
    expect('code' in failed && failed.code).toBe(2);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toMatch(/no column "cases"; its columns are: index, observed/);
  }, 60_000);
});
