import { useMutation } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useFormat, useMessages } from '../../i18n/LocaleProvider.js';
import { createIntakeLink } from './api.js';
import { reportsQueueMessages } from './messages.js';
import { intakeUrl } from './queue-query.js';

const MAX_DAYS = 90;

/**
 * Makes a one-time link for one anonymous report and shows it once, with a copy button. The token
 * lives only in this component's state: it is not cached, stored or shown again.
 */
export function IntakeLinkPanel() {
  const t = useMessages(reportsQueueMessages);
  const format = useFormat();
  const ids = useId();
  const [label, setLabel] = useState('');
  const [days, setDays] = useState('7');
  const [daysWrong, setDaysWrong] = useState(false);
  const [copy, setCopy] = useState<'copied' | 'failed' | null>(null);
  const create = useMutation({ mutationFn: createIntakeLink, onMutate: () => setCopy(null) });
  const url = create.data ? intakeUrl(window.location.origin, create.data.token) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(days);
    const wrong = !(n >= 1 && n <= MAX_DAYS && Number.isInteger(n));
    setDaysWrong(wrong);
    if (!wrong) create.mutate({ label, days: n });
  };
  const copyLink = async () => {
    if (url === null) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      setCopy('failed');
      document.getElementById(`${ids}-link`)?.focus();
    }
  };

  return (
    <section className="panel intake-links" aria-labelledby={`${ids}-title`}>
      <h2 id={`${ids}-title`}>{t.linkTitle}</h2>
      <p className="hint">{t.linkIntro}</p>
      <form className="form-grid intake-link-form" onSubmit={submit} noValidate>
        <label htmlFor={`${ids}-label`}>{t.linkLabel}</label>
        <input id={`${ids}-label`} value={label} maxLength={200} onChange={(e) => setLabel(e.target.value)} />
        <label htmlFor={`${ids}-days`}>{t.linkDays}</label>
        <input
          id={`${ids}-days`}
          type="number"
          inputMode="numeric"
          min={1}
          max={MAX_DAYS}
          step={1}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          aria-invalid={daysWrong || undefined}
          aria-describedby={daysWrong ? `${ids}-days-error` : undefined}
        />
        {daysWrong && (
          <p id={`${ids}-days-error`} className="field-error">
            {t.daysProblem}
          </p>
        )}
        <div>
          <button type="submit" className="primary" disabled={create.isPending}>
            {create.isPending ? t.linkCreating : t.linkCreate}
          </button>
        </div>
      </form>
      <div role="alert">{create.isError && <p className="banner">{create.error.message}</p>}</div>
      <div role="status">
        {create.data && url !== null && (
          <div className="intake-link-ready">
            <p className="banner ok">{t.linkReady(format.dateTime(create.data.expiresAt))}</p>
            <label htmlFor={`${ids}-link`}>{t.linkField}</label>
            <div className="copy-row">
              <input id={`${ids}-link`} readOnly value={url} dir="ltr" onFocus={(e) => e.target.select()} />
              <button type="button" onClick={() => void copyLink()}>
                {t.copy}
              </button>
            </div>
            {copy !== null && (
              <p className={copy === 'copied' ? 'hint' : 'field-error'}>{copy === 'copied' ? t.copied : t.copyFailed}</p>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
