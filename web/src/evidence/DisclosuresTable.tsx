import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import { Link } from '../router.js';
import type { Disclosure } from './api.js';
import { evidenceMessages } from './messages.js';

/** What was disclosed, to whom, by whom and when, with each bundle's SHA-256. */
export function DisclosuresTable({ disclosures, empty }: { disclosures: Disclosure[]; empty: string }) {
  const t = useMessages(evidenceMessages).disclosures;
  const core = useT();
  const format = useFormat();
  if (disclosures.length === 0) return <p className="muted">{empty}</p>;
  return (
    <div className="evidence-scroll" role="region" aria-label={t.caption} tabIndex={0}>
      <table className="data-table evidence-table" data-testid="disclosures-table">
        <caption className="visually-hidden">{t.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.number}</th>
            <th scope="col">{t.recipient}</th>
            <th scope="col">{t.purpose}</th>
            <th scope="col">{t.items}</th>
            <th scope="col">{t.by}</th>
            <th scope="col">{t.date}</th>
            <th scope="col">{t.bundle}</th>
          </tr>
        </thead>
        <tbody>
          {disclosures.map((d) => (
            <tr key={d.id}>
              <th scope="row" data-label={t.number}>
                {d.id}
              </th>
              <td data-label={t.recipient}>
                <bdi>{d.recipient}</bdi>
              </td>
              <td data-label={t.purpose}>
                <bdi>{d.purpose}</bdi>
              </td>
              <td data-label={t.items}>
                <ul className="inline-list">
                  {d.itemIds.map((id) => (
                    <li key={id}>
                      <Link to={`/evidence/${id}`}>#{id}</Link>
                    </li>
                  ))}
                </ul>
              </td>
              <td data-label={t.by}>
                <bdi>{d.createdBy ?? core.unknown}</bdi>
              </td>
              <td data-label={t.date}>{format.dateTime(d.createdAt)}</td>
              <td data-label={t.bundle}>
                <code className="hash" title={d.bundleSha256}>
                  {d.bundleSha256.slice(0, 16)}…
                </code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
