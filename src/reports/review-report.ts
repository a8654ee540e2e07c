import type { IsoDate, Iso3 } from '../core/brand.js';
import { TocsinError } from '../core/errors.js';
import type { Db, Queryable } from '../db/database.js';
import { toEventRowJson } from '../events/event-row.js';
import { upsertEventRows } from '../events/events-writer.repository.js';
import type { ChangedSince } from '../events/changed-since.js';
import { finishImportBatch, startImportBatch } from '../ingest/import-batches.repository.js';
import { refreshSurveillance, type SurveillanceReport } from '../surveillance/refresh-surveillance.js';
import type { Report, ReportStatus } from './report.js';
import { REPORT_EVENT_VERSION, reportToEvent } from './report-event.js';
import { getReport, reportIdOf } from './reports.repository.js';
import { duplicateProblem, nextStatus, type ReviewAction } from './review.js';

export interface ReviewStep {
  action: ReviewAction;
  reason: string;
  userId: number | null;
  /** For 'mark-duplicate': the original report, by id or reference. */
  duplicateOf?: string | number | undefined;
}

export interface ReviewOutcome {
  report: Report;
  /** The surveillance step run after the report's event was stored or withdrawn; null when none was needed. */
  surveillance: SurveillanceReport | null;
}

/** Stores the event a verified report becomes, through an import batch of source 'report' like any import. */
async function storeReportEvent(tx: Queryable, report: Report, userId: number | null): Promise<number> {
  const batchId = await startImportBatch(tx, {
    source: 'report',
    format: 'report',
    version: REPORT_EVENT_VERSION,
    fileName: `report ${report.reference}`,
    columns: ['reference'],
    options: { report: report.reference },
    userId,
  });
  const counts = await upsertEventRows(tx, batchId, [
    toEventRowJson(reportToEvent(report.reference, report), REPORT_EVENT_VERSION),
  ]);
  await tx.query(`UPDATE import_batches SET rows_read = 1, inserted = $2, updated = $3, unchanged = $4 WHERE id = $1`, [
    batchId,
    counts.inserted,
    counts.updated,
    counts.unchanged,
  ]);
  await finishImportBatch(tx, batchId, { status: 'completed', message: null, sha256: null, bytes: null });
  const [event] = await tx.query<{ id: number }>("SELECT id FROM events WHERE source = 'report' AND source_id = $1", [
    report.reference,
  ]);
  // The protected groups the report concerns tag its event, as an analyst would tag an imported one.
  await tx.query(
    `INSERT INTO event_groups (event_id, group_id, tagged_by) SELECT $1, group_id, $3 FROM report_groups WHERE report_id = $2
     ON CONFLICT DO NOTHING`,
    [event!.id, report.id, userId],
  );
  return event!.id;
}

/**
 * Takes one verification step on a report, with the reviewer and the written reason, logged.
 * Verifying stores the report's event (source 'report', linked back by reports.event_id) and then
 * runs the surveillance step for its country, so it counts in the series. Marking a verified
 * report a duplicate deletes its event and runs the step again. The status is checked again in
 * the update, so two reviewers acting at once cannot both move the same report.
 */
export async function reviewReport(db: Db, key: string | number, step: ReviewStep): Promise<ReviewOutcome> {
  const id = await reportIdOf(db, key);
  const before = await getReport(db, id);
  const status = nextStatus(before.status, step.action);
  let duplicateOf: number | null = null;
  if (step.action === 'mark-duplicate') {
    if (step.duplicateOf === undefined)
      throw new TocsinError('invalid_input', 'duplicateOf: name the original report', { field: 'duplicateOf' });
    const original = await getReport(db, await reportIdOf(db, step.duplicateOf));
    const problem = duplicateProblem(before, original);
    if (problem) throw new TocsinError('conflict', `duplicateOf: ${problem}`, { field: 'duplicateOf' });
    duplicateOf = original.id;
  }
  const changed: ChangedSince = new Map();
  await db.transaction(async (tx) => {
    const moved = await tx.query(
      `UPDATE reports SET status = $2, reviewed_by = $3, reviewed_at = now(), review_reason = $4,
         duplicate_of = coalesce($5, duplicate_of)
       WHERE id = $1 AND status = $6 RETURNING id`,
      [id, status, step.userId, step.reason, duplicateOf, before.status satisfies ReportStatus],
    );
    if (moved.length === 0) throw new TocsinError('conflict', `report ${before.reference} was changed meanwhile: read it again`);
    let eventId: number | null = before.eventId;
    if (status === 'verified') {
      eventId = await storeReportEvent(tx, before, step.userId);
      changed.set(before.country as Iso3, before.dateStart);
    } else if (before.eventId !== null) {
      await tx.query('UPDATE reports SET event_id = NULL WHERE id = $1', [id]);
      const [gone] = await tx.query<{ date_start: IsoDate }>('DELETE FROM events WHERE id = $1 RETURNING date_start', [
        before.eventId,
      ]);
      if (gone) changed.set(before.country as Iso3, gone.date_start);
      eventId = null;
    }
    if (status === 'verified') await tx.query('UPDATE reports SET event_id = $2 WHERE id = $1', [id, eventId]);
    await tx.query('INSERT INTO report_log (report_id, action, detail, user_id) VALUES ($1, $2, $3, $4)', [
      id,
      step.action,
      JSON.stringify({ from: before.status, to: status, reason: step.reason, duplicateOf, eventId }),
      step.userId,
    ]);
  });
  const surveillance = changed.size > 0 ? await refreshSurveillance(db, changed, null) : null;
  return { report: await getReport(db, id), surveillance };
}
