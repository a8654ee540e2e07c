import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef } from 'react';
import { useFormat, useMessages, useT } from '../i18n/LocaleProvider.js';
import { fetchRejections, REJECTIONS_LISTED, type ImportStatus } from './api.js';
import { importsMessages } from './messages.js';
import { LoadFailed } from '../LoadFailed.js';

const COUNTS = ['rowsRead', 'inserted', 'updated', 'unchanged', 'rejected', 'skipped'] as const;

/** How an import ended: its counts, and the quarantined rows with line, column and reason. */
export function ImportSummary({ status, focusOnShow }: { status: ImportStatus; focusOnShow: boolean }) {
  const t = useMessages(importsMessages);
  const core = useT();
  const format = useFormat();
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnShow) heading.current?.focus();
  }, [focusOnShow, status.id]);
  const source = core.sources[status.source as keyof typeof core.sources] ?? status.source;
  return (
    <section className="panel import-summary" aria-labelledby={`${id}-title`} data-testid="import-summary">
      <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
        {t.summaryTitle(status.fileName)}
      </h2>
      <p className="hint">{t.summaryMeta(source, format.dateTime(status.startedAt), status.userName ?? t.commandLine)}</p>
      {status.state === 'completed' ? (
        <p className="banner ok" role="status">
          {t.stages.completed}
        </p>
      ) : (
        <div className="banner" role="alert">
          <strong>{t.stages.failed}</strong> {status.message ?? t.stopped}
        </div>
      )}
      <dl className="import-counts">
        {COUNTS.map((key) => (
          <div key={key} className={key === 'rejected' && status.rejected > 0 ? 'has-rejections' : undefined}>
            <dt>{t.counts[key]}</dt>
            <dd>{format.number(status[key])}</dd>
          </div>
        ))}
      </dl>
      {status.signalsStored !== null && <p>{t.signals(format.number(status.signalsStored))}</p>}
      <Quarantine batchId={status.id} rejected={status.rejected} />
    </section>
  );
}

function Quarantine({ batchId, rejected }: { batchId: number; rejected: number }) {
  const t = useMessages(importsMessages);
  const core = useT();
  const format = useFormat();
  const rows = useQuery({
    queryKey: ['import-rejections', batchId],
    queryFn: () => fetchRejections(batchId),
    enabled: rejected > 0,
  });
  return (
    <>
      <h3>{t.quarantineTitle}</h3>
      {rejected === 0 && <p className="hint">{t.noRejections}</p>}
      {rows.isPending && rejected > 0 && <p role="status">{core.loading}</p>}
      {rows.isError && <LoadFailed what={t.quarantineTitle.toLowerCase()} error={rows.error} retry={() => void rows.refetch()} />}
      {rows.isSuccess && rows.data.length > 0 && (
        <>
          {rejected > rows.data.length && (
            <p className="hint">
              {t.quarantineTruncated(
                format.number(Math.min(rows.data.length, REJECTIONS_LISTED)),
                format.number(rejected),
                batchId,
              )}
            </p>
          )}
          <div className="quarantine-scroll" tabIndex={0} role="region" aria-label={t.quarantineCaption}>
            <table className="data-table quarantine-table">
              <caption className="visually-hidden">{t.quarantineCaption}</caption>
              <thead>
                <tr>
                  <th scope="col" className="numeric">
                    {t.line}
                  </th>
                  <th scope="col">{t.column}</th>
                  <th scope="col">{t.reason}</th>
                </tr>
              </thead>
              <tbody>
                {rows.data.map((r, i) => (
                  <tr key={`${r.line}-${i}`}>
                    <td className="numeric">{format.number(r.line)}</td>
                    <td>{r.column ?? <span className="muted">{t.wholeRow}</span>}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
