import { useFormat, useMessages } from '../i18n/LocaleProvider.js';
import type { Assessment, AssessmentSummary, IndicatorRating } from './api.js';
import { factorTrends, nationalAssessments, type FactorTrend } from './assessment-trend.js';
import { levelName, ratingName } from './levels.js';
import { countryMessages } from './messages.js';
import { useAssessment, usePublishedAssessments } from './queries.js';
import { Empty, QueryGate, Section } from './Section.js';

const TREND_MARK: Record<FactorTrend, string> = { rose: '▲', fell: '▼', same: '=', new: '+', dropped: '×', none: '' };

/** The 14 risk factors of the newest published assessment: score, trend, and each indicator's rating and evidence. */
export function RiskFactors({ iso3 }: { iso3: string }) {
  const m = useMessages(countryMessages);
  const assessments = usePublishedAssessments(iso3);
  const national = nationalAssessments(assessments.data ?? []);
  const newest = useAssessment(national[0]?.id);
  return (
    <Section id="country-factors" title={m.factors.title}>
      <QueryGate queries={national[0] === undefined ? [assessments] : [assessments, newest]}>
        {() =>
          newest.data === undefined ? (
            <Empty>{m.factors.none}</Empty>
          ) : (
            <FactorList assessment={newest.data} previous={national[1]} />
          )
        }
      </QueryGate>
    </Section>
  );
}

function FactorList({ assessment, previous }: { assessment: Assessment; previous: AssessmentSummary | undefined }) {
  const m = useMessages(countryMessages);
  const format = useFormat();
  const trends = factorTrends(
    assessment.framework.map((f) => f.id),
    assessment,
    previous,
  );
  const scoreOf = new Map(assessment.scores.map((s) => [s.factorId, s]));
  const ratingOf = new Map(assessment.ratings.map((r) => [r.indicatorId, r]));
  const score = (x: number | null | undefined) =>
    x === null || x === undefined ? m.factors.notScored : format.number(Math.round(x * 100) / 100);
  return (
    <>
      <p className="hint">
        {m.factors.from(`${format.date(assessment.periodStart)} – ${format.date(assessment.periodEnd)}`)}{' '}
        {levelName(m, assessment.level)}
      </p>
      {assessment.summary !== '' && (
        <p className="country-prose" dir="auto">
          {assessment.summary}
        </p>
      )}
      <div className="factor-columns" aria-hidden>
        <span>{m.factors.factor}</span>
        <span>{m.factors.score}</span>
        <span>{m.factors.trend}</span>
        <span>{m.factors.rated}</span>
      </div>
      <ul className="factor-list">
        {assessment.framework.map((factor) => {
          const s = scoreOf.get(factor.id);
          const trend = trends.get(factor.id) ?? 'none';
          return (
            <li key={factor.id}>
              <details className="factor">
                <summary data-testid={`factor-${factor.id}`}>
                  <span className="factor-title">
                    {factor.number}. <bdi>{factor.title}</bdi>
                  </span>
                  <span className="factor-score">
                    <span className="visually-hidden">{m.factors.score}: </span>
                    {score(s?.score)}
                  </span>
                  <span className={`factor-trend trend-${trend}`}>
                    <span className="visually-hidden">{m.factors.trend}: </span>
                    <span aria-hidden>{TREND_MARK[trend]} </span>
                    {m.factors.trends[trend]}
                  </span>
                  <span className="factor-rated">
                    <span className="visually-hidden">{m.factors.rated}: </span>
                    {m.factors.ratedValue(s?.rated ?? 0, s?.indicators ?? factor.indicators.length)}
                  </span>
                </summary>
                <ul className="indicator-list" aria-label={`${m.factors.details}: ${factor.title}`}>
                  {[...factor.indicators]
                    .sort((a, b) => a.position - b.position)
                    .map((indicator) => (
                      <IndicatorItem
                        key={indicator.id}
                        id={indicator.id}
                        text={indicator.text}
                        rating={ratingOf.get(indicator.id)}
                      />
                    ))}
                </ul>
              </details>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function IndicatorItem({ id, text, rating }: { id: string; text: string; rating: IndicatorRating | undefined }) {
  const m = useMessages(countryMessages);
  return (
    <li className="indicator">
      <p>
        <strong>{id}</strong> <bdi>{text}</bdi>
      </p>
      <p>
        <span className="visually-hidden">{m.factors.rating}: </span>
        <span className={`badge rating-${rating?.rating ?? 'unrated'}`}>{ratingName(m, rating?.rating ?? null)}</span>
        {rating !== undefined && (
          <span className="hint"> {m.factors.confidence(m.confidences[rating.confidence as 'low'] ?? rating.confidence)}</span>
        )}
      </p>
      {rating !== undefined && (
        <>
          <p className="country-prose">
            <span className="visually-hidden">{m.factors.notes}: </span>
            {rating.rationale === '' ? m.factors.noNotes : <bdi>{rating.rationale}</bdi>}
          </p>
          {rating.evidence.length > 0 && (
            <p className="hint">
              {m.factors.evidence}: {rating.evidence.map((e) => `${m.evidenceKinds[e.kind] ?? e.kind} ${e.id}`).join(', ')}
            </p>
          )}
        </>
      )}
    </li>
  );
}
