import { createReadStream } from 'node:fs';
import { copyFile, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, Option } from 'commander';
import { TocsinError } from '../core/errors.js';
import type { Db } from '../db/database.js';
import { resolveDatabaseConfig } from '../db/open-database.js';
import { readCustodyChain } from '../evidence/custody/custody.repository.js';
import { rotateCustodyKey } from '../evidence/custody/rotate-key.js';
import { loadSigner } from '../evidence/custody/signing-key.js';
import {
  EVIDENCE_KINDS,
  evidenceIntakeSchema,
  parseLinkRef,
  type EvidenceItem,
  type EvidenceLink,
  type IntakeResult,
} from '../evidence/evidence-item.js';
import {
  getEvidenceItem,
  listEvidenceItems,
  logCustody,
  takeInEvidence,
  type LockerActor,
} from '../evidence/evidence.repository.js';
import { evidenceStoreOf, keysDirOf, objectPath } from '../evidence/store/evidence-paths.js';
import { exportBundleCommand, verifyBundleCommand } from './evidence-bundle.command.js';
import { describeVerification, recordVerification, verifyEvidence } from '../evidence/verify-evidence.js';
import { requireRole, userNamed } from './attribution.js';
import { withDatabase, type GlobalOptions } from './context.js';

const HANDLERS = ['admin', 'investigator'] as const;
const dataDirOf = (cmd: Command) => resolveDatabaseConfig(cmd.optsWithGlobals<GlobalOptions>()).dataDir;

const itemId = (text: string): number => {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1)
    throw new TocsinError('invalid_input', `evidence id must be a positive whole number, not "${text}"`);
  return id;
};

/** The user acting (--by), checked to be an investigator or admin, with the instance key. */
async function handler(db: Db, cmd: Command, by: string | undefined, what: string): Promise<LockerActor> {
  if (!by)
    throw new TocsinError('invalid_input', `--by <username> is required to ${what} (the chain of custody names who did it)`, {
      field: '--by',
    });
  const user = await userNamed(db, by);
  requireRole(user, HANDLERS, what);
  return {
    userId: user.id,
    actor: user.username,
    signer: await loadSigner(db, keysDirOf(dataDirOf(cmd))),
    now: () => new Date(),
  };
}

const parseLinks = (refs: readonly string[]): EvidenceLink[] =>
  refs.map((r) => {
    const l = parseLinkRef(r);
    if (typeof l === 'string') throw new TocsinError('invalid_input', `--link: ${l}`, { field: '--link' });
    return l;
  });

const intakeOf = (input: Record<string, unknown>) => {
  const parsed = evidenceIntakeSchema.safeParse(input);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new TocsinError(
      'invalid_input',
      `--${String(i.path[0] ?? 'input').replace(/[A-Z]/g, (m) => `-${m.toLowerCase()}`)}: ${i.message}`,
    );
  }
  return parsed.data;
};

async function fileSource(path: string): Promise<AsyncIterable<Uint8Array>> {
  const s = await stat(path).catch(() => null);
  if (!s?.isFile()) throw new TocsinError('not_found', `${path}: no such file`, { field: path });
  return createReadStream(path, { highWaterMark: 1 << 20 });
}

const describeIntake = (r: IntakeResult): string =>
  [
    r.duplicate
      ? `evidence ${r.item.id}: duplicate of an item already held (${r.item.originalName}); no second copy kept, receipt noted in its custody log`
      : `evidence ${r.item.id}: ${r.item.originalName}, ${r.item.mediaType}, ${r.item.sizeBytes} bytes, sha256 ${r.item.sha256}`,
    ...(r.mediaTypeMismatch
      ? [`warning: claimed ${r.mediaTypeMismatch.claimed} but the bytes are ${r.mediaTypeMismatch.detected} (recorded)`]
      : []),
  ].join('\n');

const collect = (v: string, acc: string[]) => [...acc, v];

const add = new Command('add')
  .description('store a file as evidence: hashed, type detected from its bytes, original kept read-only')
  .argument('<file>')
  .option('--claimed-type <type>', 'the media type the source claims')
  .option('--source-url <url>', 'where it was found')
  .option('--notes <text>', 'description and why it was collected')
  .option('--link <ref>', 'link to report:ID, event:ID, assessment:ID or warning:ID (repeatable)', collect, [])
  .option('--by <username>', 'the collector (investigator or admin)')
  .action(
    async (
      file: string,
      o: { claimedType?: string; sourceUrl?: string; notes?: string; link: string[]; by?: string },
      cmd: Command,
    ) => {
      const intake = intakeOf({
        originalName: file,
        claimedType: o.claimedType ?? null,
        sourceUrl: o.sourceUrl ?? null,
        notes: o.notes ?? '',
        links: parseLinks(o.link),
      });
      await withDatabase(cmd, async (db) => {
        const by = await handler(db, cmd, o.by, 'add evidence');
        console.log(
          describeIntake(await takeInEvidence(db, evidenceStoreOf(dataDirOf(cmd)), await fileSource(file), intake, by)),
        );
      });
    },
  );

const capture = new Command('capture')
  .description('register a web capture: the page file and its screenshot (itself an item), with URL, time and tool')
  .requiredOption('--page <file>', 'the saved page (HTML, MHTML, WARC, ...)')
  .requiredOption('--screenshot <file>', 'the capture screenshot')
  .requiredOption('--url <url>', 'the captured URL, in full')
  .requiredOption('--captured-at <time>', 'when it was captured, ISO 8601 with zone (e.g. 2024-05-01T10:00:00Z)')
  .requiredOption('--tool <name>', 'the capture tool')
  .option('--tool-version <v>', 'its version')
  .option('--notes <text>')
  .option('--link <ref>', 'link to report:ID, ... (repeatable)', collect, [])
  .option('--by <username>', 'the collector (investigator or admin)')
  .action(
    async (
      o: {
        page: string;
        screenshot: string;
        url: string;
        capturedAt: string;
        tool: string;
        toolVersion?: string;
        notes?: string;
        link: string[];
        by?: string;
      },
      cmd: Command,
    ) => {
      const common = {
        sourceUrl: o.url,
        capturedAt: o.capturedAt,
        captureTool: o.tool,
        notes: o.notes ?? '',
        links: parseLinks(o.link),
        context: o.toolVersion ? { toolVersion: o.toolVersion } : {},
      };
      const shotIntake = intakeOf({ ...common, originalName: o.screenshot });
      intakeOf({ ...common, originalName: o.page, kind: 'web-capture' });
      await withDatabase(cmd, async (db) => {
        const by = await handler(db, cmd, o.by, 'add evidence');
        const store = evidenceStoreOf(dataDirOf(cmd));
        const shot = await takeInEvidence(db, store, await fileSource(o.screenshot), shotIntake, by);
        console.log(describeIntake(shot));
        const page = intakeOf({ ...common, originalName: o.page, kind: 'web-capture', screenshotSha256: shot.item.sha256 });
        console.log(describeIntake(await takeInEvidence(db, store, await fileSource(o.page), page, by)));
      });
    },
  );

const row = (i: EvidenceItem) =>
  `${String(i.id).padStart(6)}  ${i.receivedAt}  ${i.kind.padEnd(11)} ${i.mediaType.padEnd(24)} ${String(i.sizeBytes).padStart(12)}  ${i.sha256.slice(0, 12)}  ${i.originalName}`;

const list = new Command('list')
  .description('evidence items, newest first')
  .addOption(new Option('--kind <k>').choices(EVIDENCE_KINDS))
  .option('--limit <n>', 'at most this many', '100')
  .addOption(new Option('--format <f>').choices(['table', 'json']).default('table'))
  .action(async (o: { kind?: string; limit: string; format: string }, cmd: Command) => {
    const limit = Number(o.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100_000)
      throw new TocsinError('invalid_input', '--limit must be 1-100000', { field: '--limit' });
    await withDatabase(cmd, async (db) => {
      const items = await listEvidenceItems(db, { limit, kind: o.kind });
      if (o.format === 'json') console.log(JSON.stringify(items, null, 2));
      else for (const i of items) console.log(row(i));
    });
  });

const show = new Command('show')
  .description('one item and its record')
  .argument('<id>')
  .action(async (id: string, _o, cmd: Command) => {
    await withDatabase(cmd, async (db) => console.log(JSON.stringify(await getEvidenceItem(db, itemId(id)), null, 2)));
  });

const log = new Command('log')
  .description('the chain of custody of one item')
  .argument('<id>')
  .addOption(new Option('--format <f>').choices(['table', 'json']).default('table'))
  .action(async (id: string, o: { format: string }, cmd: Command) => {
    await withDatabase(cmd, async (db) => {
      const chain = await readCustodyChain(db, (await getEvidenceItem(db, itemId(id))).id);
      if (o.format === 'json') return console.log(JSON.stringify(chain, null, 2));
      for (const e of chain)
        console.log(
          `${String(e.seq).padStart(4)}  ${e.at}  ${e.action.padEnd(18)} ${e.actor.padEnd(16)} ${JSON.stringify(e.detail)}`,
        );
    });
  });

const copy = new Command('copy')
  .description('write a working copy of an original into a directory (logged as copied); the original is never edited')
  .argument('<id>')
  .requiredOption('--out <dir>', 'directory for the working copy')
  .option('--by <username>', 'who takes the copy (investigator or admin)')
  .action(async (id: string, o: { out: string; by?: string }, cmd: Command) => {
    await withDatabase(cmd, async (db) => {
      const by = await handler(db, cmd, o.by, 'copy evidence');
      const item = await getEvidenceItem(db, itemId(id));
      await mkdir(o.out, { recursive: true });
      const target = join(o.out, item.originalName);
      await copyFile(objectPath(evidenceStoreOf(dataDirOf(cmd)), item.sha256), target, 1 /* COPYFILE_EXCL */).catch(
        (e: NodeJS.ErrnoException) => {
          throw e.code === 'EEXIST'
            ? new TocsinError('conflict', `${target} already exists; not overwritten`, { field: '--out' })
            : e;
        },
      );
      await logCustody(db, item.id, 'copied', { to: target }, by);
      console.log(`working copy of evidence ${item.id} written to ${target}`);
    });
  });

const verify = new Command('verify')
  .description('check every chain of custody and re-hash every stored original; exits 6 on any failure')
  .option('--by <username>', 'who verifies (recorded as verified on each item; default system)')
  .action(async (o: { by?: string }, cmd: Command) => {
    await withDatabase(cmd, async (db) => {
      const store = evidenceStoreOf(dataDirOf(cmd));
      const report = await verifyEvidence(db, store);
      for (const line of describeVerification(report)) console.log(line);
      const actor = o.by ? (await userNamed(db, o.by)).username : 'system';
      const signer = await loadSigner(db, keysDirOf(dataDirOf(cmd)));
      const ids = await db.query<{ id: number }>('SELECT id FROM evidence_items');
      await recordVerification(
        db,
        report,
        ids.map((r) => r.id),
        { userId: null, actor, signer, now: () => new Date() },
      );
      if (!report.holds)
        throw new TocsinError(
          'conflict',
          `verification failed: ${report.chainProblems.length + report.fileProblems.length} problems, listed above`,
        );
    });
  });

const rotateKey = new Command('rotate-key')
  .description('replace the custody signing key (admin); the old public key is kept so old entries still verify')
  .option('--by <username>', 'the admin rotating the key')
  .action(async (o: { by?: string }, cmd: Command) => {
    await withDatabase(cmd, async (db) => {
      if (!o.by) throw new TocsinError('invalid_input', '--by <username> is required to rotate the key', { field: '--by' });
      const user = await userNamed(db, o.by);
      requireRole(user, ['admin'], 'rotate the custody key');
      const r = await rotateCustodyKey(db, keysDirOf(dataDirOf(cmd)), user.username, new Date());
      console.log(`custody key rotated: ${r.oldKeyId} retired, ${r.newKeyId} active; noted on ${r.itemsNoted} chains`);
    });
  });

const fingerprint = new Command('fingerprint')
  .description('the custody signing key in use: its id (the fingerprint recipients compare with a bundle) and public key')
  .action(async (_o: unknown, cmd: Command) => {
    await withDatabase(cmd, async (db) => {
      const signer = await loadSigner(db, keysDirOf(dataDirOf(cmd)));
      console.log(`custody signing key ${signer.keyId}\n${signer.publicKeyPem.trim()}`);
    });
  });

/** `tocsin evidence`: the evidence locker and its chain of custody. */
export const evidenceCommand = new Command('evidence')
  .description('the evidence locker: originals stored by hash, with a signed chain of custody')
  .addCommand(add)
  .addCommand(capture)
  .addCommand(list)
  .addCommand(show)
  .addCommand(log)
  .addCommand(copy)
  .addCommand(verify)
  .addCommand(rotateKey)
  .addCommand(fingerprint)
  .addCommand(exportBundleCommand)
  .addCommand(verifyBundleCommand);
