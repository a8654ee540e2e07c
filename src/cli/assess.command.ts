import { userNamed } from './attribution.js';
import { Command, Option } from 'commander';
import type { z } from 'zod';
import { TocsinError } from '../core/errors.js';
import type { Queryable } from '../db/database.js';
import {
  CONFIDENCES,
  LEVELS,
  RATINGS,
  STATUSES,
  evidenceLinkSchema,
  newAssessmentSchema,
  ratingInputSchema,
  returnSchema,
  reviseSchema,
  submitSchema,
  type AssessmentStatus,
} from '../assessments/assessment.js';
import { rateIndicator } from '../assessments/assessment-ratings.repository.js';
import {
  consistencyOfPublished,
  diffStoredAssessments,
  viewAssessment,
  type AssessmentView,
} from '../assessments/assessment-view.js';
import { returnAssessment, reviseAssessment, submitAssessment } from '../assessments/assessment-workflow.repository.js';
import { publishAndWarn } from '../warnings/publish-and-warn.js';
import { assessmentHistory, createAssessment, listAssessments } from '../assessments/assessments.repository.js';
import type { Actor } from '../assessments/workflow.js';
import type { Iso3 } from '../core/brand.js';
import { withDatabase } from './context.js';

const formatOption = () => new Option('--format <f>', 'output format').choices(['table', 'json']).default('table');
const json = (x: unknown) => console.log(JSON.stringify(x, null, 2));

/** Parses input with a schema, naming the flag of the first problem. */
function parse<T extends z.ZodType>(schema: T, input: unknown, flags: Record<string, string>): z.output<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const issue = r.error.issues[0]!;
  const field = String(issue.path[0] ?? '');
  throw new TocsinError('invalid_input', `${flags[field] ?? field}: ${issue.message}`, { field });
}

const idOf = (text: string, what = 'assessment id'): number => {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1)
    throw new TocsinError('invalid_input', `${what} must be a positive whole number, not "${text}"`);
  return id;
};

/** `kind:id` pairs, comma-separated: `event:12,signal:3,forecast:3:SDN:2024,report:field-17`. */
export function parseEvidence(text: string | undefined): unknown[] {
  if (!text) return [];
  return text.split(',').map((part, k) => {
    const at = part.indexOf(':');
    if (at < 1) throw new TocsinError('invalid_input', `--evidence item ${k + 1} "${part}": write kind:id, e.g. event:12`);
    const kind = part.slice(0, at).trim();
    const id = part.slice(at + 1).trim();
    const link = { kind, id: /^\d+$/.test(id) ? Number(id) : id };
    const r = evidenceLinkSchema.safeParse(link);
    if (!r.success) throw new TocsinError('invalid_input', `--evidence item ${k + 1} "${part}": ${r.error.issues[0]!.message}`);
    return r.data;
  });
}

function printView(v: AssessmentView): void {
  const place = [v.country, v.admin1, v.groupId === null ? null : `group ${v.groupId}`].filter(Boolean).join(' / ');
  console.log(`assessment ${v.id}: ${place}, ${v.periodStart} to ${v.periodEnd} (framework version ${v.frameworkVersion})`);
  console.log(`status ${v.status}; author ${v.author ?? '-'}; reviewer ${v.reviewer ?? '-'}`);
  console.log(`level: ${v.level ?? '(not chosen)'}`);
  console.log(`suggestion: ${v.suggestedLevel.explanation}`);
  const ratings = new Map(v.ratings.map((r) => [r.indicatorId, r]));
  for (const f of v.framework) {
    const s = v.scores.find((x) => x.factorId === f.id)!;
    console.log(
      `\n${f.id} ${f.title}: score ${s.score === null ? '-' : s.score.toFixed(2)}, coverage ${Math.round(s.coverage * 100)}%`,
    );
    for (const i of f.indicators) {
      const r = ratings.get(i.id);
      console.log(`  ${i.id.padEnd(5)} ${(r ? `${r.rating} (${r.confidence})` : '-').padEnd(20)} ${i.text}`);
    }
    for (const g of v.suggestions.filter((x) => x.factorId === f.id)) console.log(`  suggested ${g.suggestedRating}: ${g.basis}`);
  }
}

const create = new Command('create')
  .description('open a draft assessment for a country (optionally an admin1 region or a protected group) and a period')
  .requiredOption('--country <iso3>')
  .option('--admin1 <name>')
  .option('--group <id>', 'a protected group of the country')
  .requiredOption('--from <date>', 'first day of the period')
  .requiredOption('--to <date>', 'last day of the period')
  .option('--summary <text>')
  .requiredOption('--by <username>', 'the analyst drafting it')
  .addOption(formatOption())
  .action(async (o: Record<string, string | undefined>, cmd: Command) => {
    const input = parse(
      newAssessmentSchema,
      {
        country: o.country,
        admin1: o.admin1,
        groupId: o.group === undefined ? undefined : Number(o.group),
        periodStart: o.from,
        periodEnd: o.to,
        summary: o.summary,
      },
      {
        country: '--country',
        admin1: '--admin1',
        groupId: '--group',
        periodStart: '--from',
        periodEnd: '--to',
        summary: '--summary',
      },
    );
    await withDatabase(cmd, async (db) => {
      const actor = await actorNamed(db, o.by!);
      const id = await db.transaction((tx) => createAssessment(tx, input, actor));
      if (o.format === 'json') json(await viewAssessment(db, id));
      else console.log(`assessment ${id}: draft for ${input.country}, ${input.periodStart} to ${input.periodEnd}`);
    });
  });

const rate = new Command('rate')
  .description('rate one indicator of a draft')
  .argument('<id>', 'assessment id')
  .argument('<indicator>', 'indicator id, e.g. 1.2')
  .addOption(new Option('--rating <r>').choices(RATINGS).makeOptionMandatory())
  .addOption(new Option('--confidence <c>').choices(CONFIDENCES).makeOptionMandatory())
  .option('--rationale <text>', 'why, for the reviewer and the record')
  .option('--evidence <links>', 'comma-separated kind:id, e.g. event:12,signal:3,forecast:3:SDN:2024')
  .requiredOption('--by <username>')
  .action(async (idText: string, indicator: string, o: Record<string, string | undefined>, cmd: Command) => {
    const id = idOf(idText);
    const input = parse(
      ratingInputSchema,
      { rating: o.rating, confidence: o.confidence, rationale: o.rationale, evidence: parseEvidence(o.evidence) },
      { rationale: '--rationale', evidence: '--evidence' },
    );
    await withDatabase(cmd, async (db) => {
      await rateIndicator(db, id, indicator, input, await actorNamed(db, o.by!));
      const v = await viewAssessment(db, id);
      const factor = v.framework.find((f) => f.indicators.some((i) => i.id === indicator));
      const s = v.scores.find((x) => x.factorId === factor?.id);
      console.log(
        `assessment ${id}: ${indicator} rated ${input.rating} (${input.confidence}); ${factor?.id} score ${s?.score ?? '-'}`,
      );
    });
  });

const submit = new Command('submit')
  .description('choose the level and send the draft for review (the author)')
  .argument('<id>')
  .addOption(new Option('--level <level>').choices(LEVELS).makeOptionMandatory())
  .option('--summary <text>')
  .requiredOption('--by <username>')
  .action(async (idText: string, o: Record<string, string | undefined>, cmd: Command) => {
    const id = idOf(idText);
    const input = parse(submitSchema, { level: o.level, summary: o.summary }, { summary: '--summary' });
    await withDatabase(cmd, async (db) => {
      await submitAssessment(db, id, input, await actorNamed(db, o.by!));
      console.log(`assessment ${id}: in review at level ${input.level}`);
    });
  });

const sendBack = new Command('return')
  .description('send an assessment in review back to draft, with a note (a reviewer)')
  .argument('<id>')
  .requiredOption('--note <text>', 'what must change')
  .requiredOption('--by <username>')
  .action(async (idText: string, o: { note: string; by: string }, cmd: Command) => {
    const id = idOf(idText);
    const input = parse(returnSchema, { note: o.note }, { note: '--note' });
    await withDatabase(cmd, async (db) => {
      await returnAssessment(db, id, input, await actorNamed(db, o.by));
      console.log(`assessment ${id}: back to draft`);
    });
  });

const publish = new Command('publish')
  .description('publish an assessment in review (a reviewer who is not its author)')
  .argument('<id>')
  .requiredOption('--by <username>')
  .addOption(formatOption())
  .action(async (idText: string, o: { by: string; format: string }, cmd: Command) => {
    const id = idOf(idText);
    await withDatabase(cmd, async (db) => {
      const r = await publishAndWarn(db, id, await actorNamed(db, o.by));
      if (o.format === 'json') return json(r);
      const before =
        r.previousAssessmentId === null
          ? 'no earlier published assessment of this scope'
          : `assessment ${r.previousAssessmentId} was ${r.previousLevel}`;
      const rose = r.levelRose ? `; the level rose${r.warningId !== null ? `: warning ${r.warningId} raised` : ''}` : '';
      console.log(`assessment ${id}: published at level ${r.level} (${before})${rose}`);
    });
  });

const revise = new Command('revise')
  .description('start a new draft for a new period as a copy of a published assessment')
  .argument('<id>')
  .requiredOption('--from <date>')
  .requiredOption('--to <date>')
  .requiredOption('--by <username>')
  .action(async (idText: string, o: { from: string; to: string; by: string }, cmd: Command) => {
    const id = idOf(idText);
    const period = parse(reviseSchema, { periodStart: o.from, periodEnd: o.to }, { periodStart: '--from', periodEnd: '--to' });
    await withDatabase(cmd, async (db) => {
      const copy = await reviseAssessment(db, id, period, await actorNamed(db, o.by));
      console.log(`assessment ${copy}: draft copied from ${id}, ${period.periodStart} to ${period.periodEnd}`);
    });
  });

const show = new Command('show')
  .description('an assessment: ratings, factor scores, the suggested level and the suggestions from data')
  .argument('<id>')
  .addOption(formatOption())
  .action(async (idText: string, o: { format: string }, cmd: Command) => {
    const id = idOf(idText);
    await withDatabase(cmd, async (db) => {
      const v = await viewAssessment(db, id);
      if (o.format === 'json') json(v);
      else printView(v);
    });
  });

const suggest = new Command('suggest')
  .description('the ratings suggested from data and the level the scores suggest (never applied)')
  .argument('<id>')
  .addOption(formatOption())
  .action(async (idText: string, o: { format: string }, cmd: Command) => {
    const id = idOf(idText);
    await withDatabase(cmd, async (db) => {
      const v = await viewAssessment(db, id);
      if (o.format === 'json') return json({ suggestedLevel: v.suggestedLevel, suggestions: v.suggestions });
      console.log(v.suggestedLevel.explanation);
      for (const s of v.suggestions)
        console.log(`${s.factorId}${s.indicatorId ? ` ${s.indicatorId}` : ''}: ${s.suggestedRating}. ${s.basis}`);
    });
  });

const list = new Command('list')
  .description('assessments, the most recent period first')
  .option('--country <iso3>')
  .addOption(new Option('--status <s>').choices(STATUSES))
  .option('--limit <n>', 'at most this many', '100')
  .addOption(formatOption())
  .action(async (o: Record<string, string | undefined>, cmd: Command) => {
    const limit = Number(o.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
      throw new TocsinError('invalid_input', '--limit must be 1-100000');
    if (o.country && !/^[A-Za-z]{3}$/.test(o.country))
      throw new TocsinError('invalid_input', '--country: not an ISO alpha-3 code');
    await withDatabase(cmd, async (db) => {
      const items = await listAssessments(db, {
        country: o.country?.toUpperCase() as Iso3 | undefined,
        status: o.status as AssessmentStatus | undefined,
        limit,
      });
      if (o.format === 'json') return json(items);
      for (const a of items)
        console.log(
          `${String(a.id).padStart(5)}  ${a.country} ${(a.admin1 ?? '').padEnd(12)} ${a.periodStart}..${a.periodEnd}  ${a.status.padEnd(9)} ${a.level ?? '-'}`,
        );
    });
  });

const history = new Command('history')
  .description('every change of an assessment, with who and when')
  .argument('<id>')
  .addOption(formatOption())
  .action(async (idText: string, o: { format: string }, cmd: Command) => {
    const id = idOf(idText);
    await withDatabase(cmd, async (db) => {
      const log = await assessmentHistory(db, id);
      if (o.format === 'json') return json(log);
      for (const l of log)
        console.log(`${l.at}  ${(l.user ?? '-').padEnd(12)} ${l.action.padEnd(12)} ${JSON.stringify(l.detail)}`);
    });
  });

const diff = new Command('diff')
  .description('what changed from one assessment to another')
  .argument('<id>')
  .argument('<other>')
  .addOption(formatOption())
  .action(async (idText: string, otherText: string, o: { format: string }, cmd: Command) => {
    const [id, other] = [idOf(idText), idOf(otherText)];
    await withDatabase(cmd, async (db) => {
      const d = await diffStoredAssessments(db, id, other);
      if (o.format === 'json') return json(d);
      console.log(`level: ${d.level.from ?? '-'} -> ${d.level.to ?? '-'} (${d.level.direction})`);
      for (const f of d.factors) console.log(`${f.factorId}: ${f.from ?? '-'} -> ${f.to ?? '-'}`);
      const side = (x: (typeof d.indicators)[number]['from']) => (x ? `${x.rating} (${x.confidence})` : '-');
      for (const i of d.indicators) console.log(`  ${i.indicatorId}: ${side(i.from)} -> ${side(i.to)}`);
    });
  });

const consistency = new Command('consistency')
  .description('countries whose latest published assessments have similar factor scores but different levels')
  .addOption(formatOption())
  .action(async (o: { format: string }, cmd: Command) => {
    await withDatabase(cmd, async (db) => {
      const r = await consistencyOfPublished(db);
      if (o.format === 'json') return json(r);
      console.log(r.text);
      for (const p of r.pairs) console.log(`- ${p.text}`);
    });
  });

/** `tocsin assess`: assessments against the Framework of Analysis, from draft to publication. */
export const assessCommand = new Command('assess')
  .description('assessments against the Framework of Analysis: create, rate, submit, return, publish, revise, read')
  .addCommand(create)
  .addCommand(rate)
  .addCommand(submit)
  .addCommand(sendBack)
  .addCommand(publish)
  .addCommand(revise)
  .addCommand(show)
  .addCommand(list)
  .addCommand(history)
  .addCommand(diff)
  .addCommand(suggest)
  .addCommand(consistency);

/** The user named by --by, with the role that decides what they may do. */
async function actorNamed(db: Queryable, username: string): Promise<Actor> {
  const u = await userNamed(db, username);
  return { id: u.id, role: u.role };
}
