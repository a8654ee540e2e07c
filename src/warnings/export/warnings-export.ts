import { safeCsvCell } from '../../core/csv.js';
import type { WarningMeasure } from '../../measures/measure.js';
import type { Warning } from '../warning.js';

export const WARNING_EXPORT_FORMATS = ['csv', 'json'] as const;
export type WarningExportFormat = (typeof WARNING_EXPORT_FORMATS)[number];

/** A warning as exported: its own fields (users named) and the measures taken on it. */
export type ExportedWarning = Omit<Warning, 'signalId' | 'forecastModelId' | 'forecastYear' | 'assessmentId' | 'tier'> & {
  measures: WarningMeasure[];
};

export const WARNING_CSV_COLUMNS = [
  'warning_id',
  'title',
  'summary',
  'severity',
  'country',
  'admin1',
  'origin',
  'risk_factors',
  'status',
  'decision',
  'decision_reason',
  'public',
  'raised_at',
  'raised_by',
  'ack_due_at',
  'acknowledged_at',
  'acknowledged_by',
  'decide_due_at',
  'decided_at',
  'decided_by',
  'closed_at',
  'close_note',
  'measure_id',
  'measure_catalogue_id',
  'measure_kind',
  'measure_title',
  'measure_owner',
  'measure_status',
  'measure_due_date',
  'measure_outcome',
] as const;

const warningCells = (w: ExportedWarning) => [
  w.id,
  w.title,
  w.summary,
  w.severity,
  w.country,
  w.admin1,
  w.origin,
  w.riskFactors.join(' '),
  w.status,
  w.decision,
  w.decisionReason,
  w.public,
  w.raisedAt,
  w.raisedBy,
  w.ackDueAt,
  w.acknowledgedAt,
  w.acknowledgedBy,
  w.decideDueAt,
  w.decidedAt,
  w.decidedBy,
  w.closedAt,
  w.closeNote,
];

const measureCells = (m: WarningMeasure | null) =>
  m ? [m.id, m.catalogueId, m.kind, m.title, m.owner, m.status, m.dueDate, m.outcome] : Array<null>(8).fill(null);

/**
 * Warnings with their measures as CSV: one line per measure, the warning's columns repeated, and one
 * line with empty measure columns for a warning without measures, so that every warning appears.
 */
export function warningsToCsv(warnings: readonly ExportedWarning[]): string {
  const lines = [WARNING_CSV_COLUMNS.join(',')];
  for (const w of warnings) {
    const measures = w.measures.length ? w.measures : [null];
    for (const m of measures) lines.push([...warningCells(w), ...measureCells(m)].map(safeCsvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}

/** Warnings with their measures as a JSON array, text kept exactly. */
export const warningsToJson = (warnings: readonly ExportedWarning[]): string => `${JSON.stringify(warnings, null, 2)}\n`;
