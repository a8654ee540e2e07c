import { z } from '@hono/zod-openapi';
import { ACTS, INVOLVEMENTS, RELIABILITIES, REPORT_STATUSES, SOURCE_KINDS } from './report.js';

const Identity = z.object({ name: z.string().optional(), contact: z.string().optional(), notes: z.string().optional() });
const Sealed = z
  .literal('sealed')
  .openapi({ description: 'present but sealed: readable only by cleared roles with ?reveal=true' });

/** A report as the API presents it; identities are 'sealed' unless a cleared reader revealed them. */
export const ReportBody = z
  .object({
    id: z.number().int(),
    reference: z.string().openapi({ example: 'R-7K2M-Q9XD-3F0A' }),
    status: z.enum(REPORT_STATUSES),
    dateStart: z.string(),
    dateEnd: z.string(),
    country: z.string().openapi({ example: 'CAF' }),
    admin1: z.string().nullable(),
    admin2: z.string().nullable(),
    location: z.string().nullable(),
    latitude: z.number().nullable(),
    longitude: z.number().nullable(),
    acts: z.array(z.enum(ACTS)),
    description: z.string(),
    victims: z.array(
      z.object({
        kind: z.enum(['individual', 'group']),
        count: z.number().int(),
        groupId: z.number().int().optional(),
        civilian: z.boolean(),
        description: z.string(),
      }),
    ),
    perpetrators: z.array(
      z.object({ actor: z.string().optional(), state: z.boolean(), description: z.string(), involvement: z.enum(INVOLVEMENTS) }),
    ),
    fatalities: z.number().int().nullable(),
    groups: z.array(z.object({ id: z.number().int(), name: z.string() })),
    sources: z.array(
      z.object({
        id: z.number().int(),
        pseudonym: z.string().openapi({ example: 'Source 1' }),
        kind: z.enum(SOURCE_KINDS),
        reliability: z.enum(RELIABILITIES),
        credibility: z.number().int(),
        grade: z.string().openapi({ example: 'B2' }),
        identity: z.union([Identity, Sealed]).nullable(),
      }),
    ),
    confidential: z
      .union([z.object({ victims: z.array(Identity), witnesses: z.array(Identity), notes: z.string().optional() }), Sealed])
      .nullable(),
    anonymous: z.boolean(),
    submittedBy: z.string().nullable(),
    submittedAt: z.string(),
    reviewedBy: z.string().nullable(),
    reviewedAt: z.string().nullable(),
    reviewReason: z.string().nullable(),
    duplicateOf: z.string().nullable(),
    eventId: z.number().int().nullable(),
  })
  .openapi('Report');

export const ReportWithLogBody = ReportBody.extend({
  log: z.array(
    z.object({ action: z.string(), detail: z.record(z.string(), z.unknown()), by: z.string().nullable(), at: z.string() }),
  ),
}).openapi('ReportWithLog');

export const ReportSummaryBody = z
  .array(
    ReportBody.pick({
      id: true,
      reference: true,
      status: true,
      dateStart: true,
      dateEnd: true,
      country: true,
      admin1: true,
      acts: true,
      fatalities: true,
      anonymous: true,
      submittedAt: true,
    }),
  )
  .openapi('ReportSummaries');

export const ReceiptBody = z
  .object({
    reference: z.string().openapi({ description: 'keep it: it is the only way to ask about this report later' }),
    status: z.literal('submitted'),
  })
  .openapi('ReportReceipt');

export const ReviewOutcomeBody = z
  .object({ report: ReportBody, surveillance: z.record(z.string(), z.number()).nullable() })
  .openapi('ReportReviewOutcome');

export const IntakeLinkBody = z
  .object({
    token: z.string().openapi({ description: 'shown once; only its SHA-256 is stored' }),
    path: z.string().openapi({ example: '/api/intake/3q2...' }),
    label: z.string().nullable(),
    expiresAt: z.string(),
  })
  .openapi('IntakeLink');
