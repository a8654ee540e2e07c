import { useId } from 'react';
import { useLocale, useT } from './i18n/LocaleProvider.js';
import { isLocale, LOCALE_NAMES, LOCALES } from './i18n/locales.js';

/** The language picker, each language named in itself. */
export function LanguageMenu({ className }: { className?: string }) {
  const t = useT();
  const { locale, setLocale } = useLocale();
  const id = useId();
  return (
    <div className={`language-menu ${className ?? ''}`}>
      <label htmlFor={id} className="visually-hidden">
        {t.language.label}
      </label>
      <select
        id={id}
        value={locale}
        onChange={(e) => {
          if (isLocale(e.target.value)) setLocale(e.target.value);
        }}
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
