import type { NoticeKind, WarningNotice } from './notice.js';

const HEADLINE: Record<NoticeKind, string> = {
  raised: 'Warning raised',
  escalated: 'Warning escalated: a step is overdue',
  acknowledged: 'Warning acknowledged',
  decided: 'Decision recorded on warning',
  closed: 'Warning closed',
  reminder: 'Reminder: a step on this warning is due',
};

/** One line, no control characters: a title must not break a mail header. */
const oneLine = (s: string): string => s.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').trim();

const capitalised = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Where the warning is, as a reader says it: "North Darfur, Sudan (SDN)". */
export const placeOf = (n: WarningNotice): string =>
  `${n.admin1 ? `${oneLine(n.admin1)}, ` : ''}${oneLine(n.countryName)} (${n.country})`;

/** "2026-03-01 14:00 UTC" from an ISO timestamp (the text as given when it does not parse). */
export function utcMinute(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The e-mail subject: kind, severity, title and place, on one line. */
export function noticeSubject(kind: NoticeKind, n: WarningNotice): string {
  return `[Tocsin] ${HEADLINE[kind]} (${n.severity}): ${oneLine(n.title)} - ${placeOf(n)}`;
}

/**
 * The plain-text e-mail body: what, where, how severe, the deadlines and a link. It carries no
 * evidence and no source names: a notice leaves the system.
 */
export function noticeText(kind: NoticeKind, n: WarningNotice): string {
  const lines = [
    `${HEADLINE[kind]}.`,
    '',
    `What:            ${oneLine(n.title)}`,
    `Where:           ${placeOf(n)}`,
    `Severity:        ${capitalised(n.severity)}`,
    `Status:          ${n.status} (escalation tier ${n.tier})`,
    `Acknowledge by:  ${utcMinute(n.ackDueAt)}`,
    `Decide by:       ${utcMinute(n.decideDueAt)}`,
  ];
  if (n.summary.trim()) lines.push('', n.summary.trim());
  lines.push('', n.url ? `Open the warning: ${n.url}` : `Open warning #${n.warningId} in Tocsin.`);
  lines.push('', '-- ', 'Sent by Tocsin because you are a recipient of this warning.');
  return `${lines.join('\n')}\n`;
}
