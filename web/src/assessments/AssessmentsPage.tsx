import { useState } from 'react';
import { useCountries } from '../events-queries.js';
import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import { usePageTitle } from '../PageTitle.js';
import { Link, navigate, useSearchParams } from '../router.js';
import type { PageProps } from '../routes.js';
import { useSession } from '../session.js';
import { canDraft } from './assessment-model.js';
import { LevelBadge, StatusBadge } from './Badges.js';
import { assessmentsMessages } from './messages.js';
import { NewAssessmentForm } from './NewAssessmentForm.js';
import { useAssessments } from './queries.js';
import { STATUSES } from './vocabulary.js';
import './assessments.css';
import { LoadFailed } from '../LoadFailed.js';

/** The assessments by country and status, the most recent period first; drafters open new ones here. */
export default function AssessmentsPage(_: PageProps) {
  const t = useMessages(assessmentsMessages);
  const core = useT();
  const fmt = useFormat();
  usePageTitle(t.title);
  const role = useSession().data?.role;
  const search = useSearchParams();
  const filter = { country: search.get('country') ?? '', status: search.get('status') ?? '' };
  const list = useAssessments(filter);
  const countries = useCountries();
  const names = new Map((countries.data ?? []).map((c) => [c.iso3, c.name]));
  const [creating, setCreating] = useState(false);

  const setFilter = (key: 'country' | 'status', value: string) => {
    const next = new URLSearchParams(search);
    if (value === '') next.delete(key);
    else next.set(key, value);
    const query = next.toString();
    navigate(`/assessments${query === '' ? '' : `?${query}`}`, { replace: true });
  };

  return (
    <div className="page assessments-page">
      <div className="page-head">
        <h1>{t.title}</h1>
        {role !== undefined && canDraft(role) && !creating && (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            {t.create.open}
          </button>
        )}
      </div>
      <p className="hint">{t.intro}</p>
      {creating && <NewAssessmentForm countries={countries.data ?? []} onCancel={() => setCreating(false)} />}

      <form className="assessment-filters" aria-label={t.list.filters} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t.list.country}
          <select value={filter.country} onChange={(e) => setFilter('country', e.target.value)}>
            <option value="">{t.list.allCountries}</option>
            {(countries.data ?? []).map((c) => (
              <option key={c.iso3} value={c.iso3}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.list.status}
          <select value={filter.status} onChange={(e) => setFilter('status', e.target.value)}>
            <option value="">{t.list.allStatuses}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t.statuses[s]}
              </option>
            ))}
          </select>
        </label>
      </form>

      {list.isPending && <p className="page-status">{core.loading}</p>}
      {list.isError && <LoadFailed what={t.title.toLowerCase()} error={list.error} retry={() => void list.refetch()} />}
      {list.data !== undefined && (
        <div className="panel table-scroll">
          <p className="hint" role="status">
            {t.list.count(list.data.length)}
          </p>
          {list.data.length === 0 ? (
            <p className="table-empty">{t.list.empty}</p>
          ) : (
            <table className="data-table assessments-table">
              <caption className="visually-hidden">{t.list.caption}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.list.scope}</th>
                  <th scope="col">{t.list.period}</th>
                  <th scope="col">{t.list.statusColumn}</th>
                  <th scope="col">{t.list.level}</th>
                  <th scope="col">{t.list.author}</th>
                  <th scope="col">{t.list.updated}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.map((a) => (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link to={`/assessments/${a.id}`}>{names.get(a.country) ?? a.country}</Link>
                      {a.admin1 !== null && <span className="scope-note">{t.scope.admin1(a.admin1)}</span>}
                      {a.groupId !== null && <span className="scope-note">{t.scope.group(a.groupId)}</span>}
                    </th>
                    <td data-label={t.list.period}>{t.period(fmt.date(a.periodStart), fmt.date(a.periodEnd))}</td>
                    <td data-label={t.list.statusColumn}>
                      <StatusBadge status={a.status} />
                    </td>
                    <td data-label={t.list.level}>
                      <LevelBadge level={a.level} />
                    </td>
                    <td data-label={t.list.author}>{a.author ?? core.unknown}</td>
                    <td data-label={t.list.updated}>{fmt.dateTime(a.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
}
