import { useId } from 'react';
import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import { usePageTitle } from '../PageTitle.js';
import { Link, navigate, useSearchParams } from '../router.js';
import type { PageProps } from '../routes.js';
import type { QueueEntry } from './api.js';
import { speechMessages } from './messages.js';
import { PostText } from './PostText.js';
import { useQueue } from './queries.js';
import { useCanReview } from './can-review.js';
import './speech.css';
import { LoadFailed } from '../LoadFailed.js';

/** The thresholds offered; the API's default is 0.5. */
const THRESHOLDS = [0.5, 0.7, 0.9] as const;

/** Posts scored above the threshold waiting for review, highest probability first. */
export default function SpeechQueuePage(_: PageProps) {
  const t = useMessages(speechMessages);
  const core = useT();
  const format = useFormat();
  const id = useId();
  usePageTitle(t.title);
  const asked = Number(useSearchParams().get('threshold'));
  const threshold = (THRESHOLDS as readonly number[]).includes(asked) ? asked : THRESHOLDS[0];
  const queue = useQueue(threshold);
  const canReview = useCanReview();
  return (
    <div className="page speech-page">
      <div className="page-head">
        <h1>{t.title}</h1>
        <p className="hint">{t.intro}</p>
      </div>
      <p className="speech-content-note" role="note">
        {t.contentNote}
      </p>
      <div className="speech-toolbar">
        <label htmlFor={`${id}-threshold`}>{t.threshold}</label>
        <select
          id={`${id}-threshold`}
          value={threshold}
          onChange={(e) => navigate(`/speech?threshold=${e.target.value}`, { replace: true })}
        >
          {THRESHOLDS.map((v) => (
            <option key={v} value={v}>
              {format.percent(v, 0)}
            </option>
          ))}
        </select>
        {queue.data && (
          <span role="status" className="speech-count">
            {t.count(queue.data.length)}
          </span>
        )}
      </div>
      {queue.isPending && <p className="muted">{core.loading}</p>}
      {queue.isError && <LoadFailed what={t.title.toLowerCase()} retry={() => void queue.refetch()} />}
      {queue.data?.length === 0 && <p className="panel muted">{t.empty}</p>}
      {queue.data && queue.data.length > 0 && (
        <ol className="speech-queue" data-testid="speech-queue">
          {queue.data.map((entry) => (
            <QueueCard key={entry.item.id} entry={entry} canReview={canReview} />
          ))}
        </ol>
      )}
    </div>
  );
}

function QueueCard({ entry: { item, score }, canReview }: { entry: QueueEntry; canReview: boolean }) {
  const t = useMessages(speechMessages);
  const format = useFormat();
  const headingId = useId();
  return (
    <li className="panel speech-card" aria-labelledby={headingId}>
      <div className="speech-card-head">
        <h2 id={headingId}>{t.post(item.id)}</h2>
        <span className="speech-score">
          <span className="visually-hidden">{t.probability}: </span>
          <span className={`badge ${score.pHate >= 0.8 ? 'danger' : 'warn'}`} title={t.probability}>
            {format.percent(score.pHate, 0)}
          </span>
        </span>
      </div>
      <dl className="speech-facts">
        <div>
          <dt>{t.label}</dt>
          <dd>{t.labels[score.label]}</dd>
        </div>
        <div>
          <dt>{t.targets}</dt>
          <dd>{score.targets.length === 0 ? t.noTargets : score.targets.join(', ')}</dd>
        </div>
        <div>
          <dt>{t.platform}</dt>
          <dd>
            <bdi>{item.platform}</bdi>
          </dd>
        </div>
        <div>
          <dt>{t.posted}</dt>
          <dd>{item.postedAt === null ? t.unknown : format.dateTime(item.postedAt)}</dd>
        </div>
        <div>
          <dt>{t.country}</dt>
          <dd>{item.country ?? t.unknown}</dd>
        </div>
      </dl>
      <PostText postId={item.id} text={item.text} language={item.language} score={score} />
      <p className="speech-open">
        <Link to={`/speech/${item.id}`}>{canReview ? t.open(item.id) : t.read(item.id)}</Link>
      </p>
    </li>
  );
}
