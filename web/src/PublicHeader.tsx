import { useT } from './i18n/LocaleProvider.js';
import { LanguageMenu } from './LanguageMenu.js';

/** The app bar of pages open without sign-in: the name and the language picker only. */
export function PublicHeader() {
  const t = useT();
  return (
    <header className="app-header">
      <p className="brand">
        <span className="brand-name">{t.appName}</span>
        <span className="brand-tagline">{t.appTagline}</span>
      </p>
      <LanguageMenu className="on-dark" />
    </header>
  );
}
