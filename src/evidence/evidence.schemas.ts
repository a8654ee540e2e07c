import { z } from '@hono/zod-openapi';
import { CUSTODY_ACTIONS } from './custody/custody-chain.js';
import { EVIDENCE_KINDS, LINK_KINDS } from './evidence-item.js';

export const EvidenceItemBody = z
  .object({
    id: z.number().int(),
    sha256: z.string(),
    sizeBytes: z.number().int(),
    mediaType: z.string().openapi({ description: 'detected from the bytes' }),
    claimedType: z.string().nullable(),
    originalName: z.string(),
    kind: z.enum(EVIDENCE_KINDS),
    sourceUrl: z.string().nullable(),
    captureTool: z.string().nullable(),
    capturedAt: z.string().nullable(),
    receivedAt: z.string(),
    collector: z.string().nullable(),
    screenshotSha256: z.string().nullable(),
    notes: z.string(),
    metadata: z.record(z.string(), z.unknown()),
    links: z.array(z.object({ kind: z.enum(LINK_KINDS), targetId: z.number().int() })),
  })
  .openapi('EvidenceItem');

export const IntakeResultBody = z
  .object({
    item: EvidenceItemBody,
    duplicate: z.boolean(),
    mediaTypeMismatch: z.object({ claimed: z.string(), detected: z.string() }).nullable(),
  })
  .openapi('EvidenceIntakeResult');

export const CustodyEntryBody = z
  .object({
    itemId: z.number().int(),
    itemSha256: z.string(),
    seq: z.number().int(),
    action: z.enum(CUSTODY_ACTIONS),
    actor: z.string(),
    at: z.string(),
    detail: z.record(z.string(), z.unknown()),
    prevHash: z.string(),
    entryHash: z.string(),
    keyId: z.string(),
    signature: z.string(),
  })
  .openapi('CustodyEntry');
