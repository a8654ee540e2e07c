import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../api.js';
import { useCountries } from '../events-queries.js';
import { useMessages } from '../i18n/LocaleProvider.js';
import { postReview, type SpeechItem } from './api.js';
import { speechMessages } from './messages.js';
import { useGroups, SPEECH_KEY } from './queries.js';
import { refusedPart } from './refusal.js';
import {
  ASSESSMENTS,
  RABAT_PARTS,
  REVIEW_DECISIONS,
  type Assessment,
  type RabatPart,
  type ReviewDecision,
} from './vocabulary.js';

type Parts = Partial<Record<RabatPart, Assessment>>;
type Notes = Record<RabatPart, string>;
const NO_NOTES = Object.fromEntries(RABAT_PARTS.map((p) => [p, ''])) as Notes;

/** The analyst's Rabat review: the six parts, a decision, the group and the place. The server has the last word. */
export function ReviewForm({ item, onRecorded }: { item: SpeechItem; onRecorded: () => void }) {
  const t = useMessages(speechMessages);
  const r = t.review;
  const id = useId();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const [parts, setParts] = useState<Parts>({});
  const [notes, setNotes] = useState<Notes>(NO_NOTES);
  const [decision, setDecision] = useState<ReviewDecision | null>(null);
  const [country, setCountry] = useState<string>(item.country ?? '');
  const [groupId, setGroupId] = useState<string>('');
  const [admin1, setAdmin1] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<{ text: string; part: RabatPart | null } | null>(null);
  const countries = useCountries();
  const groups = useGroups(country === '' ? null : country);

  const review = useMutation({
    mutationFn: () =>
      postReview(item.id, {
        rabat: Object.fromEntries(RABAT_PARTS.map((p) => [p, { assessment: parts[p]!, note: notes[p].trim() }])) as never,
        decision: decision!,
        groupId: groupId === '' ? null : Number(groupId),
        country: country === '' ? null : country,
        admin1: admin1.trim() === '' ? null : admin1.trim(),
        note: note.trim(),
      }),
    onSuccess: () => {
      onRecorded();
      return queryClient.invalidateQueries({ queryKey: SPEECH_KEY });
    },
    onError: (error) => {
      const text = error instanceof ApiError ? error.message : String(error);
      setProblem({ text: `${r.refused} ${text}`, part: refusedPart(text) });
    },
  });

  const focusPart = (part: RabatPart) => formRef.current?.querySelector<HTMLInputElement>(`input[name="${id}-${part}"]`)?.focus();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = RABAT_PARTS.find((p) => parts[p] === undefined);
    if (missing !== undefined) {
      setProblem({ text: r.missing(r.parts[missing].name), part: missing });
      focusPart(missing);
      return;
    }
    if (decision === null) return setProblem({ text: r.noDecision, part: null });
    setProblem(null);
    review.mutate();
  };

  return (
    <form ref={formRef} className="panel speech-review" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{r.title}</h2>
      <p className="hint">{r.intro}</p>
      {RABAT_PARTS.map((part) => (
        <fieldset
          key={part}
          className={`speech-part${problem?.part === part ? ' refused' : ''}`}
          aria-describedby={`${id}-${part}-q`}
        >
          <legend>{r.parts[part].name}</legend>
          <p id={`${id}-${part}-q`} className="hint">
            {r.parts[part].question}
          </p>
          <div className="speech-choices" role="radiogroup" aria-label={`${r.parts[part].name}: ${r.assessment}`}>
            {ASSESSMENTS.map((a) => (
              <label key={a} className="speech-choice">
                <input
                  type="radio"
                  name={`${id}-${part}`}
                  value={a}
                  checked={parts[part] === a}
                  onChange={() => setParts({ ...parts, [part]: a })}
                />
                {r.assessments[a]}
              </label>
            ))}
          </div>
          <label htmlFor={`${id}-${part}-note`} className="speech-note-label">
            {r.note} ({r.parts[part].name})
          </label>
          <textarea
            id={`${id}-${part}-note`}
            value={notes[part]}
            onChange={(e) => setNotes({ ...notes, [part]: e.target.value })}
          />
        </fieldset>
      ))}
      <fieldset className="speech-part">
        <legend>{r.decision}</legend>
        {REVIEW_DECISIONS.map((d) => (
          <label key={d} className="speech-decision-choice">
            <input type="radio" name={`${id}-decision`} value={d} checked={decision === d} onChange={() => setDecision(d)} />
            <span>
              <strong>{r.decisions[d].name}</strong>
              <span className="hint"> {r.decisions[d].hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="speech-part">
        <legend>{r.link}</legend>
        <div className="form-grid speech-link-grid">
          <label htmlFor={`${id}-country`}>{r.country}</label>
          <select
            id={`${id}-country`}
            value={country}
            onChange={(e) => {
              setCountry(e.target.value);
              setGroupId('');
            }}
          >
            <option value="">{r.noCountry}</option>
            {(countries.data ?? []).map((c) => (
              <option key={c.iso3} value={c.iso3}>
                {c.name}
              </option>
            ))}
            {country !== '' && !countries.data?.some((c) => c.iso3 === country) && <option value={country}>{country}</option>}
          </select>
          <label htmlFor={`${id}-group`}>{r.group}</label>
          <select id={`${id}-group`} value={groupId} onChange={(e) => setGroupId(e.target.value)} disabled={country === ''}>
            <option value="">{r.noGroup}</option>
            {(groups.data ?? []).map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-admin1`}>{r.admin1}</label>
          <input id={`${id}-admin1`} value={admin1} onChange={(e) => setAdmin1(e.target.value)} />
          <label htmlFor={`${id}-note`}>{r.reviewNote}</label>
          <textarea id={`${id}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      </fieldset>
      <div className="speech-actions">
        <button type="submit" className="primary" disabled={review.isPending}>
          {review.isPending ? r.submitting : r.submit}
        </button>
      </div>
      <div aria-live="assertive">
        {problem !== null && (
          <p className="banner" role="alert" data-testid="review-problem">
            {problem.text}
          </p>
        )}
      </div>
    </form>
  );
}
