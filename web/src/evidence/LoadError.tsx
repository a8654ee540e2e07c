import { useT } from '../i18n/LocaleProvider.js';

/** A failed load, with a way to try again. */
export function LoadError({ what, retry }: { what: string; retry: () => void }) {
  const core = useT();
  return (
    <div className="banner" role="alert">
      <p>{core.errors.loadFailed(what.toLowerCase())}</p>
      <button type="button" onClick={retry}>
        {core.retry}
      </button>
    </div>
  );
}
