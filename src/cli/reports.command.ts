import { readFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { keysDirOf, openKeyring } from '../confidential/index.js';
import { TocsinError } from '../core/errors.js';
import type { Db } from '../db/database.js';
import { resolveDatabaseConfig } from '../db/open-database.js';
import { countryCode } from '../groups/protected-group.js';
import { createIntakeToken } from '../reports/intake-tokens.repository.js';
import { parseReport, REPORT_STATUSES, type ReportStatus } from '../reports/report.js';
import { getReport, listReports, reportIdOf, reportLog, type ReportSummary } from '../reports/reports.repository.js';
import { revealReport } from '../reports/reveal-report.js';
import { reviewReport } from '../reports/review-report.js';
import { reviewRequestSchema, type ReviewAction } from '../reports/review.js';
import { submitReport } from '../reports/submit-report.js';
import { requireRole, userNamed } from './attribution.js';
import { withDatabase, type GlobalOptions } from './context.js';

const keyringFor = (cmd: Command, db: Db) => () =>
  openKeyring(db, { keysDir: keysDirOf(resolveDatabaseConfig(cmd.optsWithGlobals<GlobalOptions>()).dataDir) });

function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new TocsinError('invalid_input', `--file ${file}: ${e instanceof Error ? e.message : String(e)}`, { field: '--file' });
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new TocsinError('invalid_input', `--file ${file}: not JSON (${e instanceof Error ? e.message : String(e)})`, {
      field: '--file',
    });
  }
}

const submit = new Command('submit')
  .description('file a report from a JSON file (- for stdin); identities go in "confidential" and sources[].identity')
  .requiredOption('--file <file>', 'the report as JSON (see docs/reports.md)')
  .requiredOption('--by <username>', 'the monitor (or analyst, admin) filing it')
  .action(async (o: { file: string; by: string }, cmd: Command) => {
    const report = parseReport(readJsonFile(o.file), o.file);
    await withDatabase(cmd, async (db) => {
      const user = await userNamed(db, o.by);
      requireRole(user, ['monitor', 'analyst', 'admin'], 'submit reports');
      const r = await submitReport(db, keyringFor(cmd, db), report, { userId: user.id, anonymous: false });
      console.log(r.reference);
      console.error(`report ${r.id} submitted; its reference is ${r.reference}`);
    });
  });

const intakeLink = new Command('intake-link')
  .description('make a one-time token for one anonymous report (printed once: only its SHA-256 is kept)')
  .option('--label <text>', 'who or what it is for, for your records (not shown to the submitter)')
  .option('--days <n>', 'valid for this many days', '7')
  .requiredOption('--by <username>', 'the analyst or admin handing it out')
  .action(async (o: { label?: string; days: string; by: string }, cmd: Command) => {
    await withDatabase(cmd, async (db) => {
      const user = await userNamed(db, o.by);
      requireRole(user, ['analyst', 'admin'], 'make intake links');
      const t = await createIntakeToken(db, { label: o.label ?? null, days: Number(o.days), userId: user.id });
      console.log(t.token);
      console.error(`one report, until ${t.expiresAt}: POST it to /api/intake/${t.token} (docs/reports.md)`);
    });
  });

const row = (r: ReportSummary) =>
  `${String(r.id).padStart(5)}  ${r.reference}  ${r.status.padEnd(10)} ${r.dateStart}  ${r.country}  ${(r.admin1 ?? '').padEnd(16)} ${r.acts.join(', ')}${r.anonymous ? '  (anonymous)' : ''}`;

const list = new Command('list')
  .description('reports, newest first')
  .addOption(new Option('--status <s>').choices(REPORT_STATUSES))
  .option('--country <iso3>')
  .option('--limit <n>', 'at most this many', '100')
  .addOption(new Option('--format <f>', 'output format').choices(['table', 'json']).default('table'))
  .action(async (o: { status?: ReportStatus; country?: string; limit: string; format: string }, cmd: Command) => {
    const country = o.country === undefined ? undefined : countryCode.safeParse(o.country);
    if (country && !country.success) throw new TocsinError('invalid_input', `--country: ${country.error.issues[0]!.message}`);
    const limit = Number(o.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
      throw new TocsinError('invalid_input', '--limit must be 1-100000');
    await withDatabase(cmd, async (db) => {
      const items = await listReports(db, { status: o.status, country: country?.data }, limit);
      if (o.format === 'json') console.log(JSON.stringify(items, null, 2));
      else for (const r of items) console.log(row(r));
    });
  });

const show = new Command('show')
  .description('one report with its log (identities sealed; --reveal --purpose --by for cleared roles, logged)')
  .argument('<report>', 'id or reference')
  .option('--reveal', 'open the identities (admin or investigator; the read is logged)')
  .option('--purpose <text>', 'why they are read (required with --reveal)')
  .option('--by <username>', 'who reads (required with --reveal)')
  .action(async (key: string, o: { reveal?: boolean; purpose?: string; by?: string }, cmd: Command) => {
    await withDatabase(cmd, async (db) => {
      const id = await reportIdOf(db, key);
      let report;
      if (o.reveal) {
        if (!o.by)
          throw new TocsinError('invalid_input', '--reveal needs --by <username>: every read is logged', { field: '--by' });
        const user = await userNamed(db, o.by);
        report = await revealReport(db, keyringFor(cmd, db), id, { user, purpose: o.purpose });
      } else report = await getReport(db, id);
      console.log(JSON.stringify({ ...report, log: await reportLog(db, id) }, null, 2));
    });
  });

function reviewCommand(action: ReviewAction, description: string): Command {
  const c = new Command(action)
    .description(description)
    .argument('<report>', 'id or reference')
    .requiredOption('--reason <text>', 'the written reason, for the record')
    .requiredOption('--by <username>', 'the analyst or admin taking the step');
  if (action === 'mark-duplicate') c.requiredOption('--of <report>', 'the original report (id or reference)');
  return c.action(async (key: string, o: { reason: string; by: string; of?: string }, cmd: Command) => {
    const parsed = reviewRequestSchema.safeParse({ action, reason: o.reason, duplicateOf: o.of });
    if (!parsed.success) throw new TocsinError('invalid_input', `--reason: ${parsed.error.issues[0]!.message}`);
    await withDatabase(cmd, async (db) => {
      const user = await userNamed(db, o.by);
      requireRole(user, ['analyst', 'admin'], 'review reports');
      const { report, surveillance } = await reviewReport(db, key, { ...parsed.data, userId: user.id });
      console.log(`${report.reference}: ${report.status}${report.eventId === null ? '' : ` (event ${report.eventId})`}`);
      if (surveillance)
        console.error(
          `surveillance: ${report.country} re-counted, ${surveillance.incidents} incidents; ${surveillance.signalsStored} signals stored`,
        );
    });
  });
}

/** `tocsin reports`: field reports from submission to verified event. */
export const reportsCommand = new Command('reports')
  .description('field reports: submit, intake links for anonymous reports, list, show, and the verification steps')
  .addCommand(submit)
  .addCommand(intakeLink)
  .addCommand(list)
  .addCommand(show)
  .addCommand(reviewCommand('triage', 'take a submitted report into review'))
  .addCommand(reviewCommand('verify', 'verify a triaged report: it becomes an event (source report) that counts in surveillance'))
  .addCommand(reviewCommand('mark-unverified', 'a triaged report that cannot be verified for now'))
  .addCommand(reviewCommand('reject', 'reject a report that is not credible or not in scope'))
  .addCommand(reviewCommand('mark-duplicate', 'mark a report a duplicate of another (withdraws its event if it was verified)'));
