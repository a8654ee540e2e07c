import { useMessages } from '../../i18n/LocaleProvider.js';
import { reportFormMessages } from './messages.js';

/** Says plainly, before a word is written, what is stored, in clear or sealed, and who can read it. */
export function ProtectionNotice({ throughLink }: { throughLink: boolean }) {
  const t = useMessages(reportFormMessages);
  return (
    <section className="panel protection" id="report-protection" aria-labelledby="report-protection-title">
      <h2 id="report-protection-title">{t.protectionTitle}</h2>
      <ul>
        <li>{t.protectionClear}</li>
        <li>
          <strong>{t.protectionSealed}</strong>
        </li>
        <li>{t.protectionNoNames}</li>
        <li>{throughLink ? t.protectionAnonymous : t.protectionSignedIn}</li>
        <li>{t.protectionDraft}</li>
      </ul>
    </section>
  );
}
