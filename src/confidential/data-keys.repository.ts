import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { KEY_BYTES, wrapKey } from './envelope.js';

/** A data key as stored: wrapped by the master key named by `masterKeyId`. */
export interface StoredDataKey {
  id: number;
  masterKeyId: string;
  wrappedKey: string;
  active: boolean;
  createdAt: string;
  retiredAt: string | null;
}

const COLUMNS = `id, master_key_id AS "masterKeyId", wrapped_key AS "wrappedKey", active,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt",
  to_char(retired_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "retiredAt"`;

export async function listDataKeys(q: Queryable, o: { lock?: boolean } = {}): Promise<StoredDataKey[]> {
  return q.query<StoredDataKey>(`SELECT ${COLUMNS} FROM data_keys ORDER BY id${o.lock ? ' FOR UPDATE' : ''}`);
}

export async function getDataKey(q: Queryable, id: number): Promise<StoredDataKey | undefined> {
  const [row] = await q.query<StoredDataKey>(`SELECT ${COLUMNS} FROM data_keys WHERE id = $1`, [id]);
  return row;
}

export async function getActiveDataKey(q: Queryable): Promise<StoredDataKey | undefined> {
  const [row] = await q.query<StoredDataKey>(`SELECT ${COLUMNS} FROM data_keys WHERE active`);
  return row;
}

/** Stores a fresh random data key wrapped by the master key; returns its id and the raw key. */
export async function insertDataKey(
  q: Queryable,
  master: { key: Buffer; id: string },
  o: { active: boolean },
): Promise<{ id: number; key: Buffer } | null> {
  const key = randomBytes(KEY_BYTES);
  // ON CONFLICT: another process made the active key at the same moment; the caller reads theirs.
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO data_keys (master_key_id, wrapped_key, active) VALUES ($1, $2, $3)
     ON CONFLICT (active) WHERE active DO NOTHING RETURNING id`,
    [master.id, wrapKey(master.key, key), o.active],
  );
  return row ? { id: row.id, key } : null;
}

/** Makes `id` the one active key, retiring the one active before it. */
export async function activateDataKey(q: Queryable, id: number): Promise<number | null> {
  const [old] = await q.query<{ id: number }>(
    'UPDATE data_keys SET active = false, retired_at = now() WHERE active AND id <> $1 RETURNING id',
    [id],
  );
  await q.query('UPDATE data_keys SET active = true, retired_at = NULL WHERE id = $1', [id]);
  return old?.id ?? null;
}

export async function rewrapDataKey(q: Queryable, id: number, masterKeyId: string, wrappedKey: string): Promise<void> {
  await q.query('UPDATE data_keys SET master_key_id = $2, wrapped_key = $3 WHERE id = $1', [id, masterKeyId, wrappedKey]);
}
