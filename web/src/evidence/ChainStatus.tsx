import { useMessages } from '../i18n/LocaleProvider.js';
import type { ChainCheck } from './custody-check.js';
import { evidenceMessages } from './messages.js';

/** The result of re-checking a chain, in words and a badge (never colour alone). */
export function ChainStatus({ check, pending }: { check: ChainCheck | null | undefined; pending: boolean }) {
  const t = useMessages(evidenceMessages).chain;
  if (pending || check === undefined) return <span className="muted">{t.checking}</span>;
  if (check === null) return <span className="badge">{t.unavailable}</span>;
  if (check.intact) return <span className="badge ok">{t.intact(check.entries)}</span>;
  return (
    <span className="badge danger" title={t.reasons[check.reason]}>
      {t.brokenAt(check.seq)}
    </span>
  );
}
