import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT } from './paths.js';

export interface Machine {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  node: string;
  pglite: string;
  postgres: string | null;
  commit: string;
  /** true when the working tree had uncommitted changes under src/ at run time. */
  srcDirty: boolean;
  /** SHA-1 of `git diff HEAD -- src` (first 10 hex digits): which uncommitted src/ was measured. */
  srcDiff: string | null;
}

const cpuModel = (): string => {
  try {
    return /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  } catch {
    return cpus()[0]?.model ?? 'unknown';
  }
};

const git = (...args: string[]): string => {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
};

const srcDiffHash = (): string | null => {
  const diff = git('diff', 'HEAD', '--', 'src');
  return diff ? createHash('sha1').update(diff).digest('hex').slice(0, 10) : null;
};

/** What the figures were measured on: CPU, cores, RAM, Node, PGlite, PostgreSQL, code revision. */
export function describeMachine(postgres: string | null): Machine {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as {
    version: string;
  };
  return {
    cpuModel: cpuModel(),
    cores: cpus().length,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    pglite: pkg.version,
    postgres,
    commit: git('rev-parse', '--short', 'HEAD'),
    srcDirty: git('status', '--porcelain', '--', 'src').length > 0,
    srcDiff: srcDiffHash(),
  };
}
