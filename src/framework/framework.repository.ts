import { TocsinError } from '../core/errors.js';
import type { Db, Queryable } from '../db/database.js';
import { applyFrameworkChange, type FrameworkEdit } from './framework-edit.js';
import type { Framework, RiskFactor, RiskIndicator, Scope, TitleVerification, Verification } from './framework.js';
import { factorsFromData } from './framework.js';
import data from './framework.data.json' with { type: 'json' };

/** The note of the version seeded from the shipped data. */
export const SEED_NOTE =
  "Tocsin's paraphrase of the UN Framework of Analysis for Atrocity Crimes (2014); texts marked recall are unverified";

/** One version's header, for the list of versions. */
export interface FrameworkVersion {
  version: number;
  note: string;
  createdAt: string;
  createdBy: string | null;
}

const iso = (t: Date | string): string => new Date(t).toISOString();

/** Writes one full version (header, factors, indicators); false when that version number is already taken. */
async function writeVersion(
  tx: Queryable,
  v: { version: number; note: string; userId: number | null; factors: readonly RiskFactor[] },
): Promise<boolean> {
  const [created] = await tx.query(
    `INSERT INTO framework_versions (version, note, created_by) VALUES ($1, $2, $3) ON CONFLICT (version) DO NOTHING RETURNING version`,
    [v.version, v.note, v.userId],
  );
  if (!created) return false;
  await tx.query(
    `INSERT INTO risk_factors (version, id, number, title, scope, summary, verification, title_verification)
     SELECT $1, f.id, f."number", f.title, f.scope, f.summary, f.verification, f."titleVerification"
     FROM json_to_recordset($2::json) AS f(id text, "number" int, title text, scope text, summary text, verification text,
          "titleVerification" text)`,
    [v.version, JSON.stringify(v.factors.map(({ indicators: _, ...f }) => f))],
  );
  await tx.query(
    `INSERT INTO risk_indicators (version, id, factor_id, position, text, verification)
     SELECT $1, i.id, i."factorId", i."position", i."text", i.verification
     FROM json_to_recordset($2::json) AS i(id text, "factorId" text, "position" int, "text" text, verification text)`,
    [v.version, JSON.stringify(v.factors.flatMap((f) => f.indicators))],
  );
  return true;
}

/**
 * Seeds version 1 from `framework.data.json` when the store has no framework yet (called at every
 * open; two processes opening a new store at once insert it once). Returns whether it seeded.
 */
export async function ensureFramework(db: Db): Promise<boolean> {
  const [any] = await db.query('SELECT 1 FROM framework_versions LIMIT 1');
  if (any) return false;
  const factors = factorsFromData(data);
  return db.transaction((tx) => writeVersion(tx, { version: 1, note: SEED_NOTE, userId: null, factors }));
}

/** The newest version number (assessments are drafted against it). */
export async function currentFrameworkVersion(db: Queryable): Promise<number> {
  const [row] = await db.query<{ version: number | null }>('SELECT max(version) AS version FROM framework_versions');
  if (row?.version == null) throw new TocsinError('not_found', 'no Framework of Analysis in this store');
  return row.version;
}

const versionHeads = async (db: Queryable, where: string, params: unknown[]): Promise<FrameworkVersion[]> =>
  (
    await db.query<{ version: number; note: string; created_at: Date | string; created_by: string | null }>(
      `SELECT v.version, v.note, v.created_at, u.username AS created_by
       FROM framework_versions v LEFT JOIN users u ON u.id = v.created_by ${where} ORDER BY v.version DESC`,
      params,
    )
  ).map((r) => ({ version: r.version, note: r.note, createdAt: iso(r.created_at), createdBy: r.created_by }));

/** Every version, newest first. */
export const listFrameworkVersions = (db: Queryable): Promise<FrameworkVersion[]> => versionHeads(db, '', []);

interface FactorRow {
  id: string;
  number: number;
  title: string;
  scope: Scope;
  summary: string;
  verification: Verification;
  title_verification: TitleVerification;
}
interface IndicatorRow {
  id: string;
  factor_id: string;
  position: number;
  text: string;
  verification: Verification;
}

/** One version (the newest when `version` is omitted), factors by number and indicators by position. */
export async function readFramework(db: Queryable, version?: number): Promise<Framework> {
  const v = version ?? (await currentFrameworkVersion(db));
  const [head] = await versionHeads(db, 'WHERE v.version = $1', [v]);
  if (!head) throw new TocsinError('not_found', `no framework version ${v}`, { field: 'version' });
  const factors = await db.query<FactorRow>(
    `SELECT id, number, title, scope, summary, verification, title_verification FROM risk_factors WHERE version = $1 ORDER BY number`,
    [v],
  );
  const indicators = await db.query<IndicatorRow>(
    `SELECT id, factor_id, position, text, verification FROM risk_indicators WHERE version = $1 ORDER BY factor_id, position`,
    [v],
  );
  const byFactor = new Map<string, RiskIndicator[]>();
  for (const i of indicators) {
    const list = byFactor.get(i.factor_id) ?? [];
    list.push({ id: i.id, factorId: i.factor_id, position: i.position, text: i.text, verification: i.verification });
    byFactor.set(i.factor_id, list);
  }
  return {
    ...head,
    factors: factors.map((f) => ({
      id: f.id,
      number: f.number,
      title: f.title,
      scope: f.scope,
      summary: f.summary,
      verification: f.verification,
      titleVerification: f.title_verification,
      indicators: byFactor.get(f.id) ?? [],
    })),
  };
}

/**
 * Saves an admin's change as a new version: a copy of the newest with the change applied. Older
 * versions stay as they were, so an assessment keeps the wording it was rated against.
 */
export async function editFramework(db: Db, edit: FrameworkEdit, userId: number | null): Promise<Framework> {
  const version = await db.transaction(async (tx) => {
    const current = await readFramework(tx);
    const factors = applyFrameworkChange(current.factors, edit.change, current.version);
    const next = current.version + 1;
    if (!(await writeVersion(tx, { version: next, note: edit.note, userId, factors })))
      throw new TocsinError('conflict', `another edit saved framework version ${next} at the same time; read it and retry`);
    return next;
  });
  return readFramework(db, version);
}
