import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TocsinError } from '../core/errors.js';
import { KEY_BYTES, keyFingerprint, requireKeyLength } from './envelope.js';

/** Where the master key came from: the environment, a named file, or the instance's keys directory. */
export type MasterKeySource =
  { kind: 'env' } | { kind: 'env-file'; path: string } | { kind: 'keys-dir'; path: string; generated: boolean };

export interface MasterKey {
  key: Buffer;
  /** First 16 hex digits of its SHA-256. */
  id: string;
  source: MasterKeySource;
}

export { keysDirOf } from '../core/instance-dirs.js';

export const masterKeyPath = (keysDir: string): string => join(keysDir, 'master.key');

/** A 32-byte key from base64 text, refused naming `where` when it is anything else. */
export function parseKeyText(text: string, where: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(trimmed))
    throw new TocsinError('invalid_input', `${where}: the master key must be base64 text`, { field: where });
  const key = Buffer.from(trimmed, 'base64');
  requireKeyLength(key, where);
  return key;
}

export function readKeyFile(path: string, where: string): Buffer {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new TocsinError('unavailable', `${where}: cannot read ${path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`, {
      field: where,
    });
  }
  return parseKeyText(text, `${where} ${path}`);
}

/** A fresh random master key as the base64 text stored in a key file. */
export const newKeyText = (): string => `${randomBytes(KEY_BYTES).toString('base64')}\n`;

/**
 * The master key: TOCSIN_MASTER_KEY (base64), else TOCSIN_MASTER_KEY_FILE, else `<keysDir>/master.key`,
 * which is generated (mode 0600) only when `mayGenerate` — i.e. when no data key exists yet, so that a
 * lost key file is never silently replaced by a new key that opens nothing.
 */
export function loadMasterKey(o: { keysDir: string; env: NodeJS.ProcessEnv; mayGenerate: boolean }): MasterKey {
  const { env } = o;
  if (env.TOCSIN_MASTER_KEY) {
    const key = parseKeyText(env.TOCSIN_MASTER_KEY, 'TOCSIN_MASTER_KEY');
    return { key, id: keyFingerprint(key), source: { kind: 'env' } };
  }
  if (env.TOCSIN_MASTER_KEY_FILE) {
    const path = resolve(env.TOCSIN_MASTER_KEY_FILE);
    const key = readKeyFile(path, 'TOCSIN_MASTER_KEY_FILE');
    return { key, id: keyFingerprint(key), source: { kind: 'env-file', path } };
  }
  const path = masterKeyPath(o.keysDir);
  let generated = false;
  try {
    readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    if (!o.mayGenerate)
      throw new TocsinError(
        'unavailable',
        `no master key: ${path} is missing and data keys exist. Restore the master key (or set TOCSIN_MASTER_KEY / TOCSIN_MASTER_KEY_FILE)`,
        { field: 'master key' },
      );
    mkdirSync(o.keysDir, { recursive: true, mode: 0o700 });
    try {
      writeFileSync(path, newKeyText(), { mode: 0o600, flag: 'wx' });
      generated = true;
    } catch (w) {
      if ((w as NodeJS.ErrnoException).code !== 'EEXIST') throw w; // another process made it first: use theirs
    }
  }
  const key = readKeyFile(path, 'master key file');
  return { key, id: keyFingerprint(key), source: { kind: 'keys-dir', path, generated } };
}
