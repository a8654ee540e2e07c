/** The UI's languages: the six official languages of the United Nations. */
export const LOCALES = ['en', 'fr', 'ar', 'es', 'zh', 'ru'] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language's name in itself, for the language menu. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  fr: 'Français',
  ar: 'العربية',
  es: 'Español',
  zh: '中文',
  ru: 'Русский',
};

/** Arabic is written right to left; the whole layout flips with `dir` on <html>. */
export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (locale === 'ar' ? 'rtl' : 'ltr');

export const isLocale = (value: unknown): value is Locale =>
  typeof value === 'string' && (LOCALES as readonly string[]).includes(value);

/** The first of the browser's preferred languages that Tocsin speaks, else English. */
export function preferredLocale(languages: readonly string[]): Locale {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLocale(base)) return base;
  }
  return 'en';
}

/**
 * Every part of the UI keeps its strings as one object per language. English is the source;
 * the type makes the others mirror its shape, and translations.test.ts checks every key at run time.
 */
export type Translations<T> = Readonly<Record<Locale, T>>;
