import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { User } from '../api-schemas.js';
import { useMessages } from '../i18n/LocaleProvider.js';
import { navigate } from '../router.js';
import { publishAssessment, returnAssessment, reviseAssessment, submitAssessment, type AssessmentView } from './api.js';
import { defaultPeriod, isPeriod, type Permissions } from './assessment-model.js';
import { PeriodFields } from './PeriodFields.js';
import { LevelBadge } from './Badges.js';
import { assessmentsMessages } from './messages.js';
import { ASSESSMENTS_KEY, assessmentKey } from './queries.js';
import { PUBLISHERS } from '../../../src/assessments/workflow.js';
import { LEVELS, type Level } from './vocabulary.js';

/**
 * Review and publication: the author submits with the level they choose (the scores' suggestion beside
 * it), a reviewer returns it with a note or publishes it, and a drafter starts the next one from a
 * published assessment. Each action appears only for the roles the API admits.
 */
export function ReviewPanel({
  assessment: a,
  can,
  viewer,
  unsaved,
}: {
  assessment: AssessmentView;
  can: Permissions;
  viewer: User;
  unsaved: number;
}) {
  const t = useMessages(assessmentsMessages);
  const uid = useId();
  const queryClient = useQueryClient();
  const [level, setLevel] = useState<Level | ''>(a.level ?? '');
  const [summary, setSummary] = useState(a.summary);
  const [note, setNote] = useState('');
  const [period, setPeriod] = useState(() => defaultPeriod(new Date().toISOString().slice(0, 10)));
  const [outcome, setOutcome] = useState('');

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: assessmentKey(a.id) });
    await queryClient.invalidateQueries({ queryKey: ASSESSMENTS_KEY });
  };
  const action = useMutation({
    mutationFn: async (run: () => Promise<string>) => run(),
    onSuccess: async (message) => {
      setOutcome(message);
      await refresh();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (level === '') return;
    action.mutate(async () => {
      await submitAssessment(a.id, { level, summary });
      return t.review.submitted;
    });
  };
  const sendBack = (event: FormEvent) => {
    event.preventDefault();
    if (note.trim() === '') return;
    action.mutate(async () => {
      await returnAssessment(a.id, note.trim());
      setNote('');
      return t.review.returned;
    });
  };
  const publish = () =>
    action.mutate(async () => {
      const result = await publishAssessment(a.id);
      const published = t.review.published(t.levels[result.assessment.level ?? 'no-current-concern']);
      return result.levelRose && result.previousLevel !== null
        ? `${published} ${t.review.levelRose(t.levels[result.previousLevel])}`
        : published;
    });
  const revise = (event: FormEvent) => {
    event.preventDefault();
    action.mutate(async () => {
      const copy = await reviseAssessment(a.id, period);
      queryClient.setQueryData(assessmentKey(copy.id), copy);
      navigate(`/assessments/${copy.id}`);
      return '';
    });
  };
  const ownWork = a.status === 'in-review' && PUBLISHERS.includes(viewer.role) && a.authorId === viewer.id;
  const busy = action.isPending;

  return (
    <section className="panel review" aria-labelledby={`${uid}-title`}>
      <h2 id={`${uid}-title`}>{t.review.heading}</h2>
      <div className="suggested-level">
        <p>
          <strong>{t.review.suggestedLevel}:</strong>{' '}
          {a.suggestedLevel.level === null ? t.review.noSuggestedLevel : <LevelBadge level={a.suggestedLevel.level} />}
        </p>
        {a.suggestedLevel.explanation !== '' && (
          <p className="hint" lang="en" dir="ltr">
            {a.suggestedLevel.explanation}
          </p>
        )}
      </div>

      {can.submit && (
        <form className="form-grid" onSubmit={submit}>
          <label htmlFor={`${uid}-level`}>{t.review.level}</label>
          <select id={`${uid}-level`} required value={level} onChange={(e) => setLevel(e.target.value as Level | '')}>
            <option value="">{t.review.chooseLevel}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t.levels[l]}
              </option>
            ))}
          </select>
          <label htmlFor={`${uid}-summary`}>{t.review.summary}</label>
          <textarea id={`${uid}-summary`} value={summary} onChange={(e) => setSummary(e.target.value)} />
          {unsaved > 0 && <p className="form-error">{t.factors.unsaved(unsaved)}</p>}
          <div className="actions">
            <button type="submit" className="primary" disabled={busy || level === ''}>
              {busy ? t.review.submitting : t.review.submit}
            </button>
          </div>
        </form>
      )}

      {a.status === 'in-review' && !can.return && !can.publish && <p className="hint">{t.review.waiting}</p>}
      {ownWork && <p className="hint">{t.review.ownWork}</p>}
      {can.return && (
        <form className="form-grid" onSubmit={sendBack}>
          <label htmlFor={`${uid}-note`}>{t.review.returnNote}</label>
          <textarea id={`${uid}-note`} required value={note} onChange={(e) => setNote(e.target.value)} />
          <div className="actions">
            <button type="submit" disabled={busy || note.trim() === ''}>
              {busy ? t.review.returning : t.review.return}
            </button>
            {can.publish && (
              <button type="button" className="primary" disabled={busy} onClick={publish}>
                {busy ? t.review.publishing : t.review.publish}
              </button>
            )}
          </div>
        </form>
      )}
      {can.publish && !can.return && (
        <button type="button" className="primary" disabled={busy} onClick={publish}>
          {t.review.publish}
        </button>
      )}

      {can.revise && (
        <form className="form-grid" onSubmit={revise}>
          <PeriodFields
            id={uid}
            fromLabel={t.review.reviseFrom}
            toLabel={t.review.reviseTo}
            period={period}
            onChange={setPeriod}
          />
          <div className="actions">
            <button type="submit" disabled={busy || !isPeriod(period.periodStart, period.periodEnd)}>
              {busy ? t.review.revising : t.review.revise}
            </button>
          </div>
        </form>
      )}

      <div role="status" className="review-outcome">
        {outcome !== '' && !action.isError && <p className="banner ok">{outcome}</p>}
      </div>
      {action.isError && (
        <p className="banner" role="alert">
          {t.review.failed(action.error.message)}
        </p>
      )}
    </section>
  );
}
