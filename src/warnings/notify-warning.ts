import { countryByIso3 } from '../countries/countries.js';
import type { Queryable } from '../db/database.js';
import type { NoticeKind, WarningNotice } from './notify/notice.js';
import { enqueueNotifications } from './notify/notifications.repository.js';
import type { Warning } from './warning.js';
import type { WarningSettings } from './warning-settings.js';
import { readRecipients } from './warnings.repository.js';

/** What leaves the system about a warning: no evidence, no sources, no groups. */
export function noticeOf(w: Warning, settings: Pick<WarningSettings, 'publicBaseUrl'>): WarningNotice {
  return {
    warningId: w.id,
    title: w.title,
    severity: w.severity,
    country: w.country,
    countryName: countryByIso3(w.country)?.name ?? w.country,
    admin1: w.admin1,
    status: w.status,
    tier: w.tier,
    ackDueAt: w.ackDueAt,
    decideDueAt: w.decideDueAt,
    summary: w.summary,
    url: settings.publicBaseUrl ? `${settings.publicBaseUrl.replace(/\/+$/, '')}/warnings/${w.id}` : null,
  };
}

/**
 * Queues a notice of `kind` for the recipients of every tier the warning has reached (tier 0 up to
 * `w.tier`) and the configured webhooks, in the caller's transaction. The outbox drops a notice
 * already queued for the same warning, kind, tier, occasion and recipient.
 */
export async function notifyReachedTiers(
  tx: Queryable,
  w: Warning,
  kind: NoticeKind,
  settings: WarningSettings,
  now: Date,
  occasion?: string,
): Promise<number> {
  const recipients = (await readRecipients(tx, w.id))
    .filter((r) => r.tier <= w.tier)
    .map((r) => (r.userId !== null ? { userId: r.userId } : { role: r.role! }));
  return enqueueNotifications(tx, {
    warningId: w.id,
    kind,
    tier: w.tier,
    recipients,
    notice: noticeOf(w, settings),
    webhooks: settings.webhooks,
    now,
    ...(occasion ? { occasion } : {}),
  });
}
