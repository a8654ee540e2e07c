import { useState } from 'react';
import { ApiError } from '../api.js';
import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import { usePageTitle } from '../PageTitle.js';
import { Link } from '../router.js';
import type { PageProps } from '../routes.js';
import type { SpeechItemDetail } from './api.js';
import { useCanReview } from './can-review.js';
import { speechMessages } from './messages.js';
import { PostText } from './PostText.js';
import { useSpeechItem } from './queries.js';
import { ReviewForm } from './ReviewForm.js';
import { ReviewView } from './ReviewView.js';
import './speech.css';

/** One post: what is known of it, its scores with the words behind them, and its Rabat review. */
export default function SpeechItemPage({ params }: PageProps) {
  const t = useMessages(speechMessages);
  const core = useT();
  const id = Number(params['id']);
  usePageTitle(t.post(id));
  const detail = useSpeechItem(id);
  const notFound = !Number.isSafeInteger(id) || (detail.error instanceof ApiError && detail.error.status === 404);
  return (
    <div className="page speech-page">
      <p>
        <Link to="/speech">{t.back}</Link>
      </p>
      <div className="page-head">
        <h1>{t.post(id)}</h1>
      </div>
      <p className="speech-content-note" role="note">
        {t.contentNote}
      </p>
      {notFound ? (
        <p className="banner" role="alert">
          {t.notFound}
        </p>
      ) : detail.isPending ? (
        <p className="muted">{core.loading}</p>
      ) : detail.isError ? (
        <div className="banner" role="alert">
          <p>{core.errors.loadFailed(t.post(id).toLowerCase())}</p>
          <button type="button" onClick={() => void detail.refetch()}>
            {core.retry}
          </button>
        </div>
      ) : (
        <ItemView detail={detail.data} />
      )}
    </div>
  );
}

function ItemView({ detail: { item, scores, review } }: { detail: SpeechItemDetail }) {
  const t = useMessages(speechMessages);
  const format = useFormat();
  const canReview = useCanReview();
  const [recorded, setRecorded] = useState(false);
  const facts: [string, string][] = [
    [t.platform, item.platform],
    [t.sourceId, item.sourceId],
    [t.posted, item.postedAt === null ? t.unknown : format.dateTime(item.postedAt)],
    [t.country, item.country ?? t.unknown],
    [t.language, item.language ?? t.unknown],
    [t.url, item.url ?? t.unknown],
  ];
  return (
    <>
      <div className="speech-columns">
        <section className="panel" aria-labelledby="speech-post-title">
          <h2 id="speech-post-title">{t.text}</h2>
          <dl className="speech-facts">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>
                  <bdi>{value}</bdi>
                </dd>
              </div>
            ))}
            <div>
              <dt>{t.author}</dt>
              <dd>
                {item.authorHash === null ? (
                  t.unknown
                ) : (
                  <code className="speech-hash" title={t.authorHint}>
                    {item.authorHash.slice(0, 16)}…
                  </code>
                )}
              </dd>
            </div>
          </dl>
          <PostText postId={item.id} text={item.text} language={item.language} score={scores[0]} />
        </section>
        <section className="panel" aria-labelledby="speech-scores-title">
          <h2 id="speech-scores-title">{t.scores}</h2>
          <ScoresTable scores={scores} />
        </section>
      </div>
      <div role="status">{recorded && review !== null && <p className="banner ok">{t.review.recorded}</p>}</div>
      {review !== null ? (
        <ReviewView review={review} />
      ) : canReview ? (
        <ReviewForm item={item} onRecorded={() => setRecorded(true)} />
      ) : (
        <section className="panel" aria-labelledby="speech-review-title">
          <h2 id="speech-review-title">{t.review.title}</h2>
          <p>{t.review.notReviewed}</p>
          <p className="hint">{t.review.readOnly}</p>
        </section>
      )}
    </>
  );
}

function ScoresTable({ scores }: { scores: SpeechItemDetail['scores'] }) {
  const t = useMessages(speechMessages);
  const format = useFormat();
  if (scores.length === 0) return <p className="muted">{t.unknown}</p>;
  return (
    <div className="speech-scroll" role="region" aria-label={t.scoresCaption} tabIndex={0}>
      <table className="data-table">
        <caption className="visually-hidden">{t.scoresCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.model}</th>
            <th scope="col">{t.label}</th>
            <th scope="col" className="numeric">
              {t.pHate}
            </th>
            <th scope="col" className="numeric">
              {t.pOffensive}
            </th>
            <th scope="col" className="numeric">
              {t.pNormal}
            </th>
            <th scope="col">{t.targets}</th>
          </tr>
        </thead>
        <tbody>
          {scores.map((s) => (
            <tr key={s.modelId}>
              <th scope="row">{s.modelId}</th>
              <td>{t.labels[s.label]}</td>
              <td className="numeric">{format.percent(s.pHate)}</td>
              <td className="numeric">{format.percent(s.pOffensive)}</td>
              <td className="numeric">{format.percent(s.pNormal)}</td>
              <td>{s.targets.length === 0 ? t.noTargets : s.targets.join(', ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
