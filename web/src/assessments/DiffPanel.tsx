import { useId, useState } from 'react';
import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import type { AssessmentSummary, RiskFactor } from './api.js';
import { defaultComparison } from './assessment-model.js';
import { revisedFrom } from './history.js';
import { assessmentsMessages } from './messages.js';
import { useAssessments, useDiff, useHistory } from './queries.js';

/** What changed between another assessment of the country (by default the one before) and this one. */
export function DiffPanel({ assessment: a, factors }: { assessment: AssessmentSummary; factors: readonly RiskFactor[] }) {
  const t = useMessages(assessmentsMessages);
  const core = useT();
  const fmt = useFormat();
  const uid = useId();
  const others = (useAssessments({ country: a.country, status: '' }).data ?? []).filter((o) => o.id !== a.id);
  const history = useHistory(a.id);
  const [chosen, setChosen] = useState<number | null>(null);
  const compared = chosen ?? defaultComparison(a, others, revisedFrom(history.data ?? []));
  const diff = useDiff(compared, a.id);
  const texts = new Map(factors.flatMap((f) => f.indicators.map((i) => [i.id, i.text])));
  const titles = new Map(factors.map((f) => [f.id, f.title]));
  const side = (c: { rating: keyof typeof t.ratings; confidence: keyof typeof t.confidences } | null) =>
    c === null ? t.diff.notRated : t.diff.rating(t.ratings[c.rating], t.confidences[c.confidence]);

  return (
    <section className="panel diff" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t.diff.heading}</h2>
      {others.length === 0 ? (
        <p className="hint">{t.diff.none}</p>
      ) : (
        <div className="field">
          <label htmlFor={`${uid}-with`}>{t.diff.compareWith}</label>
          <select
            id={`${uid}-with`}
            value={compared ?? ''}
            onChange={(e) => setChosen(e.target.value === '' ? null : Number(e.target.value))}
          >
            <option value="">{t.diff.choose}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {t.diff.option(o.id, t.period(fmt.date(o.periodStart), fmt.date(o.periodEnd)), t.statuses[o.status])}
              </option>
            ))}
          </select>
        </div>
      )}
      {diff.isError && (
        <p className="banner" role="alert">
          {core.errors.loadFailed(t.diff.heading.toLowerCase())} {diff.error.message}
        </p>
      )}
      {diff.data !== undefined && compared !== null && (
        <div className="diff-result" data-testid="assessment-diff">
          <p>
            {t.diff.level(
              diff.data.level.from === null ? t.list.noLevel : t.levels[diff.data.level.from],
              diff.data.level.to === null ? t.list.noLevel : t.levels[diff.data.level.to],
            )}{' '}
            <span className="badge">{t.diff.directions[diff.data.level.direction]}</span>
          </p>
          <h3>{t.diff.indicators}</h3>
          {diff.data.indicators.length === 0 ? (
            <p className="hint">{t.diff.noIndicators}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t.diff.indicator}</th>
                    <th scope="col">{t.diff.column(diff.data.from)}</th>
                    <th scope="col">{t.diff.column(diff.data.to)}</th>
                  </tr>
                </thead>
                <tbody>
                  {diff.data.indicators.map((c) => (
                    <tr key={c.indicatorId}>
                      <th scope="row">
                        <span className="indicator-id">{c.indicatorId}</span>{' '}
                        <span className="hint">{texts.get(c.indicatorId)}</span>
                      </th>
                      <td>{side(c.from)}</td>
                      <td>{side(c.to)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <h3>{t.diff.factors}</h3>
          {diff.data.factors.length === 0 ? (
            <p className="hint">{t.diff.noFactors}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t.diff.factor}</th>
                    <th scope="col" className="numeric">
                      {t.diff.column(diff.data.from)}
                    </th>
                    <th scope="col" className="numeric">
                      {t.diff.column(diff.data.to)}
                    </th>
                    <th scope="col" className="numeric">
                      {t.diff.change}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {diff.data.factors.map((f) => (
                    <tr key={f.factorId}>
                      <th scope="row">
                        {f.factorId} <span className="hint">{titles.get(f.factorId)}</span>
                      </th>
                      <td className="numeric">{f.from === null ? core.unknown : fmt.number(f.from)}</td>
                      <td className="numeric">{f.to === null ? core.unknown : fmt.number(f.to)}</td>
                      <td className="numeric">
                        {f.change === null ? core.unknown : `${f.change > 0 ? '+' : ''}${fmt.number(f.change)}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
