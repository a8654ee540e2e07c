import { TocsinError } from '../core/errors.js';
import type { Db, Queryable } from '../db/database.js';
import { taggingProblems, type GroupPatch, type NewGroup, type ProtectedGroup } from './protected-group.js';

interface GroupRow {
  id: number;
  country_iso3: string;
  name: string;
  kind: ProtectedGroup['kind'];
  areas: string[];
  notes: string;
  created_by: string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

const iso = (t: Date | string): string => new Date(t).toISOString();
const toGroup = (r: GroupRow): ProtectedGroup => ({
  id: r.id,
  country: r.country_iso3,
  name: r.name,
  kind: r.kind,
  areas: r.areas,
  notes: r.notes,
  createdBy: r.created_by,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

const SELECT = `SELECT g.id, g.country_iso3, g.name, g.kind, g.areas, g.notes, u.username AS created_by, g.created_at, g.updated_at
  FROM protected_groups g LEFT JOIN users u ON u.id = g.created_by`;

/** Groups of one country (or of all), by country and name. */
export async function listGroups(db: Queryable, f: { country?: string | undefined } = {}): Promise<ProtectedGroup[]> {
  const rows = f.country
    ? await db.query<GroupRow>(`${SELECT} WHERE g.country_iso3 = $1 ORDER BY g.name`, [f.country])
    : await db.query<GroupRow>(`${SELECT} ORDER BY g.country_iso3, g.name`);
  return rows.map(toGroup);
}

export async function getGroup(db: Queryable, id: number): Promise<ProtectedGroup> {
  const [row] = await db.query<GroupRow>(`${SELECT} WHERE g.id = $1`, [id]);
  if (!row) throw new TocsinError('not_found', `no protected group ${id}`);
  return toGroup(row);
}

const nameTaken = (country: string, name: string) =>
  new TocsinError('conflict', `${country} already has a group named "${name}"`, { field: 'name' });

/** Records a group; a name is unique within its country. */
export async function createGroup(db: Queryable, g: NewGroup, userId: number | null): Promise<ProtectedGroup> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO protected_groups (country_iso3, name, kind, areas, notes, created_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (country_iso3, name) DO NOTHING RETURNING id`,
    [g.country, g.name, g.kind, g.areas, g.notes, userId],
  );
  if (!row) throw nameTaken(g.country, g.name);
  return getGroup(db, row.id);
}

/** Changes a group's name, kind, areas or notes. */
export async function updateGroup(db: Queryable, id: number, p: GroupPatch): Promise<ProtectedGroup> {
  const current = await getGroup(db, id);
  if (p.name !== undefined && p.name !== current.name) {
    const [other] = await db.query('SELECT 1 FROM protected_groups WHERE country_iso3 = $1 AND name = $2', [
      current.country,
      p.name,
    ]);
    if (other) throw nameTaken(current.country, p.name);
  }
  await db.query(
    `UPDATE protected_groups SET name = COALESCE($2, name), kind = COALESCE($3, kind), areas = COALESCE($4, areas),
       notes = COALESCE($5, notes), updated_at = now() WHERE id = $1`,
    [id, p.name ?? null, p.kind ?? null, p.areas ?? null, p.notes ?? null],
  );
  return getGroup(db, id);
}

/**
 * Deletes a group that nothing names yet. A group tagged on events, or named by an assessment or a
 * warning, is refused with the counts: its record would otherwise vanish from that history.
 */
export async function deleteGroup(db: Db, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.query<{ events: number; assessments: number; warnings: number }>(
      `SELECT (SELECT count(*)::int FROM event_groups WHERE group_id = g.id) AS events,
              (SELECT count(*)::int FROM assessments WHERE group_id = g.id) AS assessments,
              (SELECT count(*)::int FROM warning_groups WHERE group_id = g.id) AS warnings
       FROM protected_groups g WHERE g.id = $1 FOR UPDATE`,
      [id],
    );
    if (!row) throw new TocsinError('not_found', `no protected group ${id}`);
    const uses = Object.entries(row).filter(([, n]) => n > 0);
    if (uses.length)
      throw new TocsinError(
        'conflict',
        `protected group ${id} is named by ${uses.map(([what, n]) => `${n} ${n === 1 ? what.slice(0, -1) : what}`).join(', ')}; it stays on the record (untag its events first if they were tagged by mistake)`,
        row,
      );
    await tx.query('DELETE FROM protected_groups WHERE id = $1', [id]);
  });
}

const refuse = (problems: string[], field: string) => {
  if (problems.length)
    throw new TocsinError(
      'invalid_input',
      `${field}: ${problems.slice(0, 20).join('; ')}${problems.length > 20 ? '; ...' : ''}`,
      {
        field,
        problems,
      },
    );
};

/** Tags events with a group; every event must be in the group's country. Returns how many tags are new. */
export async function tagEvents(
  db: Queryable,
  groupId: number,
  eventIds: readonly number[],
  userId: number | null,
): Promise<number> {
  const group = await getGroup(db, groupId);
  const found = await db.query<{ id: number; country: string | null }>(
    'SELECT id, country_iso3 AS country FROM events WHERE id = ANY($1::bigint[])',
    [eventIds],
  );
  refuse(taggingProblems('event', group.country, eventIds, found), 'eventIds');
  const added = await db.query(
    `INSERT INTO event_groups (event_id, group_id, tagged_by) SELECT unnest($1::bigint[]), $2, $3
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [[...new Set(eventIds)], groupId, userId],
  );
  return added.length;
}

/** Removes a group's tag from events; returns how many tags were removed. */
export async function untagEvents(db: Queryable, groupId: number, eventIds: readonly number[]): Promise<number> {
  await getGroup(db, groupId);
  const removed = await db.query(
    'DELETE FROM event_groups WHERE group_id = $1 AND event_id = ANY($2::bigint[]) RETURNING event_id',
    [groupId, eventIds],
  );
  return removed.length;
}

/** The groups each event concerns (events with none are absent from the map). */
export async function groupsOfEvents(db: Queryable, eventIds: readonly number[]): Promise<Map<number, ProtectedGroup[]>> {
  const rows = await db.query<GroupRow & { event_id: number }>(
    `SELECT eg.event_id, g.id, g.country_iso3, g.name, g.kind, g.areas, g.notes, u.username AS created_by, g.created_at, g.updated_at
     FROM event_groups eg JOIN protected_groups g ON g.id = eg.group_id LEFT JOIN users u ON u.id = g.created_by
     WHERE eg.event_id = ANY($1::bigint[]) ORDER BY eg.event_id, g.name`,
    [eventIds],
  );
  const out = new Map<number, ProtectedGroup[]>();
  for (const r of rows) out.set(r.event_id, [...(out.get(r.event_id) ?? []), toGroup(r)]);
  return out;
}

async function eventCountry(db: Queryable, eventId: number): Promise<string | null> {
  const [event] = await db.query<{ country: string | null }>('SELECT country_iso3 AS country FROM events WHERE id = $1', [
    eventId,
  ]);
  if (!event) throw new TocsinError('not_found', `no event ${eventId}`);
  return event.country;
}

/** The groups one event concerns. */
export async function groupsOfEvent(db: Queryable, eventId: number): Promise<ProtectedGroup[]> {
  await eventCountry(db, eventId);
  return (await groupsOfEvents(db, [eventId])).get(eventId) ?? [];
}

/** Replaces the groups an event concerns with `groupIds` (all of the event's country); returns them. */
export async function setEventGroups(
  db: Db,
  eventId: number,
  groupIds: readonly number[],
  userId: number | null,
): Promise<ProtectedGroup[]> {
  await db.transaction(async (tx) => {
    const country = await eventCountry(tx, eventId);
    if (groupIds.length && country === null)
      throw new TocsinError('invalid_input', `event ${eventId} has no country, so no group can be tagged on it`, {
        field: 'groupIds',
      });
    const found = await tx.query<{ id: number; country: string }>(
      'SELECT id, country_iso3 AS country FROM protected_groups WHERE id = ANY($1::int[])',
      [groupIds],
    );
    refuse(taggingProblems('group', country ?? '', groupIds, found), 'groupIds');
    await tx.query('DELETE FROM event_groups WHERE event_id = $1 AND NOT (group_id = ANY($2::int[]))', [eventId, groupIds]);
    await tx.query(
      `INSERT INTO event_groups (event_id, group_id, tagged_by) SELECT $1, unnest($2::int[]), $3 ON CONFLICT DO NOTHING`,
      [eventId, [...new Set(groupIds)], userId],
    );
  });
  return groupsOfEvent(db, eventId);
}
