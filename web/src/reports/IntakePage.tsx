import { useMessages } from '../i18n/LocaleProvider.js';
import { INTAKE_DRAFT_KEY } from './form/draft-keys.js';
import { usePageTitle } from '../PageTitle.js';
import type { PageProps } from '../routes.js';
import { submitAnonymousReport } from './form/api.js';
import { reportFormMessages } from './form/messages.js';
import { ReportForm } from './form/ReportForm.js';
import type { ReportBody } from './form/to-report.js';
import './form/report-form.css';

/**
 * Anonymous intake through a one-time link: the same form, no sign-in, nothing about the sender
 * stored. The API checks a link only when a report is sent through it, so a used or unknown link
 * is told then, with the text kept (a new link in the same tab finds the same draft).
 */
export default function IntakePage({ params }: PageProps) {
  const t = useMessages(reportFormMessages);
  usePageTitle(t.intakeTitle);
  const token = params.token ?? '';
  return (
    <div className="page report-page">
      <div className="page-head">
        <h1>{t.intakeTitle}</h1>
        <p className="hint">{t.intro}</p>
      </div>
      <ReportForm
        storageKey={INTAKE_DRAFT_KEY}
        send={(body: ReportBody) => submitAnonymousReport(token, body)}
        throughLink
        groupsOf={null}
      />
    </div>
  );
}
