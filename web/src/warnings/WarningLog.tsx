import type { Decision } from '../../../src/warnings/warning.js';
import { useFormat, useMessages } from '../i18n/LocaleProvider.js';
import type { WarningLogEntry } from './api.js';
import { historyFacts } from './history.js';
import { warningsMessages } from './messages.js';

const isDecision = (d: string | null): d is Decision => d === 'act' || d === 'monitor' || d === 'no-action';

/** The warning's history: who did what and when, oldest first, with reasons and lateness. */
export function WarningLog({ log }: { log: readonly WarningLogEntry[] }) {
  const t = useMessages(warningsMessages);
  const format = useFormat();
  const statusWord = (s: string) => (s in t.measureStatuses ? t.measureStatuses[s as keyof typeof t.measureStatuses] : s);
  return (
    <section className="panel" aria-labelledby="warning-history-title">
      <h2 id="warning-history-title">{t.historyTitle}</h2>
      <ol className="warning-log" data-testid="warning-log">
        {log.map((entry) => {
          const f = historyFacts(entry.detail);
          return (
            <li key={entry.id}>
              <p>
                <strong>{t.actions[entry.action] ?? entry.action}</strong>
                {isDecision(f.decision) && <>: {t.decisions[f.decision]}</>}
                {f.measure !== null && <>: {f.measure}</>}
                {f.statusChange !== null && (
                  <> ({t.statusChange(statusWord(f.statusChange.from), statusWord(f.statusChange.to))})</>
                )}
                {f.tiers !== null && <> ({t.tiers(f.tiers.from, f.tiers.to)})</>}{' '}
                {f.late && <span className="badge danger">{t.late}</span>}
              </p>
              <p className="hint">
                <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>{' '}
                {entry.by !== null
                  ? t.by(entry.by)
                  : entry.action === 'escalated' || entry.action === 'overdue'
                    ? t.byScheduler
                    : ''}
              </p>
              {f.text !== null && <blockquote className="prose">{f.text}</blockquote>}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
