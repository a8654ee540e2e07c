import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { TRIAGE_DECISIONS, type TriageDecision } from '../../../src/surveillance/signals/signal.js';
import { DecisionChoices, ReasonField } from '../forms/DecisionFields.js';
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
        <DecisionChoices
          ids={ids}
          legend={t.decision}
          choices={TRIAGE_DECISIONS}
          labels={t.decisions}
          hints={t.decisionHints}
          value={decision}
          onChange={setDecision}
          error={problem === 'decision' ? t.chooseDecision : null}
        />
        <ReasonField ids={ids} label={t.reason} hint={t.reasonHint} value={reason} onChange={setReason} error={reasonError} />
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
