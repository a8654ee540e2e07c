/**
 * Custody key rotation: a new Ed25519 key becomes the instance key; the old one is retired but its
 * public key stays in signing_keys so old entries still verify; every item's chain gets a
 * 'key-rotated' entry, signed by the NEW key, naming the old key id.
 */
import { rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '../../db/database.js';
import { appendCustody } from './custody.repository.js';
import { CUSTODY_KEY_FILE, generateSigner, loadSigner, registerSigner, type CustodySigner } from './signing-key.js';

export interface RotationResult {
  oldKeyId: string;
  newKeyId: string;
  itemsNoted: number;
}

/**
 * Rotates the key in `keysDir`. The new key is written beside the old one first, the database
 * records the change in one transaction, and only then the new file replaces the old, so a failure
 * at any point leaves a key file that matches the active key.
 */
export async function rotateCustodyKey(db: Db, keysDir: string, actor: string, now: Date): Promise<RotationResult> {
  const old = await loadSigner(db, keysDir);
  const next: CustodySigner = generateSigner();
  const pending = join(keysDir, `${CUSTODY_KEY_FILE}.new`);
  await writeFile(pending, next.privateKeyPem, { mode: 0o600 });
  try {
    const itemsNoted = await db.transaction(async (tx) => {
      await registerSigner(tx, next);
      await tx.query('UPDATE signing_keys SET retired_at = $2 WHERE id = $1', [old.keyId, now.toISOString()]);
      const items = await tx.query<{ id: number; sha256: string }>('SELECT id, sha256 FROM evidence_items ORDER BY id');
      for (const item of items)
        await appendCustody(tx, item, 'key-rotated', actor, { oldKeyId: old.keyId, newKeyId: next.keyId }, now, next);
      return items.length;
    });
    await rename(pending, join(keysDir, CUSTODY_KEY_FILE));
    return { oldKeyId: old.keyId, newKeyId: next.keyId, itemsNoted };
  } catch (e) {
    await rm(pending, { force: true });
    throw e;
  }
}
