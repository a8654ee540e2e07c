/** The custody_log table: appending signed entries to an item's chain, and reading chains back. */
import { TocsinError } from '../../core/errors.js';
import type { Queryable } from '../../db/database.js';
import { GENESIS_HASH, sealEntry, type CustodyAction, type CustodyEntry } from './custody-chain.js';
import type { CustodySigner } from './signing-key.js';

/** The item an entry is about. */
export interface CustodyItemRef {
  id: number;
  sha256: string;
}

const ENTRY_COLUMNS = `item_id AS "itemId", i.sha256 AS "itemSha256", seq, action, actor,
  to_char(c.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, detail, prev_hash AS "prevHash",
  entry_hash AS "entryHash", key_id AS "keyId", signature`;

/**
 * Appends one signed entry to the item's chain. The item row is locked (FOR UPDATE) so two writers
 * cannot take the same seq; run it inside the transaction that does the thing being logged.
 */
export async function appendCustody(
  tx: Queryable,
  item: CustodyItemRef,
  action: CustodyAction,
  actor: string,
  detail: Record<string, unknown>,
  now: Date,
  signer: CustodySigner,
): Promise<CustodyEntry> {
  const [locked] = await tx.query<{ id: number }>('SELECT id FROM evidence_items WHERE id = $1 FOR UPDATE', [item.id]);
  if (!locked) throw new TocsinError('not_found', `no evidence item ${item.id}`);
  const [last] = await tx.query<{ seq: number; entry_hash: string }>(
    'SELECT seq, entry_hash FROM custody_log WHERE item_id = $1 ORDER BY seq DESC LIMIT 1',
    [item.id],
  );
  const entry = sealEntry(
    {
      itemId: item.id,
      itemSha256: item.sha256,
      seq: (last?.seq ?? 0) + 1,
      action,
      actor,
      at: new Date(Math.floor(now.getTime())).toISOString(),
      detail,
      prevHash: last?.entry_hash ?? GENESIS_HASH,
      keyId: signer.keyId,
    },
    signer.privateKeyPem,
  );
  await tx.query(
    `INSERT INTO custody_log (item_id, seq, action, actor, at, detail, prev_hash, entry_hash, key_id, signature)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      entry.itemId,
      entry.seq,
      entry.action,
      entry.actor,
      entry.at,
      JSON.stringify(entry.detail),
      entry.prevHash,
      entry.entryHash,
      entry.keyId,
      entry.signature,
    ],
  );
  return entry;
}

/** One item's chain, oldest first. */
export async function readCustodyChain(db: Queryable, itemId: number): Promise<CustodyEntry[]> {
  return db.query<CustodyEntry>(
    `SELECT ${ENTRY_COLUMNS} FROM custody_log c JOIN evidence_items i ON i.id = c.item_id WHERE item_id = $1 ORDER BY seq`,
    [itemId],
  );
}

/** Every chain (or those of `itemIds`), ordered by item then seq. */
export async function readCustodyChains(db: Queryable, itemIds?: readonly number[]): Promise<CustodyEntry[]> {
  return itemIds
    ? db.query<CustodyEntry>(
        `SELECT ${ENTRY_COLUMNS} FROM custody_log c JOIN evidence_items i ON i.id = c.item_id WHERE item_id = ANY($1::int[]) ORDER BY item_id, seq`,
        [itemIds],
      )
    : db.query<CustodyEntry>(
        `SELECT ${ENTRY_COLUMNS} FROM custody_log c JOIN evidence_items i ON i.id = c.item_id ORDER BY item_id, seq`,
      );
}
