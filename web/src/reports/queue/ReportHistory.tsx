import { useFormat, useMessages } from '../../i18n/LocaleProvider.js';
import type { Report } from './api.js';
import { reportsQueueMessages } from './messages.js';

/** Every step the report went through, oldest first, with who took it and why. */
export function ReportHistory({ report }: { report: Report }) {
  const t = useMessages(reportsQueueMessages);
  const format = useFormat();
  const actions: Record<string, string> = t.logActions;
  return (
    <section className="panel" aria-labelledby="report-history">
      <h2 id="report-history">{t.history}</h2>
      {report.eventId !== null && <p className="banner ok">{t.becameEvent(report.eventId)}</p>}
      {report.duplicateOf !== null && <p>{t.duplicateOf(report.duplicateOf)}</p>}
      <ol className="history">
        {report.log.map((entry, i) => (
          <li key={i}>
            <strong>{actions[entry.action] ?? entry.action}</strong> · {format.dateTime(entry.at)} ·{' '}
            {t.byWhom(entry.by ?? t.anonymousSender)}
            {typeof entry.detail.reason === 'string' && <p className="reason">{entry.detail.reason}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
