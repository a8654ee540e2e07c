import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../api.js';
import { useMessages, useT } from '../i18n/LocaleProvider.js';
import { usePageTitle } from '../PageTitle.js';
import { Link } from '../router.js';
import type { PageProps } from '../routes.js';
import { useSession } from '../session.js';
import { fetchReport, type Report } from './queue/api.js';
import { reportsQueueMessages } from './queue/messages.js';
import { ReportFacts } from './queue/ReportFacts.js';
import { ReportHistory } from './queue/ReportHistory.js';
import { RevealPanel } from './queue/RevealPanel.js';
import { ReviewForm } from './queue/ReviewForm.js';
import { statusTone } from './queue/labels.js';
import './queue/queue.css';
import { LoadFailed } from '../LoadFailed.js';

/** One report, sealed parts as the API returns them; analysts review it, investigators may open identities (logged). */
export default function ReportPage({ params }: PageProps) {
  const t = useMessages(reportsQueueMessages);
  const core = useT();
  const id = Number(params.id);
  const report = useQuery({ queryKey: ['report', id], queryFn: () => fetchReport(id), enabled: Number.isInteger(id) && id > 0 });
  usePageTitle(report.data ? t.heading(report.data.reference) : t.title);
  const role = useSession().data?.role;

  if (!(Number.isInteger(id) && id > 0) || (report.error instanceof ApiError && report.error.status === 404)) {
    return (
      <div className="page report-detail">
        <h1>{core.notFound.title}</h1>
        <Link to="/reports">{t.back}</Link>
      </div>
    );
  }
  return (
    <div className="page report-detail">
      <p>
        <Link to="/reports">← {t.back}</Link>
      </p>
      {report.isPending && <p role="status">{core.loading}</p>}
      {report.isError && <LoadFailed what={t.heading(String(id))} error={report.error} retry={() => void report.refetch()} />}
      {report.data && (
        <>
          <div className="page-head">
            <h1>
              {t.heading(report.data.reference)}{' '}
              <span className={statusTone(report.data.status)}>{t.statuses[report.data.status]}</span>
            </h1>
          </div>
          <div className="report-columns">
            <div className="report-main">
              <ReportFacts report={report.data} />
            </div>
            <div className="report-side">
              {(role === 'admin' || role === 'analyst') && <ReviewForm report={report.data} />}
              {(role === 'admin' || role === 'investigator') && hasSealedParts(report.data) && (
                <RevealPanel reportId={report.data.id} />
              )}
              <ReportHistory report={report.data} />
            </div>
          </div>
        </>
      )}
    </div>
  );
}

/** Whether the report holds anything sealed: its confidential part or a source's identity. */
const hasSealedParts = (r: Report) => r.confidential !== null || r.sources.some((s) => s.identity !== null);
