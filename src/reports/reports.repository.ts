import type { IsoDate } from '../core/brand.js';
import { TocsinError } from '../core/errors.js';
import type { Queryable } from '../db/database.js';
import { SEALED, type Act, type Report, type ReportSourceView, type ReportStatus } from './report.js';

interface ReportRow {
  id: number;
  reference: string;
  status: ReportStatus;
  date_start: IsoDate;
  date_end: IsoDate;
  country_iso3: string;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  acts: Act[];
  description: string;
  victims: Report['victims'];
  perpetrators: Report['perpetrators'];
  fatalities: number | null;
  sealed: boolean;
  anonymous: boolean;
  submitted_by: string | null;
  submitted_at: Date | string;
  reviewed_by: string | null;
  reviewed_at: Date | string | null;
  review_reason: string | null;
  duplicate_of: string | null;
  event_id: number | null;
  groups: { id: number; name: string }[];
}

const iso = (t: Date | string): string => new Date(t).toISOString();

const SELECT = `SELECT r.id, r.reference, r.status, r.date_start, r.date_end, r.country_iso3, r.admin1, r.admin2, r.location,
    r.latitude, r.longitude, r.acts, r.description, r.victims, r.perpetrators, r.fatalities,
    r.confidential_sealed IS NOT NULL AS sealed, r.anonymous, s.username AS submitted_by, r.submitted_at,
    v.username AS reviewed_by, r.reviewed_at, r.review_reason, d.reference AS duplicate_of, r.event_id,
    coalesce((SELECT json_agg(json_build_object('id', g.id, 'name', g.name) ORDER BY g.name)
              FROM report_groups rg JOIN protected_groups g ON g.id = rg.group_id WHERE rg.report_id = r.id), '[]') AS groups
  FROM reports r LEFT JOIN users s ON s.id = r.submitted_by LEFT JOIN users v ON v.id = r.reviewed_by
  LEFT JOIN reports d ON d.id = r.duplicate_of`;

const toReport = (r: ReportRow, sources: ReportSourceView[]): Report => ({
  id: r.id,
  reference: r.reference,
  status: r.status,
  dateStart: r.date_start,
  dateEnd: r.date_end,
  country: r.country_iso3,
  admin1: r.admin1,
  admin2: r.admin2,
  location: r.location,
  latitude: r.latitude,
  longitude: r.longitude,
  acts: r.acts,
  description: r.description,
  victims: r.victims,
  perpetrators: r.perpetrators,
  fatalities: r.fatalities,
  groups: r.groups,
  sources,
  confidential: r.sealed ? SEALED : null,
  anonymous: r.anonymous,
  submittedBy: r.submitted_by,
  submittedAt: iso(r.submitted_at),
  reviewedBy: r.reviewed_by,
  reviewedAt: r.reviewed_at === null ? null : iso(r.reviewed_at),
  reviewReason: r.review_reason,
  duplicateOf: r.duplicate_of,
  eventId: r.event_id,
});

/** The id of a report named by id ('12') or reference ('R-7K2M-Q9XD-3F'). */
export async function reportIdOf(db: Queryable, key: string | number): Promise<number> {
  const text = String(key).trim();
  const [row] = /^\d+$/.test(text)
    ? await db.query<{ id: number }>('SELECT id FROM reports WHERE id = $1', [Number(text)])
    : await db.query<{ id: number }>('SELECT id FROM reports WHERE reference = $1', [text.toUpperCase()]);
  if (!row) throw new TocsinError('not_found', `no report ${text}`, { field: 'report' });
  return row.id;
}

/** One report as an uncleared reader sees it: sources by pseudonym, identities and the confidential part 'sealed'. */
export async function getReport(db: Queryable, id: number): Promise<Report> {
  const [row] = await db.query<ReportRow>(`${SELECT} WHERE r.id = $1`, [id]);
  if (!row) throw new TocsinError('not_found', `no report ${id}`, { field: 'report' });
  const sources = await db.query<Omit<ReportSourceView, 'grade' | 'identity'> & { sealed: boolean }>(
    `SELECT id, pseudonym, kind, reliability, credibility, identity_sealed IS NOT NULL AS sealed
     FROM report_sources WHERE report_id = $1 ORDER BY id`,
    [id],
  );
  return toReport(
    row,
    sources.map(({ sealed, ...s }) => ({ ...s, grade: `${s.reliability}${s.credibility}`, identity: sealed ? SEALED : null })),
  );
}

/** Sealed parts of a report, for a cleared reader (see reveal-report.ts). */
export async function sealedPartsOf(
  db: Queryable,
  id: number,
): Promise<{ confidential: unknown; sources: { id: number; identity: unknown }[] }> {
  const [row] = await db.query<{ confidential: unknown }>(
    'SELECT confidential_sealed AS confidential FROM reports WHERE id = $1',
    [id],
  );
  if (!row) throw new TocsinError('not_found', `no report ${id}`, { field: 'report' });
  const sources = await db.query<{ id: number; identity: unknown }>(
    'SELECT id, identity_sealed AS identity FROM report_sources WHERE report_id = $1 AND identity_sealed IS NOT NULL ORDER BY id',
    [id],
  );
  return { confidential: row.confidential, sources };
}

export interface ReportFilter {
  status?: ReportStatus | undefined;
  country?: string | undefined;
  /** Only the reports this user submitted (a monitor following up on their own). */
  submittedBy?: number | undefined;
}

export type ReportSummary = Pick<
  Report,
  | 'id'
  | 'reference'
  | 'status'
  | 'dateStart'
  | 'dateEnd'
  | 'country'
  | 'admin1'
  | 'acts'
  | 'fatalities'
  | 'anonymous'
  | 'submittedAt'
>;

/** Reports matching the filter, newest submission first. */
export async function listReports(db: Queryable, f: ReportFilter, limit: number): Promise<ReportSummary[]> {
  const rows = await db.query<ReportRow>(
    `${SELECT} WHERE ($1::text IS NULL OR r.status = $1) AND ($2::text IS NULL OR r.country_iso3 = $2)
       AND ($4::integer IS NULL OR r.submitted_by = $4)
     ORDER BY r.submitted_at DESC, r.id DESC LIMIT $3`,
    [f.status ?? null, f.country ?? null, limit, f.submittedBy ?? null],
  );
  return rows.map((r) => {
    const { id, reference, status, dateStart, dateEnd, country, admin1, acts, fatalities, anonymous, submittedAt } = toReport(
      r,
      [],
    );
    return { id, reference, status, dateStart, dateEnd, country, admin1, acts, fatalities, anonymous, submittedAt };
  });
}

export interface ReportLogEntry {
  action: string;
  detail: Record<string, unknown>;
  by: string | null;
  at: string;
}

/** Every step a report went through, oldest first. */
export async function reportLog(db: Queryable, id: number): Promise<ReportLogEntry[]> {
  const rows = await db.query<{ action: string; detail: Record<string, unknown>; by: string | null; at: Date | string }>(
    `SELECT l.action, l.detail, u.username AS by, l.at FROM report_log l LEFT JOIN users u ON u.id = l.user_id
     WHERE l.report_id = $1 ORDER BY l.id`,
    [id],
  );
  return rows.map((r) => ({ ...r, at: iso(r.at) }));
}
