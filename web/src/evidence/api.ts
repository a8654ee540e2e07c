import * as z from 'zod/mini';
import { ApiError, jsonBody, request } from '../api.js';
import { apiErrorSchema } from '../api-schemas.js';
import { CUSTODY_ACTIONS, EVIDENCE_KINDS, LINK_KINDS } from './vocabulary.js';

/** The evidence locker's API (docs/evidence.md, docs/disclosure.md), parsed at the edge. */

export const evidenceItemSchema = z.object({
  id: z.number(),
  sha256: z.string(),
  sizeBytes: z.number(),
  mediaType: z.string(),
  claimedType: z.nullable(z.string()),
  originalName: z.string(),
  kind: z.enum(EVIDENCE_KINDS),
  sourceUrl: z.nullable(z.string()),
  captureTool: z.nullable(z.string()),
  capturedAt: z.nullable(z.string()),
  receivedAt: z.string(),
  collector: z.nullable(z.string()),
  screenshotSha256: z.nullable(z.string()),
  notes: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  links: z.array(z.object({ kind: z.enum(LINK_KINDS), targetId: z.number() })),
});
export type EvidenceItem = z.infer<typeof evidenceItemSchema>;

const intakeResultSchema = z.object({
  item: evidenceItemSchema,
  duplicate: z.boolean(),
  mediaTypeMismatch: z.nullable(z.object({ claimed: z.string(), detected: z.string() })),
});
export type IntakeResult = z.infer<typeof intakeResultSchema>;

export const custodyEntrySchema = z.object({
  itemId: z.number(),
  itemSha256: z.string(),
  seq: z.number(),
  action: z.enum(CUSTODY_ACTIONS),
  actor: z.string(),
  at: z.string(),
  detail: z.record(z.string(), z.unknown()),
  prevHash: z.string(),
  entryHash: z.string(),
  keyId: z.string(),
  signature: z.string(),
});
export type CustodyEntry = z.infer<typeof custodyEntrySchema>;

const disclosureSchema = z.object({
  id: z.number(),
  recipient: z.string(),
  purpose: z.string(),
  itemIds: z.array(z.number()),
  bundleSha256: z.string(),
  createdBy: z.nullable(z.string()),
  createdAt: z.string(),
});
export type Disclosure = z.infer<typeof disclosureSchema>;

export const fetchEvidenceItems = (): Promise<EvidenceItem[]> => request('/api/evidence?limit=1000', z.array(evidenceItemSchema));

export const fetchEvidenceItem = (id: number): Promise<EvidenceItem> => request(`/api/evidence/${id}`, evidenceItemSchema);

export const fetchCustody = (id: number): Promise<CustodyEntry[]> =>
  request(`/api/evidence/${id}/custody`, z.array(custodyEntrySchema));

/** Where the original downloads from: the server always sends it as an attachment, never rendered. */
export const contentUrl = (id: number): string => `/api/evidence/${id}/content`;

/** Streams the file as the raw request body; what is known about it travels in the query string. */
export const uploadEvidence = (file: Blob, query: URLSearchParams): Promise<IntakeResult> =>
  request(`/api/evidence?${query}`, intakeResultSchema, {
    method: 'POST',
    headers: { 'content-type': file.type === '' ? 'application/octet-stream' : file.type },
    body: file,
  });

export const fetchDisclosures = async (): Promise<Disclosure[]> =>
  (await request('/api/evidence/disclosures?limit=1000', z.object({ items: z.array(disclosureSchema) }))).items;

export interface DisclosureBundle {
  id: number;
  bundleSha256: string;
  zip: Blob;
}

/** Exports items as a signed bundle. The answer is the zip itself, so it is read as bytes, not JSON. */
export async function createDisclosure(body: {
  itemIds: number[];
  recipient: string;
  purpose: string;
}): Promise<DisclosureBundle> {
  let response: Response;
  try {
    response = await fetch('/api/evidence/disclosures', { method: 'POST', credentials: 'same-origin', ...jsonBody(body) });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached');
  }
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(await response.json().catch(() => undefined));
    const { code, message } = parsed.success ? parsed.data.error : { code: 'http_error', message: `HTTP ${response.status}` };
    throw new ApiError(response.status, code, message);
  }
  return {
    id: Number(response.headers.get('x-tocsin-disclosure-id')),
    bundleSha256: response.headers.get('x-tocsin-bundle-sha256') ?? '',
    zip: await response.blob(),
  };
}
