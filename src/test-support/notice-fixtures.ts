import type { Role } from '../access/roles.js';
import type { Queryable } from '../db/database.js';
import type { WarningNotice } from '../warnings/notify/notice.js';

/** Inserts a raised warning straight into the table (the notifications outbox refers to it) and returns its notice. */
export async function insertWarning(db: Queryable, title = 'Killings of civilians in the north'): Promise<WarningNotice> {
  const [w] = await db.query<{ id: number }>(
    `INSERT INTO warnings (title, summary, severity, country_iso3, admin1, origin, raised_at, ack_due_at, decide_due_at)
     VALUES ($1, 'Reports of attacks on villages.', 'critical', 'SDN', 'North Darfur', 'manual',
             '2026-03-01T10:00:00Z', '2026-03-02T10:00:00Z', '2026-03-04T10:00:00Z')
     RETURNING id`,
    [title],
  );
  const id = w!.id;
  return {
    warningId: id,
    title,
    severity: 'critical',
    country: 'SDN',
    countryName: 'Sudan',
    admin1: 'North Darfur',
    status: 'raised',
    tier: 0,
    ackDueAt: '2026-03-02T10:00:00.000Z',
    decideDueAt: '2026-03-04T10:00:00.000Z',
    summary: 'Reports of attacks on villages.',
    url: `https://tocsin.example.org/warnings/${id}`,
  };
}

/** Inserts a user with an address (no usable password: these users only receive mail). */
export async function insertRecipient(
  db: Queryable,
  u: { username: string; role: Role; email: string | null; disabled?: boolean },
): Promise<number> {
  const [r] = await db.query<{ id: number }>(
    `INSERT INTO users (username, role, email, disabled, password_hash) VALUES ($1, $2, $3, $4, 'none') RETURNING id`,
    [u.username, u.role, u.email, u.disabled ?? false],
  );
  return r!.id;
}
