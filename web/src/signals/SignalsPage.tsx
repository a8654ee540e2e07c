import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { SIGNAL_STATUSES } from '../../../src/surveillance/signals/signal.js';
import { useCountries } from '../events-queries.js';
import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import { usePageTitle } from '../PageTitle.js';
import { Link, navigate, useSearchParams } from '../router.js';
import { fetchMethodLabels, fetchSignalPage } from './api.js';
import { categoryLabel, countryName } from './labels.js';
import { signalsMessages } from './messages.js';
import { excess, queryFromSearch, searchOfQuery, SIGNAL_ORDERS, sortSignals, type SignalQuery } from './queue.js';
import './signals.css';
import { LoadFailed } from '../LoadFailed.js';

/** The triage queue: new signals first, filtered by status, country and method, newest or strongest first. */
export default function SignalsPage() {
  const t = useMessages(signalsMessages);
  const core = useT();
  const format = useFormat();
  usePageTitle(t.title);
  const query = queryFromSearch(useSearchParams());
  const setQuery = (change: Partial<SignalQuery>) =>
    navigate(`/signals${searchOfQuery({ ...query, ...change })}`, { replace: true });
  const countries = useCountries();
  const methods = useQuery({ queryKey: ['surveillance-methods'], queryFn: fetchMethodLabels, staleTime: Infinity });
  const pages = useInfiniteQuery({
    queryKey: ['signals', query.status, query.country, query.method],
    queryFn: ({ pageParam }) => fetchSignalPage(query, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
  const signals = useMemo(
    () => sortSignals(pages.data?.pages.flatMap((p) => p.items) ?? [], query.order),
    [pages.data, query.order],
  );
  const ratio = (s: (typeof signals)[number]) => {
    const x = excess(s);
    return x === null ? core.unknown : x === Infinity ? '∞' : `×${format.number(Math.round(x * 10) / 10)}`;
  };

  return (
    <div className="page signals-page">
      <div className="page-head">
        <h1>{t.title}</h1>
        <p className="hint">{t.intro}</p>
      </div>
      <form className="panel queue-filters" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t.status}
          <select value={query.status} onChange={(e) => setQuery({ status: e.target.value as SignalQuery['status'] })}>
            {SIGNAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.statuses[s]}
              </option>
            ))}
            <option value="">{t.allStatuses}</option>
          </select>
        </label>
        <label>
          {core.filters.country}
          <select value={query.country} onChange={(e) => setQuery({ country: e.target.value })}>
            <option value="">{core.filters.allCountries}</option>
            {countries.data?.map((c) => (
              <option key={c.iso3} value={c.iso3}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.method}
          <select value={query.method} onChange={(e) => setQuery({ method: e.target.value })}>
            <option value="">{t.allMethods}</option>
            {[...new Set([...(methods.data ?? []), ...(query.method === '' ? [] : [query.method])])].map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.order}
          <select value={query.order} onChange={(e) => setQuery({ order: e.target.value as SignalQuery['order'] })}>
            {SIGNAL_ORDERS.map((o) => (
              <option key={o} value={o}>
                {t.orders[o]}
              </option>
            ))}
          </select>
        </label>
      </form>

      {pages.isError && <LoadFailed what={t.title.toLowerCase()} error={pages.error} retry={() => void pages.refetch()} />}
      {pages.isPending && <p role="status">{core.loading}</p>}
      {pages.isSuccess && (
        <section className="panel" aria-busy={pages.isPlaceholderData || pages.isFetchingNextPage}>
          <p className="hint" role="status">
            {signals.length === 0 ? t.empty : t.shown(signals.length)}
          </p>
          {query.order === 'strongest' && pages.hasNextPage && <p className="hint">{t.strongestNote}</p>}
          {signals.length > 0 && (
            <div className="table-wrap">
              <table className="data-table signal-queue" data-testid="signal-queue">
                <caption className="visually-hidden">{t.caption}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t.period}</th>
                    <th scope="col">{t.place}</th>
                    <th scope="col">{t.category}</th>
                    <th scope="col">{t.measure}</th>
                    <th scope="col" className="numeric">
                      {t.observed}
                    </th>
                    <th scope="col" className="numeric">
                      {t.bound}
                    </th>
                    <th scope="col" className="numeric">
                      {t.excess}
                    </th>
                    <th scope="col">{t.method}</th>
                    <th scope="col">{t.status}</th>
                  </tr>
                </thead>
                <tbody>
                  {signals.map((s) => (
                    <tr key={s.id}>
                      <td data-label={t.period}>
                        <Link to={`/signals/${s.id}`}>
                          {s.frequency === 'weekly' ? t.weekOf(format.date(s.week)) : format.date(s.week)}
                        </Link>
                      </td>
                      <td data-label={t.place}>{countryName(s.country, countries.data)}</td>
                      <td data-label={t.category}>{categoryLabel(s.category, t, core)}</td>
                      <td data-label={t.measure}>{t.measures[s.measure]}</td>
                      <td data-label={t.observed} className="numeric">
                        {format.number(s.observed)}
                      </td>
                      <td data-label={t.bound} className="numeric">
                        {s.upperbound === null ? core.unknown : format.number(Math.round(s.upperbound * 10) / 10)}
                      </td>
                      <td data-label={t.excess} className="numeric">
                        {ratio(s)}
                      </td>
                      <td data-label={t.method}>{s.method}</td>
                      <td data-label={t.status}>
                        <span className={`badge status-${s.status}`}>{t.statuses[s.status]}</span>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages.hasNextPage && (
            <button type="button" onClick={() => void pages.fetchNextPage()} disabled={pages.isFetchingNextPage}>
              {pages.isFetchingNextPage ? core.loading : t.more}
            </button>
          )}
        </section>
      )}
    </div>
  );
}
