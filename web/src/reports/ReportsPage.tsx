import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useFormat, useLocale, useMessages, useT } from '../i18n/LocaleProvider.js';
import { usePageTitle } from '../PageTitle.js';
import { Link, navigate, useSearchParams } from '../router.js';
import type { PageProps } from '../routes.js';
import { useSession } from '../session.js';
import { countryOptions } from './form/countries.js';
import { reportFormMessages } from './form/messages.js';
import { fetchReports } from './queue/api.js';
import { IntakeLinkPanel } from './queue/IntakeLinkPanel.js';
import { actsText, statusTone } from './queue/labels.js';
import { reportsQueueMessages } from './queue/messages.js';
import { queryFromSearch, searchOfQuery, type QueueQuery } from './queue/queue-query.js';
import { REPORT_STATUSES } from './vocabulary.js';
import './queue/queue.css';
import { LoadFailed } from '../LoadFailed.js';

const PAGE = 100;
const MAX = 1000;

/** The verification queue: reports newest first, by status and country; analysts also hand out intake links here. */
export default function ReportsPage(_: PageProps) {
  const t = useMessages(reportsQueueMessages);
  const form = useMessages(reportFormMessages);
  const core = useT();
  const format = useFormat();
  const { locale } = useLocale();
  usePageTitle(t.title);
  const query = queryFromSearch(useSearchParams());
  const [limit, setLimit] = useState(PAGE);
  const setQuery = (change: Partial<QueueQuery>) => {
    setLimit(PAGE);
    navigate(`/reports${searchOfQuery({ ...query, ...change })}`, { replace: true });
  };
  const role = useSession().data?.role;
  const countries = useMemo(() => countryOptions(locale), [locale]);
  const countryName = (iso3: string) => countries.find((c) => c.iso3 === iso3)?.name ?? iso3;
  const reports = useQuery({
    queryKey: ['reports', query.status, query.country, limit],
    queryFn: () => fetchReports(query, limit),
    placeholderData: keepPreviousData,
  });
  const items = reports.data ?? [];

  return (
    <div className="page reports-page">
      <div className="page-head">
        <h1>{t.title}</h1>
        <p className="hint">{t.intro}</p>
      </div>
      <form className="panel queue-filters" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t.status}
          <select value={query.status} onChange={(e) => setQuery({ status: e.target.value as QueueQuery['status'] })}>
            <option value="">{t.allStatuses}</option>
            {REPORT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.statuses[s]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {core.filters.country}
          <select value={query.country} onChange={(e) => setQuery({ country: e.target.value })}>
            <option value="">{core.filters.allCountries}</option>
            {countries.map((c) => (
              <option key={c.iso3} value={c.iso3}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
      </form>

      {reports.isError && <LoadFailed what={t.title.toLowerCase()} error={reports.error} retry={() => void reports.refetch()} />}
      {reports.isPending && <p role="status">{core.loading}</p>}
      {reports.isSuccess && (
        <section className="panel" aria-busy={reports.isPlaceholderData}>
          <p className="hint" role="status">
            {items.length === 0 ? t.empty : t.shown(items.length)}
          </p>
          {items.length > 0 && (
            <div className="table-scroll">
              <table className="data-table reports-table">
                <caption className="visually-hidden">{t.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.reference}</th>
                    <th scope="col">{t.status}</th>
                    <th scope="col">{t.incidentDate}</th>
                    <th scope="col">{t.place}</th>
                    <th scope="col">{t.acts}</th>
                    <th scope="col" className="numeric">
                      {t.fatalities}
                    </th>
                    <th scope="col">{t.sender}</th>
                    <th scope="col">{t.submitted}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((r) => (
                    <tr key={r.id}>
                      <td data-label={t.reference}>
                        <Link to={`/reports/${r.id}`} className="reference">
                          {r.reference}
                        </Link>
                      </td>
                      <td data-label={t.status}>
                        <span className={statusTone(r.status)}>{t.statuses[r.status]}</span>
                      </td>
                      <td data-label={t.incidentDate}>
                        {r.dateEnd === r.dateStart
                          ? format.date(r.dateStart)
                          : t.dateRange(format.date(r.dateStart), format.date(r.dateEnd))}
                      </td>
                      <td data-label={t.place}>{[countryName(r.country), r.admin1].filter(Boolean).join(', ')}</td>
                      <td data-label={t.acts}>{actsText(r.acts, form, locale)}</td>
                      <td data-label={t.fatalities} className="numeric">
                        {r.fatalities === null ? core.unknown : format.number(r.fatalities)}
                      </td>
                      <td data-label={t.sender}>{r.anonymous ? t.anonymous : t.signedIn}</td>
                      <td data-label={t.submitted}>{format.dateTime(r.submittedAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {items.length === limit && limit < MAX && (
            <button type="button" onClick={() => setLimit((l) => Math.min(l + PAGE, MAX))}>
              {t.more}
            </button>
          )}
        </section>
      )}
      {(role === 'admin' || role === 'analyst') && <IntakeLinkPanel />}
    </div>
  );
}
