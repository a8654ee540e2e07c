import { randomBytes } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, existsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { acceptedCodings, precompressDirectory } from './precompress.js';
import { serveWeb } from './static-web.js';

/** A built UI in miniature: a big script, a small page, an image, and a nested asset. */
function builtWeb(): string {
  const root = mkdtempSync(join(tmpdir(), 'tocsin-web-'));
  mkdirSync(join(root, 'assets', 'maps'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Tocsin</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'export const risk = "one-sided violence";\n'.repeat(400));
  writeFileSync(
    join(root, 'assets', 'maps', 'world.json'),
    JSON.stringify({ countries: Array.from({ length: 300 }, (_, i) => ({ id: i })) }),
  );
  // Random bytes do not compress: no copy is kept.
  writeFileSync(join(root, 'assets', 'noise.txt'), randomBytes(4096));
  writeFileSync(join(root, 'assets', 'logo.png'), Buffer.alloc(4096, 7));
  return root;
}

describe('precompressDirectory', () => {
  it('writes brotli and gzip copies of the text files worth it, and nothing else', async () => {
    const root = builtWeb();
    const summary = await precompressDirectory(root);
    const app = join(root, 'assets', 'app.js');
    expect(brotliDecompressSync(readFileSync(`${app}.br`))).toEqual(readFileSync(app));
    expect(gunzipSync(readFileSync(`${app}.gz`))).toEqual(readFileSync(app));
    expect(existsSync(join(root, 'assets', 'maps', 'world.json.br'))).toBe(true);
    expect(existsSync(join(root, 'index.html.br'))).toBe(false); // under 1 KiB
    expect(existsSync(join(root, 'assets', 'logo.png.br'))).toBe(false); // not text
    expect(existsSync(join(root, 'assets', 'noise.txt.br'))).toBe(false); // would not shrink
    expect(summary.files).toBe(3);
    expect(summary.brotliBytes).toBeLessThan(summary.bytes / 4);
  });
});

describe('acceptedCodings', () => {
  it('reads q-values and the wildcard, brotli first', () => {
    expect(acceptedCodings('gzip, deflate, br, zstd')).toEqual(['br', 'gzip']);
    expect(acceptedCodings('gzip')).toEqual(['gzip']);
    expect(acceptedCodings('br;q=0, gzip;q=0.5')).toEqual(['gzip']);
    expect(acceptedCodings('*')).toEqual(['br', 'gzip']);
    expect(acceptedCodings('*;q=0.1, br;q=0')).toEqual(['gzip']);
    expect(acceptedCodings('identity')).toEqual([]);
    expect(acceptedCodings(undefined)).toEqual([]);
  });
});

describe('serveWeb with compressed copies', () => {
  const root = builtWeb();
  const ready = precompressDirectory(root);
  const app = new Hono().use(serveWeb(root));

  it('sends the brotli copy to a browser that takes it, gzip to one that takes only gzip, the file to others', async () => {
    await ready;
    const original = readFileSync(join(root, 'assets', 'app.js'));
    const br = await app.request('/assets/app.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('Content-Encoding')).toBe('br');
    expect(br.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(br.headers.get('Vary')).toBe('Accept-Encoding');
    expect(br.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer()))).toEqual(original);

    const gz = await app.request('/assets/app.js', { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('Content-Encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer()))).toEqual(original);

    const plain = await app.request('/assets/app.js');
    expect(plain.headers.get('Content-Encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer())).toEqual(original);
  });

  it('sends a file without a copy as it is, and the app page for client routes', async () => {
    await ready;
    const logo = await app.request('/assets/logo.png', { headers: { 'Accept-Encoding': 'br' } });
    expect(logo.headers.get('Content-Encoding')).toBeNull();
    expect((await logo.arrayBuffer()).byteLength).toBe(4096);
    const page = await app.request('/countries/CAF', { headers: { 'Accept-Encoding': 'br' } });
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Tocsin</title>');
  });
});
