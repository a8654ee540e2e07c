import type { AssessmentStatus, Confidence, EvidenceKind, Level, Rating } from '../../../src/assessments/assessment.js';
import type { Scope, TitleVerification, Verification } from '../../../src/framework/framework.js';

/**
 * The assessments' vocabularies, as the server defines them. They are repeated here because the
 * server's modules also build full zod schemas, ~110 kB this page would otherwise carry: `every`
 * fails type-checking when a value is missing or foreign, and vocabulary.test.ts checks the order.
 */
const every =
  <T extends string>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : never)): L =>
    list;

export const RATINGS = every<Rating>()(['absent', 'low', 'moderate', 'high', 'unknown']);
export const CONFIDENCES = every<Confidence>()(['low', 'medium', 'high']);
export const LEVELS = every<Level>()(['no-current-concern', 'monitoring', 'serious-concern', 'imminent-risk', 'current-crisis']);
export const STATUSES = every<AssessmentStatus>()(['draft', 'in-review', 'published']);
export const EVIDENCE_KINDS = every<EvidenceKind>()(['event', 'signal', 'forecast', 'report', 'evidence']);
export const SCOPES = every<Scope>()(['common', 'genocide', 'crimes-against-humanity', 'war-crimes']);
export const VERIFICATIONS = every<Verification>()(['source', 'partial', 'recall', 'brief', 'edited', 'added']);
export const TITLE_VERIFICATIONS = every<TitleVerification>()(['source', 'brief', 'recall', 'edited']);

export type { AssessmentStatus, Confidence, EvidenceKind, Level, Rating, Scope, TitleVerification, Verification };
