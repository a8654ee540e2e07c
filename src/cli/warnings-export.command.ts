import { writeFileSync } from 'node:fs';
import { Command, Option } from 'commander';
import { XML_DECLARATION } from '../cap/xml.js';
import { capAtomFeed } from '../cap/cap-feed.js';
import { capAlertOf, capFeedEntries, readPublicWarnings, setWarningPublic } from '../cap/cap.repository.js';
import { capSender } from '../cap/cap.routes.js';
import { TocsinError } from '../core/errors.js';
import { WARNING_STATUSES, type WarningStatus } from '../warnings/warning.js';
import { WARNING_EXPORT_FORMATS, warningsToCsv, warningsToJson } from '../warnings/export/warnings-export.js';
import { readWarningsForExport } from '../warnings/export/warnings-export.repository.js';
import { withDatabase } from './context.js';
import { requireRole, userNamed } from './attribution.js';

const warningId = (text: string): number => {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1)
    throw new TocsinError('invalid_input', `warning id must be a positive whole number, not "${text}"`);
  return id;
};

/** `tocsin warnings export`: warnings with their measures as CSV or JSON. */
export const exportCommand = new Command('export')
  .description('warnings with their measures as CSV (one line per measure) or JSON')
  .addOption(new Option('--format <f>').choices(WARNING_EXPORT_FORMATS).default('csv'))
  .option('--country <iso3>')
  .addOption(new Option('--status <s>').choices(WARNING_STATUSES))
  .option('--output <file>', 'write to this file instead of standard output')
  .action(async (o: { format: string; country?: string; status?: WarningStatus; output?: string }, cmd: Command) => {
    if (o.country !== undefined && !/^[A-Za-z]{3}$/.test(o.country))
      throw new TocsinError('invalid_input', `--country: "${o.country}" is not an ISO alpha-3 code`);
    await withDatabase(cmd, async (db) => {
      const warnings = await readWarningsForExport(db, { country: o.country?.toUpperCase(), status: o.status });
      const text = o.format === 'json' ? warningsToJson(warnings) : warningsToCsv(warnings);
      if (o.output) {
        writeFileSync(o.output, text);
        console.error(`${warnings.length} warnings written to ${o.output}`);
      } else process.stdout.write(text);
    });
  });

const alert = new Command('alert')
  .description('one public warning as a CAP 1.2 alert (XML)')
  .argument('<warningId>')
  .action(async (idText: string, _o, cmd: Command) => {
    const id = warningId(idText);
    await withDatabase(cmd, async (db) => {
      const [p] = await readPublicWarnings(db, { id });
      process.stdout.write(`${XML_DECLARATION}\n${await capAlertOf(db, p!, { sender: capSender(), now: new Date() })}\n`);
    });
  });

const feed = new Command('feed')
  .description('the Atom feed of every public warning as CAP 1.2 alerts')
  .option('--base-url <url>', 'where the server is reached, for the links', 'http://localhost:8080')
  .action(async (o: { baseUrl: string }, cmd: Command) => {
    const base = o.baseUrl.replace(/\/+$/, '');
    if (!/^https?:\/\/[^\s]+$/.test(base))
      throw new TocsinError('invalid_input', `--base-url: "${o.baseUrl}" is not an http(s) URL`);
    await withDatabase(cmd, async (db) => {
      const now = new Date();
      const entries = await capFeedEntries(db, { sender: capSender(), now, alertUrl: (id) => `${base}/api/cap/alerts/${id}` });
      process.stdout.write(capAtomFeed(entries, { feedUrl: `${base}/api/cap/alerts`, now }));
    });
  });

const publish = new Command('publish')
  .description('include a warning in the CAP feed, or take it out with --private')
  .argument('<warningId>')
  .option('--private', 'take the warning out of the feed')
  .option('--by <username>', 'the admin deciding it')
  .action(async (idText: string, o: { private?: boolean; by?: string }, cmd: Command) => {
    const id = warningId(idText);
    await withDatabase(cmd, async (db) => {
      const by = o.by === undefined ? null : await userNamed(db, o.by);
      if (by) requireRole(by, ['admin'], 'make a warning public or private');
      const r = await setWarningPublic(db, id, !o.private, { by: by?.id ?? null, now: new Date() });
      console.log(`warning ${r.id} is ${r.public ? 'public: it appears in the CAP feed' : 'private: it is not in the CAP feed'}`);
    });
  });

/** `tocsin warnings cap`: public warnings as OASIS CAP 1.2 (docs/cap.md). */
export const capCommand = new Command('cap')
  .description('public warnings as OASIS CAP 1.2: alert, feed, publish')
  .addCommand(alert)
  .addCommand(feed)
  .addCommand(publish);
