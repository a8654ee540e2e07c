import type { CoreMessages } from '../i18n/en.js';
import type { SignalsMessages } from './messages.js';

/** A signal's category in words: a violence category, all violence, or a surge of hateful posts. */
export function categoryLabel(category: string, t: SignalsMessages, core: CoreMessages): string {
  if (category === 'violence') return t.allViolence;
  if (category.startsWith('hate:')) {
    const group = category.slice('hate:'.length);
    return group === 'all' ? t.hateAll : t.hateAgainst(group);
  }
  return category in core.categories ? core.categories[category as keyof CoreMessages['categories']] : category;
}

/** A country's name from the country table, or its code while the table loads. */
export const countryName = (iso3: string, countries: readonly { iso3: string; name: string }[] | undefined): string =>
  countries?.find((c) => c.iso3 === iso3)?.name ?? iso3;
