import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useMessages } from '../i18n/LocaleProvider.js';
import { REPORT_DRAFT_KEY } from './form/draft-keys.js';
import { usePageTitle } from '../PageTitle.js';
import type { PageProps } from '../routes.js';
import { useSession } from '../session.js';
import { fetchGroups, submitReport } from './form/api.js';
import { reportFormMessages } from './form/messages.js';
import { ReportForm } from './form/ReportForm.js';
import { MY_REPORTS_KEY, MyReports } from './mine/MyReports.js';
import type { ReportBody } from './form/to-report.js';
import './form/report-form.css';

/** Roles that may list protected groups (GET /api/groups); a monitor's device does not read the store. */
const GROUP_READERS = new Set(['admin', 'analyst']);

/** A signed-in monitor, analyst or admin files a report. */
export default function NewReportPage(_: PageProps) {
  const t = useMessages(reportFormMessages);
  usePageTitle(t.title);
  const role = useSession().data?.role;
  const queryClient = useQueryClient();
  const send = useCallback(
    async (body: ReportBody) => {
      const receipt = await submitReport(body);
      void queryClient.invalidateQueries({ queryKey: MY_REPORTS_KEY });
      return receipt;
    },
    [queryClient],
  );
  return (
    <div className="page report-page">
      <div className="page-head">
        <h1>{t.title}</h1>
        <p className="hint">{t.intro}</p>
      </div>
      <ReportForm
        storageKey={REPORT_DRAFT_KEY}
        send={send}
        throughLink={false}
        groupsOf={role !== undefined && GROUP_READERS.has(role) ? fetchGroups : null}
      />
      <MyReports />
    </div>
  );
}
