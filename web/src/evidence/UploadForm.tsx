import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api.js';
import { useMessages } from '../i18n/LocaleProvider.js';
import { Link } from '../router.js';
import { uploadEvidence, type IntakeResult } from './api.js';
import { intakeQuery, type IntakeForm, type IntakeProblem } from './intake-query.js';
import { evidenceMessages, type EvidenceMessages } from './messages.js';
import { EVIDENCE_KEY } from './queries.js';

const BLANK: IntakeForm = { sourceUrl: '', capturedAt: '', captureTool: '', notes: '', links: '' };

const problemText = (p: IntakeProblem, t: EvidenceMessages['upload']): string =>
  p.field === 'sourceUrl' ? t.badSourceUrl : p.field === 'capturedAt' ? t.badCapturedAt : t.badLink(p.ref);

/** Uploads one original with what the collector knows about it, then shows the hash the server computed. */
export function UploadForm() {
  const t = useMessages(evidenceMessages).upload;
  const id = useId();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [form, setForm] = useState<IntakeForm>(BLANK);
  const [problem, setProblem] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: ({ blob, query }: { blob: File; query: URLSearchParams }) => uploadEvidence(blob, query),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: EVIDENCE_KEY }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file === null) return setProblem(t.noFile);
    const query = intakeQuery(file.name, form);
    if (!(query instanceof URLSearchParams)) return setProblem(problemText(query, t));
    setProblem(null);
    upload.mutate({ blob: file, query });
  };
  const field = (name: keyof IntakeForm) => ({
    id: `${id}-${name}`,
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });

  return (
    <form className="panel evidence-upload" onSubmit={submit} aria-labelledby={`${id}-title`} noValidate>
      <h2 id={`${id}-title`}>{t.title}</h2>
      <div className="form-grid evidence-upload-grid">
        <div className="evidence-field wide">
          <label htmlFor={`${id}-file`}>{t.file}</label>
          <input
            id={`${id}-file`}
            type="file"
            aria-describedby={`${id}-file-hint`}
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          <p id={`${id}-file-hint`} className="hint">
            {t.fileHint}
          </p>
        </div>
        <div className="evidence-field">
          <label htmlFor={`${id}-sourceUrl`}>{t.sourceUrl}</label>
          <input type="url" inputMode="url" {...field('sourceUrl')} />
        </div>
        <div className="evidence-field">
          <label htmlFor={`${id}-capturedAt`}>{t.capturedAt}</label>
          <input type="datetime-local" {...field('capturedAt')} />
        </div>
        <div className="evidence-field">
          <label htmlFor={`${id}-captureTool`}>{t.captureTool}</label>
          <input type="text" {...field('captureTool')} />
        </div>
        <div className="evidence-field">
          <label htmlFor={`${id}-links`}>{t.links}</label>
          <input type="text" dir="ltr" aria-describedby={`${id}-links-hint`} {...field('links')} />
          <p id={`${id}-links-hint`} className="hint">
            {t.linksHint}
          </p>
        </div>
        <div className="evidence-field wide">
          <label htmlFor={`${id}-notes`}>{t.notes}</label>
          <textarea {...field('notes')} />
        </div>
      </div>
      <div className="evidence-actions">
        <button type="submit" className="primary" disabled={upload.isPending}>
          {upload.isPending ? t.submitting : t.submit}
        </button>
      </div>
      <div aria-live="polite">
        {problem !== null && (
          <p className="banner" role="alert">
            {problem}
          </p>
        )}
        {upload.isError && (
          <p className="banner" role="alert">
            {t.refused} {upload.error instanceof ApiError ? upload.error.message : String(upload.error)}
          </p>
        )}
        {upload.isSuccess && <UploadResult result={upload.data} />}
      </div>
    </form>
  );
}

function UploadResult({ result }: { result: IntakeResult }) {
  const t = useMessages(evidenceMessages).upload;
  const { item, duplicate, mediaTypeMismatch } = result;
  return (
    <div className="banner ok evidence-result" role="status">
      <p>{duplicate ? t.duplicate(item.id) : t.stored(item.id)}</p>
      <p>
        {t.serverHash}:{' '}
        <code className="hash" data-testid="server-sha256">
          {item.sha256}
        </code>
      </p>
      {mediaTypeMismatch !== null && <p>{t.mismatch(mediaTypeMismatch.claimed, mediaTypeMismatch.detected)}</p>}
      <p>
        <Link to={`/evidence/${item.id}`}>{t.open(item.id)}</Link>
      </p>
    </div>
  );
}
