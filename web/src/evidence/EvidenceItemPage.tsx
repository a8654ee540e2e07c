import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../api.js';
import { useFormat, useLocale, useMessages, useT } from '../i18n/LocaleProvider.js';
import { usePageTitle } from '../PageTitle.js';
import { Link } from '../router.js';
import type { PageProps } from '../routes.js';
import { contentUrl, type EvidenceItem } from './api.js';
import { CustodyTimeline } from './CustodyTimeline.js';
import { DiscloseForm } from './DiscloseForm.js';
import { DisclosuresTable } from './DisclosuresTable.js';
import { formatFileSize } from './file-size.js';
import { LoadFailed } from '../LoadFailed.js';
import { evidenceMessages } from './messages.js';
import { EVIDENCE_KEY, useDisclosures, useEvidenceItem } from './queries.js';
import './evidence.css';

/** One item: its record, the original as a download, its chain of custody and its disclosures. */
export default function EvidenceItemPage({ params }: PageProps) {
  const t = useMessages(evidenceMessages);
  const core = useT();
  const id = Number(params['id']);
  const item = useEvidenceItem(id);
  usePageTitle(item.data?.originalName ?? t.title);
  const notFound = !Number.isSafeInteger(id) || (item.error instanceof ApiError && item.error.status === 404);
  return (
    <div className="page evidence-page">
      <p>
        <Link to="/evidence">{t.item.back}</Link>
      </p>
      {notFound ? (
        <>
          <h1>{t.title}</h1>
          <p className="banner" role="alert">
            {t.item.notFound}
          </p>
        </>
      ) : item.isPending ? (
        <>
          <h1>{t.title}</h1>
          <p className="muted">{core.loading}</p>
        </>
      ) : item.isError ? (
        <>
          <h1>{t.title}</h1>
          <LoadFailed what={t.item.record.toLowerCase()} retry={() => void item.refetch()} />
        </>
      ) : (
        <ItemView item={item.data} />
      )}
    </div>
  );
}

function ItemView({ item }: { item: EvidenceItem }) {
  const t = useMessages(evidenceMessages);
  const queryClient = useQueryClient();
  const disclosures = useDisclosures();
  const mine = disclosures.data?.filter((d) => d.itemIds.includes(item.id));
  // The server logs the download as "viewed" before it streams the file: show that entry once it is there.
  const downloaded = () =>
    window.setTimeout(() => void queryClient.invalidateQueries({ queryKey: [...EVIDENCE_KEY, 'custody', item.id] }), 1000);
  return (
    <>
      <div className="page-head">
        <h1>
          <span className="evidence-id">#{item.id}</span> <bdi>{item.originalName}</bdi>
        </h1>
      </div>
      <div className="evidence-columns">
        <section className="panel" aria-labelledby="evidence-record-title">
          <h2 id="evidence-record-title">{t.item.record}</h2>
          <ItemRecord item={item} />
          <p className="evidence-download">
            <a className="button primary" href={contentUrl(item.id)} download onClick={downloaded}>
              {t.item.download}
            </a>
          </p>
          <p className="hint">{t.item.downloadHint}</p>
        </section>
        <section className="panel" aria-labelledby="evidence-custody-title">
          <h2 id="evidence-custody-title">{t.item.custody}</h2>
          <CustodyTimeline itemId={item.id} itemSha256={item.sha256} />
        </section>
      </div>
      <section className="panel" aria-labelledby="evidence-item-disclosures-title">
        <h2 id="evidence-item-disclosures-title">{t.disclosures.forItem}</h2>
        {mine !== undefined && <DisclosuresTable disclosures={mine} empty={t.disclosures.noneForItem} />}
        <DiscloseForm itemId={item.id} />
      </section>
    </>
  );
}

function ItemRecord({ item }: { item: EvidenceItem }) {
  const t = useMessages(evidenceMessages);
  const format = useFormat();
  const { locale } = useLocale();
  const none = t.item.none;
  const mismatch = item.claimedType !== null && item.metadata['mediaTypeMismatch'] !== undefined;
  const rows: [string, ReactNode][] = [
    [t.item.sha256, <code className="hash full">{item.sha256}</code>],
    [
      t.item.size,
      item.sizeBytes < 1000
        ? formatFileSize(item.sizeBytes, locale)
        : `${formatFileSize(item.sizeBytes, locale)} (${format.number(item.sizeBytes)})`,
    ],
    [t.item.mediaType, <bdi>{item.mediaType}</bdi>],
    [
      t.item.claimedType,
      item.claimedType === null ? (
        none
      ) : (
        <>
          <bdi>{item.claimedType}</bdi> {mismatch && <span className="badge warn">{t.item.typeMismatch}</span>}
        </>
      ),
    ],
    [t.item.kind, t.kinds[item.kind]],
    [t.item.sourceUrl, item.sourceUrl === null ? none : <bdi className="evidence-url">{item.sourceUrl}</bdi>],
    [t.item.captureTool, item.captureTool ?? none],
    [t.item.capturedAt, item.capturedAt === null ? none : format.dateTime(item.capturedAt)],
    [t.item.receivedAt, format.dateTime(item.receivedAt)],
    [t.item.collector, item.collector ?? none],
    ...(item.screenshotSha256 === null
      ? []
      : [[t.item.screenshot, <code className="hash full">{item.screenshotSha256}</code>] as [string, ReactNode]]),
    [t.item.links, item.links.length === 0 ? none : item.links.map((l) => `${l.kind}:${l.targetId}`).join(', ')],
    [t.item.notes, item.notes === '' ? none : <bdi className="evidence-notes">{item.notes}</bdi>],
  ];
  return (
    <dl className="evidence-record">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
