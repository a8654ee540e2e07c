import { once } from 'node:events';
import { createWriteStream, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { BENCH_DIR, GED_SAMPLE } from './paths.js';

/** Path of the synthetic GED file with `rows` data rows. */
export const gedFilePath = (rows: number): string => join(BENCH_DIR, rows === 1_000_000 ? 'ged-1m.csv' : `ged-${rows}.csv`);

/**
 * Builds (once) a GED CSV of `rows` data rows by repeating the real rows of the UCDP sample in
 * order, with the `id` column rewritten to 1..rows so every row is a distinct event. Every other
 * cell is kept as it is (re-quoted by papaparse only where CSV needs it).
 */
export async function ensureGedFile(rows: number, log: (s: string) => void = () => undefined): Promise<string> {
  const file = gedFilePath(rows);
  if (existsSync(file)) return file;
  mkdirSync(BENCH_DIR, { recursive: true });
  log(`building ${file} (${rows.toLocaleString('en')} rows from ${GED_SAMPLE})`);
  const parsed = Papa.parse<string[]>(readFileSync(GED_SAMPLE, 'utf8'), { skipEmptyLines: true });
  const [header, ...records] = parsed.data;
  if (!header || header[0] !== 'id' || records.length === 0)
    throw new Error(`${GED_SAMPLE}: not a GED file with an id column first`);
  // Everything after the id, serialised once per sample row.
  const tails = records.map((r) => Papa.unparse([r.slice(1)], { newline: '\n' }));
  const tmp = `${file}.partial`;
  const out = createWriteStream(tmp);
  out.write(`${Papa.unparse([header], { newline: '\n' })}\n`);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    buf += `${i + 1},${tails[i % tails.length]}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await once(out, 'finish');
  renameSync(tmp, file);
  return file;
}
