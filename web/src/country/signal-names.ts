import type { CoreMessages } from '../i18n/en.js';
import type { CountryMessages } from './messages.js';

/** A signal's category in words: a violence category, all violence, or hate speech against a group. */
export function signalCategoryName(t: CoreMessages, m: CountryMessages, category: string): string {
  if (category === 'violence') return m.signals.violence;
  if (category.startsWith('hate:')) return m.signals.hate(category.slice('hate:'.length));
  return (t.categories as Record<string, string>)[category] ?? category;
}
