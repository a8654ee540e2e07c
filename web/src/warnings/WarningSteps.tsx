import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { DECISIONS, type Decision } from '../../../src/warnings/warning.js';
import { useMessages } from '../i18n/LocaleProvider.js';
import { reasonProblem } from '../signals/triage-rules.js';
import { acknowledgeWarning, decideWarning, type Warning } from './api.js';
import { warningsMessages } from './messages.js';

/** Acknowledge a raised warning, or decide on an acknowledged one with the written reason. */
export function WarningSteps({ warning }: { warning: Warning }) {
  const t = useMessages(warningsMessages);
  const queryClient = useQueryClient();
  const ids = useId();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<'decision' | 'reason' | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['warnings'] });
  const acknowledge = useMutation({ mutationFn: () => acknowledgeWarning(warning.id), onSettled: refresh });
  const decide = useMutation({
    mutationFn: (d: { decision: Decision; reason: string }) => decideWarning(warning.id, d.decision, d.reason),
    onSettled: refresh,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = decision === null ? 'decision' : reasonProblem(reason, 10_000) === null ? null : 'reason';
    setProblem(wrong);
    if (wrong === null && decision !== null) decide.mutate({ decision, reason });
  };
  const failed = acknowledge.error ?? decide.error;

  return (
    <section className="panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{warning.status === 'acknowledged' ? t.decideTitle : t.stepTitle}</h2>
      {warning.status === 'raised' && (
        <button type="button" className="primary" onClick={() => acknowledge.mutate()} disabled={acknowledge.isPending}>
          {acknowledge.isPending ? t.acknowledging : t.acknowledge}
        </button>
      )}
      {warning.status === 'acknowledged' && (
        <form className="form-grid decide-form" onSubmit={submit} noValidate>
          <fieldset aria-describedby={problem === 'decision' ? `${ids}-decision-error` : undefined}>
            <legend>{t.decision}</legend>
            {DECISIONS.map((d) => (
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
                  <strong>{t.decisions[d]}</strong>{' '}
                  <span id={`${ids}-${d}-hint`} className="hint">
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
            aria-invalid={problem === 'reason'}
            aria-describedby={`${ids}-reason-hint${problem === 'reason' ? ` ${ids}-reason-error` : ''}`}
          />
          <p id={`${ids}-reason-hint`} className="hint">
            {t.reasonHint}
          </p>
          {problem === 'reason' && (
            <p id={`${ids}-reason-error`} className="form-error">
              {t.reasonRequired}
            </p>
          )}
          <div>
            <button type="submit" className="primary" disabled={decide.isPending}>
              {decide.isPending ? t.submitting : t.submitDecision}
            </button>
          </div>
        </form>
      )}
      {warning.status !== 'raised' && warning.status !== 'acknowledged' && <p>{t.noStep}</p>}
      <div role="status">
        {acknowledge.isSuccess && warning.status === 'acknowledged' && <p className="banner ok">{t.acknowledgedDone}</p>}
        {decide.isSuccess && decide.data.decision !== null && (
          <p className="banner ok">{t.decidedDone(t.decisions[decide.data.decision])}</p>
        )}
      </div>
      <div role="alert">{failed && <p className="banner">{failed.message}</p>}</div>
    </section>
  );
}
