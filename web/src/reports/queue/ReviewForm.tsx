import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useMessages } from '../../i18n/LocaleProvider.js';
import { openSteps, type ReviewAction } from '../vocabulary.js';
import { reviewReport, type Report } from './api.js';
import { reportsQueueMessages } from './messages.js';
import { stepProblems, type StepProblem } from './review-rules.js';

/** The verification steps open from the report's status, each with the written reason the log keeps. */
export function ReviewForm({ report }: { report: Report }) {
  const t = useMessages(reportsQueueMessages);
  const ids = useId();
  const queryClient = useQueryClient();
  const steps = openSteps(report.status);
  const [action, setAction] = useState<ReviewAction | null>(null);
  const [reason, setReason] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [problems, setProblems] = useState<StepProblem[]>([]);
  const review = useMutation({
    mutationFn: (step: { action: ReviewAction; reason: string; duplicateOf: string }) => reviewReport(report.id, step),
    onSuccess: () => {
      setAction(null);
      setReason('');
      setDuplicateOf('');
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['reports'] });
      void queryClient.invalidateQueries({ queryKey: ['report', report.id] });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = stepProblems({ action, reason, duplicateOf });
    setProblems(found);
    if (found.length === 0 && action !== null) review.mutate({ action, reason, duplicateOf });
  };
  const has = (p: StepProblem) => problems.includes(p);
  const reasonProblem = problems.find((p) => p === 'reasonShort' || p === 'reasonLong');

  return (
    <section className="panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t.reviewTitle}</h2>
      {steps.length === 0 ? (
        <p className="hint">{t.noSteps}</p>
      ) : (
        <form className="form-grid review-form" onSubmit={submit} noValidate>
          <fieldset aria-describedby={has('action') ? `${ids}-action-error` : undefined}>
            <legend>{t.step}</legend>
            {steps.map((s) => (
              <label key={s} className="choice">
                <input type="radio" name={`${ids}-step`} value={s} checked={action === s} onChange={() => setAction(s)} />
                <span>
                  <strong>{t.steps[s]}</strong> <span className="hint">{t.stepHints[s]}</span>
                </span>
              </label>
            ))}
            {has('action') && (
              <p id={`${ids}-action-error`} className="field-error">
                {t.stepProblems.action}
              </p>
            )}
          </fieldset>
          {action === 'mark-duplicate' && (
            <>
              <label htmlFor={`${ids}-original`}>{t.original}</label>
              <input
                id={`${ids}-original`}
                value={duplicateOf}
                onChange={(e) => setDuplicateOf(e.target.value)}
                aria-invalid={has('original') || undefined}
                aria-describedby={has('original') ? `${ids}-original-error` : undefined}
              />
              {has('original') && (
                <p id={`${ids}-original-error`} className="field-error">
                  {t.stepProblems.original}
                </p>
              )}
            </>
          )}
          <label htmlFor={`${ids}-reason`}>{t.reason}</label>
          <textarea
            id={`${ids}-reason`}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required
            aria-invalid={reasonProblem !== undefined || undefined}
            aria-describedby={`${ids}-reason-hint${reasonProblem ? ` ${ids}-reason-error` : ''}`}
          />
          <p id={`${ids}-reason-hint`} className="hint">
            {t.reasonHint}
          </p>
          {reasonProblem && (
            <p id={`${ids}-reason-error`} className="field-error">
              {t.stepProblems[reasonProblem]}
            </p>
          )}
          <div>
            <button type="submit" className="primary" disabled={review.isPending}>
              {review.isPending ? t.recording : t.record}
            </button>
          </div>
        </form>
      )}
      <div role="status">
        {review.isSuccess && <p className="banner ok">{t.recorded(t.statuses[review.data.report.status])}</p>}
      </div>
      <div role="alert">{review.isError && <p className="banner">{review.error.message}</p>}</div>
    </section>
  );
}
