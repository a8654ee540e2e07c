import type { IsoDate } from '../core/brand.js';
import { TocsinError } from '../core/errors.js';
import type { Db, Queryable } from '../db/database.js';
import type { MeasureKind, MeasureStatus, WarningMeasure } from './measure.js';
import type { MeasureUpdate, NewMeasure } from './measure-input.js';
import { checkMeasureUpdate, whyNoMeasures } from './measure-rules.js';

interface MeasureRow {
  id: number;
  warning_id: number;
  catalogue_id: string | null;
  kind: MeasureKind | null;
  title: string;
  owner: string;
  owner_user: string | null;
  status: MeasureStatus;
  due_date: string | null;
  outcome: string | null;
  created_by: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const SELECT_MEASURES = `
  SELECT m.id, m.warning_id, m.catalogue_id, c.kind, m.title, m.owner, ou.username AS owner_user, m.status, m.due_date,
         m.outcome, cu.username AS created_by, m.created_at, m.updated_at
  FROM warning_measures m
  LEFT JOIN measure_catalogue c ON c.id = m.catalogue_id
  LEFT JOIN users ou ON ou.id = m.owner_user_id
  LEFT JOIN users cu ON cu.id = m.created_by`;

const toMeasure = (r: MeasureRow): WarningMeasure => ({
  id: r.id,
  warningId: r.warning_id,
  catalogueId: r.catalogue_id,
  kind: r.kind,
  title: r.title,
  owner: r.owner,
  ownerUser: r.owner_user,
  status: r.status,
  dueDate: r.due_date,
  outcome: r.outcome,
  createdBy: r.created_by,
  createdAt: new Date(r.created_at).toISOString(),
  updatedAt: new Date(r.updated_at).toISOString(),
});

/** One measure, or not_found. */
export async function getMeasure(db: Queryable, id: number): Promise<WarningMeasure> {
  const [r] = await db.query<MeasureRow>(`${SELECT_MEASURES} WHERE m.id = $1`, [id]);
  if (!r) throw new TocsinError('not_found', `no measure ${id}`);
  return toMeasure(r);
}

/** Measures of one warning, or every measure overdue on `today` (due before it, neither done nor abandoned). */
export async function listMeasures(
  db: Queryable,
  filter: { warningId?: number | undefined; overdueOn?: IsoDate | undefined },
): Promise<WarningMeasure[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.warningId !== undefined) where.push(`m.warning_id = $${params.push(filter.warningId)}`);
  if (filter.overdueOn !== undefined)
    where.push(`m.due_date < $${params.push(filter.overdueOn)}::date AND m.status NOT IN ('done', 'abandoned')`);
  const rows = await db.query<MeasureRow>(
    `${SELECT_MEASURES} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY m.due_date NULLS LAST, m.warning_id, m.id`,
    params,
  );
  return rows.map(toMeasure);
}

const checkUser = async (tx: Queryable, id: number, field: string): Promise<void> => {
  const [u] = await tx.query('SELECT 1 FROM users WHERE id = $1', [id]);
  if (!u) throw new TocsinError('invalid_input', `${field}: no user ${id}`, { field });
};

/**
 * Adds a measure to a warning (refused on a closed warning, with why). In the same transaction, a
 * warning decided 'act' moves to status 'measures', and 'measure-added' is logged on the warning.
 */
export async function addMeasure(
  db: Db,
  warningId: number,
  m: NewMeasure,
  o: { by: number | null; now: Date },
): Promise<{ measure: WarningMeasure; warningStatus: string }> {
  const id = await db.transaction(async (tx) => {
    const [w] = await tx.query<{ status: string; closed_at: Date | string | null }>(
      'SELECT status, closed_at FROM warnings WHERE id = $1 FOR UPDATE',
      [warningId],
    );
    if (!w) throw new TocsinError('not_found', `no warning ${warningId}`);
    const why = whyNoMeasures({ id: warningId, status: w.status, closedAt: w.closed_at && new Date(w.closed_at).toISOString() });
    if (why) throw new TocsinError('conflict', why);
    let title = m.title;
    if (m.catalogueId !== undefined) {
      const [c] = await tx.query<{ title: string; active: boolean }>(
        'SELECT title, active FROM measure_catalogue WHERE id = $1',
        [m.catalogueId],
      );
      if (!c?.active)
        throw new TocsinError('invalid_input', `catalogueId: no ${c ? 'active ' : ''}catalogue measure "${m.catalogueId}"`, {
          field: 'catalogueId',
        });
      title ??= c.title;
    }
    if (m.ownerUserId !== undefined) await checkUser(tx, m.ownerUserId, 'ownerUserId');
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO warning_measures (warning_id, catalogue_id, title, owner, owner_user_id, due_date, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
      [warningId, m.catalogueId ?? null, title, m.owner, m.ownerUserId ?? null, m.dueDate ?? null, o.by, o.now],
    );
    const moved = await tx.query(
      `UPDATE warnings SET status = 'measures' WHERE id = $1 AND status = 'decided' AND decision = 'act' RETURNING id`,
      [warningId],
    );
    await tx.query(`INSERT INTO warning_log (warning_id, action, detail, user_id, at) VALUES ($1, 'measure-added', $2, $3, $4)`, [
      warningId,
      JSON.stringify({ measureId: row!.id, title, catalogueId: m.catalogueId ?? null, statusChanged: moved.length > 0 }),
      o.by,
      o.now,
    ]);
    return row!.id;
  });
  const [w] = await db.query<{ status: string }>('SELECT status FROM warnings WHERE id = $1', [warningId]);
  return { measure: await getMeasure(db, id), warningStatus: w!.status };
}

/** Changes a measure's status, outcome, owner or due date (see `checkMeasureUpdate`); logged on its warning. */
export async function updateMeasure(
  db: Db,
  id: number,
  u: MeasureUpdate,
  o: { by: number | null; now: Date },
): Promise<WarningMeasure> {
  await db.transaction(async (tx) => {
    const [cur] = await tx.query<{ warning_id: number; status: MeasureStatus; outcome: string | null }>(
      'SELECT warning_id, status, outcome FROM warning_measures WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (!cur) throw new TocsinError('not_found', `no measure ${id}`);
    const next = checkMeasureUpdate({ id, status: cur.status, outcome: cur.outcome }, u);
    if (u.ownerUserId) await checkUser(tx, u.ownerUserId, 'ownerUserId');
    await tx.query(
      `UPDATE warning_measures SET status = $2, outcome = $3,
         owner = COALESCE($4, owner),
         owner_user_id = CASE WHEN $5 THEN $6::integer ELSE owner_user_id END,
         due_date = CASE WHEN $7 THEN $8::date ELSE due_date END,
         updated_at = $9
       WHERE id = $1`,
      [
        id,
        next.status,
        next.outcome,
        u.owner ?? null,
        u.ownerUserId !== undefined,
        u.ownerUserId ?? null,
        u.dueDate !== undefined,
        u.dueDate ?? null,
        o.now,
      ],
    );
    await tx.query(
      `INSERT INTO warning_log (warning_id, action, detail, user_id, at) VALUES ($1, 'measure-updated', $2, $3, $4)`,
      [
        cur.warning_id,
        JSON.stringify({ measureId: id, from: cur.status, to: next.status, changed: Object.keys(u) }),
        o.by,
        o.now,
      ],
    );
  });
  return getMeasure(db, id);
}
