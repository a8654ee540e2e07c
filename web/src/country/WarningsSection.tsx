import { useQuery } from '@tanstack/react-query';
import { useFormat, useMessages } from '../i18n/LocaleProvider.js';
import { fetchWarningMeasures, fetchWarnings, type Warning } from './api.js';
import { countryMessages } from './messages.js';
import { useFramework } from './queries.js';
import { Empty, QueryGate, Section } from './Section.js';

const SEVERITY_TONE: Record<Warning['severity'], string> = {
  critical: 'badge danger',
  high: 'badge danger',
  medium: 'badge warn',
  low: 'badge',
};

/** The country's warnings, newest first, each with the measures taken and those recommended. */
export function WarningsSection({ iso3 }: { iso3: string }) {
  const m = useMessages(countryMessages);
  const warnings = useQuery({ queryKey: ['warnings', iso3], queryFn: () => fetchWarnings(iso3) });
  return (
    <Section id="country-warnings" title={m.warnings.title}>
      <QueryGate queries={[warnings]}>
        {() =>
          (warnings.data ?? []).length === 0 ? (
            <Empty>{m.warnings.none}</Empty>
          ) : (
            <ul className="card-list">
              {warnings.data!.map((w) => (
                <WarningCard key={w.id} warning={w} />
              ))}
            </ul>
          )
        }
      </QueryGate>
    </Section>
  );
}

function WarningCard({ warning: w }: { warning: Warning }) {
  const m = useMessages(countryMessages);
  const format = useFormat();
  const framework = useFramework();
  const measures = useQuery({ queryKey: ['warning-measures', w.id], queryFn: () => fetchWarningMeasures(w.id) });
  const factorTitle = new Map((framework.data ?? []).map((f) => [f.id, `${f.number}. ${f.title}`]));
  return (
    <li className="card" data-testid="warning-card">
      <h3 dir="auto">{w.title}</h3>
      <p className="card-badges">
        <span className={SEVERITY_TONE[w.severity]}>
          {m.warnings.severity}: {m.warnings.severities[w.severity] ?? w.severity}
        </span>{' '}
        <span className="badge">
          {m.warnings.status}: {m.warnings.statuses[w.status] ?? w.status}
        </span>{' '}
        <span className="hint">
          {m.warnings.raised(format.date(w.raisedAt))}
          {w.decision !== null && ` · ${m.warnings.decision(m.warnings.decisions[w.decision] ?? w.decision)}`}
        </span>
      </p>
      {w.summary !== '' && (
        <p className="country-prose" dir="auto">
          {w.summary}
        </p>
      )}
      {w.riskFactors.length > 0 && (
        <p>
          <span className="card-label">{m.warnings.riskFactors}:</span>{' '}
          {w.riskFactors.map((id) => factorTitle.get(id) ?? id).join('; ')}
        </p>
      )}
      <QueryGate queries={[measures]}>
        {() => {
          const { measures: taken, recommended } = measures.data!;
          return (
            <div className="warning-measures">
              <h4 className="card-label">{m.warnings.measures}</h4>
              {taken.length === 0 ? (
                <p className="hint">{m.warnings.noMeasures}</p>
              ) : (
                <ul>
                  {taken.map((x) => (
                    <li key={x.id}>
                      <span className="badge">{m.warnings.measureStatuses[x.status] ?? x.status}</span> <bdi>{x.title}</bdi>{' '}
                      <span className="hint">
                        {x.kind !== null && `${m.warnings.kinds[x.kind] ?? x.kind} · `}
                        {m.warnings.owner(x.owner)}
                        {x.dueDate !== null && ` · ${m.warnings.due(format.date(x.dueDate))}`}
                      </span>
                      {x.outcome !== null && (
                        <p className="country-prose" dir="auto">
                          {x.outcome}
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {recommended.length > 0 && (
                <details>
                  <summary>
                    {m.warnings.recommended} ({format.number(recommended.length)})
                  </summary>
                  <ul>
                    {recommended.map((r) => (
                      <li key={r.id}>
                        <bdi>{r.title}</bdi> <span className="hint">({m.warnings.kinds[r.kind] ?? r.kind})</span>
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </div>
          );
        }}
      </QueryGate>
    </li>
  );
}
