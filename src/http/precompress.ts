import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Compressed copies of the built web UI, made once at build time (`file.br` and `file.gz` beside
 * `file`) and sent by `serveWeb` to browsers that accept them, as nginx's `gzip_static` does: no
 * compression work while serving, and the map's boundaries and MapLibre cost a third of their size
 * on a slow link. API responses are not compressed (docs/web.md: compressing responses
 * that mix a secret with text a caller controls leaks the secret through the length).
 */

/** Extensions of the text files worth compressing (images and fonts already are). */
export const COMPRESSIBLE_EXTENSIONS: ReadonlySet<string> = new Set([
  '.html',
  '.js',
  '.mjs',
  '.css',
  '.json',
  '.svg',
  '.map',
  '.txt',
]);

/** Files smaller than this are sent as they are: the saving would not pay for the header. */
export const MIN_COMPRESS_BYTES = 1024;

export type ContentCoding = 'br' | 'gzip';

/** The suffix of each coding's copy. */
export const CODING_SUFFIX: Readonly<Record<ContentCoding, string>> = { br: '.br', gzip: '.gz' };

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export interface PrecompressSummary {
  readonly files: number;
  readonly bytes: number;
  readonly brotliBytes: number;
  readonly gzipBytes: number;
}

/**
 * Writes `.br` (quality 11) and `.gz` (level 9) copies of every compressible file of at least
 * `MIN_COMPRESS_BYTES` under `dir`, keeping a copy only when it is smaller than the file, and
 * removing a stale copy that is not.
 */
export async function precompressDirectory(dir: string): Promise<PrecompressSummary> {
  let files = 0;
  let bytes = 0;
  let brotliBytes = 0;
  let gzipBytes = 0;
  for (const path of await listFiles(dir)) {
    if (!COMPRESSIBLE_EXTENSIONS.has(extname(path))) continue;
    const body = await readFile(path);
    if (body.length < MIN_COMPRESS_BYTES) continue;
    const copies: Record<ContentCoding, Buffer> = {
      br: await brotli(body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
      }),
      gzip: await gzipAsync(body, { level: 9 }),
    };
    files++;
    bytes += body.length;
    for (const coding of ['br', 'gzip'] as const) {
      const copy = copies[coding];
      const target = path + CODING_SUFFIX[coding];
      if (copy.length < body.length) await writeFile(target, copy);
      else await rm(target, { force: true });
      const sent = Math.min(copy.length, body.length);
      if (coding === 'br') brotliBytes += sent;
      else gzipBytes += sent;
    }
  }
  return { files, bytes, brotliBytes, gzipBytes };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))),
  );
  return nested.flat();
}

/**
 * The codings an `Accept-Encoding` header accepts among ours, best first (brotli, then gzip):
 * a coding counts when named with q > 0, or covered by `*` with q > 0 and not named with q = 0.
 */
export function acceptedCodings(header: string | undefined | null): ContentCoding[] {
  if (!header) return [];
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const star = q.get('*');
  return (['br', 'gzip'] as const).filter((coding) => {
    const named = q.get(coding) ?? (coding === 'gzip' ? q.get('x-gzip') : undefined);
    return named !== undefined ? named > 0 : star !== undefined && star > 0;
  });
}
