import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import type { Sha256 } from '../../core/brand.js';
import { TocsinError } from '../../core/errors.js';
import { errorSnippet, fetchWithRetry, realSleep, saveBody, unexpectedStatus, type FetchLike, type Sleep } from './http.js';
import { extractZipEntry } from './unzip-entry.js';
import { readZipDirectory, type ZipEntry } from './zip-directory.js';

/** Where UCDP publishes the yearly GED releases, e.g. `https://ucdp.uu.se/downloads/ged/ged251-csv.zip`. */
export const UCDP_GED_DOWNLOADS = 'https://ucdp.uu.se/downloads/ged';

/** A yearly GED release number: `25.1`, `17.2`, `5.0`. */
const gedVersion = z.string().regex(/^\d{1,2}\.\d$/, 'a GED release such as 25.1');

export interface UcdpGedDownloadOptions {
  version: string;
  /** Directory for the zip and the extracted CSV (created if missing). */
  dir: string;
  fetch?: FetchLike | undefined;
  /** Replaces {@link UCDP_GED_DOWNLOADS} (tests, mirrors). */
  baseUrl?: string | undefined;
  sleep?: Sleep | undefined;
  signal?: AbortSignal | undefined;
}

export interface UcdpGedDownload {
  /** The extracted CSV: the file to hand to the GED importer. */
  file: string;
  bytes: number;
  sha256: Sha256;
  /** The archive as downloaded, kept beside the CSV for provenance. */
  zip: { file: string; url: string; bytes: number; sha256: Sha256 };
}

/**
 * The archive name for a release: the dot is dropped (`25.1` -> `ged251-csv.zip`). This naming holds
 * for every release from 5.0 to 24.1, see mapme.biodiversity's `get_ucdp_ged`
 * (https://rdrr.io/cran/mapme.biodiversity/man/ucdp_ged.html), and for 25.1 (ucdp.uu.se/downloads).
 */
export const gedZipName = (version: string): string => `ged${version.replace('.', '')}-csv.zip`;

/** Downloads a yearly UCDP GED release (CSV zip), checks it, and extracts its CSV into `dir`. */
export async function downloadUcdpGed(options: UcdpGedDownloadOptions): Promise<UcdpGedDownload> {
  const version = gedVersion.safeParse(options.version);
  if (!version.success) {
    throw new TocsinError('invalid_input', `UCDP GED version "${options.version}" is not of the form 25.1`);
  }
  const url = `${(options.baseUrl ?? UCDP_GED_DOWNLOADS).replace(/\/+$/, '')}/${gedZipName(version.data)}`;
  await mkdir(options.dir, { recursive: true });

  const res = await fetchWithRetry(url, options.signal ? { signal: options.signal } : {}, {
    fetch: options.fetch ?? fetch,
    sleep: options.sleep ?? realSleep,
    what: `UCDP GED ${version.data} download`,
  });
  if (res.status === 404) {
    await res.body?.cancel();
    throw new TocsinError('not_found', `UCDP GED version ${version.data} not found at ${url}`, { url });
  }
  if (!res.ok) throw unexpectedStatus(res, `UCDP GED ${version.data} download`, url, await errorSnippet(res));

  const zipFile = join(options.dir, gedZipName(version.data));
  const zipPart = `${zipFile}.part`;
  let csvPart: string | undefined;
  try {
    const zip = await saveBody(res, zipPart);
    const entry = pickCsv(await readZipDirectory(zipPart, `the download from ${url}`), url);
    const csvFile = join(options.dir, safeName(entry.name, version.data));
    csvPart = `${csvFile}.part`;
    const csv = await extractZipEntry(zipPart, entry, csvPart, `the download from ${url}`);
    await rename(csvPart, csvFile);
    await rename(zipPart, zipFile);
    return { file: csvFile, bytes: csv.bytes, sha256: csv.sha256, zip: { file: zipFile, url, ...zip } };
  } catch (err) {
    await rm(zipPart, { force: true });
    if (csvPart) await rm(csvPart, { force: true });
    throw err;
  }
}

/** The CSV to extract: the only `.csv` entry, or among several the only one named like GED (`GEDEvent_v25_1.csv`). */
function pickCsv(entries: readonly ZipEntry[], url: string): ZipEntry {
  const csvs = entries.filter((e) => /\.csv$/i.test(e.name) && !e.name.startsWith('__MACOSX/'));
  const candidates = csvs.length > 1 ? csvs.filter((e) => /ged/i.test(basename(e.name))) : csvs;
  const [only] = candidates;
  if (only && candidates.length === 1) return only;
  const names =
    entries
      .slice(0, 10)
      .map((e) => e.name)
      .join(', ') || 'nothing';
  const why = csvs.length === 0 ? 'has no CSV file' : 'has several CSV files';
  throw new TocsinError('invalid_format', `the archive from ${url} ${why} (it holds ${names})`, { url });
}

/** A plain file name from a zip entry name: no directories (zip-slip), no odd characters. */
function safeName(entryName: string, version: string): string {
  const name = basename(entryName.replace(/\\/g, '/')).replace(/[^A-Za-z0-9._-]/g, '_');
  return /^[A-Za-z0-9_-][A-Za-z0-9._-]*\.csv$/i.test(name) ? name : `ged${version.replace('.', '')}.csv`;
}
