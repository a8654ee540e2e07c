import * as z from 'zod/mini';
import { jsonBody, request } from '../../api.js';
import type { ReportBody } from './to-report.js';

const receiptSchema = z.object({ reference: z.string(), status: z.literal('submitted') });
export type Receipt = z.infer<typeof receiptSchema>;

const groupsSchema = z.array(z.object({ id: z.number(), name: z.string() }));
export type GroupOption = z.infer<typeof groupsSchema>[number];

/** Files a report as the signed-in user (monitor, analyst, admin). */
export const submitReport = (body: ReportBody): Promise<Receipt> =>
  request('/api/reports', receiptSchema, { method: 'POST', ...jsonBody(body) });

/** Files a report anonymously through a one-time link; a used, expired or unknown link is refused (409, 404). */
export const submitAnonymousReport = (token: string, body: ReportBody): Promise<Receipt> =>
  request(`/api/intake/${encodeURIComponent(token)}`, receiptSchema, { method: 'POST', ...jsonBody(body) });

/** The protected groups of a country, for the roles that may list them. */
export const fetchGroups = (country: string): Promise<GroupOption[]> =>
  request(`/api/groups?country=${encodeURIComponent(country)}`, groupsSchema);
