/**
 * Child of the evidence-store part: takes FILE into a fresh evidence locker (in-memory PGlite,
 * store under DIR) exactly as `tocsin evidence add` does. Prints one JSON line: seconds, bytes, sha256.
 */
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/open-database.js';
import { loadSigner } from '../../src/evidence/custody/signing-key.js';
import { evidenceIntakeSchema } from '../../src/evidence/evidence-item.js';
import { takeInEvidence } from '../../src/evidence/evidence.repository.js';

const [file, dir] = process.argv.slice(2);
if (!file || !dir) throw new Error('usage: evidence-store-child.ts FILE DIR');
const db = await openDatabase({ dataDir: 'memory://' });
const by = { userId: null, actor: 'bench', signer: await loadSigner(db, join(dir, 'keys')), now: () => new Date() };
const store = { dir: join(dir, 'evidence'), maxBytes: 4 * 1024 ** 3 };
const started = performance.now();
const r = await takeInEvidence(
  db,
  store,
  createReadStream(file, { highWaterMark: 1 << 20 }),
  evidenceIntakeSchema.parse({ originalName: 'bench.bin' }),
  by,
);
const seconds = (performance.now() - started) / 1000;
await db.close();
console.log(
  JSON.stringify({ seconds, bytes: r.item.sizeBytes, sha256: r.item.sha256, maxRssKb: process.resourceUsage().maxRSS }),
);
