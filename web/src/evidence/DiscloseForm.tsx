import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api.js';
import { useMessages } from '../i18n/LocaleProvider.js';
import { createDisclosure } from './api.js';
import { evidenceMessages } from './messages.js';
import { EVIDENCE_KEY } from './queries.js';

/** Saves a blob under a name through a temporary link: the bundle comes from a POST, not a URL. */
function save(blob: Blob, name: string): string {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  return url;
}

/** Discloses one item: recipient and purpose, then the signed bundle is downloaded. */
export function DiscloseForm({ itemId }: { itemId: number }) {
  const t = useMessages(evidenceMessages).disclosures;
  const id = useId();
  const queryClient = useQueryClient();
  const [recipient, setRecipient] = useState('');
  const [purpose, setPurpose] = useState('');
  const [bundleUrl, setBundleUrl] = useState<string | null>(null);
  useEffect(() => () => void (bundleUrl !== null && URL.revokeObjectURL(bundleUrl)), [bundleUrl]);
  const disclose = useMutation({
    mutationFn: () => createDisclosure({ itemIds: [itemId], recipient: recipient.trim(), purpose: purpose.trim() }),
    onSuccess: (bundle) => {
      setBundleUrl(save(bundle.zip, `disclosure-${bundle.id}.zip`));
      // Cleared, so a second click cannot disclose the item again by accident.
      setRecipient('');
      setPurpose('');
      return queryClient.invalidateQueries({ queryKey: EVIDENCE_KEY });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    disclose.mutate();
  };
  return (
    <form className="evidence-disclose" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t.make}</h3>
      <p className="hint">{t.makeHint}</p>
      <div className="form-grid">
        <label htmlFor={`${id}-recipient`}>{t.recipient}</label>
        <input id={`${id}-recipient`} required value={recipient} onChange={(e) => setRecipient(e.target.value)} />
        <label htmlFor={`${id}-purpose`}>{t.purpose}</label>
        <textarea id={`${id}-purpose`} required value={purpose} onChange={(e) => setPurpose(e.target.value)} />
      </div>
      <div className="evidence-actions">
        <button type="submit" className="primary" disabled={disclose.isPending}>
          {disclose.isPending ? t.submitting : t.submit}
        </button>
      </div>
      <div aria-live="polite">
        {disclose.isError && (
          <p className="banner" role="alert">
            {t.refused} {disclose.error instanceof ApiError ? disclose.error.message : String(disclose.error)}
          </p>
        )}
        {disclose.isSuccess && (
          <div className="banner ok" role="status">
            <p>{t.made(disclose.data.id)}</p>
            <p>
              {t.bundle}: <code className="hash full">{disclose.data.bundleSha256}</code>
            </p>
            {bundleUrl !== null && (
              <p>
                <a href={bundleUrl} download={`disclosure-${disclose.data.id}.zip`}>
                  {t.saveAgain}
                </a>
              </p>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
