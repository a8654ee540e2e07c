import { ApiError } from '../api.js';
import { useCountries } from '../events-queries.js';
import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import { usePageTitle } from '../PageTitle.js';
import { Link } from '../router.js';
import type { PageProps } from '../routes.js';
import { useSession } from '../session.js';
import { permissionsFor } from './assessment-model.js';
import { LevelBadge, StatusBadge } from './Badges.js';
import { DiffPanel } from './DiffPanel.js';
import { FactorsForm } from './FactorsForm.js';
import { HistoryPanel } from './HistoryPanel.js';
import { assessmentsMessages } from './messages.js';
import { useAssessment, useFramework } from './queries.js';
import { ReviewPanel } from './ReviewPanel.js';
import { useRatingDrafts } from './rating-drafts.js';
import './assessments.css';

/** One assessment: the indicator-by-indicator form with the data's suggestions, review and publication, history and diffs. */
export default function AssessmentPage({ params }: PageProps) {
  // A new id is a new form: nothing typed for one assessment may carry over to the next (revise navigates here).
  return <Assessment key={params['id']} id={Number(params['id'])} />;
}

function Assessment({ id }: { id: number }) {
  const t = useMessages(assessmentsMessages);
  const core = useT();
  const fmt = useFormat();
  const user = useSession().data;
  const assessment = useAssessment(id);
  const framework = useFramework(assessment.data?.frameworkVersion);
  const countries = useCountries();
  const a = assessment.data;
  const drafts = useRatingDrafts(a);
  const country = a === undefined ? '' : (countries.data?.find((c) => c.iso3 === a.country)?.name ?? a.country);
  usePageTitle(a === undefined ? t.title : t.detail.title(country));

  if (!Number.isInteger(id) || id <= 0 || (assessment.error instanceof ApiError && assessment.error.status === 404)) {
    return (
      <div className="page">
        <h1>{t.title}</h1>
        <p role="alert">{t.detail.notFound}</p>
        <Link to="/assessments">{t.detail.back}</Link>
      </div>
    );
  }
  if (assessment.isError || framework.isError) {
    return (
      <div className="page">
        <h1>{t.title}</h1>
        <div className="banner" role="alert">
          {core.errors.loadFailed(t.title.toLowerCase())} {(assessment.error ?? framework.error)?.message}{' '}
          <button type="button" onClick={() => void (assessment.isError ? assessment.refetch() : framework.refetch())}>
            {core.retry}
          </button>
        </div>
      </div>
    );
  }
  if (a === undefined || framework.data === undefined || user === undefined || user === null)
    return <p className="page-status">{core.loading}</p>;

  const can = permissionsFor(a, user);
  return (
    <div className="page assessment-page">
      <div className="page-head">
        <h1>{t.detail.title(country)}</h1>
        <Link to={`/assessments?country=${a.country}`}>{t.detail.back}</Link>
      </div>
      <section className="panel" aria-labelledby="assessment-facts">
        <h2 id="assessment-facts" className="visually-hidden">
          {t.detail.facts}
        </h2>
        <dl className="assessment-facts">
          <div>
            <dt>{t.detail.period}</dt>
            <dd>{t.period(fmt.date(a.periodStart), fmt.date(a.periodEnd))}</dd>
          </div>
          {a.admin1 !== null && (
            <div>
              <dt>{t.list.scope}</dt>
              <dd>{t.scope.admin1(a.admin1)}</dd>
            </div>
          )}
          <div>
            <dt>{t.detail.status}</dt>
            <dd data-testid="assessment-status">
              <StatusBadge status={a.status} />
            </dd>
          </div>
          <div>
            <dt>{t.detail.level}</dt>
            <dd data-testid="assessment-level">
              <LevelBadge level={a.level} />
            </dd>
          </div>
          <div>
            <dt>{t.detail.author}</dt>
            <dd>{a.author ?? core.unknown}</dd>
          </div>
          <div>
            <dt>{t.detail.reviewer}</dt>
            <dd>{a.reviewer ?? core.unknown}</dd>
          </div>
          <div>
            <dt>{t.detail.framework}</dt>
            <dd>{a.frameworkVersion}</dd>
          </div>
        </dl>
        {a.summary !== '' && (
          <>
            <h3 className="facts-summary-title">{t.detail.summary}</h3>
            <p className="facts-summary">{a.summary}</p>
          </>
        )}
        <p className="hint">
          {can.rate ? t.detail.draftHint : a.status === 'draft' ? t.detail.readOnly : t.detail.frozen(t.statuses[a.status])}
        </p>
      </section>
      <FactorsForm assessment={a} factors={framework.data.factors} editable={can.rate} drafts={drafts} />
      <ReviewPanel assessment={a} can={can} viewer={user} unsaved={drafts.unsaved.length} />
      <HistoryPanel id={a.id} factors={framework.data.factors} />
      <DiffPanel assessment={a} factors={framework.data.factors} />
    </div>
  );
}
