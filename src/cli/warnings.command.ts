import { userNamed } from './attribution.js';
import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { TocsinError } from '../core/errors.js';
import { raiseFromAssessment } from '../warnings/from-assessment.js';
import { raiseFromForecasts } from '../warnings/from-forecasts.js';
import { raiseFromSignal } from '../warnings/from-signal.js';
import { createMailer } from '../warnings/notify/deliver.js';
import { raiseWarning } from '../warnings/raise-warning.js';
import { tickWarnings } from '../warnings/scheduler.js';
import { readTimeliness } from '../warnings/timeliness.repository.js';
import { DECISIONS, SEVERITIES, type Warning } from '../warnings/warning.js';
import { parseWarningFilter, periodShape } from '../warnings/warning-filter.js';
import {
  closeSchema,
  decideSchema,
  escalateSchema,
  fromSignalSchema,
  manualWarningSchema,
  parseInput,
} from '../warnings/warning-input.js';
import { maskWarningSettings } from '../warnings/warning-settings.js';
import { readWarningSettings, saveWarningSettings } from '../warnings/warning-settings.repository.js';
import { acknowledgeWarning, closeWarning, decideWarning, escalateWarning } from '../warnings/warning-steps.js';
import { getWarningDetail, listWarnings } from '../warnings/warnings.repository.js';
import { withDatabase } from './context.js';
import { capCommand, exportCommand } from './warnings-export.command.js';

const flag = (field: string) => `--${field.replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`).replace(/\..*$/, '')}`;

function warningId(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1)
    throw new TocsinError('invalid_input', `warning id must be a positive whole number, not "${text}"`);
  return id;
}

const list = (v: string | undefined) =>
  v === undefined
    ? undefined
    : v
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
const ids = (v: string | undefined, name: string) =>
  list(v)?.map((x) => {
    const n = Number(x);
    if (!Number.isInteger(n) || n < 1) throw new TocsinError('invalid_input', `${name}: "${x}" is not an id`);
    return n;
  });

/** `--recipient 0:role:decision-maker --recipient 1:user:amina` */
function recipients(vs: string[] | undefined) {
  return vs?.map((v) => {
    const m = /^(\d+):(role|user):(.+)$/.exec(v);
    if (!m) throw new TocsinError('invalid_input', `--recipient: "${v}" is not TIER:role:ROLE or TIER:user:USERNAME`);
    return { tier: Number(m[1]), [m[2]!]: m[3] };
  });
}

/** `--evidence event:12,signal:3` */
function evidence(v: string | undefined) {
  return list(v)?.map((e) => {
    const [kind, id] = e.split(':');
    return { kind, id: /^\d+$/.test(id ?? '') ? Number(id) : id };
  });
}

const when = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '-');
const row = (w: Warning) =>
  `${String(w.id).padStart(5)}  ${w.severity.padEnd(8)} ${w.status.padEnd(12)} tier ${w.tier}  ${w.country}  ack by ${when(w.ackDueAt)}  decide by ${when(w.decideDueAt)}  ${w.title}`;
const print = (w: Warning) => console.log(`warning ${w.id} (${w.severity}, ${w.country}): ${w.status}, tier ${w.tier}`);

const raise = new Command('raise')
  .description('raise a warning: by hand, or --from-signal ID, --from-forecasts, --from-assessment ID')
  .requiredOption('--by <username>', 'who raises it')
  .option('--title <text>')
  .option('--summary <text>')
  .addOption(new Option('--severity <s>').choices(SEVERITIES))
  .option('--country <iso3>')
  .option('--admin1 <name>')
  .option('--group <ids>', 'protected group ids, comma-separated')
  .option('--risk-factor <ids>', 'risk factor ids, comma-separated (e.g. RF7,RF8)')
  .option('--evidence <links>', 'kind:id, comma-separated (event:12,signal:3)')
  .option('--recipient <tier:kind:name...>', "e.g. 0:role:decision-maker 1:user:amina (default: the settings' tiers)")
  .option('--from-signal <id>', 'raise from this signal')
  .option('--from-forecasts', 'raise for every country whose newest forecast crosses the threshold')
  .option('--from-assessment <id>', 'raise from this published assessment if its level rose')
  .option('--format <f>', 'table or json', 'table')
  .action(async (o: Record<string, string | string[] | boolean | undefined>, cmd: Command) => {
    const origins = ['fromSignal', 'fromForecasts', 'fromAssessment'].filter((k) => o[k] !== undefined);
    if (origins.length > 1)
      throw new TocsinError('invalid_input', 'give one of --from-signal, --from-forecasts, --from-assessment');
    const common = {
      ...(o.title === undefined ? {} : { title: o.title }),
      ...(o.summary === undefined ? {} : { summary: o.summary }),
      ...(o.severity === undefined ? {} : { severity: o.severity }),
      ...(o.admin1 === undefined ? {} : { admin1: o.admin1 }),
      ...(o.group === undefined ? {} : { groupIds: ids(o.group as string, '--group') }),
      ...(o.riskFactor === undefined ? {} : { riskFactors: list(o.riskFactor as string) }),
      ...(o.recipient === undefined ? {} : { recipients: recipients(o.recipient as string[]) }),
    };
    await withDatabase(cmd, async (db) => {
      const actor = { by: (await userNamed(db, o.by as string)).id, now: new Date() };
      const out = (w: Warning) => (o.format === 'json' ? console.log(JSON.stringify(w, null, 2)) : print(w));
      if (o.fromSignal !== undefined) {
        const input = parseInput(fromSignalSchema, common, flag);
        return out(await raiseFromSignal(db, warningId(o.fromSignal as string), input, actor));
      }
      if (o.fromForecasts) {
        const r = await raiseFromForecasts(db, actor);
        if (o.format === 'json') return console.log(JSON.stringify(r, null, 2));
        r.raised.forEach(print);
        for (const s of r.skipped) console.error(`${s.country}: skipped, ${s.reason}`);
        return console.error(`${r.raised.length} warnings raised from model ${r.modelId ?? '-'}, year ${r.year ?? '-'}`);
      }
      if (o.fromAssessment !== undefined) {
        const w = await raiseFromAssessment(db, warningId(o.fromAssessment as string), actor.by, actor.now);
        if (!w) return console.error('the level did not rise, or this assessment has already raised its warning: nothing raised');
        return out(w);
      }
      const input = parseInput(
        manualWarningSchema,
        { ...common, country: o.country, ...(o.evidence === undefined ? {} : { evidence: evidence(o.evidence as string) }) },
        flag,
      );
      out(await raiseWarning(db, input, actor));
    });
  });

const step = (name: string, description: string) =>
  new Command(name).description(description).argument('<id>').requiredOption('--by <username>', 'who takes the step');

const ack = step('ack', 'acknowledge a raised warning (a decision-maker who is a recipient, or an admin)').action(
  async (id: string, o: { by: string }, cmd: Command) =>
    withDatabase(cmd, async (db) =>
      print(await acknowledgeWarning(db, warningId(id), { user: await userNamed(db, o.by), now: new Date() })),
    ),
);

const decide = step('decide', 'decide on an acknowledged warning, with the written reason')
  .addOption(new Option('--decision <d>').choices(DECISIONS).makeOptionMandatory())
  .requiredOption('--reason <text>', 'why: kept on the record')
  .action(async (id: string, o: { by: string; decision: string; reason: string }, cmd: Command) => {
    const d = parseInput(decideSchema, { decision: o.decision, reason: o.reason }, flag);
    await withDatabase(cmd, async (db) =>
      print(await decideWarning(db, warningId(id), d, { user: await userNamed(db, o.by), now: new Date() })),
    );
  });

const escalate = step('escalate', 'escalate a warning to its next tier now')
  .requiredOption('--reason <text>', 'why it is escalated')
  .action(async (id: string, o: { by: string; reason: string }, cmd: Command) => {
    const { reason } = parseInput(escalateSchema, { reason: o.reason }, flag);
    await withDatabase(cmd, async (db) =>
      print(await escalateWarning(db, warningId(id), reason, { user: await userNamed(db, o.by), now: new Date() })),
    );
  });

const close = step('close', 'close a decided warning with a note')
  .requiredOption('--note <text>', 'what came of it')
  .action(async (id: string, o: { by: string; note: string }, cmd: Command) => {
    const { note } = parseInput(closeSchema, { note: o.note }, flag);
    await withDatabase(cmd, async (db) =>
      print(await closeWarning(db, warningId(id), note, { user: await userNamed(db, o.by), now: new Date() })),
    );
  });

const listCommand = new Command('list')
  .description('warnings, newest first')
  .option('--status <s>', 'raised, acknowledged, decided, measures or closed')
  .option('--severity <s>', 'critical, high, medium or low')
  .option('--country <iso3>')
  .option('--origin <o>', 'signal, forecast, assessment or manual')
  .option('--overdue', 'only warnings with a step past due now')
  .option('--from <date>', 'raised on or after this day')
  .option('--to <date>', 'raised on or before this day')
  .option('--limit <n>', 'at most this many', '100')
  .addOption(new Option('--format <f>', 'output format').choices(['table', 'json']).default('table'))
  .action(async (o: Record<string, string | boolean | undefined>, cmd: Command) => {
    const { limit: limitText, format, overdue, ...rest } = o;
    const filter = parseWarningFilter({ ...rest, ...(overdue ? { overdue: 'true' } : {}) }, new Date(), flag);
    const limit = Number(limitText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
      throw new TocsinError('invalid_input', '--limit must be 1-100000');
    await withDatabase(cmd, async (db) => {
      const items = await listWarnings(db, filter, limit);
      if (format === 'json') return console.log(JSON.stringify(items, null, 2));
      items.forEach((w) => console.log(row(w)));
      console.error(`${items.length} warnings`);
    });
  });

const show = new Command('show')
  .description('one warning with its history, recipients and groups at risk (JSON)')
  .argument('<id>')
  .action(async (id: string, _o, cmd: Command) =>
    withDatabase(cmd, async (db) => console.log(JSON.stringify(await getWarningDetail(db, warningId(id)), null, 2))),
  );

const metrics = new Command('metrics')
  .description('timeliness: hours to acknowledge and decide, share overdue, signals triaged within the target')
  .option('--from <date>', 'warnings raised and signals detected on or after this day')
  .option('--to <date>', 'on or before this day')
  .option('--country <iso3>')
  .addOption(new Option('--format <f>', 'output format').choices(['table', 'json']).default('table'))
  .action(async (o: { from?: string; to?: string; country?: string; format: string }, cmd: Command) => {
    const { format, ...period } = o;
    const filter = parseInput(periodShape, period, flag);
    await withDatabase(cmd, async (db) => {
      const r = await readTimeliness(db, filter, new Date());
      if (format === 'json') return console.log(JSON.stringify(r, null, 2));
      const h = (x: { median: number | null; p90: number | null }) =>
        `median ${x.median ?? '-'} h, 90th percentile ${x.p90 ?? '-'} h`;
      const pct = (x: number | null) => (x === null ? '-' : `${Math.round(x * 100)}%`);
      console.log(`warnings: ${r.overall.warnings}`);
      console.log(`time to acknowledge: ${h(r.overall.timeToAcknowledge)}`);
      console.log(`time to decide: ${h(r.overall.timeToDecide)}`);
      console.log(`steps overdue: ${r.overall.overdue.late} of ${r.overall.overdue.steps} (${pct(r.overall.overdue.share)})`);
      const t = r.overall.triage;
      console.log(
        `signals triaged within ${r.triageTargetHours} h: ${t.withinTarget} of ${t.signals} (${pct(t.share)}; WHO EWARS benchmark 80%: ${t.meetsBenchmark === null ? '-' : t.meetsBenchmark ? 'met' : 'not met'})`,
      );
    });
  });

const settings = new Command('settings')
  .description('print the warning settings as JSON (webhook secrets masked), or replace them with --set FILE (- for stdin)')
  .option('--set <file>', 'a JSON file with the new settings')
  .option('--by <username>', 'the admin changing them')
  .action(async (o: { set?: string; by?: string }, cmd: Command) => {
    await withDatabase(cmd, async (db) => {
      if (!o.set) return console.log(JSON.stringify(maskWarningSettings(await readWarningSettings(db)), null, 2));
      let input: unknown;
      try {
        input = JSON.parse(readFileSync(o.set === '-' ? 0 : o.set, 'utf8'));
      } catch (e) {
        throw new TocsinError('invalid_input', `--set ${o.set}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const by = o.by ? (await userNamed(db, o.by)).id : null;
      console.log(JSON.stringify(maskWarningSettings(await saveWarningSettings(db, input, by)), null, 2));
      console.error('saved; new deadlines and tiers apply to warnings raised from now on');
    });
  });

const tick = new Command('tick')
  .description('run one scheduler pass now: escalate overdue steps, then send due notifications')
  .option('--now <time>', 'take this ISO 8601 time as now (drills on a copy of the data)')
  .action(async (o: { now?: string }, cmd: Command) => {
    const now = o.now === undefined ? new Date() : new Date(o.now);
    if (Number.isNaN(now.getTime())) throw new TocsinError('invalid_input', `--now: "${o.now}" is not an ISO 8601 time`);
    await withDatabase(cmd, async (db) => {
      const r = await tickWarnings(db, { now, mailer: createMailer(process.env) });
      for (const e of r.escalations)
        console.log(
          `warning ${e.warningId}: ${e.step} overdue, tier ${e.fromTier} -> ${e.toTier}, now due ${e.dueAt}, ${e.notified} notices queued`,
        );
      console.log(
        `${r.escalations.length} escalated; notifications: ${r.delivery.sent} sent, ${r.delivery.retrying} to retry, ${r.delivery.failed} failed`,
      );
    });
  });

/** `tocsin warnings`: raise, acknowledge, decide, escalate, close; settings; timeliness; one scheduler pass; export and CAP. */
export const warningsCommand = new Command('warnings')
  .description('warnings: raise, ack, decide, escalate, close, list, show, metrics, settings, tick, export, cap')
  .addCommand(raise)
  .addCommand(ack)
  .addCommand(decide)
  .addCommand(escalate)
  .addCommand(close)
  .addCommand(listCommand)
  .addCommand(show)
  .addCommand(metrics)
  .addCommand(settings)
  .addCommand(tick)
  .addCommand(exportCommand)
  .addCommand(capCommand);
