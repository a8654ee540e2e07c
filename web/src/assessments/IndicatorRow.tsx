import { useId } from 'react';
import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import type { RiskIndicator, Suggestion } from './api.js';
import { formatEvidence, isUnsaved, parseEvidence, suggestionsFor, verificationFlag } from './assessment-model.js';
import { assessmentsMessages } from './messages.js';
import type { RatingDrafts } from './rating-drafts.js';
import { CONFIDENCES, RATINGS, type Confidence } from './vocabulary.js';

interface Props {
  assessmentId: number;
  indicator: RiskIndicator;
  suggestions: readonly Suggestion[];
  editable: boolean;
  drafts: RatingDrafts;
}

/** One indicator: the rating scale, confidence, note and evidence, saved on its own, with the data's suggestion beside it. */
export function IndicatorRow({ assessmentId, indicator, suggestions, editable, drafts }: Props) {
  const t = useMessages(assessmentsMessages);
  const core = useT();
  const fmt = useFormat();
  const uid = useId();
  const saved = drafts.saved(indicator.id);
  const draft = drafts.draftFor(indicator.id);
  const state = drafts.stateOf(indicator.id);
  const unsaved = isUnsaved(draft, saved);
  const { invalid } = parseEvidence(draft.evidence);
  const flag = verificationFlag(indicator.verification);
  const beside = suggestionsFor(suggestions, indicator.factorId, indicator.id);
  const label = (text: string) => (
    <>
      {text}
      <span className="visually-hidden"> {indicator.id}</span>
    </>
  );

  const status =
    state?.kind === 'saving'
      ? t.indicator.saving
      : state?.kind === 'failed'
        ? t.indicator.failed(state.reason)
        : unsaved
          ? draft.rating === null
            ? t.indicator.chooseRating
            : t.indicator.unsaved
          : state?.kind === 'saved'
            ? t.indicator.saved
            : '';

  return (
    <li className={`indicator${unsaved ? ' is-unsaved' : ''}`} data-indicator={indicator.id}>
      <p className="indicator-text">
        <span className="indicator-id">{indicator.id}</span> {indicator.text}
        {flag !== null && (
          <span className="badge verification-flag" title={t.factors.flagIndicator}>
            {t.factors.flags[flag]}
          </span>
        )}
      </p>
      <div className="indicator-work">
        {editable ? (
          <fieldset className="rating-scale">
            <legend className="visually-hidden">{t.indicator.rating(indicator.id)}</legend>
            {RATINGS.map((r) => (
              <label key={r} className={`rating-option rating-${r}`}>
                <input
                  type="radio"
                  name={`rating-${assessmentId}-${indicator.id}`}
                  value={r}
                  checked={draft.rating === r}
                  onChange={() => drafts.edit(indicator.id, { rating: r })}
                />
                {t.ratings[r]}
              </label>
            ))}
          </fieldset>
        ) : (
          <p className="rating-readonly">
            <strong>{saved === undefined ? t.indicator.notRated : t.ratings[saved.rating]}</strong>
            {saved !== undefined && (
              <span className="hint">
                {' '}
                · {t.indicator.confidence}: {t.confidences[saved.confidence]}
              </span>
            )}
          </p>
        )}
        {beside.length > 0 && (
          <ul className="suggestion-beside" aria-label={t.suggestion.heading}>
            {beside.map((s) => (
              <li key={s.basis}>
                <span className="badge suggestion-chip">{t.suggestion.beside(t.ratings[s.suggestedRating])}</span>{' '}
                <span className="hint">{s.indicatorId === null ? t.suggestion.forFactor : t.suggestion.forIndicator}</span>
                {s.indicatorId !== null && (
                  <span lang="en" dir="ltr" className="suggestion-basis">
                    {s.basis}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
      {editable ? (
        <div className="indicator-fields">
          <div className="field confidence-field">
            <label htmlFor={`${uid}-confidence`}>{label(t.indicator.confidence)}</label>
            <select
              id={`${uid}-confidence`}
              value={draft.confidence}
              onChange={(e) => drafts.edit(indicator.id, { confidence: e.target.value as Confidence })}
            >
              {CONFIDENCES.map((c) => (
                <option key={c} value={c}>
                  {t.confidences[c]}
                </option>
              ))}
            </select>
          </div>
          <div className="field rationale-field">
            <label htmlFor={`${uid}-rationale`}>{label(t.indicator.rationale)}</label>
            <textarea
              id={`${uid}-rationale`}
              rows={2}
              value={draft.rationale}
              onChange={(e) => drafts.edit(indicator.id, { rationale: e.target.value })}
            />
          </div>
          <div className="field evidence-field">
            <label htmlFor={`${uid}-evidence`}>{label(t.indicator.evidence)}</label>
            <input
              id={`${uid}-evidence`}
              value={draft.evidence}
              dir="ltr"
              aria-invalid={invalid.length > 0}
              aria-describedby={`${uid}-evidence-hint`}
              onChange={(e) => drafts.edit(indicator.id, { evidence: e.target.value })}
            />
            <p id={`${uid}-evidence-hint`} className={invalid.length > 0 ? 'form-error' : 'hint'}>
              {invalid.length > 0 ? t.indicator.invalidEvidence(invalid.join(', ')) : t.indicator.evidenceHint}
            </p>
          </div>
          <div className="save-row">
            <button
              type="button"
              className="primary"
              disabled={!unsaved || draft.rating === null || invalid.length > 0 || state?.kind === 'saving'}
              onClick={() => drafts.save(indicator.id)}
            >
              {label(t.indicator.save)}
            </button>
            <span role="status" className={`save-state ${state?.kind ?? (unsaved ? 'unsaved' : '')}`}>
              {status}
            </span>
          </div>
        </div>
      ) : (
        saved !== undefined && (
          <div className="indicator-fields readonly">
            {saved.rationale !== '' && <p className="rationale">{saved.rationale}</p>}
            {saved.evidence.length > 0 && (
              <p className="hint" dir="ltr">
                {formatEvidence(saved.evidence)}
              </p>
            )}
          </div>
        )
      )}
      {saved !== undefined && (
        <p className="hint rated-by">{t.indicator.ratedBy(saved.ratedBy ?? core.unknown, fmt.dateTime(saved.ratedAt))}</p>
      )}
    </li>
  );
}
