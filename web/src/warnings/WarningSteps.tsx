import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { DECISIONS, type Decision } from '../../../src/warnings/warning.js';
import { DecisionChoices, ReasonField } from '../forms/DecisionFields.js';
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
          <DecisionChoices
            ids={ids}
            legend={t.decision}
            choices={DECISIONS}
            labels={t.decisions}
            hints={t.decisionHints}
            value={decision}
            onChange={setDecision}
            error={problem === 'decision' ? t.chooseDecision : null}
          />
          <ReasonField
            ids={ids}
            label={t.reason}
            hint={t.reasonHint}
            value={reason}
            onChange={setReason}
            error={problem === 'reason' ? t.reasonRequired : null}
          />
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
