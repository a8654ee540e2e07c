import { resolve } from 'node:path';
import { Command, Option } from 'commander';
import { TocsinError } from '../core/errors.js';
import { resolveDatabaseConfig } from '../db/open-database.js';
import type { BundleReport } from '../evidence/bundle/bundle-format.js';
import { exportBundle } from '../evidence/bundle/export-bundle.js';
import { verifyBundle } from '../evidence/bundle/verify-bundle.js';
import { loadSigner } from '../evidence/custody/signing-key.js';
import { evidenceStoreOf, keysDirOf } from '../evidence/store/evidence-paths.js';
import { requireRole, userNamed } from './attribution.js';
import { withDatabase, type GlobalOptions } from './context.js';

/** `--items 1,2,3` as item ids, refused with the bad part named. */
function parseItemIds(text: string): number[] {
  const parts = text.split(',').map((s) => s.trim());
  const bad = parts.filter((s) => !/^[1-9]\d{0,9}$/.test(s));
  if (bad.length || parts.length === 0)
    throw new TocsinError('invalid_input', `--items: "${bad.join('", "')}" is not an item id (e.g. --items 1,2,3)`, {
      field: '--items',
    });
  return [...new Set(parts.map(Number))];
}

/** `tocsin evidence export`: a signed disclosure bundle for a recipient, logged on every item's chain. */
export const exportBundleCommand = new Command('export')
  .description('export evidence items as a signed disclosure bundle (zip) for a commission or court, and record the disclosure')
  .requiredOption('--items <ids>', 'item ids, comma-separated (a web capture brings its screenshot)')
  .requiredOption('--recipient <name>', 'who receives it, e.g. "Commission of Inquiry on the CAR"')
  .requiredOption('--purpose <text>', 'why it is disclosed')
  .requiredOption('--out <file.zip>', 'the bundle to write')
  .requiredOption('--by <username>', 'the investigator or admin disclosing')
  .addOption(new Option('--format <f>', 'output format').choices(['text', 'json']).default('text'))
  .action(
    async (o: { items: string; recipient: string; purpose: string; out: string; by: string; format: string }, cmd: Command) => {
      const itemIds = parseItemIds(o.items);
      const { dataDir } = resolveDatabaseConfig(cmd.optsWithGlobals<GlobalOptions>());
      const store = evidenceStoreOf(dataDir);
      await withDatabase(cmd, async (db) => {
        const user = await userNamed(db, o.by);
        requireRole(user, ['admin', 'investigator'], 'disclose evidence');
        const signer = await loadSigner(db, keysDirOf(dataDir));
        const d = await exportBundle(db, store, {
          request: { itemIds, recipient: o.recipient, purpose: o.purpose },
          by: { userId: user.id, actor: user.username, signer, now: () => new Date() },
          out: resolve(o.out),
        });
        if (o.format === 'json') console.log(JSON.stringify(d, null, 2));
        else
          console.log(
            `disclosure ${d.id} to ${d.recipient}: items ${d.itemIds.join(', ')} in ${resolve(o.out)}\nbundle SHA-256 ${d.bundleSha256}`,
          );
      });
    },
  );

function printReport(file: string, r: BundleReport): void {
  console.log(`${file}: ${r.intact ? 'INTACT' : 'NOT INTACT'}`);
  if (r.disclosureId !== null)
    console.log(
      `disclosure ${r.disclosureId} to ${r.recipient ?? '?'} (${r.createdAt ?? '?'}): ${r.items} items, ${r.custodyEntries} custody entries`,
    );
  if (r.keyId) console.log(`signed by key ${r.keyId}: compare it with the fingerprint the instance published`);
  for (const p of r.problems)
    console.log(
      `  ${p.part}${p.itemId !== undefined ? ` item ${p.itemId}` : ''}${p.seq !== undefined ? ` seq ${p.seq}` : ''}: ${p.problem}`,
    );
}

/**
 * `tocsin evidence verify-bundle FILE.zip`: offline, with no data directory and no database; exit 0
 * when intact, 3 with the list of problems otherwise.
 */
export const verifyBundleCommand = new Command('verify-bundle')
  .description('verify a disclosure bundle offline (no database needed): signature, hashes, custody chains')
  .argument('<file>', 'the bundle (zip)')
  .addOption(new Option('--format <f>', 'output format').choices(['text', 'json']).default('text'))
  .action(async (file: string, o: { format: string }) => {
    const report = await verifyBundle(resolve(file));
    if (o.format === 'json') console.log(JSON.stringify(report, null, 2));
    else printReport(file, report);
    if (!report.intact)
      throw new TocsinError('invalid_format', `${file} is NOT intact: ${report.problems.length} problem(s)`, {
        problems: report.problems,
      });
  });
