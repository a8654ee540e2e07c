import { useEffect, useState } from 'react';
import { useFormat, useLocale, useMessages } from '../i18n/LocaleProvider.js';
import { formatDuration, isEscalated, timeLeft, type Deadlined } from './deadlines.js';
import { warningsMessages } from './messages.js';

/** The current time, refreshed every minute, so "3 h left" stays true while the page is open. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/** "2 days left to acknowledge", or "Overdue" (a text badge, in red) "Decision overdue by 3 h"; escalation marked. */
export function TimeLeft({ warning, now }: { warning: Deadlined; now: number }) {
  const t = useMessages(warningsMessages);
  const format = useFormat();
  const { locale } = useLocale();
  const left = timeLeft(warning, now);
  return (
    <span className="time-left">
      {left === null ? (
        <span className="hint">{t.nothingPending}</span>
      ) : left.overdue ? (
        <span className="overdue">
          <span className="badge danger">{t.overdue}</span>{' '}
          {(left.step === 'acknowledge' ? t.overdueToAcknowledge : t.overdueToDecide)(formatDuration(left.msLeft, locale))}
        </span>
      ) : (
        <span>
          {(left.step === 'acknowledge' ? t.leftToAcknowledge : t.leftToDecide)(formatDuration(left.msLeft, locale))}
          <span className="hint"> ({t.dueAt(format.dateTime(left.dueAt))})</span>
        </span>
      )}
      {isEscalated(warning) && left !== null && (
        <>
          {' '}
          <span className="badge warn">{t.escalated(warning.tier)}</span>
        </>
      )}
    </span>
  );
}
