import { TocsinError } from '../core/errors.js';
import type { Db, Queryable } from '../db/database.js';
import { activateDataKey, insertDataKey, listDataKeys, rewrapDataKey } from './data-keys.repository.js';
import { keyFingerprint, requireKeyLength, sealWith, wrapKey, type SealedEnvelope } from './envelope.js';
import { keyringImpl, KeyringImpl, type Keyring } from './keyring.js';
import type { MasterKeySource } from './master-key.js';
import { sqlName, type Resealer } from './sealed-columns.js';

export interface DataKeyRotation {
  newKeyId: number;
  retiredKeyId: number | null;
  /** Fields re-sealed, by 'table.column'. */
  resealed: Record<string, number>;
}

async function resealColumn(tx: Queryable, ring: KeyringImpl, r: Resealer, key: { id: number; key: Buffer }): Promise<number> {
  const table = sqlName(r.table);
  const idColumn = sqlName(r.idColumn);
  const column = sqlName(r.column);
  const rows = await tx.query<{ id: number; sealed: unknown }>(
    `SELECT ${idColumn} AS id, ${column} AS sealed FROM ${table} WHERE ${column} IS NOT NULL ORDER BY ${idColumn} FOR UPDATE`,
  );
  for (const row of rows) {
    const aad = r.aad({ id: row.id });
    const value = await ring.openIn<unknown>(tx, row.sealed, aad);
    const sealed: SealedEnvelope = sealWith(key.id, key.key, value, aad);
    await tx.query(`UPDATE ${table} SET ${column} = $2::jsonb WHERE ${idColumn} = $1`, [row.id, JSON.stringify(sealed)]);
  }
  return rows.length;
}

/**
 * Makes a new active data key, re-seals every field of the registered columns with it and retires the
 * old key, in one transaction: a field that does not open stops the rotation and nothing changes.
 */
export async function rotateDataKey(db: Db, keyring: Keyring, reseal: readonly Resealer[]): Promise<DataKeyRotation> {
  const ring = keyringImpl(keyring);
  return db.transaction(async (tx) => {
    await listDataKeys(tx, { lock: true }); // one rotation at a time
    const made = await insertDataKey(tx, ring.master, { active: false });
    if (!made) throw new TocsinError('internal', 'the new data key was not stored');
    const resealed: Record<string, number> = {};
    for (const r of reseal) resealed[`${r.table}.${r.column}`] = await resealColumn(tx, ring, r, made);
    const retiredKeyId = await activateDataKey(tx, made.id);
    return { newKeyId: made.id, retiredKeyId, resealed };
  });
}

/**
 * Re-wraps every data key (active and retired) with `newMasterKey`, in one transaction, and returns the
 * keyring of the new key. The old keyring forgets its data keys: the old master key opens nothing more.
 */
export async function rotateMasterKey(
  db: Db,
  oldKeyring: Keyring,
  newMasterKey: Buffer,
  newSource: MasterKeySource = { kind: 'env' },
): Promise<{ keyring: Keyring; rewrapped: number }> {
  requireKeyLength(newMasterKey, 'new master key');
  const old = keyringImpl(oldKeyring);
  const next = { key: newMasterKey, id: keyFingerprint(newMasterKey), source: newSource };
  if (next.id === old.master.id)
    throw new TocsinError('invalid_input', 'the new master key is the one in use', { field: 'new key' });
  const rewrapped = await db.transaction(async (tx) => {
    const keys = await listDataKeys(tx, { lock: true });
    for (const k of keys) await rewrapDataKey(tx, k.id, next.id, wrapKey(next.key, old.unwrap(k)));
    return keys.length;
  });
  old.forget();
  return { keyring: new KeyringImpl(db, next), rewrapped };
}
