import { useFormat, useMessages } from '../i18n/LocaleProvider.js';
import type { SpeechReview } from './api.js';
import { speechMessages } from './messages.js';
import { RABAT_PARTS } from './vocabulary.js';

/** A recorded review: the decision, each Rabat part with its assessment and reason, the group and place. */
export function ReviewView({ review }: { review: SpeechReview }) {
  const t = useMessages(speechMessages);
  const format = useFormat();
  const r = t.review;
  const place = [review.admin1, review.country].filter((p): p is string => p !== null).join(', ');
  return (
    <section className="panel" aria-labelledby="speech-review-title" data-testid="speech-review">
      <h2 id="speech-review-title">{r.title}</h2>
      <p className="hint">{r.reviewedBy(review.reviewedBy ?? t.unknown, format.dateTime(review.reviewedAt))}</p>
      <p className="speech-decision">
        <span className="speech-term">{r.decision}:</span>{' '}
        <span
          className={`badge ${review.decision === 'incitement' ? 'danger' : review.decision === 'hate-speech' ? 'warn' : ''}`}
        >
          {r.decisions[review.decision].name}
        </span>
      </p>
      <table className="data-table">
        <caption className="visually-hidden">{r.title}</caption>
        <thead>
          <tr>
            <th scope="col">{r.title}</th>
            <th scope="col">{r.assessment}</th>
            <th scope="col">{r.note}</th>
          </tr>
        </thead>
        <tbody>
          {RABAT_PARTS.map((part) => (
            <tr key={part}>
              <th scope="row">{r.parts[part].name}</th>
              <td>{r.assessments[review.rabat[part].assessment]}</td>
              <td>
                <bdi className="speech-note">{review.rabat[part].note}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="speech-facts">
        <div>
          <dt>{r.group}</dt>
          <dd>
            <bdi>{review.group?.name ?? r.noGroup}</bdi>
          </dd>
        </div>
        <div>
          <dt>{r.admin1}</dt>
          <dd>
            <bdi>{place === '' ? r.placeNone : place}</bdi>
          </dd>
        </div>
        {review.note !== '' && (
          <div>
            <dt>{r.reviewNote}</dt>
            <dd>
              <bdi className="speech-note">{review.note}</bdi>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
