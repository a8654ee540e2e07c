import { Command, Option } from 'commander';
import { createInterface } from 'node:readline/promises';
import { issueCredential } from '../access/credentials.repository.js';
import { generatePassword } from '../access/password.js';
import { ROLES, type Role } from '../access/roles.js';
import { createUser, findUserForLogin, listUsers, setUserEmail } from '../access/users.repository.js';
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
  .option('--email <address>', 'where warnings addressed to this user are sent')
  .option('--password-stdin', 'read the password from standard input')
  .action(
    async (username: string, o: { role: Role; displayName?: string; email?: string; passwordStdin?: boolean }, cmd: Command) => {
      const password = o.passwordStdin ? await readStdinLine() : generatePassword();
      await withDatabase(cmd, async (db) => {
        const u = await createUser(db, {
          username,
          password,
          role: o.role,
          displayName: o.displayName ?? null,
          email: o.email ?? null,
        });
        console.log(`created ${u.username} (${u.role})`);
        if (!o.passwordStdin) console.log(`password: ${password}\n(shown once; hand it over through a safe channel)`);
      });
    },
  );

const list = new Command('list').description('list users').action(async (_o, cmd: Command) => {
  await withDatabase(cmd, async (db) => {
    for (const u of await listUsers(db))
      console.log(
        `${u.username.padEnd(24)} ${u.role.padEnd(15)} ${(u.email ?? '-').padEnd(32)} ${u.disabled ? 'disabled' : ''}`.trimEnd(),
      );
  });
});

const edit = new Command('edit')
  .description("change a user's e-mail address (where warnings are sent)")
  .argument('<username>')
  .requiredOption('--email <address>', 'the new address, or "none" to remove it')
  .action(async (username: string, o: { email: string }, cmd: Command) => {
    await withDatabase(cmd, async (db) => {
      const u = await setUserEmail(db, username, o.email === 'none' ? null : o.email);
      console.log(`${u.username}: e-mail ${u.email ?? 'removed'}`);
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

/** `tocsin users add|list|edit|token`. */
export const usersCommand = new Command('users')
  .description('manage users and API tokens')
  .addCommand(add)
  .addCommand(list)
  .addCommand(edit)
  .addCommand(token);
