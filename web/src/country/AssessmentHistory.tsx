import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useFormat, useMessages } from '../i18n/LocaleProvider.js';
import { fetchDiff, fetchHistory, type AssessmentDiff, type AssessmentSummary } from './api.js';
import { nationalAssessments } from './assessment-trend.js';
import { levelName, levelTone, ratingName } from './levels.js';
import { countryMessages, type CountryMessages } from './messages.js';
import { useFramework, usePublishedAssessments } from './queries.js';
import { Empty, QueryGate, ScrollBox, Section } from './Section.js';

/** Every published country-wide assessment, newest first, with what changed from the one before. */
export function AssessmentHistory({ iso3 }: { iso3: string }) {
  const m = useMessages(countryMessages);
  const format = useFormat();
  const assessments = usePublishedAssessments(iso3);
  return (
    <Section id="country-history" title={m.history.title}>
      <QueryGate queries={[assessments]}>
        {() => {
          const national = nationalAssessments(assessments.data ?? []);
          if (national.length === 0) return <Empty>{m.history.none}</Empty>;
          return (
            <>
              <ScrollBox label={m.history.caption}>
                <table className="data-table">
                  <caption className="visually-hidden">{m.history.caption}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{m.history.period}</th>
                      <th scope="col">{m.history.level}</th>
                      <th scope="col">{m.history.published}</th>
                      <th scope="col">{m.history.people}</th>
                      <th scope="col">{m.history.changes}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {national.map((a, i) => (
                      <tr key={a.id}>
                        <th scope="row">
                          {format.date(a.periodStart)} – {format.date(a.periodEnd)}
                        </th>
                        <td>
                          <span className={levelTone(a.level)}>{levelName(m, a.level)}</span>
                        </td>
                        <td>{a.publishedAt === null ? '—' : format.date(a.publishedAt)}</td>
                        <td>{[a.author, a.reviewer].filter((p) => p !== null).join(' / ') || '—'}</td>
                        <td>{national[i + 1] ? <Changes from={national[i + 1]!} to={a} /> : m.history.first}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
              <ChangeLog newest={national[0]!} />
            </>
          );
        }}
      </QueryGate>
    </Section>
  );
}

/** The diff between two versions, fetched when the reader opens it. */
function Changes({ from, to }: { from: AssessmentSummary; to: AssessmentSummary }) {
  const m = useMessages(countryMessages);
  const [open, setOpen] = useState(false);
  const diff = useQuery({
    queryKey: ['assessment-diff', from.id, to.id],
    queryFn: () => fetchDiff(from.id, to.id),
    enabled: open,
  });
  const framework = useFramework();
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{m.history.showChanges}</summary>
      {open && (
        <QueryGate queries={[diff]}>
          {() => <DiffView diff={diff.data!} titles={new Map((framework.data ?? []).map((f) => [f.id, f.title]))} m={m} />}
        </QueryGate>
      )}
    </details>
  );
}

function DiffView({ diff, titles, m }: { diff: AssessmentDiff; titles: Map<string, string>; m: CountryMessages }) {
  const format = useFormat();
  const level = (l: string | null) => levelName(m, l);
  const levelLine = {
    rose: m.history.levelRose(level(diff.level.from), level(diff.level.to)),
    fell: m.history.levelFell(level(diff.level.from), level(diff.level.to)),
    same: m.history.levelSame(level(diff.level.to)),
    set: m.history.levelSet(level(diff.level.to)),
    cleared: m.history.levelCleared,
  }[diff.level.direction as 'same'];
  const score = (x: number | null) => (x === null ? m.factors.notScored : format.number(Math.round(x * 100) / 100));
  const factors = diff.factors.filter((f) => f.from !== f.to);
  const rating = (r: AssessmentDiff['indicators'][number]['from']) =>
    r === null ? ratingName(m, null) : `${ratingName(m, r.rating)} (${m.confidences[r.confidence as 'low'] ?? r.confidence})`;
  return (
    <div className="assessment-diff">
      <p>{levelLine ?? diff.level.direction}</p>
      {factors.length === 0 && diff.indicators.length === 0 && <p>{m.history.noChanges}</p>}
      {factors.length > 0 && (
        <>
          <h3>{m.history.factorChanges}</h3>
          <ul>
            {factors.map((f) => (
              <li key={f.factorId}>{m.history.factorChange(titles.get(f.factorId) ?? f.factorId, score(f.from), score(f.to))}</li>
            ))}
          </ul>
        </>
      )}
      {diff.indicators.length > 0 && (
        <>
          <h3>{m.history.indicatorChanges}</h3>
          <ul>
            {diff.indicators.map((i) => (
              <li key={i.indicatorId}>{m.history.indicatorChange(i.indicatorId, rating(i.from), rating(i.to))}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** Who did what to the newest assessment, loaded when opened. */
function ChangeLog({ newest }: { newest: AssessmentSummary }) {
  const m = useMessages(countryMessages);
  const format = useFormat();
  const [open, setOpen] = useState(false);
  const log = useQuery({ queryKey: ['assessment-log', newest.id], queryFn: () => fetchHistory(newest.id), enabled: open });
  return (
    <details className="change-log" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{m.history.log}</summary>
      {open && (
        <QueryGate queries={[log]}>
          {() => (
            <ol>
              {(log.data ?? []).map((entry) => (
                <li key={entry.id}>
                  {m.history.logEntry(
                    m.history.actions[entry.action] ?? entry.action,
                    entry.user ?? m.history.someone,
                    format.dateTime(entry.at),
                  )}
                </li>
              ))}
            </ol>
          )}
        </QueryGate>
      )}
    </details>
  );
}
