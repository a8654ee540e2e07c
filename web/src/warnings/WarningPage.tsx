import { useQuery } from '@tanstack/react-query';
import { useCountries } from '../events-queries.js';
import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import { usePageTitle } from '../PageTitle.js';
import type { PageProps } from '../routes.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { fetchSignal } from '../signals/api.js';
import { countryName } from '../signals/labels.js';
import { fetchWarning, type WarningDetail } from './api.js';
import { MeasuresPanel } from './MeasuresPanel.js';
import { warningsMessages } from './messages.js';
import { TimeLeft, useNow } from './TimeLeft.js';
import { WarningLog } from './WarningLog.js';
import { mayDecide, mayRecordMeasures } from './warning-rules.js';
import { WarningSteps } from './WarningSteps.js';
import './warnings.css';

/** One warning: what and where, the time left, the step waiting, measures, and the history. */
export default function WarningPage({ params }: PageProps) {
  const t = useMessages(warningsMessages);
  const core = useT();
  const id = Number(params['id']);
  const warning = useQuery({
    queryKey: ['warnings', 'one', id],
    queryFn: () => fetchWarning(id),
    enabled: Number.isInteger(id) && id > 0,
  });
  usePageTitle(warning.data?.title ?? t.title);
  return (
    <div className="page warning-page">
      <p>
        <Link to="/warnings">{t.back}</Link>
      </p>
      <div className="page-head">
        <h1>{warning.data?.title ?? t.title}</h1>
      </div>
      {warning.isError && (
        <p className="banner" role="alert">
          {warning.error.message}
        </p>
      )}
      {warning.isPending && <p role="status">{core.loading}</p>}
      {warning.data && <WarningBody warning={warning.data} />}
    </div>
  );
}

function WarningBody({ warning }: { warning: WarningDetail }) {
  const t = useMessages(warningsMessages);
  const core = useT();
  const format = useFormat();
  const now = useNow();
  const role = useSession().data?.role;
  const countries = useCountries();
  const signal = useQuery({
    queryKey: ['signal', warning.signalId],
    queryFn: () => fetchSignal(warning.signalId ?? 0),
    enabled: warning.signalId !== null,
  });
  const tiers = [...new Set(warning.recipients.map((r) => r.tier))].sort((a, b) => a - b);

  return (
    <div className="warning-layout">
      <div className="warning-main">
        <section className="panel" aria-labelledby="warning-facts-title">
          <h2 id="warning-facts-title">{t.facts}</h2>
          <p className="warning-badges">
            <span className={`badge severity-${warning.severity}`}>{t.severities[warning.severity]}</span>{' '}
            <span className="badge">{t.statuses[warning.status]}</span> <TimeLeft warning={warning} now={now} />
          </p>
          <dl className="facts">
            <dt>{t.place}</dt>
            <dd>
              {countryName(warning.country, countries.data)}
              {warning.admin1 !== null && `, ${warning.admin1}`}
            </dd>
            <dt>{t.origin}</dt>
            <dd>
              {t.origins[warning.origin]}
              {warning.signalId !== null && (
                <>
                  {' · '}
                  <Link to={`/signals/${warning.signalId}`}>{t.openSignal(warning.signalId)}</Link>
                </>
              )}
            </dd>
            <dt>{t.raised}</dt>
            <dd>{t.raisedBy(format.dateTime(warning.raisedAt), warning.raisedBy ?? core.unknown)}</dd>
            <dt>{t.acknowledgeBy}</dt>
            <dd>{format.dateTime(warning.ackDueAt)}</dd>
            <dt>{t.decideBy}</dt>
            <dd>{format.dateTime(warning.decideDueAt)}</dd>
            {warning.acknowledgedAt !== null && (
              <>
                <dt>{t.acknowledged}</dt>
                <dd>{t.raisedBy(format.dateTime(warning.acknowledgedAt), warning.acknowledgedBy ?? core.unknown)}</dd>
              </>
            )}
            {warning.decision !== null && warning.decidedAt !== null && (
              <>
                <dt>{t.decision}</dt>
                <dd>
                  <strong>{t.decisions[warning.decision]}</strong> ·{' '}
                  {t.raisedBy(format.dateTime(warning.decidedAt), warning.decidedBy ?? core.unknown)}
                </dd>
                <dt>{t.reason}</dt>
                <dd className="prose">{warning.decisionReason}</dd>
              </>
            )}
            {warning.closedAt !== null && (
              <>
                <dt>{t.closed}</dt>
                <dd className="prose">
                  {t.raisedBy(format.dateTime(warning.closedAt), warning.closedBy ?? core.unknown)}: {warning.closeNote}
                </dd>
              </>
            )}
            <dt>{t.riskFactors}</dt>
            <dd>{warning.riskFactors.length > 0 ? warning.riskFactors.join(', ') : core.unknown}</dd>
            {warning.groups.length > 0 && (
              <>
                <dt>{t.groups}</dt>
                <dd>{warning.groups.map((g) => g.name).join(', ')}</dd>
              </>
            )}
            <dt>{t.recipients}</dt>
            <dd>
              {tiers.map((tier) => (
                <span key={tier} className="tier">
                  {t.tier(tier)}:{' '}
                  {warning.recipients
                    .filter((r) => r.tier === tier)
                    .map((r) => (r.role !== null ? core.roles[r.role] : (r.username ?? core.unknown)))
                    .join(', ')}
                  {tier <= warning.tier && ` (${t.reached})`}
                </span>
              ))}
            </dd>
          </dl>
          {warning.summary !== '' && (
            <>
              <h3>{t.summary}</h3>
              <p className="prose">{warning.summary}</p>
            </>
          )}
          {signal.data?.triageNote && (
            <>
              <h3>{t.analystReason}</h3>
              <blockquote className="prose">{signal.data.triageNote}</blockquote>
            </>
          )}
        </section>
        <MeasuresPanel warning={warning} mayRecord={role !== undefined && mayRecordMeasures(role)} />
      </div>
      <div className="warning-side">
        {role !== undefined && mayDecide(role) ? (
          <WarningSteps warning={warning} />
        ) : (
          <p className="panel hint" data-testid="read-only">
            {t.readOnlySteps}
          </p>
        )}
        <WarningLog log={warning.log} />
      </div>
    </div>
  );
}
