/** The disclosures table: what was handed to whom, when, by whom, and the bundle's SHA-256. */
import type { Queryable } from '../../db/database.js';

/** One recorded disclosure. Times are ISO 8601 UTC. */
export interface Disclosure {
  id: number;
  recipient: string;
  purpose: string;
  itemIds: number[];
  bundleSha256: string;
  createdBy: string | null;
  createdAt: string;
}

const SELECT = `SELECT d.id, d.recipient, d.purpose, d.item_ids AS "itemIds", d.bundle_sha256 AS "bundleSha256",
  u.username AS "createdBy", to_char(d.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"
  FROM disclosures d LEFT JOIN users u ON u.id = d.created_by`;

/** A fresh disclosure id, taken before the bundle is written (its custody entries name it). */
export async function reserveDisclosureId(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('disclosures', 'id'))::int AS id`);
  return row!.id;
}

export async function recordDisclosure(
  tx: Queryable,
  d: {
    id: number;
    recipient: string;
    purpose: string;
    itemIds: readonly number[];
    bundleSha256: string;
    userId: number | null;
    at: Date;
  },
): Promise<Disclosure> {
  await tx.query(
    `INSERT INTO disclosures (id, recipient, purpose, item_ids, bundle_sha256, created_by, created_at)
     VALUES ($1, $2, $3, $4::int[], $5, $6, $7)`,
    [d.id, d.recipient, d.purpose, d.itemIds, d.bundleSha256, d.userId, d.at.toISOString()],
  );
  const [row] = await tx.query<Disclosure>(`${SELECT} WHERE d.id = $1`, [d.id]);
  return row!;
}

/** Disclosures, newest first. */
export async function listDisclosures(db: Queryable, o: { limit: number }): Promise<Disclosure[]> {
  return db.query<Disclosure>(`${SELECT} ORDER BY d.id DESC LIMIT $1`, [o.limit]);
}
