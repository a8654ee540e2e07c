import { userIdOf } from './attribution.js';
import { Command, Option } from 'commander';
import { TocsinError } from '../core/errors.js';
import { frameworkEditSchema, type FrameworkEdit } from '../framework/framework-edit.js';
import type { Framework } from '../framework/framework.js';
import { editFramework, listFrameworkVersions, readFramework } from '../framework/framework.repository.js';
import { withDatabase } from './context.js';

const positiveInt = (flag: string, text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new TocsinError('invalid_input', `${flag} must be a positive whole number, not "${text}"`);
  return n;
};

/** Parses an edit, naming the flag that is wrong (`change.text` is `--text`). */
function parseEdit(input: unknown): FrameworkEdit {
  const r = frameworkEditSchema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const last = issue.path.at(-1);
  const flag = typeof last === 'string' && last !== 'change' ? `--${last}` : 'edit';
  throw new TocsinError('invalid_input', `${flag}: ${issue.message}`);
}

/** The unverified marks shown beside a text in the table. */
const mark = (v: string) => (v === 'source' ? '' : ` [${v}]`);

const printTable = (fw: Framework) => {
  for (const f of fw.factors) {
    console.log(`${f.id.padEnd(4)} ${f.scope.padEnd(23)} ${f.title}${mark(f.titleVerification)}`);
    for (const i of f.indicators) console.log(`     ${i.id.padEnd(6)} ${i.text}${mark(i.verification)}`);
  }
  console.error(`framework version ${fw.version}: ${fw.note}`);
};

const list = new Command('list')
  .description('the risk factors and their indicators (marks beside unverified or edited texts)')
  .option('--framework-version <n>', 'this version (default: the newest; --version is the program version)')
  .addOption(new Option('--format <f>', 'output format').choices(['table', 'json']).default('table'))
  .action(async (o: { frameworkVersion?: string; format: string }, cmd: Command) => {
    const version = o.frameworkVersion === undefined ? undefined : positiveInt('--framework-version', o.frameworkVersion);
    await withDatabase(cmd, async (db) => {
      const fw = await readFramework(db, version);
      if (o.format === 'json') console.log(JSON.stringify(fw.factors, null, 2));
      else printTable(fw);
    });
  });

const versions = new Command('versions').description('every framework version, newest first').action(async (_o, cmd: Command) => {
  await withDatabase(cmd, async (db) => {
    for (const v of await listFrameworkVersions(db))
      console.log(
        `${String(v.version).padStart(4)}  ${v.createdAt.slice(0, 16).replace('T', ' ')}  ${(v.createdBy ?? '-').padEnd(16)} ${v.note}`,
      );
  });
});

/** Saves one edit as a new version and says what changed. */
const save = (cmd: Command, by: string | undefined, input: unknown) => {
  const edit = parseEdit(input);
  return withDatabase(cmd, async (db) => {
    const fw = await editFramework(db, edit, await userIdOf(db, by));
    console.log(`framework version ${fw.version} saved: ${edit.note}`);
    return fw;
  });
};

const editIndicator = new Command('edit-indicator')
  .description("change an indicator's wording (saved as a new version)")
  .argument('<id>', 'the indicator, e.g. 7.3')
  .requiredOption('--text <text>', 'the new wording, in our own words')
  .requiredOption('--note <text>', 'why, for the record')
  .option('--by <username>', 'the admin making the change')
  .action(async (id: string, o: { text: string; note: string; by?: string }, cmd: Command) => {
    await save(cmd, o.by, { note: o.note, change: { kind: 'edit-indicator', indicatorId: id, text: o.text } });
  });

const addIndicator = new Command('add-indicator')
  .description("add an indicator after the factor's last one (saved as a new version)")
  .argument('<factor>', 'the risk factor, e.g. RF13')
  .requiredOption('--text <text>', 'the wording')
  .requiredOption('--note <text>', 'why, for the record')
  .option('--by <username>', 'the admin making the change')
  .action(async (factorId: string, o: { text: string; note: string; by?: string }, cmd: Command) => {
    const fw = await save(cmd, o.by, {
      note: o.note,
      change: { kind: 'add-indicator', factorId: factorId.toUpperCase(), text: o.text },
    });
    const added = fw.factors.find((f) => f.id === factorId.toUpperCase())?.indicators.at(-1);
    if (added) console.log(`added ${added.id}`);
  });

const editFactor = new Command('edit-factor')
  .description("change a risk factor's title or summary (saved as a new version)")
  .argument('<factor>', 'the risk factor, e.g. RF6')
  .option('--title <text>', 'the new title')
  .option('--summary <text>', 'the new summary, in our own words')
  .requiredOption('--note <text>', 'why, for the record')
  .option('--by <username>', 'the admin making the change')
  .action(async (factorId: string, o: { title?: string; summary?: string; note: string; by?: string }, cmd: Command) => {
    await save(cmd, o.by, {
      note: o.note,
      change: { kind: 'edit-factor', factorId: factorId.toUpperCase(), title: o.title, summary: o.summary },
    });
  });

/** `tocsin framework`: the UN Framework of Analysis for Atrocity Crimes as Tocsin holds it. */
export const frameworkCommand = new Command('framework')
  .description('the Framework of Analysis: list factors and indicators, versions, and admin edits')
  .addCommand(list)
  .addCommand(versions)
  .addCommand(editIndicator)
  .addCommand(addIndicator)
  .addCommand(editFactor);
