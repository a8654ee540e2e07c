import { useFormat, useMessages } from '../i18n/LocaleProvider.js';
import type { AssessmentView, RiskFactor, Suggestion } from './api.js';
import { verificationFlag } from './assessment-model.js';
import { IndicatorRow } from './IndicatorRow.js';
import { assessmentsMessages } from './messages.js';
import type { RatingDrafts } from './rating-drafts.js';

/** One risk factor: its title (flagged when unverified), score, the data's suggestions, and its indicators. */
export function FactorSection({
  factor,
  assessment,
  editable,
  drafts,
  open,
  onToggle,
}: {
  factor: RiskFactor;
  assessment: AssessmentView;
  editable: boolean;
  drafts: RatingDrafts;
  open: boolean;
  onToggle: (factorId: string) => void;
}) {
  const t = useMessages(assessmentsMessages);
  const fmt = useFormat();
  const score = assessment.scores.find((s) => s.factorId === factor.id);
  const suggestions = assessment.suggestions.filter((s) => s.factorId === factor.id);
  const flag = verificationFlag(factor.titleVerification);
  const unsaved = drafts.unsaved.filter((id) => factor.indicators.some((i) => i.id === id)).length;
  const body = `factor-${factor.id}-body`;

  return (
    <section className="factor" aria-labelledby={`factor-${factor.id}-title`} data-factor={factor.id}>
      <h3 id={`factor-${factor.id}-title`} className="factor-title">
        <button
          type="button"
          className="factor-toggle"
          aria-expanded={open}
          aria-controls={open ? body : undefined}
          onClick={() => onToggle(factor.id)}
        >
          <span className="toggle-mark" aria-hidden="true" />
          <span className="factor-id">{factor.id}</span> {factor.title}
        </button>
        {flag !== null && (
          <span className="badge warn verification-flag" title={t.factors.flagTitle}>
            {t.factors.flags[flag]}
          </span>
        )}
      </h3>
      <p className="factor-meta">
        <span>{t.factors.scopes[factor.scope]}</span>
        <span>{score?.score == null ? t.factors.noScore : t.factors.score(fmt.number(score.score))}</span>
        {score !== undefined && <span>{t.factors.coverage(score.rated + score.unknown, score.indicators)}</span>}
        {suggestions.map((s) => (
          <span key={s.basis} className="badge suggestion-chip">
            {t.suggestion.beside(t.ratings[s.suggestedRating])}
          </span>
        ))}
        {unsaved > 0 && <span className="badge warn">{t.factors.unsaved(unsaved)}</span>}
      </p>
      {open && (
        <div id={body} className="factor-body">
          <p className="factor-summary">{factor.summary}</p>
          <FactorSuggestions factorId={factor.id} suggestions={suggestions.filter((s) => s.indicatorId === null)} />
          <ol className="indicators">
            {factor.indicators.map((indicator) => (
              <IndicatorRow
                key={indicator.id}
                assessmentId={assessment.id}
                indicator={indicator}
                suggestions={assessment.suggestions}
                editable={editable}
                drafts={drafts}
              />
            ))}
          </ol>
        </div>
      )}
    </section>
  );
}

/** The suggestions for the factor as a whole, each with its basis in figures (the server writes it, in English). */
function FactorSuggestions({ factorId, suggestions }: { factorId: string; suggestions: readonly Suggestion[] }) {
  const t = useMessages(assessmentsMessages);
  if (suggestions.length === 0) return <p className="hint">{t.suggestion.none}</p>;
  return (
    <div className="factor-suggestions">
      <h4>{t.suggestion.heading}</h4>
      <ul>
        {suggestions.map((s, i) => (
          <li key={s.basis} id={`suggestion-${factorId}-${i}`}>
            <strong>{t.ratings[s.suggestedRating]}</strong> <span className="hint">({t.suggestion.forFactor})</span>
            <p lang="en" dir="ltr" className="suggestion-basis">
              {s.basis}
            </p>
            <p className="hint">
              {t.suggestion.evidence(s.evidence.length)} · {t.detail.serverEnglish}
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
