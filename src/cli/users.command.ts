import { Command, Option } from 'commander';
import { createInterface } from 'node:readline/promises';
import { issueCredential } from '../access/credentials.repository.js';
import { generatePassword } from '../access/password.js';
import { ROLES, type Role } from '../access/roles.js';
import { createUser, findUserForLogin, listUsers } from '../access/users.repository.js';
import { TocsinError } from '../core/errors.js';
import { withDatabase } from './context.js';

/** Reads one line from stdin (a password piped in, never on the command line where `ps` shows it). */
async function readStdinLine(): Promise<string> {
  const rl = createInterface({ input: process.stdin, terminal: false });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  throw new TocsinError('invalid_input', '--password-stdin: nothing was given on standard input');
}

const add = new Command('add')
  .description('create a user; prints a generated password unless --password-stdin')
  .argument('<username>')
  .addOption(new Option('--role <role>', 'the role').choices(ROLES).makeOptionMandatory())
  .option('--display-name <name>')
  .option('--password-stdin', 'read the password from standard input')
  .action(async (username: string, o: { role: Role; displayName?: string; passwordStdin?: boolean }, cmd: Command) => {
    const password = o.passwordStdin ? await readStdinLine() : generatePassword();
    await withDatabase(cmd, async (db) => {
      const u = await createUser(db, { username, password, role: o.role, displayName: o.displayName ?? null });
      console.log(`created ${u.username} (${u.role})`);
      if (!o.passwordStdin) console.log(`password: ${password}\n(shown once; hand it over through a safe channel)`);
    });
  });

const list = new Command('list').description('list users').action(async (_o, cmd: Command) => {
  await withDatabase(cmd, async (db) => {
    for (const u of await listUsers(db))
      console.log(`${u.username.padEnd(24)} ${u.role.padEnd(15)} ${u.disabled ? 'disabled' : ''}`);
  });
});

const token = new Command('token')
  .description('issue a bearer API token for a user (for scripts); printed once')
  .argument('<username>')
  .requiredOption('--label <label>', 'what the token is for')
  .option('--days <n>', 'days until it expires', '90')
  .action(async (username: string, o: { label: string; days: string }, cmd: Command) => {
    const days = Number(o.days);
    if (!Number.isInteger(days) || days < 1 || days > 365) throw new TocsinError('invalid_input', '--days must be 1-365');
    await withDatabase(cmd, async (db) => {
      const u = await findUserForLogin(db, username);
      if (!u) throw new TocsinError('not_found', `no user named ${username}`);
      const { secret, expiresAt } = await issueCredential(db, {
        userId: u.id,
        kind: 'api-token',
        label: o.label,
        ttlSeconds: days * 86_400,
      });
      console.log(secret);
      console.error(`expires ${expiresAt?.toISOString()}`);
    });
  });

/** `tocsin users add|list|token`. */
export const usersCommand = new Command('users')
  .description('manage users and API tokens')
  .addCommand(add)
  .addCommand(list)
  .addCommand(token);
