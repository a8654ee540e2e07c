import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PACKAGE_ROOT } from '../core/paths.js';

const run = promisify(execFile);
const TSX = join(PACKAGE_ROOT, 'node_modules', '.bin', 'tsx');
const MAIN = join(PACKAGE_ROOT, 'src', 'cli', 'main.ts');

/** Runs `tocsin` as a user would (from source) on a PGlite data directory: stdout, stderr and the exit code. */
export async function tocsin(dataDir: string, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(TSX, [MAIN, '--data-dir', dataDir, ...args], {
      maxBuffer: 64 << 20,
      env: { ...process.env, DATABASE_URL: '' },
    });
    return { stdout, stderr, code: 0 };
  } catch (e) {
    const err = e as { stdout: string; stderr: string; code: number };
    return { stdout: err.stdout, stderr: err.stderr, code: err.code };
  }
}
