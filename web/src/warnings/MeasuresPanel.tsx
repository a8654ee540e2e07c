import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { MEASURE_STATUSES, type MeasureStatus } from '../../../src/measures/measure.js';
import { useFormat, useMessages } from '../i18n/LocaleProvider.js';
import { addMeasure, updateMeasure, type NewMeasure, type WarningDetail, type WarningMeasure } from './api.js';
import { warningsMessages } from './messages.js';
import { isMeasureOverdue, needsOutcome } from './warning-rules.js';

const today = () => new Date().toISOString().slice(0, 10);

/** The measures recommended for the warning's risk factors, and the measures taken, with their status. */
export function MeasuresPanel({ warning, mayRecord }: { warning: WarningDetail; mayRecord: boolean }) {
  const t = useMessages(warningsMessages);
  const format = useFormat();
  const [adding, setAdding] = useState<{ catalogueId?: string; title: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const taken = new Set(warning.measures.map((m) => m.catalogueId));
  const open = warning.status !== 'closed';
  const canAdd = mayRecord && open;

  return (
    <section className="panel measures-panel" aria-labelledby="measures-title">
      <h2 id="measures-title">{t.measuresTitle}</h2>
      <div role="status">{done !== null && <p className="banner ok">{done}</p>}</div>
      {!mayRecord && <p className="hint">{t.readOnlyMeasures}</p>}
      {mayRecord && !open && <p className="hint">{t.closedNoMeasures}</p>}

      <h3>{t.takenTitle}</h3>
      {warning.measures.length === 0 ? (
        <p>{t.noMeasures}</p>
      ) : (
        <ul className="measure-list" data-testid="measures-taken">
          {warning.measures.map((m) => (
            <li key={m.id} className="measure">
              <div className="measure-head">
                <strong>{m.title}</strong> <span className={`badge measure-${m.status}`}>{t.measureStatuses[m.status]}</span>
                {isMeasureOverdue(m, today()) && (
                  <>
                    {' '}
                    <span className="badge danger">{t.overdue}</span>
                  </>
                )}
              </div>
              <p className="hint">
                {t.owner}: {m.owner}
                {m.dueDate !== null && ` · ${t.due}: ${format.date(m.dueDate)}`}
                {m.kind !== null && ` · ${t.kinds[m.kind]}`}
              </p>
              {m.outcome !== null && (
                <p className="prose">
                  {t.outcome}: {m.outcome}
                </p>
              )}
              {mayRecord && <MeasureUpdate measure={m} onSaved={setDone} />}
            </li>
          ))}
        </ul>
      )}

      <h3>{t.recommendedTitle}</h3>
      {warning.recommendedMeasures.length === 0 && <p>{t.noRecommended}</p>}
      <ul className="measure-list" data-testid="measures-recommended">
        {warning.recommendedMeasures.map((r) => (
          <li key={r.id} className="measure">
            <div className="measure-head">
              <strong>{r.title}</strong> <span className="badge">{t.kinds[r.kind]}</span>
            </div>
            <p className="hint">
              {t.addresses(r.addresses.join(', '))} · {r.description}
            </p>
            {canAdd && !taken.has(r.id) && adding?.catalogueId !== r.id && (
              <button type="button" onClick={() => setAdding({ catalogueId: r.id, title: r.title })}>
                {t.addThis(r.title)}
              </button>
            )}
            {adding?.catalogueId === r.id && (
              <AddMeasureForm
                warningId={warning.id}
                preset={adding}
                onDone={(title) => {
                  setAdding(null);
                  if (title !== null) setDone(t.added(title));
                }}
              />
            )}
          </li>
        ))}
      </ul>
      {canAdd &&
        (adding !== null && adding.catalogueId === undefined ? (
          <AddMeasureForm
            warningId={warning.id}
            preset={null}
            onDone={(title) => {
              setAdding(null);
              if (title !== null) setDone(t.added(title));
            }}
          />
        ) : (
          <button type="button" onClick={() => setAdding({ title: '' })}>
            {t.addFree}
          </button>
        ))}
    </section>
  );
}

/** Owner and due date for a catalogue measure; a title too for a measure of one's own. */
function AddMeasureForm({
  warningId,
  preset,
  onDone,
}: {
  warningId: number;
  preset: { catalogueId?: string; title: string } | null;
  onDone: (title: string | null) => void;
}) {
  const t = useMessages(warningsMessages);
  const queryClient = useQueryClient();
  const ids = useId();
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [problem, setProblem] = useState<'title' | 'owner' | null>(null);
  const add = useMutation({
    mutationFn: (m: NewMeasure) => addMeasure(warningId, m),
    onSuccess: (r) => {
      void queryClient.invalidateQueries({ queryKey: ['warnings'] });
      onDone(r.measure.title);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = preset === null && title.trim() === '' ? 'title' : owner.trim() === '' ? 'owner' : null;
    setProblem(wrong);
    if (wrong !== null) return;
    add.mutate({
      ...(preset?.catalogueId !== undefined ? { catalogueId: preset.catalogueId } : { title: title.trim() }),
      owner: owner.trim(),
      ...(dueDate !== '' ? { dueDate } : {}),
    });
  };
  return (
    <form className="form-grid measure-form" onSubmit={submit} noValidate>
      {preset === null && (
        <>
          <label htmlFor={`${ids}-title`}>{t.measure}</label>
          <input
            id={`${ids}-title`}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
            aria-invalid={problem === 'title'}
          />
          {problem === 'title' && <p className="form-error">{t.titleRequired}</p>}
        </>
      )}
      <label htmlFor={`${ids}-owner`}>{t.owner}</label>
      <input
        id={`${ids}-owner`}
        value={owner}
        onChange={(e) => setOwner(e.target.value)}
        required
        aria-invalid={problem === 'owner'}
        aria-describedby={`${ids}-owner-hint`}
      />
      <p id={`${ids}-owner-hint`} className="hint">
        {t.ownerHint}
      </p>
      {problem === 'owner' && <p className="form-error">{t.ownerRequired}</p>}
      <label htmlFor={`${ids}-due`}>{t.dueDate}</label>
      <input id={`${ids}-due`} type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
      <div className="form-actions">
        <button type="submit" className="primary" disabled={add.isPending}>
          {t.add}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t.cancel}
        </button>
      </div>
      <div role="alert">{add.isError && <p className="banner">{add.error.message}</p>}</div>
    </form>
  );
}

/** Moves a measure on (planned → in progress → done or abandoned, with the outcome) or amends its outcome. */
function MeasureUpdate({ measure, onSaved }: { measure: WarningMeasure; onSaved: (message: string) => void }) {
  const t = useMessages(warningsMessages);
  const queryClient = useQueryClient();
  const ids = useId();
  const [status, setStatus] = useState<MeasureStatus>(measure.status);
  const [outcome, setOutcome] = useState(measure.outcome ?? '');
  const [problem, setProblem] = useState(false);
  const save = useMutation({
    mutationFn: () =>
      updateMeasure(measure.id, {
        ...(status !== measure.status ? { status } : {}),
        ...(outcome.trim() !== '' && outcome.trim() !== measure.outcome ? { outcome: outcome.trim() } : {}),
      }),
    onSuccess: (m) => {
      void queryClient.invalidateQueries({ queryKey: ['warnings'] });
      onSaved(t.saved(m.title));
    },
  });
  const finished = needsOutcome(measure.status);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const wrong = needsOutcome(status) && outcome.trim() === '';
    setProblem(wrong);
    if (!wrong) save.mutate();
  };
  return (
    <details className="measure-update">
      <summary>{t.update(measure.title)}</summary>
      <form className="form-grid" onSubmit={submit} noValidate>
        <label htmlFor={`${ids}-status`}>{t.newStatus}</label>
        <select
          id={`${ids}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as MeasureStatus)}
          disabled={finished}
        >
          {MEASURE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t.measureStatuses[s]}
            </option>
          ))}
        </select>
        <label htmlFor={`${ids}-outcome`}>{t.outcome}</label>
        <textarea
          id={`${ids}-outcome`}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          aria-invalid={problem}
          aria-describedby={`${ids}-outcome-hint`}
        />
        <p id={`${ids}-outcome-hint`} className="hint">
          {t.outcomeHint}
        </p>
        {problem && <p className="form-error">{t.outcomeRequired}</p>}
        <div>
          <button type="submit" className="primary" disabled={save.isPending}>
            {t.save}
          </button>
        </div>
        <div role="alert">{save.isError && <p className="banner">{save.error.message}</p>}</div>
      </form>
    </details>
  );
}
