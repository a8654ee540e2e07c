import { useId } from 'react';
import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import type { HistoryEntry, RiskFactor } from './api.js';
import { readHistoryEntry, type HistoryLine } from './history.js';
import { assessmentsMessages, type AssessmentsMessages } from './messages.js';
import { useHistory } from './queries.js';

/** Every change of the assessment, oldest first, with who and when: ratings with the one they replaced. */
export function HistoryPanel({ id, factors }: { id: number; factors: readonly RiskFactor[] }) {
  const t = useMessages(assessmentsMessages);
  const core = useT();
  const fmt = useFormat();
  const uid = useId();
  const history = useHistory(id);
  const texts = new Map(factors.flatMap((f) => f.indicators.map((i) => [i.id, i.text])));
  return (
    <section className="panel history" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t.history.heading}</h2>
      {history.isPending && <p className="hint">{core.loading}</p>}
      {history.isError && (
        <p className="banner" role="alert">
          {core.errors.loadFailed(t.history.heading.toLowerCase())}
        </p>
      )}
      {history.data !== undefined && (
        <div className="table-scroll">
          <table className="data-table history-table">
            <caption className="visually-hidden">{t.history.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.history.when}</th>
                <th scope="col">{t.history.who}</th>
                <th scope="col">{t.history.what}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((entry: HistoryEntry) => (
                <tr key={entry.id} data-action={entry.action}>
                  <td className="nowrap">{fmt.dateTime(entry.at)}</td>
                  <td>{entry.user ?? t.history.unknownUser}</td>
                  <td>
                    <HistoryText line={readHistoryEntry(entry)} t={t} date={(iso) => fmt.date(iso)} texts={texts} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function HistoryText({
  line,
  t,
  date,
  texts,
}: {
  line: HistoryLine;
  t: AssessmentsMessages;
  date: (iso: string) => string;
  texts: ReadonlyMap<string, string>;
}) {
  switch (line.action) {
    case 'created':
      return t.history.created(date(line.periodStart), date(line.periodEnd), line.frameworkVersion);
    case 'rated':
      return (
        <>
          <span title={texts.get(line.indicatorId)}>
            {t.history.rated(line.indicatorId, t.ratings[line.rating], t.confidences[line.confidence])}
          </span>
          {line.previous !== null && (
            <span className="hint">
              {' '}
              ({t.history.ratedWas(t.ratings[line.previous.rating], t.confidences[line.previous.confidence])})
            </span>
          )}
        </>
      );
    case 'submitted':
      return t.history.submitted(t.levels[line.level]);
    case 'returned':
      return t.history.returned(line.note);
    case 'published':
      return (
        <>
          {t.history.published(t.levels[line.level])}
          {line.levelRose && line.previousLevel !== null && <>; {t.history.publishedRose(t.levels[line.previousLevel])}</>}
        </>
      );
    case 'revised-from':
      return (
        <>
          {t.history.revisedFrom(line.from, line.copied)}
          {line.dropped.length > 0 && <>; {t.history.dropped(line.dropped.join(', '))}</>}
        </>
      );
    case 'other':
      return t.history.other(line.name);
  }
}
