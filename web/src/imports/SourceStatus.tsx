import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import type { ImportBatch } from './api.js';
import { importsMessages } from './messages.js';
import { sourceStatuses } from './sources.js';

const STATUS_BADGE = { running: 'badge warn', completed: 'badge ok', refused: 'badge danger', failed: 'badge danger' } as const;

/** Per source, when its data was last refreshed and by whom; then every import, newest first. */
export function SourceStatus({ batches, onShow }: { batches: readonly ImportBatch[]; onShow: (batchId: number) => void }) {
  const t = useMessages(importsMessages);
  const core = useT();
  const format = useFormat();
  const who = (b: ImportBatch) => b.userName ?? t.commandLine;
  return (
    <>
      <section className="panel" aria-labelledby="sources-title">
        <h2 id="sources-title">{t.sourcesTitle}</h2>
        <ul className="source-cards">
          {sourceStatuses(batches).map((s) => (
            <li key={s.source} className="source-card" data-testid={`source-${s.source}`}>
              <h3>{core.sources[s.source]}</h3>
              {s.latest === null ? (
                <p className="hint">{t.neverImported}</p>
              ) : (
                <>
                  <p>
                    {s.lastCompleted
                      ? t.lastRefreshed(format.dateTime(s.lastCompleted.finishedAt ?? s.lastCompleted.startedAt))
                      : t.notRefreshed}
                  </p>
                  <p className="hint">
                    {t.latestImport(format.dateTime(s.latest.startedAt), who(s.latest))}{' '}
                    <span className={STATUS_BADGE[s.latest.status]}>{t.statuses[s.latest.status]}</span>
                  </p>
                  <p className="hint">{t.importCount(s.imports)}</p>
                </>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section className="panel" aria-labelledby="history-title">
        <h2 id="history-title">{t.historyTitle}</h2>
        {batches.length === 0 ? (
          <p className="hint">{t.noImports}</p>
        ) : (
          <table className="data-table import-history">
            <caption className="visually-hidden">{t.historyCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.started}</th>
                <th scope="col">{t.source}</th>
                <th scope="col">{t.fileName}</th>
                <th scope="col">{t.status}</th>
                <th scope="col" className="numeric">
                  {t.counts.rowsRead}
                </th>
                <th scope="col" className="numeric">
                  {t.counts.inserted}
                </th>
                <th scope="col" className="numeric">
                  {t.counts.updated}
                </th>
                <th scope="col" className="numeric">
                  {t.counts.unchanged}
                </th>
                <th scope="col" className="numeric">
                  {t.counts.rejected}
                </th>
                <th scope="col">{t.runBy}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.details}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <td data-label={t.started}>{format.dateTime(b.startedAt)}</td>
                  <td data-label={t.source}>{core.sources[b.source as keyof typeof core.sources] ?? b.source}</td>
                  <td data-label={t.fileName} className="file-name">
                    {b.fileName}
                  </td>
                  <td data-label={t.status}>
                    <span className={STATUS_BADGE[b.status]}>{t.statuses[b.status]}</span>
                  </td>
                  <td data-label={t.counts.rowsRead} className="numeric">
                    {format.number(b.rowsRead)}
                  </td>
                  <td data-label={t.counts.inserted} className="numeric">
                    {format.number(b.inserted)}
                  </td>
                  <td data-label={t.counts.updated} className="numeric">
                    {format.number(b.updated)}
                  </td>
                  <td data-label={t.counts.unchanged} className="numeric">
                    {format.number(b.unchanged)}
                  </td>
                  <td data-label={t.counts.rejected} className="numeric">
                    {format.number(b.rejected)}
                  </td>
                  <td data-label={t.runBy}>{who(b)}</td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      aria-label={t.showDetails(b.fileName, format.dateTime(b.startedAt))}
                      onClick={() => onShow(b.id)}
                    >
                      {t.details}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
