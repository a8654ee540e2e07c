import { useId } from 'react';
import { useFormat, useLocale, useMessages } from '../i18n/LocaleProvider.js';
import type { ImportStatus } from './api.js';
import { importsMessages } from './messages.js';
import { formatBytes, stageOf, type UploadState } from './progress.js';

/**
 * The bar for the bytes sent, then for the rows imported, then a busy bar for the surveillance
 * step. Only the stage name is announced; the running numbers are not, to spare screen readers.
 */
export function ImportProgress({ upload, status }: { upload: UploadState; status: ImportStatus | undefined }) {
  const t = useMessages(importsMessages);
  const format = useFormat();
  const { locale } = useLocale();
  const id = useId();
  const { stage, fraction } = stageOf(upload, status);
  if (upload.phase === 'refused')
    return (
      <div className="banner" role="alert">
        <strong>{t.refused}</strong> {upload.message}
      </div>
    );
  if (stage === 'completed' || stage === 'failed') return null; // the summary says how it ended
  const detail =
    upload.phase === 'uploading'
      ? t.sent(formatBytes(upload.sent, locale), formatBytes(upload.total, locale))
      : t.rowsSoFar(format.number(status?.rowsRead ?? 0));
  return (
    <section className="panel import-progress" aria-busy="true">
      <p id={`${id}-stage`} className="import-stage" role="status">
        {t.stages[stage]}
      </p>
      <progress
        aria-labelledby={`${id}-stage`}
        aria-describedby={`${id}-detail`}
        max={100}
        {...(fraction === null ? {} : { value: Math.round(fraction * 100) })}
      />
      <p id={`${id}-detail`} className="hint" data-testid="import-progress-detail">
        {fraction === null ? detail : `${format.percent(fraction, 0)} · ${detail}`}
      </p>
    </section>
  );
}
