import { Command, Option } from 'commander';
import { TocsinError } from '../core/errors.js';
import { importEventFile, type ImportReport } from '../ingest/import-events.js';
import { FORMATS, isFormatName } from '../ingest/formats.js';
import { withDatabase } from './context.js';
import { terminalProgress } from './progress.js';

const nf = new Intl.NumberFormat('en');

/** The end-of-import summary a person reads. */
export function describeImport(r: ImportReport, seconds: number): string {
  const lines = [
    `${r.format}: ${r.file}`,
    `  ${nf.format(r.rowsRead)} rows read in ${seconds.toFixed(1)} s (${nf.format(Math.round(r.rowsRead / Math.max(seconds, 1e-3)))} rows/s)`,
    `  ${nf.format(r.inserted)} new, ${nf.format(r.updated)} changed, ${nf.format(r.unchanged)} unchanged, ${nf.format(r.skipped)} skipped by options, ${nf.format(r.rejected)} rejected`,
  ];
  if (r.rejected > 0) {
    lines.push(`  rejected rows are quarantined (tocsin imports show ${r.batchId}); by reason:`);
    for (const g of r.rejectionsByReason.slice(0, 10)) {
      lines.push(
        `    ${String(g.count).padStart(7)}  ${g.column ? `${g.column}: ` : ''}${g.reason} (first at line ${g.firstLine})`,
      );
    }
    if (r.rejectionsByReason.length > 10) lines.push(`    … and ${r.rejectionsByReason.length - 10} other reasons`);
  }
  const sv = r.surveillance;
  if (sv)
    lines.push(
      `  surveillance: ${nf.format(sv.countries)} countries re-counted (${nf.format(sv.events)} events in ${nf.format(sv.incidents)} incidents), ${nf.format(sv.signalsStored)} signals from the changed weeks (tocsin signals list --status new), ${sv.seconds.toFixed(2)} s`,
    );
  lines.push(`  import batch ${r.batchId}, file sha256 ${r.sha256}`);
  return lines.join('\n');
}

const parseRoots = (s: string): string[] => {
  const roots = s.split(',').map((r) => r.trim().padStart(2, '0'));
  const bad = roots.filter((r) => !/^(0[1-9]|1\d|20)$/.test(r));
  if (bad.length) throw new TocsinError('invalid_input', `--cameo-roots: ${bad.join(', ')} are not CAMEO root codes 01-20`);
  return roots;
};

/** `tocsin import <ucdp|acled|gdelt> FILE`. */
export const importCommand = new Command('import')
  .description('import an event file: ucdp (UCDP GED CSV), acled (ACLED CSV), gdelt (GDELT 1.0/2.0 export)')
  .argument('<format>', `one of ${Object.keys(FORMATS).join(', ')}`)
  .argument('<file>', 'the file to import')
  .addOption(new Option('--cameo-roots <list>', 'GDELT: keep only these CAMEO root codes, e.g. 14,18,19,20'))
  .addOption(new Option('--batch-size <n>', 'rows per transaction').default('5000'))
  .option('--json', 'print the import report as JSON')
  .action(
    async (formatName: string, file: string, opts: { cameoRoots?: string; batchSize: string; json?: boolean }, cmd: Command) => {
      if (!isFormatName(formatName))
        throw new TocsinError('invalid_input', `unknown format "${formatName}": use ${Object.keys(FORMATS).join(', ')}`);
      if (opts.cameoRoots && formatName !== 'gdelt')
        throw new TocsinError('invalid_input', '--cameo-roots applies to gdelt imports only');
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000)
        throw new TocsinError('invalid_input', '--batch-size must be a whole number 1-100000');
      await withDatabase(cmd, async (db) => {
        const progress = terminalProgress();
        const started = performance.now();
        const report = await importEventFile(db, {
          format: FORMATS[formatName],
          file,
          options: { cameoRoots: opts.cameoRoots ? parseRoots(opts.cameoRoots) : undefined },
          batchSize,
          onProgress: (p) => progress.update(p),
        }).finally(() => progress.done());
        const seconds = (performance.now() - started) / 1000;
        console.log(opts.json ? JSON.stringify(report, null, 2) : describeImport(report, seconds));
      });
    },
  );
