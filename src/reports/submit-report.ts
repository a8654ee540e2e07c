import { randomBytes } from 'node:crypto';
import type { Keyring, SealedEnvelope } from '../confidential/index.js';
import { TocsinError } from '../core/errors.js';
import type { Db, Queryable } from '../db/database.js';
import { taggingProblems } from '../groups/protected-group.js';
import { groupIdsOf, hasIdentity, type NewReport } from './report.js';

/** Crockford's base32 without I, L, O, U: a reference read over a phone is not misheard. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A random public reference such as 'R-7K2M-Q9XD-3F': 60 random bits, nothing about the report in it. */
export function newReference(): string {
  const bytes = randomBytes(12);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return `R-${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export const reportAad = (id: number) => `report:${id}:confidential`;
export const sourceAad = (id: number) => `report-source:${id}:identity`;

/** Refuses groups that do not exist or belong to another country, naming each. */
async function checkGroups(db: Queryable, r: NewReport): Promise<number[]> {
  const ids = groupIdsOf(r);
  if (ids.length === 0) return ids;
  const found = await db.query<{ id: number; country: string }>(
    'SELECT id, country_iso3 AS country FROM protected_groups WHERE id = ANY($1::integer[])',
    [ids],
  );
  const problems = taggingProblems('group', r.country, ids, found);
  if (problems.length > 0) throw new TocsinError('invalid_input', `groups: ${problems.join('; ')}`, { field: 'groups' });
  return ids;
}

const reserveIds = async (db: Queryable, table: 'reports' | 'report_sources', n: number) =>
  n === 0
    ? []
    : (
        await db.query<{ id: number }>(
          `SELECT nextval(pg_get_serial_sequence('${table}', 'id'))::integer AS id FROM generate_series(1, $1)`,
          [n],
        )
      ).map((r) => r.id);

export interface Submission {
  /** The signed-in submitter, or null for an anonymous one (no user, no address is ever stored). */
  userId: number | null;
  anonymous: boolean;
  /** Runs first in the storing transaction (spending an intake token), so a refused report spends nothing. */
  before?: (tx: Queryable) => Promise<void>;
}

/**
 * Stores a report with its sources and groups. Ids are reserved first so that every identity is
 * sealed for its row (aad 'report:{id}:confidential', 'report-source:{id}:identity') before
 * anything is written; the rows then go in one transaction already sealed: no plaintext ever
 * reaches the database, not even for the span of a transaction. The keyring is opened only when
 * there is something to seal.
 */
export async function submitReport(
  db: Db,
  keyring: () => Promise<Keyring>,
  r: NewReport,
  s: Submission,
): Promise<{ id: number; reference: string }> {
  const groups = await checkGroups(db, r);
  const [id] = await reserveIds(db, 'reports', 1);
  const sourceIds = await reserveIds(db, 'report_sources', r.sources.length);
  const needsKeys = r.confidential !== undefined || r.sources.some((x) => hasIdentity(x.identity));
  const ring = needsKeys ? await keyring() : null;
  const seal = (value: unknown, aad: string): Promise<SealedEnvelope> => ring!.seal(value, aad);
  const confidential = r.confidential ? await seal(r.confidential, reportAad(id!)) : null;
  const sources = await Promise.all(
    r.sources.map(async (x, i) => ({
      id: sourceIds[i]!,
      kind: x.kind,
      reliability: x.reliability,
      credibility: x.credibility,
      pseudonym: `Source ${i + 1}`,
      identity_sealed: hasIdentity(x.identity) ? await seal(x.identity, sourceAad(sourceIds[i]!)) : null,
    })),
  );
  const reference = newReference();
  await db.transaction(async (tx) => {
    await s.before?.(tx);
    await tx.query(
      `INSERT INTO reports (id, reference, date_start, date_end, country_iso3, admin1, admin2, location, latitude, longitude,
         acts, description, victims, perpetrators, fatalities, confidential_sealed, submitted_by, anonymous)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`,
      [
        id,
        reference,
        r.dateStart,
        r.dateEnd,
        r.country,
        r.admin1 ?? null,
        r.admin2 ?? null,
        r.location ?? null,
        r.latitude ?? null,
        r.longitude ?? null,
        r.acts,
        r.description,
        JSON.stringify(r.victims),
        JSON.stringify(r.perpetrators),
        r.fatalities ?? null,
        confidential === null ? null : JSON.stringify(confidential),
        s.anonymous ? null : s.userId,
        s.anonymous,
      ],
    );
    if (sources.length > 0)
      await tx.query(
        `INSERT INTO report_sources (id, report_id, kind, reliability, credibility, pseudonym, identity_sealed)
         SELECT x.id, $2, x.kind, x.reliability, x.credibility, x.pseudonym, x.identity_sealed
         FROM json_to_recordset($1::json) AS x(id integer, kind text, reliability text, credibility integer, pseudonym text, identity_sealed jsonb)`,
        [JSON.stringify(sources), id],
      );
    if (groups.length > 0)
      await tx.query('INSERT INTO report_groups (report_id, group_id) SELECT $1, unnest($2::integer[])', [id, groups]);
    await tx.query('INSERT INTO report_log (report_id, action, detail, user_id) VALUES ($1, $2, $3, $4)', [
      id,
      'submitted',
      JSON.stringify({ anonymous: s.anonymous, sources: sources.length }),
      s.anonymous ? null : s.userId,
    ]);
  });
  return { id: id!, reference };
}
