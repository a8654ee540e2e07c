/**
 * What a notification says about a warning. Notices leave the system (e-mail, webhooks), so they
 * carry no evidence and no source names: only what, where, how severe, the deadlines and a link.
 */
export const NOTICE_KINDS = ['raised', 'escalated', 'acknowledged', 'decided', 'closed', 'reminder'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type NoticeSeverity = 'critical' | 'high' | 'medium' | 'low';

export type WarningNotice = {
  warningId: number;
  title: string;
  severity: NoticeSeverity;
  country: string; // ISO3
  countryName: string;
  admin1: string | null;
  status: string;
  tier: number;
  ackDueAt: string; // ISO 8601
  decideDueAt: string; // ISO 8601
  summary: string;
  url: string | null; // publicBaseUrl + /warnings/{id}, when a public base URL is set
};
