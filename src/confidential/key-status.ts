import type { Queryable } from '../db/database.js';
import { listDataKeys, type StoredDataKey } from './data-keys.repository.js';
import { sqlName, type Resealer } from './sealed-columns.js';

export interface DataKeyStatus extends Omit<StoredDataKey, 'wrappedKey'> {
  /** Fields sealed with this key, over every registered column. */
  fields: number;
}

/** The data keys (never their key material) and how many sealed fields each still holds. */
export async function dataKeyStatus(q: Queryable, columns: readonly Resealer[]): Promise<DataKeyStatus[]> {
  const uses = new Map<number, number>();
  for (const c of columns) {
    const col = sqlName(c.column);
    const rows = await q.query<{ k: number; n: number }>(
      `SELECT (${col}->>'k')::int AS k, count(*)::int AS n FROM ${sqlName(c.table)} WHERE ${col} IS NOT NULL GROUP BY 1`,
    );
    for (const r of rows) uses.set(r.k, (uses.get(r.k) ?? 0) + r.n);
  }
  return (await listDataKeys(q)).map(({ wrappedKey: _w, ...k }) => ({ ...k, fields: uses.get(k.id) ?? 0 }));
}
