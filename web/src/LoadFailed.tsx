import { useT } from './i18n/LocaleProvider.js';

/** A load that failed: what could not be loaded, the server's reason when there is one, and a retry. */
export function LoadFailed({ what, error, retry }: { what: string; error?: Error | null; retry?: () => void }) {
  const core = useT();
  return (
    <div className="banner" role="alert">
      <p>
        {core.errors.loadFailed(what)}
        {error?.message ? ` ${error.message}` : ''}
      </p>
      {retry && (
        <button type="button" onClick={retry}>
          {core.retry}
        </button>
      )}
    </div>
  );
}
