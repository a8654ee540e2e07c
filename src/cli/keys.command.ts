import { renameSync, writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import type { Db } from '../db/database.js';
import { resolveDatabaseConfig } from '../db/open-database.js';
import { TocsinError } from '../core/errors.js';
import {
  keysDirOf,
  listAccessLog,
  openKeyring,
  rotateDataKey,
  rotateMasterKey,
  SEALED_COLUMNS,
  type Keyring,
} from '../confidential/index.js';
import { dataKeyStatus } from '../confidential/key-status.js';
import { describeSource } from '../confidential/keyring.js';
import { readKeyFile } from '../confidential/master-key.js';
import { requireRole, userNamed, type CliUser } from './attribution.js';
import { withDatabase, type GlobalOptions } from './context.js';

const formatOption = () => new Option('--format <f>', 'output format').choices(['table', 'json']).default('table');
const byOption = () => new Option('--by <username>', 'the admin acting').makeOptionMandatory();

/** Opens the store and the keyring for an admin named with --by. */
async function asKeyAdmin<T>(
  cmd: Command,
  by: string,
  what: string,
  fn: (db: Db, keyring: Keyring, user: CliUser) => Promise<T>,
) {
  const { dataDir } = resolveDatabaseConfig(cmd.optsWithGlobals<GlobalOptions>());
  return withDatabase(cmd, async (db) => {
    const user = await userNamed(db, by);
    requireRole(user, ['admin'], what);
    return fn(db, await openKeyring(db, { keysDir: keysDirOf(dataDir) }), user);
  });
}

const status = new Command('status')
  .description('the master key in use (its fingerprint) and the data keys, with the fields each still seals')
  .addOption(byOption())
  .addOption(formatOption())
  .action(async (o: { by: string; format: string }, cmd: Command) => {
    await asKeyAdmin(cmd, o.by, 'see the keys', async (db, keyring) => {
      const keys = await dataKeyStatus(db, SEALED_COLUMNS);
      const master = { id: keyring.masterKeyId, source: describeSource(keyring.masterKeySource) };
      if (o.format === 'json') return console.log(JSON.stringify({ masterKey: master, dataKeys: keys }, null, 2));
      console.log(`master key ${master.id} (${master.source})`);
      for (const k of keys)
        console.log(
          `data key ${String(k.id).padStart(4)}  ${k.active ? 'active ' : 'retired'}  created ${k.createdAt}${k.retiredAt ? `  retired ${k.retiredAt}` : ''}  ${k.fields} fields`,
        );
      if (keys.length === 0) console.log('no data key yet: one is made when the first field is sealed');
    });
  });

const rotateData = new Command('rotate-data-key')
  .description('make a new data key, re-seal every confidential field with it and retire the old one (one transaction)')
  .addOption(byOption())
  .action(async (o: { by: string }, cmd: Command) => {
    await asKeyAdmin(cmd, o.by, 'rotate keys', async (db, keyring) => {
      const r = await rotateDataKey(db, keyring, SEALED_COLUMNS);
      const counts = Object.entries(r.resealed).map(([col, n]) => `${n} in ${col}`);
      console.log(
        `data key ${r.newKeyId} is active${r.retiredKeyId ? `, ${r.retiredKeyId} retired` : ''}; re-sealed ${counts.join(', ')}`,
      );
    });
  });

/** Puts the new key where the old one was, atomically and 0600, when the old one was the keys-directory file. */
function replaceKeyFile(path: string, key: Buffer): void {
  const tmp = `${path}.new`;
  writeFileSync(tmp, `${key.toString('base64')}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

const rotateMaster = new Command('rotate-master')
  .description('re-wrap every data key with a new master key read from a file (base64, 32 bytes)')
  .requiredOption('--new-key-file <file>', 'the new master key, base64 (e.g. `openssl rand -base64 32 > F`)')
  .addOption(byOption())
  .action(async (o: { newKeyFile: string; by: string }, cmd: Command) => {
    const newKey = readKeyFile(o.newKeyFile, '--new-key-file');
    await asKeyAdmin(cmd, o.by, 'rotate keys', async (db, keyring) => {
      const source = keyring.masterKeySource;
      const { keyring: next, rewrapped } = await rotateMasterKey(db, keyring, newKey);
      console.log(`${rewrapped} data keys re-wrapped: master key ${keyring.masterKeyId} -> ${next.masterKeyId}`);
      if (source.kind === 'keys-dir') {
        try {
          replaceKeyFile(source.path, newKey);
        } catch (e) {
          throw new TocsinError(
            'unavailable',
            `the data keys are now wrapped by the key in ${o.newKeyFile}, but ${source.path} could not be replaced (${(e as Error).message}): copy it there yourself`,
          );
        }
        console.error(`${source.path} now holds the new key; destroy ${o.newKeyFile} or keep it offline`);
      } else
        console.error(
          `now set ${source.kind === 'env' ? 'TOCSIN_MASTER_KEY' : `TOCSIN_MASTER_KEY_FILE (${source.path})`} to the new key and restart Tocsin: the old key opens nothing`,
        );
    });
  });

const accessLog = new Command('access-log')
  .description('who read which confidential field, when and why; newest first')
  .option('--subject <s>', "one record, e.g. 'report:12' or 'report-source:40'")
  .option('--limit <n>', 'at most this many', '100')
  .addOption(byOption())
  .addOption(formatOption())
  .action(async (o: { subject?: string; limit: string; by: string; format: string }, cmd: Command) => {
    const limit = Number(o.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
      throw new TocsinError('invalid_input', '--limit must be 1-100000', { field: '--limit' });
    await withDatabase(cmd, async (db) => {
      requireRole(await userNamed(db, o.by), ['admin'], 'read the access log');
      const entries = await listAccessLog(db, { subject: o.subject, limit });
      if (o.format === 'json') return console.log(JSON.stringify(entries, null, 2));
      for (const e of entries)
        console.log(
          `${e.at}  ${(e.username ?? '-').padEnd(16)} ${e.subject.padEnd(20)} ${e.field.padEnd(14)} ${e.purpose ?? ''}`,
        );
      console.error(`${entries.length} reads`);
    });
  });

/** `tocsin keys`: the keys of confidential fields, their rotation, and the log of who read what. */
export const keysCommand = new Command('keys')
  .description('keys of confidential fields: status, rotate-data-key, rotate-master, access-log (admins)')
  .addCommand(status)
  .addCommand(rotateData)
  .addCommand(rotateMaster)
  .addCommand(accessLog);
