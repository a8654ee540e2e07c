import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMessages } from '../../i18n/LocaleProvider.js';
import type { GroupOption, Receipt } from './api.js';
import { emptyDraft, isBlank, type ReportDraft } from './draft.js';
import { draftStore, sessionStorageOrNull } from './draft-storage.js';
import { fieldId } from './Field.js';
import { reportFormMessages } from './messages.js';
import { People } from './People.js';
import { ProtectionNotice } from './ProtectionNotice.js';
import { sendFailure } from './send-failure.js';
import { SentReceipt } from './SentReceipt.js';
import { Sources } from './Sources.js';
import { toReportBody, type ReportBody } from './to-report.js';
import { WhatHappened } from './WhatHappened.js';
import { WhenWhere } from './WhenWhere.js';

export interface ReportFormProps {
  /** Where the draft is kept in the tab (one key per kind of form). */
  storageKey: string;
  send: (body: ReportBody) => Promise<Receipt>;
  /** Sent through a one-time link, without sign-in. */
  throughLink: boolean;
  /** The protected groups of a country, for roles that may list them; null hides the choice. */
  groupsOf: ((country: string) => Promise<GroupOption[]>) | null;
}

/**
 * The report form: one column, native inputs, the draft kept in the tab while it is written.
 * A failed send keeps every word and says why; a sent report shows its reference.
 */
export function ReportForm({ storageKey, send, throughLink, groupsOf }: ReportFormProps) {
  const t = useMessages(reportFormMessages);
  const store = useMemo(() => draftStore(sessionStorageOrNull(), storageKey), [storageKey]);
  const [restored] = useState(() => store.load());
  const [draft, setDraft] = useState<ReportDraft>(() => restored ?? emptyDraft());
  const [tried, setTried] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  // Offline, react-query holds the send and fires it when the browser is back online; the draft stays stored meanwhile.
  const sending = useMutation({ mutationFn: send, onSuccess: () => store.clear() });
  const groups = useQuery({
    queryKey: ['report-form-groups', draft.country],
    queryFn: () => groupsOf!(draft.country),
    enabled: groupsOf !== null && draft.country !== '',
    staleTime: 5 * 60_000,
  });

  useEffect(() => {
    if (sending.isSuccess) return;
    if (isBlank(draft)) store.clear();
    else store.save(draft);
  }, [draft, store, sending.isSuccess]);

  const checked = toReportBody(draft);
  const problems = tried && !checked.ok ? checked.problems : [];
  const errorOf = (field: string) => {
    const p = problems.find((x) => x.field === field);
    return p === undefined ? undefined : t.problems[p.problem];
  };
  const update = (patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const parts = { draft, update, setDraft, errorOf };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (checked.ok) sending.mutate(checked.body);
    else requestAnimationFrame(() => summary.current?.focus());
  };
  const startAgain = () => {
    store.clear();
    setDraft(emptyDraft());
    setTried(false);
    sending.reset();
  };

  if (sending.isSuccess) return <SentReceipt receipt={sending.data} throughLink={throughLink} onAnother={startAgain} />;

  const failure = sending.isError ? sendFailure(sending.error, throughLink) : null;
  const groupOptions = groupsOf === null ? null : (groups.data ?? []);
  return (
    <form className="report-form" onSubmit={submit} noValidate aria-describedby="report-protection">
      <ProtectionNotice throughLink={throughLink} />
      {restored !== null && !tried && (
        <p className="banner ok" role="status">
          {t.draftRestored}
        </p>
      )}
      <div ref={summary} tabIndex={-1} role="alert" className={problems.length > 0 ? 'problem-summary' : undefined}>
        {problems.length > 0 && (
          <>
            <h2>{t.problemsTitle}</h2>
            <ul>
              {problems.map((p) => (
                <li key={`${p.field}:${p.problem}`}>
                  <a
                    href={`#${fieldId(p.field)}`}
                    onClick={(e) => {
                      e.preventDefault();
                      document.getElementById(fieldId(p.field))?.focus();
                    }}
                  >
                    {t.problems[p.problem]}
                  </a>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <WhenWhere {...parts} />
      <WhatHappened {...parts} groups={groupOptions} />
      <People {...parts} groups={groupOptions} />
      <Sources {...parts} />
      <p role="status" className={sending.isPaused ? 'banner' : undefined}>
        {sending.isPaused ? t.waiting : null}
      </p>
      <div role="alert">
        {failure !== null && (
          <p className="banner">
            {failure.kind === 'offline'
              ? t.offline
              : failure.kind === 'link-unknown'
                ? t.linkUnknown
                : failure.kind === 'link-spent'
                  ? t.linkSpent
                  : t.refused(failure.message)}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={sending.isPending}>
          {sending.isPending ? t.sending : t.submit}
        </button>
        <button
          type="button"
          onClick={() => window.confirm(t.discardConfirm) && startAgain()}
          disabled={sending.isPending || isBlank(draft)}
        >
          {t.discard}
        </button>
      </div>
    </form>
  );
}
