import { useEffect, useRef } from 'react';
import { useMessages } from '../../i18n/LocaleProvider.js';
import type { Receipt } from './api.js';
import { reportFormMessages } from './messages.js';

/** The confirmation: the report's reference, large enough to copy by hand, with what it is for. */
export function SentReceipt({
  receipt,
  throughLink,
  onAnother,
}: {
  receipt: Receipt;
  throughLink: boolean;
  onAnother: () => void;
}) {
  const t = useMessages(reportFormMessages);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="panel sent" role="status" aria-labelledby="report-sent-title">
      <h2 id="report-sent-title" ref={heading} tabIndex={-1}>
        {t.sentTitle}
      </h2>
      <p>
        {t.sentReference} <strong className="reference">{receipt.reference}</strong>
      </p>
      <p>{t.sentKeep}</p>
      {throughLink ? (
        <p>{t.sentThroughLink}</p>
      ) : (
        <button type="button" onClick={onAnother}>
          {t.another}
        </button>
      )}
    </section>
  );
}
