import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { TRIAGE_DECISIONS, type TriageDecision } from '../../../src/surveillance/signals/signal.js';
import { useMessages } from '../i18n/LocaleProvider.js';
import { Link } from '../router.js';
import { triageSignal, type Signal } from './api.js';
import { signalsMessages } from './messages.js';
import { reasonProblem } from './triage-rules.js';

/** Discard, monitor or raise a warning, in one step, with the written reason the record needs. */
export function TriageForm({ signal }: { signal: Signal }) {
  const t = useMessages(signalsMessages);
  const queryClient = useQueryClient();
  const ids = useId();
  const [decision, setDecision] = useState<TriageDecision | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'decision' | 'required' | 'tooLong' | null>(null);
  const triage = useMutation({
    mutationFn: (input: { decision: TriageDecision; reason: string }) => triageSignal(signal.id, input.decision, input.reason),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['signals'] });
      void queryClient.invalidateQueries({ queryKey: ['signal', signal.id] });
      void queryClient.invalidateQueries({ queryKey: ['warnings'] });
    },
    onSuccess: () => setReason(''),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = decision === null ? 'decision' : reasonProblem(reason);
    setProblem(wrong);
    if (wrong === null && decision !== null) triage.mutate({ decision, reason });
  };
  const reasonError = problem === 'required' ? t.reasonRequired : problem === 'tooLong' ? t.reasonTooLong : null;

  return (
    <section className="panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{signal.status === 'new' ? t.triageTitle : t.retriageTitle}</h2>
      <form className="form-grid triage-form" onSubmit={submit} noValidate>
        <fieldset aria-describedby={problem === 'decision' ? `${ids}-decision-error` : undefined}>
          <legend>{t.decision}</legend>
          {TRIAGE_DECISIONS.map((d) => (
            <label key={d} className="choice">
              <input
                type="radio"
                name={`${ids}-decision`}
                value={d}
                checked={decision === d}
                onChange={() => setDecision(d)}
                aria-describedby={`${ids}-${d}-hint`}
              />
              <span>
                <strong>{t.decisions[d]}</strong>
                <span id={`${ids}-${d}-hint`} className="hint">
                  {' '}
                  {t.decisionHints[d]}
                </span>
              </span>
            </label>
          ))}
          {problem === 'decision' && (
            <p id={`${ids}-decision-error`} className="form-error">
              {t.chooseDecision}
            </p>
          )}
        </fieldset>
        <label htmlFor={`${ids}-reason`}>{t.reason}</label>
        <textarea
          id={`${ids}-reason`}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          aria-invalid={reasonError !== null}
          aria-describedby={`${ids}-reason-hint${reasonError === null ? '' : ` ${ids}-reason-error`}`}
        />
        <p id={`${ids}-reason-hint`} className="hint">
          {t.reasonHint}
        </p>
        {reasonError !== null && (
          <p id={`${ids}-reason-error`} className="form-error">
            {reasonError}
          </p>
        )}
        <div>
          <button type="submit" className="primary" disabled={triage.isPending}>
            {triage.isPending ? t.submitting : t.submit}
          </button>
        </div>
      </form>
      <div role="status" className="triage-result">
        {triage.isSuccess && (
          <p className="banner ok">
            {t.recorded(t.statuses[triage.data.signal.status])}
            {triage.data.warning !== null && (
              <>
                {' '}
                {t.warningRaised(triage.data.warning.id)}{' '}
                <Link to={`/warnings/${triage.data.warning.id}`}>{t.openWarning(triage.data.warning.id)}</Link>
              </>
            )}
          </p>
        )}
      </div>
      <div role="alert">{triage.isError && <p className="banner">{triage.error.message}</p>}</div>
    </section>
  );
}
