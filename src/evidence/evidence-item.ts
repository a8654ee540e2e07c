/**
 * An evidence item as the locker records it (Berkeley Protocol notes, ../shared/framework/evidence.md
 * §3): what it is (hash, size, detected type), where it came from (URL, tool, capture time), who
 * collected it and when Tocsin received it, and what it is linked to.
 */
import { z } from 'zod';

export const EVIDENCE_KINDS = ['file', 'web-capture'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
export const LINK_KINDS = ['report', 'event', 'assessment', 'warning'] as const;
export type EvidenceLinkKind = (typeof LINK_KINDS)[number];

/** A link from an item to a report, event, assessment or warning. */
export interface EvidenceLink {
  kind: EvidenceLinkKind;
  targetId: number;
}

/** Collection context beyond the columns (evidence.md §3), kept in metadata. */
export const collectionContextSchema = z
  .object({
    toolVersion: z.string().max(200).optional(),
    platform: z.string().max(200).optional(),
    account: z.string().max(500).optional(),
    pageTimeZone: z.string().max(100).optional(),
    organisation: z.string().max(200).optional(),
    environment: z.string().max(500).optional(),
    relevance: z.string().max(5000).optional(),
  })
  .strict();
export type CollectionContext = z.infer<typeof collectionContextSchema>;

/** What the collector says about an upload; parsed at every edge (CLI flags, query string). */
export const evidenceIntakeSchema = z.object({
  originalName: z.string().min(1).max(1000),
  claimedType: z.string().max(200).nullable().default(null),
  kind: z.enum(EVIDENCE_KINDS).default('file'),
  sourceUrl: z.string().url().max(4000).nullable().default(null),
  captureTool: z.string().max(200).nullable().default(null),
  capturedAt: z.string().datetime({ offset: true }).nullable().default(null),
  screenshotSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hex')
    .nullable()
    .default(null),
  notes: z.string().max(20000).default(''),
  context: collectionContextSchema.default({}),
  links: z
    .array(z.object({ kind: z.enum(LINK_KINDS), targetId: z.number().int().positive() }))
    .max(100)
    .default([]),
});
export type EvidenceIntake = z.infer<typeof evidenceIntakeSchema>;

/** A `report:12`-style link reference, refused with the reason when malformed. */
export function parseLinkRef(ref: string): EvidenceLink | string {
  const m = /^(report|event|assessment|warning):(\d{1,15})$/.exec(ref.trim());
  if (!m) return `"${ref}" is not a link such as report:12 (kinds: ${LINK_KINDS.join(', ')})`;
  return { kind: m[1] as EvidenceLinkKind, targetId: Number(m[2]) };
}

/** A stored item. Times are ISO 8601 UTC. */
export interface EvidenceItem {
  id: number;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  claimedType: string | null;
  originalName: string;
  kind: EvidenceKind;
  sourceUrl: string | null;
  captureTool: string | null;
  capturedAt: string | null;
  receivedAt: string;
  collector: string | null;
  screenshotSha256: string | null;
  notes: string;
  metadata: Record<string, unknown>;
  links: EvidenceLink[];
}

/** What an upload became: a new item, or the existing item with the same bytes. */
export interface IntakeResult {
  item: EvidenceItem;
  duplicate: boolean;
  /** Set when the claimed type disagrees with the bytes. */
  mediaTypeMismatch: { claimed: string; detected: string } | null;
}
