import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCountries } from '../events-queries.js';
import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import { usePageTitle } from '../PageTitle.js';
import type { PageProps } from '../routes.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { fetchSignal, fetchWarningOfSignal, raiseWarningFromSignal, type Signal } from './api.js';
import { categoryLabel, countryName } from './labels.js';
import { signalsMessages } from './messages.js';
import { excess } from './queue.js';
import { SignalChart } from './SignalChart.js';
import { SignalEvents } from './SignalEvents.js';
import { mayTriage } from './triage-rules.js';
import { TriageForm } from './TriageForm.js';
import './signals.css';

/** One signal: what alarmed, the weeks around it, the events behind it, and its triage. */
export default function SignalPage({ params }: PageProps) {
  const t = useMessages(signalsMessages);
  const core = useT();
  const id = Number(params['id']);
  const signal = useQuery({ queryKey: ['signal', id], queryFn: () => fetchSignal(id), enabled: Number.isInteger(id) && id > 0 });
  const countries = useCountries();
  const heading = signal.data
    ? t.heading(categoryLabel(signal.data.category, t, core), countryName(signal.data.country, countries.data))
    : t.title;
  usePageTitle(heading);

  return (
    <div className="page signal-page">
      <p>
        <Link to="/signals">{t.back}</Link>
      </p>
      <div className="page-head">
        <h1>{heading}</h1>
      </div>
      {signal.isError && (
        <p className="banner" role="alert">
          {signal.error.message}
        </p>
      )}
      {signal.isPending && <p role="status">{core.loading}</p>}
      {signal.data && <SignalBody signal={signal.data} />}
    </div>
  );
}

function SignalBody({ signal }: { signal: Signal }) {
  const t = useMessages(signalsMessages);
  const core = useT();
  const format = useFormat();
  const session = useSession();
  const countries = useCountries();
  const triager = session.data ? mayTriage(session.data.role) : false;
  const x = excess(signal);
  const round = (n: number) => format.number(Math.round(n * 10) / 10);

  return (
    <div className="signal-layout">
      <div className="signal-main">
        <section className="panel" aria-labelledby="signal-facts-title">
          <h2 id="signal-facts-title">{t.facts}</h2>
          <dl className="facts">
            <dt>{t.period}</dt>
            <dd>{signal.frequency === 'weekly' ? t.weekOf(format.date(signal.week)) : format.date(signal.week)}</dd>
            <dt>{t.place}</dt>
            <dd>{countryName(signal.country, countries.data)}</dd>
            <dt>{t.category}</dt>
            <dd>{categoryLabel(signal.category, t, core)}</dd>
            <dt>{t.measure}</dt>
            <dd>{t.measures[signal.measure]}</dd>
            <dt>{t.observed}</dt>
            <dd>{format.number(signal.observed)}</dd>
            <dt>{t.bound}</dt>
            <dd>{signal.upperbound === null ? core.unknown : round(signal.upperbound)}</dd>
            <dt>{t.excess}</dt>
            <dd>{x === null ? core.unknown : x === Infinity ? '∞' : `×${round(x)}`}</dd>
            <dt>{t.method}</dt>
            <dd>{signal.method}</dd>
            <dt>{t.detected}</dt>
            <dd>{format.dateTime(signal.detectedAt)}</dd>
            <dt>{t.status}</dt>
            <dd>
              <span className={`badge status-${signal.status}`}>{t.statuses[signal.status]}</span>
            </dd>
            {signal.triagedAt !== null && (
              <>
                <dt>{t.triage}</dt>
                <dd>{t.triagedBy(signal.triagedBy ?? core.unknown, format.dateTime(signal.triagedAt))}</dd>
                <dt>{t.reason}</dt>
                <dd className="prose">{signal.triageNote ?? core.unknown}</dd>
              </>
            )}
          </dl>
        </section>
        <SignalChart signal={signal} />
        <SignalEvents signal={signal} />
      </div>
      <div className="signal-side">
        {signal.status === 'warning' && <WarningOfSignal signal={signal} triager={triager} />}
        {triager ? (
          <TriageForm signal={signal} />
        ) : (
          <p className="panel hint" data-testid="read-only">
            {t.readOnly}
          </p>
        )}
      </div>
    </div>
  );
}

/** The warning raised from the signal; if raising failed after the triage, a way to raise it now. */
function WarningOfSignal({ signal, triager }: { signal: Signal; triager: boolean }) {
  const t = useMessages(signalsMessages);
  const core = useT();
  const queryClient = useQueryClient();
  const warning = useQuery({ queryKey: ['warnings', 'of-signal', signal.id], queryFn: () => fetchWarningOfSignal(signal) });
  const raise = useMutation({
    mutationFn: () => raiseWarningFromSignal(signal.id),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['warnings'] }),
  });
  if (warning.isPending) return <p role="status">{core.loading}</p>;
  if (warning.isError) return <p className="banner">{warning.error.message}</p>;
  return (
    <section className="panel" aria-labelledby="signal-warning-title">
      <h2 id="signal-warning-title">{t.warningOfSignal}</h2>
      {warning.data !== null ? (
        <p>
          <Link to={`/warnings/${warning.data.id}`}>{t.openWarning(warning.data.id)}</Link>: {warning.data.title}
        </p>
      ) : (
        <>
          <p>{t.raiseMissing}</p>
          {triager && (
            <button type="button" className="primary" onClick={() => raise.mutate()} disabled={raise.isPending}>
              {t.raiseNow}
            </button>
          )}
          <div role="alert">{raise.isError && <p className="banner">{raise.error.message}</p>}</div>
        </>
      )}
    </section>
  );
}
