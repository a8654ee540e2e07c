import type { RecommendedMeasure, WarningMeasure } from '../measures/measure.js';
import type { Role } from '../access/roles.js';

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** raised -> acknowledged -> decided -> measures (an 'act' decision with its first measure) -> closed. */
export const WARNING_STATUSES = ['raised', 'acknowledged', 'decided', 'measures', 'closed'] as const;
export type WarningStatus = (typeof WARNING_STATUSES)[number];

/** What decision-makers decide on a warning. */
export const DECISIONS = ['act', 'monitor', 'no-action'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Where a warning came from. */
export const ORIGINS = ['signal', 'forecast', 'assessment', 'manual'] as const;
export type Origin = (typeof ORIGINS)[number];

/** A link to what a warning rests on, as in assessment ratings. */
export const EVIDENCE_KINDS = ['event', 'signal', 'forecast', 'report', 'evidence', 'assessment'] as const;
export interface EvidenceLink {
  kind: (typeof EVIDENCE_KINDS)[number];
  id: number | string;
}

/** One recipient of a tier: a user (by id) or everyone with a role. */
export type Recipient = { tier: number; userId: number; role?: undefined } | { tier: number; role: Role; userId?: undefined };

/** A warning as stored, with users named. Times are ISO 8601. */
export interface Warning {
  id: number;
  title: string;
  summary: string;
  severity: Severity;
  country: string;
  admin1: string | null;
  origin: Origin;
  signalId: number | null;
  forecastModelId: number | null;
  forecastYear: number | null;
  assessmentId: number | null;
  riskFactors: string[];
  evidence: EvidenceLink[];
  status: WarningStatus;
  decision: Decision | null;
  decisionReason: string | null;
  tier: number;
  public: boolean;
  raisedBy: string | null;
  raisedAt: string;
  ackDueAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  decideDueAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  closedBy: string | null;
  closedAt: string | null;
  closeNote: string | null;
}

export interface WarningLogEntry {
  id: number;
  action: string;
  detail: Record<string, unknown>;
  by: string | null;
  at: string;
}

/**
 * A warning with its history, recipients (usernames resolved), groups at risk, the protection
 * measures recommended for its risk factors and the measures taken.
 */
export interface WarningDetail extends Warning {
  groups: { id: number; name: string }[];
  recipients: { tier: number; userId: number | null; username: string | null; role: Role | null }[];
  log: WarningLogEntry[];
  recommendedMeasures: RecommendedMeasure[];
  measures: WarningMeasure[];
}
