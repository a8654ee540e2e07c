import { userIdOf } from './attribution.js';
import { Command, Option } from 'commander';
import type { z } from 'zod';
import { TocsinError } from '../core/errors.js';
import { createGroup, deleteGroup, listGroups, tagEvents, untagEvents, updateGroup } from '../groups/groups.repository.js';
import {
  GROUP_KINDS,
  countryCode,
  groupPatchSchema,
  idListSchema,
  newGroupSchema,
  splitAreas,
  type ProtectedGroup,
} from '../groups/protected-group.js';
import { withDatabase } from './context.js';

/** Parses flags with a schema, naming the flag that is wrong. */
function parseFlags<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = issue.path[0];
  throw new TocsinError('invalid_input', `${typeof field === 'string' ? `--${field}` : 'input'}: ${issue.message}`);
}

const positiveInt = (what: string, text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new TocsinError('invalid_input', `${what} must be a positive whole number, not "${text}"`);
  return n;
};

const row = (g: ProtectedGroup) =>
  `${String(g.id).padStart(5)}  ${g.country}  ${g.kind.padEnd(17)} ${g.name}${g.areas.length ? ` (${g.areas.join(', ')})` : ''}`;

const list = new Command('list')
  .description('protected groups, of one country or all')
  .option('--country <iso3>')
  .addOption(new Option('--format <f>', 'output format').choices(['table', 'json']).default('table'))
  .action(async (o: { country?: string; format: string }, cmd: Command) => {
    const country = o.country === undefined ? undefined : parseFlags(countryCode, o.country);
    await withDatabase(cmd, async (db) => {
      const groups = await listGroups(db, { country });
      if (o.format === 'json') console.log(JSON.stringify(groups, null, 2));
      else for (const g of groups) console.log(row(g));
    });
  });

const add = new Command('add')
  .description('record a group at risk in a country')
  .requiredOption('--country <iso3>')
  .requiredOption('--name <name>')
  .addOption(new Option('--kind <kind>').choices(GROUP_KINDS).makeOptionMandatory())
  .option('--areas <list>', 'where the group lives: admin1 names, comma-separated')
  .option('--notes <text>')
  .option('--by <username>', 'who records it')
  .action(
    async (o: { country: string; name: string; kind: string; areas?: string; notes?: string; by?: string }, cmd: Command) => {
      const g = parseFlags(newGroupSchema, {
        ...o,
        areas: o.areas === undefined ? [] : splitAreas(o.areas),
        notes: o.notes ?? '',
      });
      await withDatabase(cmd, async (db) => console.log(row(await createGroup(db, g, await userIdOf(db, o.by)))));
    },
  );

const edit = new Command('edit')
  .description("change a group's name, kind, areas or notes")
  .argument('<id>')
  .option('--name <name>')
  .addOption(new Option('--kind <kind>').choices(GROUP_KINDS))
  .option('--areas <list>', 'replaces the areas: admin1 names, comma-separated ("" clears them)')
  .option('--notes <text>')
  .action(async (idText: string, o: { name?: string; kind?: string; areas?: string; notes?: string }, cmd: Command) => {
    const id = positiveInt('group id', idText);
    const patch = parseFlags(groupPatchSchema, { ...o, areas: o.areas === undefined ? undefined : splitAreas(o.areas) });
    await withDatabase(cmd, async (db) => console.log(row(await updateGroup(db, id, patch))));
  });

const remove = new Command('remove')
  .description('delete a group that no event, assessment or warning names')
  .argument('<id>')
  .action(async (idText: string, _o, cmd: Command) => {
    const id = positiveInt('group id', idText);
    await withDatabase(cmd, async (db) => {
      await deleteGroup(db, id);
      console.log(`group ${id} deleted`);
    });
  });

const eventIds = (texts: string[]) =>
  parseFlags(
    idListSchema,
    texts.map((t) => positiveInt('event id', t)),
  );

const tag = new Command('tag')
  .description("tag events with a group (events of the group's country only)")
  .argument('<groupId>')
  .argument('<eventId...>')
  .option('--by <username>', 'who tags them')
  .action(async (groupText: string, eventTexts: string[], o: { by?: string }, cmd: Command) => {
    const groupId = positiveInt('group id', groupText);
    const ids = eventIds(eventTexts);
    await withDatabase(cmd, async (db) => {
      const added = await tagEvents(db, groupId, ids, await userIdOf(db, o.by));
      console.log(`group ${groupId}: ${added} events tagged (${ids.length - added} already were)`);
    });
  });

const untag = new Command('untag')
  .description("remove a group's tag from events")
  .argument('<groupId>')
  .argument('<eventId...>')
  .action(async (groupText: string, eventTexts: string[], _o, cmd: Command) => {
    const groupId = positiveInt('group id', groupText);
    const ids = eventIds(eventTexts);
    await withDatabase(cmd, async (db) => console.log(`group ${groupId}: ${await untagEvents(db, groupId, ids)} tags removed`));
  });

/** `tocsin groups`: protected groups per country, and the events that concern them. */
export const groupsCommand = new Command('groups')
  .description('protected groups: list, add, edit, remove, tag and untag events')
  .addCommand(list)
  .addCommand(add)
  .addCommand(edit)
  .addCommand(remove)
  .addCommand(tag)
  .addCommand(untag);
