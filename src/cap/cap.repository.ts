import { TocsinError } from '../core/errors.js';
import type { Db, Queryable } from '../db/database.js';
import { recommendMeasures } from '../measures/catalogue.repository.js';
import { capAlertElement, lastStepAt, type CapWarning } from './cap-alert.js';
import type { FeedEntry } from './cap-feed.js';

/** How many measures a CAP instruction lists. */
const INSTRUCTION_MEASURES = 5;
/** The feed carries the most recently changed public warnings. */
export const FEED_LIMIT = 200;

interface Row {
  id: number;
  title: string;
  summary: string;
  severity: CapWarning['severity'];
  country_iso3: string;
  country_name: string;
  admin1: string | null;
  origin: CapWarning['origin'];
  status: CapWarning['status'];
  decision: CapWarning['decision'];
  public: boolean;
  risk_factors: string[];
  raised_at: Date | string;
  acknowledged_at: Date | string | null;
  decide_due_at: Date | string;
  decided_at: Date | string | null;
  closed_at: Date | string | null;
}

const iso = (t: Date | string | null) => (t === null ? null : new Date(t).toISOString());

/** A public warning as CAP reads it, with its country's name and its risk factors (for the instruction). */
export interface PublicWarning {
  warning: CapWarning;
  countryName: string;
  riskFactors: string[];
}

/**
 * Public warnings, most recently changed first, or the one with `id` (not_found when it is not public,
 * so the feed does not reveal which internal warnings exist). Reads only the columns CAP may publish.
 */
export async function readPublicWarnings(db: Queryable, o: { id?: number } = {}): Promise<PublicWarning[]> {
  const rows = await db.query<Row>(
    `SELECT w.id, w.title, w.summary, w.severity, w.country_iso3, c.name AS country_name, w.admin1, w.origin, w.status,
            w.decision, w.public, w.risk_factors, w.raised_at, w.acknowledged_at, w.decide_due_at, w.decided_at, w.closed_at
     FROM warnings w JOIN countries c ON c.iso3 = w.country_iso3
     WHERE w.public ${o.id !== undefined ? 'AND w.id = $1' : ''}
     ORDER BY GREATEST(w.raised_at, w.acknowledged_at, w.decided_at, w.closed_at) DESC, w.id DESC
     LIMIT ${FEED_LIMIT}`,
    o.id !== undefined ? [o.id] : [],
  );
  if (o.id !== undefined && rows.length === 0) throw new TocsinError('not_found', `no public warning ${o.id}`);
  return rows.map((r) => ({
    countryName: r.country_name,
    riskFactors: r.risk_factors,
    warning: {
      id: r.id,
      title: r.title,
      summary: r.summary,
      severity: r.severity,
      country: r.country_iso3,
      admin1: r.admin1,
      origin: r.origin,
      status: r.status,
      decision: r.decision,
      public: r.public,
      raisedAt: iso(r.raised_at)!,
      acknowledgedAt: iso(r.acknowledged_at),
      decideDueAt: iso(r.decide_due_at)!,
      decidedAt: iso(r.decided_at),
      closedAt: iso(r.closed_at),
    },
  }));
}

/** The `<alert>` element of a public warning, its instruction from the measures recommended for its risk factors. */
export async function capAlertOf(db: Queryable, p: PublicWarning, o: { sender: string; now: Date }): Promise<string> {
  const measures = await recommendMeasures(db, p.riskFactors, INSTRUCTION_MEASURES);
  return capAlertElement(p.warning, { ...o, countryName: p.countryName, measureTitles: measures.map((m) => m.title) });
}

/** Feed entries for every public warning; `alertUrl(id)` says where each alert is served alone. */
export async function capFeedEntries(
  db: Queryable,
  o: { sender: string; now: Date; alertUrl: (id: number) => string },
): Promise<FeedEntry[]> {
  const out: FeedEntry[] = [];
  for (const p of await readPublicWarnings(db)) {
    out.push({
      warningId: p.warning.id,
      headline: p.warning.title,
      updated: lastStepAt(p.warning),
      alertUrl: o.alertUrl(p.warning.id),
      alertElement: await capAlertOf(db, p, o),
    });
  }
  return out;
}

/** Marks a warning public (in the CAP feed) or not, logged on the warning as 'made-public' or 'made-private'. */
export async function setWarningPublic(
  db: Db,
  id: number,
  isPublic: boolean,
  o: { by: number | null; now: Date },
): Promise<{ id: number; public: boolean }> {
  return db.transaction(async (tx) => {
    const [w] = await tx.query<{ public: boolean }>('SELECT public FROM warnings WHERE id = $1 FOR UPDATE', [id]);
    if (!w) throw new TocsinError('not_found', `no warning ${id}`);
    if (w.public !== isPublic) {
      await tx.query('UPDATE warnings SET public = $2 WHERE id = $1', [id, isPublic]);
      await tx.query('INSERT INTO warning_log (warning_id, action, detail, user_id, at) VALUES ($1, $2, $3, $4, $5)', [
        id,
        isPublic ? 'made-public' : 'made-private',
        JSON.stringify({ public: isPublic }),
        o.by,
        o.now,
      ]);
    }
    return { id, public: isPublic };
  });
}
