import { useId, useState, type FormEvent } from 'react';
import type { FormatName } from '../../../src/ingest/formats.js';
import { useMessages } from '../i18n/LocaleProvider.js';
import { importsMessages } from './messages.js';
import { IMPORT_SOURCES } from './sources.js';

/** Format and file, then one button: the upload itself is the page's. */
export function UploadForm({ busy, onUpload }: { busy: boolean; onUpload: (format: FormatName, file: File) => void }) {
  const t = useMessages(importsMessages);
  const id = useId();
  const [format, setFormat] = useState<FormatName>('ucdp');
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) {
      setMissingFile(true);
      return;
    }
    onUpload(format, file);
  };
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t.uploadTitle}</h2>
      <form className="form-grid upload-form" onSubmit={submit} noValidate>
        <label htmlFor={`${id}-format`}>{t.format}</label>
        <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as FormatName)} disabled={busy}>
          {IMPORT_SOURCES.map((f) => (
            <option key={f} value={f}>
              {t.formats[f]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-file`}>{t.file}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".csv,.tsv,.txt,text/csv,text/plain,text/tab-separated-values"
          disabled={busy}
          aria-describedby={`${id}-hint${missingFile ? ` ${id}-error` : ''}`}
          aria-invalid={missingFile || undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setMissingFile(false);
          }}
        />
        <p id={`${id}-hint`} className="hint">
          {t.fileHint}
        </p>
        {missingFile && (
          <p id={`${id}-error`} className="form-error" role="alert">
            {t.chooseFile}
          </p>
        )}
        <div>
          <button type="submit" className="primary" disabled={busy}>
            {t.submit}
          </button>
        </div>
      </form>
    </section>
  );
}
