import { useQuery } from '@tanstack/react-query';
import { useFormat, useMessages, useT } from '../../i18n/LocaleProvider.js';
import { LoadFailed } from '../../LoadFailed.js';
import { fetchMyReports } from './api.js';
import { myReportsMessages } from './messages.js';

export const MY_REPORTS_KEY = ['reports', 'mine'] as const;

/** Below the form: the reports this user sent and where each stands, so a monitor can follow up. */
export function MyReports() {
  const t = useMessages(myReportsMessages);
  const core = useT();
  const format = useFormat();
  const reports = useQuery({ queryKey: MY_REPORTS_KEY, queryFn: fetchMyReports });
  return (
    <section className="panel my-reports" aria-labelledby="my-reports-title" data-testid="my-reports">
      <h2 id="my-reports-title">{t.title}</h2>
      <p className="hint">{t.intro}</p>
      {reports.isPending && <p role="status">{core.loading}</p>}
      {reports.isError && <LoadFailed what={t.title.toLowerCase()} error={reports.error} retry={() => void reports.refetch()} />}
      {reports.data?.length === 0 && <p>{t.empty}</p>}
      {reports.data !== undefined && reports.data.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.reference}</th>
              <th scope="col">{t.incident}</th>
              <th scope="col">{t.sent}</th>
              <th scope="col">{t.status}</th>
            </tr>
          </thead>
          <tbody>
            {reports.data.map((r) => (
              <tr key={r.reference}>
                <td className="nowrap">
                  <bdi>{r.reference}</bdi>
                </td>
                <td>
                  {format.date(r.dateStart)} · {r.country}
                </td>
                <td>{format.date(r.submittedAt)}</td>
                <td>{t.statuses[r.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
