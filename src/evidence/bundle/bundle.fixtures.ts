/**
 * Test support for disclosure bundles: a locker with a text file, a PNG and a web capture (page +
 * screenshot), and tools to tamper with a zip as an adversary would (rewrite one part, patch the
 * central directory). Test-only; small files, so whole parts are held in memory here.
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import yauzl from 'yauzl';
import yazl from 'yazl';
import { createUser } from '../../access/users.repository.js';
import type { Db } from '../../db/database.js';
import { generateSigner, registerSigner, type CustodySigner } from '../custody/signing-key.js';
import { evidenceIntakeSchema } from '../evidence-item.js';
import { takeInEvidence, type LockerActor } from '../evidence.repository.js';
import type { EvidenceStore } from '../store/evidence-paths.js';

/** A PNG signature and IHDR chunk: enough for the media-type sniffer. */
const png = (seed: number): Buffer =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
    Buffer.from('IHDR'),
    Buffer.from([0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0, seed, seed, seed, seed]),
    Buffer.alloc(200, seed),
  ]);

export interface Locker {
  store: EvidenceStore;
  by: LockerActor;
  dir: string;
  ids: { text: number; photo: number; page: number; screenshot: number };
}

/** A store (in a temporary directory unless given), an investigator, a signing key and four items. */
export async function lockerWithItems(
  db: Db,
  o: { username?: string; store?: EvidenceStore; signer?: CustodySigner } = {},
): Promise<Locker> {
  const username = o.username ?? 'investigator-b';
  const dir = await mkdtemp(join(tmpdir(), 'tocsin-bundle-'));
  const store = o.store ?? { dir: join(dir, 'evidence'), maxBytes: 10 << 20 };
  const user = await createUser(db, { username, password: 'a long enough password 1', role: 'investigator' });
  const signer = o.signer ?? generateSigner();
  await registerSigner(db, signer);
  let t = Date.parse('2024-05-01T10:00:00Z');
  const by: LockerActor = { userId: user.id, actor: username, signer, now: () => new Date((t += 60_000)) };
  const add = async (bytes: Buffer, o: Record<string, unknown>) =>
    (await takeInEvidence(db, store, Readable.from([bytes]), evidenceIntakeSchema.parse(o), by)).item;
  const text = await add(Buffer.from('Witness statement, Bangui, 3 May 2024.\n'.repeat(20)), { originalName: 'statement.txt' });
  const photo = await add(png(7), { originalName: 'photo.png', claimedType: 'image/png' });
  const screenshot = await add(png(9), { originalName: 'capture.png' });
  const page = await add(Buffer.from('<!doctype html><html><body><p>Post</p></body></html>\n'), {
    originalName: 'post.html',
    kind: 'web-capture',
    sourceUrl: 'https://example.org/post/1',
    captureTool: 'Hunchly 2.4',
    capturedAt: '2024-05-01T09:00:00Z',
    screenshotSha256: screenshot.sha256,
  });
  return { store, by, dir, ids: { text: text.id, photo: photo.id, page: page.id, screenshot: screenshot.id } };
}

/** Every entry of a zip, whole (test-only). */
export async function readZipParts(path: string): Promise<{ name: string; bytes: Buffer }[]> {
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  const parts: { name: string; bytes: Buffer }[] = [];
  for await (const entry of zip.eachEntry()) {
    const chunks: Buffer[] = [];
    for await (const c of (await zip.openReadStreamPromise(entry)) as AsyncIterable<Buffer>) chunks.push(c);
    parts.push({ name: entry.fileName, bytes: Buffer.concat(chunks) });
  }
  zip.close();
  return parts;
}

/** Writes a zip of `parts` (deflated) to `out`. */
export async function writeZipParts(out: string, parts: readonly { name: string; bytes: Buffer }[]): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const p of parts) zip.addBuffer(p.bytes, p.name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const c of zip.outputStream as AsyncIterable<Buffer>) chunks.push(c);
  await writeFile(out, Buffer.concat(chunks));
}

/** A copy of the bundle with its parts edited. */
export async function tamperedCopy(
  src: string,
  out: string,
  edit: (parts: { name: string; bytes: Buffer }[]) => { name: string; bytes: Buffer }[],
): Promise<string> {
  await writeZipParts(out, edit(await readZipParts(src)));
  return out;
}

/** The part's bytes with one byte changed: the first occurrence of `marker` (or offset 0) gets its first byte flipped. */
export function changeOneByte(bytes: Buffer, marker?: string): Buffer {
  const copy = Buffer.from(bytes);
  const at = marker === undefined ? 0 : copy.indexOf(marker);
  if (at < 0) throw new Error(`marker ${marker} not found`);
  copy[at] = copy[at]! ^ 0x01;
  return copy;
}

/** Rewrites an entry name in both the local header and the central directory (same length). */
export async function renameInPlace(path: string, from: string, to: string): Promise<void> {
  if (from.length !== to.length) throw new Error('names must have the same length');
  const zip = await readFile(path);
  let at = zip.indexOf(from);
  while (at >= 0) {
    zip.write(to, at, 'latin1');
    at = zip.indexOf(from, at + 1);
  }
  await writeFile(path, zip);
}

/** Sets the uncompressed size the central directory declares for `name`. */
export async function declareSize(path: string, name: string, size: number): Promise<void> {
  const zip = await readFile(path);
  const header = zip.lastIndexOf(name) - 46;
  if (zip.readUInt32LE(header) !== 0x02014b50) throw new Error('central directory header not found');
  zip.writeUInt32LE(size, header + 24);
  await writeFile(path, zip);
}
