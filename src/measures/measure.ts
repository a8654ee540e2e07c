/**
 * Protection measures: the kinds of the 2024 R2P report (with countering hate speech and monitoring
 * and accountability as kinds of their own), catalogue entries linked to the risk factors of the
 * Framework of Analysis, and the measures actually taken on a warning.
 */
export const MEASURE_KINDS = [
  'legal',
  'diplomatic',
  'physical',
  'humanitarian',
  'counter-hate-speech',
  'monitoring-accountability',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** A measure a warning can call for, and the risk factors (RF1..RF14) it addresses. */
export interface CatalogueMeasure {
  id: string;
  kind: MeasureKind;
  title: string;
  description: string;
  riskFactors: string[];
  active: boolean;
}

/** A catalogue measure recommended for a set of risk factors, with why. */
export interface RecommendedMeasure extends CatalogueMeasure {
  /** The requested risk factors this measure addresses, in the order asked. */
  addresses: string[];
  /** For people: "addresses RF9, RF10". */
  reason: string;
}

export const MEASURE_STATUSES = ['planned', 'in-progress', 'done', 'abandoned'] as const;
export type MeasureStatus = (typeof MEASURE_STATUSES)[number];

/** Statuses that end a measure: they need a written outcome, and are never overdue. */
export const FINISHED_STATUSES: readonly MeasureStatus[] = ['done', 'abandoned'];

/** A measure taken (or planned) on a warning. Dates are YYYY-MM-DD, times ISO 8601. */
export interface WarningMeasure {
  id: number;
  warningId: number;
  catalogueId: string | null;
  kind: MeasureKind | null;
  title: string;
  owner: string;
  ownerUser: string | null;
  status: MeasureStatus;
  dueDate: string | null;
  outcome: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Risk factor ids as the Framework of Analysis numbers them. */
export const RISK_FACTOR_ID = /^RF(?:[1-9]|1[0-4])$/;
