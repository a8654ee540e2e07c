import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { coreMessages } from './core.js';
import { formatterFor, type Formatter } from './format.js';
import { directionOf, isLocale, preferredLocale, type Locale, type Translations } from './locales.js';

const STORAGE_KEY = 'tocsin.locale';

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState | null>(null);

function initialLocale(): Locale {
  const stored = safeStorage()?.getItem(STORAGE_KEY);
  if (isLocale(stored)) return stored;
  return preferredLocale(navigator.languages.length > 0 ? navigator.languages : [navigator.language]);
}

/** localStorage can be switched off (private modes, policies): the language then lasts the visit. */
function safeStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Holds the chosen language, remembers it, and sets `lang` and `dir` on the document. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    safeStorage()?.setItem(STORAGE_KEY, next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale]);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleState {
  const state = useContext(LocaleContext);
  if (state === null) throw new Error('useLocale outside <LocaleProvider>');
  return state;
}

/** One part's strings in the current language: `const t = useMessages(signalsMessages)`. */
export function useMessages<T>(translations: Translations<T>): T {
  return translations[useLocale().locale];
}

/** The strings shared by every page (app name, navigation, errors, events view). */
export const useT = () => useMessages(coreMessages);

/** Dates, numbers and percentages in the current language. */
export function useFormat(): Formatter {
  const { locale } = useLocale();
  return useMemo(() => formatterFor(locale), [locale]);
}
