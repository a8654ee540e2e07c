/**
 * The Rabat review's vocabularies as the server defines them (src/speech/queue/rabat.ts). That
 * module also holds the server's zod schemas, so the lists are repeated here and
 * vocabulary.test.ts fails the moment they drift.
 */
export { SPEECH_LABELS, type SpeechLabel } from '../../../src/speech/corpora/labels.js';

/** The six parts of the Rabat Plan of Action's threshold test, in the Plan's order. */
export const RABAT_PARTS = ['context', 'speaker', 'intent', 'contentAndForm', 'extent', 'likelihood'] as const;
export type RabatPart = (typeof RABAT_PARTS)[number];

export const ASSESSMENTS = ['met', 'not-met', 'unclear'] as const;
export type Assessment = (typeof ASSESSMENTS)[number];

export const REVIEW_DECISIONS = ['not-hate-speech', 'hate-speech', 'incitement', 'unclear'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** Roles that record reviews (the API's `rolesAccess('admin', 'analyst')`); every reader reads. */
export const REVIEWERS = ['admin', 'analyst'] as const;
