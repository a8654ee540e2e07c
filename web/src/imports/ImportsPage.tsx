import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormatName } from '../../../src/ingest/formats.js';
import { useMessages, useT } from '../i18n/LocaleProvider.js';
import { usePageTitle } from '../PageTitle.js';
import { fetchImports, fetchImportStatus, uploadEventFile } from './api.js';
import { ImportProgress } from './ImportProgress.js';
import { ImportSummary } from './ImportSummary.js';
import { importsMessages } from './messages.js';
import type { UploadState } from './progress.js';
import { SourceStatus } from './SourceStatus.js';
import { UploadForm } from './UploadForm.js';
import './imports.css';
import { LoadFailed } from '../LoadFailed.js';

const POLL_MS = 500;

/** Imports for admins and analysts: upload an event file with its progress and summary; the sources' status below. */
export default function ImportsPage() {
  const t = useMessages(importsMessages);
  const core = useT();
  usePageTitle(t.title);
  const queryClient = useQueryClient();
  const [upload, setUpload] = useState<UploadState | null>(null);
  /** A past batch opened from the history (its summary replaces the upload's). */
  const [opened, setOpened] = useState<number | null>(null);

  const history = useQuery({ queryKey: ['imports'], queryFn: fetchImports });
  const batchId = upload?.phase === 'importing' ? upload.batchId : opened;
  const status = useQuery({
    queryKey: ['import', batchId],
    queryFn: () => fetchImportStatus(batchId!),
    enabled: batchId !== null,
    refetchInterval: (q) => (q.state.data?.state === 'running' ? POLL_MS : false),
  });
  const ended = status.data !== undefined && status.data.state !== 'running';
  useEffect(() => {
    if (ended) void queryClient.invalidateQueries({ queryKey: ['imports'] });
  }, [ended, batchId, queryClient]);

  const send = useMutation({
    mutationFn: ({ format, file }: { format: FormatName; file: File }) =>
      uploadEventFile(format, file, (sent, total) => setUpload({ phase: 'uploading', sent, total })),
    onMutate: ({ file }) => {
      setOpened(null);
      setUpload({ phase: 'uploading', sent: 0, total: file.size });
    },
    onSuccess: (id) => setUpload({ phase: 'importing', batchId: id }),
    onError: (error) => setUpload({ phase: 'refused', message: error.message }),
  });
  const running = send.isPending || (upload?.phase === 'importing' && !ended);

  return (
    <div className="page imports-page">
      <div className="page-head">
        <h1>{t.title}</h1>
        <p className="hint">{t.intro}</p>
      </div>
      <UploadForm busy={running} onUpload={(format, file) => send.mutate({ format, file })} />
      {upload !== null && opened === null && <ImportProgress upload={upload} status={status.data} />}
      {status.isError && <LoadFailed what={t.title.toLowerCase()} error={status.error} retry={() => void status.refetch()} />}
      {ended && <ImportSummary status={status.data} focusOnShow={opened !== null} />}
      {history.isPending && <p role="status">{core.loading}</p>}
      {history.isError && (
        <LoadFailed what={t.historyTitle.toLowerCase()} error={history.error} retry={() => void history.refetch()} />
      )}
      {history.isSuccess && (
        <SourceStatus
          batches={history.data}
          onShow={(id) => {
            if (running) return;
            setUpload(null);
            setOpened(id);
          }}
        />
      )}
    </div>
  );
}
