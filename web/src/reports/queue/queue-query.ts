import { REPORT_STATUSES, type ReportStatus } from '../vocabulary.js';

/** What the queue shows, kept in the address (`/reports?status=submitted&country=CAF`) so it can be shared and reloaded. */
export interface QueueQuery {
  status: ReportStatus | '';
  country: string;
}

const isStatus = (s: string): s is ReportStatus => (REPORT_STATUSES as readonly string[]).includes(s);

/** The query in an address; anything unknown falls back to "all" rather than failing. */
export function queryFromSearch(search: URLSearchParams): QueueQuery {
  const status = search.get('status') ?? '';
  const country = (search.get('country') ?? '').toUpperCase();
  return { status: isStatus(status) ? status : '', country: /^[A-Z]{3}$/.test(country) ? country : '' };
}

/** The address's search part for a query ('' for all reports). */
export function searchOfQuery(q: QueueQuery): string {
  const params = new URLSearchParams();
  if (q.status !== '') params.set('status', q.status);
  if (q.country !== '') params.set('country', q.country);
  const s = params.toString();
  return s === '' ? '' : `?${s}`;
}

/** The address to hand out for an intake link: the app's page, not the API path. */
export const intakeUrl = (origin: string, token: string): string => `${origin}/intake/${encodeURIComponent(token)}`;
