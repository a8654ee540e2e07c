import { userIdOf } from './attribution.js';
import { Command, Option } from 'commander';
import type { z } from 'zod';
import { toIsoDate } from '../core/brand.js';
import { TocsinError } from '../core/errors.js';
import { listCatalogue, recommendMeasures } from '../measures/catalogue.repository.js';
import { MEASURE_STATUSES, type CatalogueMeasure, type WarningMeasure } from '../measures/measure.js';
import { measureUpdateSchema, newMeasureSchema } from '../measures/measure-input.js';
import { addMeasure, listMeasures, updateMeasure } from '../measures/warning-measures.repository.js';
import { withDatabase } from './context.js';

const formatOption = () => new Option('--format <f>', 'output format').choices(['table', 'json']).default('table');

const positiveId = (text: string, what: string): number => {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1)
    throw new TocsinError('invalid_input', `${what} must be a positive whole number, not "${text}"`);
  return id;
};

/** The command-line flag of each input field, for error messages. */
const FLAG_OF_FIELD: Readonly<Record<string, string>> = {
  catalogueId: '--catalogue',
  title: '--title (or --catalogue)',
  owner: '--owner',
  ownerUserId: '--owner-user',
  dueDate: '--due',
  status: '--status',
  outcome: '--outcome',
};

/** Parses with zod and reports the first problem under the command-line flag's name. */
function parseFlags<T>(schema: z.ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  const field = String(issue?.path[0] ?? '');
  throw new TocsinError('invalid_input', `${FLAG_OF_FIELD[field] ?? `--${field}`}: ${issue?.message ?? 'invalid'}`);
}

const catalogueRow = (m: CatalogueMeasure) =>
  `${m.id.padEnd(36)} ${m.kind.padEnd(26)} ${m.riskFactors.join(',').padEnd(24)} ${m.title}`;
const measureRow = (m: WarningMeasure) =>
  `${String(m.id).padStart(5)}  warning ${String(m.warningId).padEnd(5)} ${m.status.padEnd(11)} due ${(m.dueDate ?? '-').padEnd(10)}  ${m.title} (${m.owner})${m.outcome ? `: ${m.outcome}` : ''}`;

const catalogue = new Command('catalogue')
  .description('the catalogue of protection measures, by kind, with the risk factors each addresses')
  .addOption(formatOption())
  .action(async (o: { format: string }, cmd: Command) => {
    await withDatabase(cmd, async (db) => {
      const all = await listCatalogue(db);
      if (o.format === 'json') console.log(JSON.stringify(all, null, 2));
      else for (const m of all) console.log(catalogueRow(m));
    });
  });

const recommend = new Command('recommend')
  .description('catalogue measures recommended for risk factors (e.g. RF9 RF10), best first, with why')
  .argument('<riskFactors...>')
  .option('--limit <n>', 'at most this many', '8')
  .addOption(formatOption())
  .action(async (riskFactors: string[], o: { limit: string; format: string }, cmd: Command) => {
    const limit = Number(o.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 40) throw new TocsinError('invalid_input', '--limit must be 1-40');
    await withDatabase(cmd, async (db) => {
      const r = await recommendMeasures(db, riskFactors.flatMap((s) => s.split(',')).filter(Boolean), limit);
      if (o.format === 'json') console.log(JSON.stringify(r, null, 2));
      else for (const m of r) console.log(`${m.id.padEnd(36)} ${m.kind.padEnd(26)} ${m.reason.padEnd(30)} ${m.title}`);
    });
  });

const add = new Command('add')
  .description('add a measure to a warning, from the catalogue (--catalogue) or in free text (--title)')
  .argument('<warningId>')
  .option('--catalogue <id>', 'a catalogue measure id (see `tocsin measures catalogue`)')
  .option('--title <text>', 'what will be done (defaults to the catalogue title)')
  .requiredOption('--owner <text>', 'the person or body responsible')
  .option('--owner-user <username>', 'the Tocsin user responsible, if any')
  .option('--due <date>', 'due date YYYY-MM-DD')
  .option('--by <username>', 'who records it')
  .action(
    async (
      warningText: string,
      o: { catalogue?: string; title?: string; owner: string; ownerUser?: string; due?: string; by?: string },
      cmd: Command,
    ) => {
      const warningId = positiveId(warningText, 'warning id');
      await withDatabase(cmd, async (db) => {
        const ownerUserId = await userIdOf(db, o.ownerUser, '--owner-user');
        const input = parseFlags(newMeasureSchema, {
          ...(o.catalogue !== undefined ? { catalogueId: o.catalogue } : {}),
          ...(o.title !== undefined ? { title: o.title } : {}),
          owner: o.owner,
          ...(ownerUserId !== null ? { ownerUserId } : {}),
          ...(o.due !== undefined ? { dueDate: o.due } : {}),
        });
        const r = await addMeasure(db, warningId, input, { by: await userIdOf(db, o.by, '--by'), now: new Date() });
        console.log(`measure ${r.measure.id} added to warning ${warningId} (now ${r.warningStatus}): ${r.measure.title}`);
      });
    },
  );

const update = new Command('update')
  .description('change a measure: status (done and abandoned need --outcome), outcome, owner, due date')
  .argument('<measureId>')
  .addOption(new Option('--status <s>').choices(MEASURE_STATUSES))
  .option('--outcome <text>', 'what happened, or why it was dropped')
  .option('--owner <text>')
  .option('--due <date>', 'due date YYYY-MM-DD, or "none"')
  .option('--by <username>', 'who records it')
  .action(
    async (idText: string, o: { status?: string; outcome?: string; owner?: string; due?: string; by?: string }, cmd: Command) => {
      const id = positiveId(idText, 'measure id');
      const input = parseFlags(measureUpdateSchema, {
        ...(o.status !== undefined ? { status: o.status } : {}),
        ...(o.outcome !== undefined ? { outcome: o.outcome } : {}),
        ...(o.owner !== undefined ? { owner: o.owner } : {}),
        ...(o.due !== undefined ? { dueDate: o.due === 'none' ? null : o.due } : {}),
      });
      await withDatabase(cmd, async (db) => {
        const m = await updateMeasure(db, id, input, { by: await userIdOf(db, o.by, '--by'), now: new Date() });
        console.log(measureRow(m));
      });
    },
  );

const list = new Command('list')
  .description('measures of a warning (--warning), or overdue ones (--overdue), or all')
  .option('--warning <id>')
  .option('--overdue', 'only measures past their due date and neither done nor abandoned')
  .option('--today <date>', 'the day overdue is judged on (default: today, UTC)')
  .addOption(formatOption())
  .action(async (o: { warning?: string; overdue?: boolean; today?: string; format: string }, cmd: Command) => {
    const warningId = o.warning === undefined ? undefined : positiveId(o.warning, '--warning');
    const today = toIsoDate(o.today ?? new Date().toISOString().slice(0, 10));
    if (!today) throw new TocsinError('invalid_input', `--today: "${o.today}" is not a calendar day YYYY-MM-DD`);
    await withDatabase(cmd, async (db) => {
      const r = await listMeasures(db, { warningId, overdueOn: o.overdue ? today : undefined });
      if (o.format === 'json') console.log(JSON.stringify(r, null, 2));
      else {
        for (const m of r) console.log(measureRow(m));
        console.error(`${r.length} measures`);
      }
    });
  });

/** `tocsin measures`: the catalogue, recommendations, and measures tracked on warnings. */
export const measuresCommand = new Command('measures')
  .description('protection measures: catalogue, recommend, add, update, list')
  .addCommand(catalogue)
  .addCommand(recommend)
  .addCommand(add)
  .addCommand(update)
  .addCommand(list);
