import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCountries } from '../events-queries.js';
import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import { usePageTitle } from '../PageTitle.js';
import { Link, navigate, useSearchParams } from '../router.js';
import { countryName } from '../signals/labels.js';
import { fetchWarnings } from './api.js';
import { pendingStep, sortForInbox } from './deadlines.js';
import { warningsMessages } from './messages.js';
import { TimeLeft, useNow } from './TimeLeft.js';
import './warnings.css';
import { LoadFailed } from '../LoadFailed.js';

const VIEWS = ['action', 'all'] as const;
type View = (typeof VIEWS)[number];

/** The decision-makers' inbox: warnings waiting for acknowledgement or a decision, most urgent first. */
export default function WarningsPage() {
  const t = useMessages(warningsMessages);
  const core = useT();
  const format = useFormat();
  usePageTitle(t.title);
  const view: View = useSearchParams().get('view') === 'all' ? 'all' : 'action';
  const now = useNow();
  const countries = useCountries();
  const warnings = useQuery({ queryKey: ['warnings', 'inbox'], queryFn: () => fetchWarnings() });
  const shown = useMemo(() => {
    const all = warnings.data ?? [];
    return sortForInbox(view === 'all' ? all : all.filter((w) => pendingStep(w.status) !== null), now);
  }, [warnings.data, view, now]);

  return (
    <div className="page warnings-page">
      <div className="page-head">
        <h1>{t.title}</h1>
        <p className="hint">{t.intro}</p>
      </div>
      <div className="panel warning-filters">
        <label>
          {t.show}
          <select
            value={view}
            onChange={(e) => navigate(e.target.value === 'all' ? '/warnings?view=all' : '/warnings', { replace: true })}
          >
            {VIEWS.map((v) => (
              <option key={v} value={v}>
                {t.views[v]}
              </option>
            ))}
          </select>
        </label>
      </div>
      {warnings.isError && (
        <LoadFailed what={t.title.toLowerCase()} error={warnings.error} retry={() => void warnings.refetch()} />
      )}
      {warnings.isPending && <p role="status">{core.loading}</p>}
      {warnings.isSuccess && (
        <section className="panel">
          <p className="hint" role="status">
            {shown.length === 0 ? (view === 'all' ? t.emptyAll : t.empty) : t.shown(shown.length)}
          </p>
          {shown.length > 0 && (
            <div className="table-wrap">
              <table className="data-table warning-inbox" data-testid="warning-inbox">
                <caption className="visually-hidden">{t.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.warning}</th>
                    <th scope="col">{t.severity}</th>
                    <th scope="col">{t.place}</th>
                    <th scope="col">{t.status}</th>
                    <th scope="col">{t.timeLeft}</th>
                    <th scope="col">{t.raised}</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((w) => (
                    <tr key={w.id}>
                      <td data-label={t.warning}>
                        <Link to={`/warnings/${w.id}`}>{w.title}</Link>
                      </td>
                      <td data-label={t.severity}>
                        <span className={`badge severity-${w.severity}`}>{t.severities[w.severity]}</span>
                      </td>
                      <td data-label={t.place}>
                        {countryName(w.country, countries.data)}
                        {w.admin1 !== null && `, ${w.admin1}`}
                      </td>
                      <td data-label={t.status}>{t.statuses[w.status]}</td>
                      <td data-label={t.timeLeft}>
                        <TimeLeft warning={w} now={now} />
                      </td>
                      <td data-label={t.raised} className="nowrap">
                        {format.dateTime(w.raisedAt)}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
