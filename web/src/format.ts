import type { EventActor, EventDto } from './api-schemas.js';
/** Shown for a value the source does not give; the same in every language. */
const UNKNOWN = '—';

const number = (n: number | null, locale: string): string => (n === null ? UNKNOWN : n.toLocaleString(locale));

/** "best (low–high)", e.g. "12 (10–15)"; the range is left out when it says nothing more. */
export function formatFatalities({ best, low, high }: EventDto['fatalities'], locale = 'en'): string {
  if (low === null && high === null) return number(best, locale);
  if (low === best && high === best) return number(best, locale);
  return `${number(best, locale)} (${number(low, locale)}–${number(high, locale)})`;
}

/** The event's date, or its span when it lasted several days. */
export const formatDates = ({ dateStart, dateEnd }: Pick<EventDto, 'dateStart' | 'dateEnd'>): string =>
  dateEnd === dateStart ? dateStart : `${dateStart} – ${dateEnd}`;

export const actorName = (actor: EventActor | null): string => actor?.name ?? UNKNOWN;

export const formatActors = ({ perpetrator, target }: Pick<EventDto, 'perpetrator' | 'target'>): string =>
  `${actorName(perpetrator)} → ${actorName(target)}`;

/** Location, admin areas and country, most precise first, without repeats. */
export function formatPlace(event: EventDto): string {
  const parts = [event.location, event.admin2, event.admin1, event.countryName ?? event.country];
  const named = parts.filter((part): part is string => part !== null && part !== '');
  return [...new Set(named)].join(', ');
}
