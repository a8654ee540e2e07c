import { useState } from 'react';
import { useFormat, useLocale, useMessages, useT } from '../i18n/LocaleProvider.js';
import { Link } from '../router.js';
import type { EvidenceItem } from './api.js';
import { ChainStatus } from './ChainStatus.js';
import { formatFileSize } from './file-size.js';
import { evidenceMessages } from './messages.js';
import { useChainCheck } from './queries.js';

const PAGE_SIZE = 25;

/** The items, newest first, a page at a time; each row re-checks its chain of custody. */
export function EvidenceTable({ items }: { items: EvidenceItem[] }) {
  const t = useMessages(evidenceMessages).items;
  const [page, setPage] = useState(0);
  if (items.length === 0) return <p className="muted">{t.empty}</p>;
  const first = page * PAGE_SIZE;
  const shown = items.slice(first, first + PAGE_SIZE);
  return (
    <>
      <div className="evidence-scroll" role="region" aria-label={t.caption} tabIndex={0}>
        <table className="data-table evidence-table" data-testid="evidence-table">
          <caption className="visually-hidden">{t.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.item}</th>
              <th scope="col">{t.sha256}</th>
              <th scope="col">{t.type}</th>
              <th scope="col" className="numeric">
                {t.size}
              </th>
              <th scope="col">{t.received}</th>
              <th scope="col">{t.collector}</th>
              <th scope="col">{t.custody}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((item) => (
              <ItemRow key={item.id} item={item} />
            ))}
          </tbody>
        </table>
      </div>
      {items.length > PAGE_SIZE && (
        <div className="pager">
          <button type="button" onClick={() => setPage(page - 1)} disabled={page === 0}>
            {t.previous}
          </button>
          <span>{t.range(first + 1, first + shown.length, items.length)}</span>
          <button type="button" onClick={() => setPage(page + 1)} disabled={first + PAGE_SIZE >= items.length}>
            {t.next}
          </button>
        </div>
      )}
    </>
  );
}

function ItemRow({ item }: { item: EvidenceItem }) {
  const t = useMessages(evidenceMessages).items;
  const core = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const { check } = useChainCheck(item.id, item.sha256);
  return (
    <tr>
      <th scope="row" data-label={t.item}>
        <Link to={`/evidence/${item.id}`}>
          <span className="evidence-id">#{item.id}</span> <bdi>{item.originalName}</bdi>
        </Link>
      </th>
      <td data-label={t.sha256}>
        <code className="hash" title={item.sha256}>
          {item.sha256.slice(0, 16)}…
        </code>
      </td>
      <td data-label={t.type}>
        <bdi>{item.mediaType}</bdi>
      </td>
      <td className="numeric" data-label={t.size}>
        {formatFileSize(item.sizeBytes, locale)}
      </td>
      <td data-label={t.received}>{format.dateTime(item.receivedAt)}</td>
      <td data-label={t.collector}>
        <bdi>{item.collector ?? core.unknown}</bdi>
      </td>
      <td data-label={t.custody}>
        <ChainStatus check={check.data} pending={check.isPending} />
      </td>
    </tr>
  );
}
