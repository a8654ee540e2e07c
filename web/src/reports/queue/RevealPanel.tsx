import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useMessages } from '../../i18n/LocaleProvider.js';
import { revealReport } from './api.js';
import { reportsQueueMessages } from './messages.js';
import { SealedParts } from './ReportFacts.js';

/** The server wants a purpose of a few words at least (src/reports/reveal-report.ts). */
const PURPOSE_MIN = 5;

/**
 * Opens the sealed parts for a cleared reader, with the stated purpose the server logs before it
 * decrypts. What is opened lives in this panel only (a mutation, not a cached query): closing the
 * panel or leaving the page forgets it.
 */
export function RevealPanel({ reportId }: { reportId: number }) {
  const t = useMessages(reportsQueueMessages);
  const ids = useId();
  const [purpose, setPurpose] = useState('');
  const [missing, setMissing] = useState(false);
  const reveal = useMutation({ mutationFn: (p: string) => revealReport(reportId, p), gcTime: 0 });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = purpose.trim().length < PURPOSE_MIN;
    setMissing(empty);
    if (!empty) reveal.mutate(purpose);
  };

  if (reveal.isSuccess)
    return (
      <div className="reveal-opened">
        <p className="banner ok" role="status">
          {t.revealed}
        </p>
        <SealedParts report={reveal.data} opened />
        <button type="button" onClick={() => reveal.reset()}>
          {t.hide}
        </button>
      </div>
    );
  return (
    <section className="panel" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t.revealTitle}</h2>
      <p className="hint">{t.revealIntro}</p>
      <form className="form-grid" onSubmit={submit} noValidate>
        <label htmlFor={`${ids}-purpose`}>{t.purpose}</label>
        <input
          id={`${ids}-purpose`}
          value={purpose}
          maxLength={500}
          onChange={(e) => setPurpose(e.target.value)}
          aria-invalid={missing || undefined}
          aria-describedby={`${ids}-purpose-hint${missing ? ` ${ids}-purpose-error` : ''}`}
        />
        <p id={`${ids}-purpose-hint`} className="hint">
          {t.purposeHint}
        </p>
        {missing && (
          <p id={`${ids}-purpose-error`} className="field-error">
            {t.purposeRequired}
          </p>
        )}
        <div>
          <button type="submit" className="primary" disabled={reveal.isPending}>
            {reveal.isPending ? t.revealing : t.reveal}
          </button>
        </div>
      </form>
      <div role="alert">{reveal.isError && <p className="banner">{reveal.error.message}</p>}</div>
    </section>
  );
}
