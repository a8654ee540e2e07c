/**
 * The locker's vocabularies as the server defines them. The server modules that hold them also
 * hold Node-only code (hashing, signing), so the lists are repeated here and vocabulary.test.ts
 * fails the moment they drift.
 */
export const EVIDENCE_KINDS = ['file', 'web-capture'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const LINK_KINDS = ['report', 'event', 'assessment', 'warning'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const CUSTODY_ACTIONS = [
  'collected',
  'viewed',
  'copied',
  'exported',
  'transferred',
  'verified',
  'linked',
  'key-rotated',
  'duplicate-received',
] as const;
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];
