import type { PageProps } from '../routes.js';
import { useMessages, useT } from '../i18n/LocaleProvider.js';
import { usePageTitle } from '../PageTitle.js';
import { DisclosuresTable } from './DisclosuresTable.js';
import { LoadFailed } from '../LoadFailed.js';
import { EvidenceTable } from './EvidenceTable.js';
import { evidenceMessages } from './messages.js';
import { useDisclosures, useEvidenceItems } from './queries.js';
import { UploadForm } from './UploadForm.js';
import './evidence.css';

/** The evidence locker: add an original, the items with their custody status, and what was disclosed. */
export default function EvidencePage(_: PageProps) {
  const t = useMessages(evidenceMessages);
  const core = useT();
  usePageTitle(t.title);
  const items = useEvidenceItems();
  const disclosures = useDisclosures();
  return (
    <div className="page evidence-page">
      <div className="page-head">
        <h1>{t.title}</h1>
        <p className="hint">{t.intro}</p>
      </div>
      <UploadForm />
      <section className="panel" aria-labelledby="evidence-items-title">
        <h2 id="evidence-items-title">{t.items.title}</h2>
        {items.isPending && <p className="muted">{core.loading}</p>}
        {items.isError && <LoadFailed what={t.items.title.toLowerCase()} retry={() => void items.refetch()} />}
        {items.data && <EvidenceTable items={items.data} />}
      </section>
      <section className="panel" aria-labelledby="evidence-disclosures-title">
        <h2 id="evidence-disclosures-title">{t.disclosures.title}</h2>
        {disclosures.isPending && <p className="muted">{core.loading}</p>}
        {disclosures.isError && <LoadFailed what={t.disclosures.title.toLowerCase()} retry={() => void disclosures.refetch()} />}
        {disclosures.data && <DisclosuresTable disclosures={disclosures.data} empty={t.disclosures.empty} />}
      </section>
    </div>
  );
}
