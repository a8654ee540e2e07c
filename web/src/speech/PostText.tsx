import { useId, useState } from 'react';
import { useMessages } from '../i18n/LocaleProvider.js';
import type { SpeechScore } from './api.js';
import { highlightRuns } from './highlight.js';
import { speechMessages } from './messages.js';

/**
 * A post's text, hidden behind a button (content note), with the words that drove the score
 * highlighted and listed: the list says the same as the highlight, so colour is not the only carrier.
 */
export function PostText({
  postId,
  text,
  language,
  score,
}: {
  postId: number;
  text: string;
  language: string | null;
  score: SpeechScore | undefined;
}) {
  const t = useMessages(speechMessages);
  const id = useId();
  const [shown, setShown] = useState(false);
  const explanation = score?.explanation ?? [];
  const words = explanation.filter((e) => e.weight > 0);
  return (
    <div className="speech-post">
      <button type="button" aria-expanded={shown} aria-controls={`${id}-text`} onClick={() => setShown(!shown)}>
        {shown ? t.hideText : t.showText}
        <span className="visually-hidden"> {t.ofPost(postId)}</span>
      </button>
      <div id={`${id}-text`} hidden={!shown}>
        {shown && (
          <>
            <blockquote className="speech-text" lang={language ?? undefined} dir="auto" data-testid="post-text">
              {highlightRuns(text, explanation).map((run, i) => (run.marked ? <mark key={i}>{run.text}</mark> : run.text))}
            </blockquote>
            <p className="speech-words">
              <span className="speech-term">{t.words}:</span>{' '}
              {words.length === 0 ? (
                t.noWords
              ) : (
                <span lang={language ?? undefined} dir="auto" data-testid="post-words">
                  {words.map((w) => w.token).join(', ')}
                </span>
              )}
            </p>
            <p className="hint">{t.wordsNote}</p>
          </>
        )}
      </div>
    </div>
  );
}
