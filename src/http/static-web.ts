import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { acceptedCodings, CODING_SUFFIX, COMPRESSIBLE_EXTENSIONS } from './precompress.js';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', // MapLibre's worker is an .mjs module
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built web UI from `root`: files by path (hashed `/assets/*` cached for a year),
 * and `index.html` for any other GET outside `/api` so client-side routes load. Where the build
 * left a compressed copy (`precompressDirectory`) and the browser accepts its coding, the copy is
 * sent instead, brotli before gzip.
 */
export function serveWeb(root: string): MiddlewareHandler {
  const base = normalize(root + sep);
  return async (c, next) => {
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.path.startsWith('/api')) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path);
    } catch {
      return next();
    }
    let file = normalize(join(base, rel));
    if (!file.startsWith(base)) return next(); // path traversal
    const isFile = await stat(file).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!isFile) {
      if (extname(rel) !== '') return next(); // a missing asset is a 404, not the app
      file = join(base, 'index.html');
    }
    let body: Buffer<ArrayBuffer> | undefined;
    const codings = COMPRESSIBLE_EXTENSIONS.has(extname(file)) ? acceptedCodings(c.req.header('Accept-Encoding')) : [];
    for (const coding of codings) {
      body = await readFile(file + CODING_SUFFIX[coding]).catch(() => undefined);
      if (body) {
        c.header('Content-Encoding', coding);
        break;
      }
    }
    body ??= await readFile(file).catch(() => undefined);
    if (!body) return c.text('The web UI is not built: run `npm run build`.', 503);
    c.header('Content-Type', MIME[extname(file)] ?? 'application/octet-stream');
    c.header('Cache-Control', rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    c.header('Vary', 'Accept-Encoding');
    return c.body(body);
  };
}
