import { useQueries } from '@tanstack/react-query';
import { fetchEvent } from '../api.js';
import { formatActors, formatFatalities, formatPlace } from '../format.js';
import { useFormat, useLocale, useMessages, useT } from '../i18n/LocaleProvider.js';
import type { Signal } from './api.js';
import { signalsMessages } from './messages.js';

/** Most events fetched one by one for a signal; a week rarely holds more, and the count says so when it does. */
export const EVENTS_SHOWN = 25;

/** The events a signal counted (GET /api/events/{id} for each of the first ones). */
export function SignalEvents({ signal }: { signal: Signal }) {
  const t = useMessages(signalsMessages);
  const core = useT();
  const format = useFormat();
  const { locale } = useLocale();
  const ids = signal.eventIds.slice(0, EVENTS_SHOWN);
  const events = useQueries({
    queries: ids.map((id) => ({ queryKey: ['event', id], queryFn: () => fetchEvent(id), staleTime: Infinity })),
  });
  const loaded = events.flatMap((q) => (q.data ? [q.data] : []));
  const failed = events.find((q) => q.isError);

  return (
    <section className="panel" aria-labelledby="signal-events-title">
      <h2 id="signal-events-title">{t.eventsTitle}</h2>
      {signal.speechItemIds.length > 0 && <p>{t.speechItems(signal.speechItemIds.length)}</p>}
      {signal.eventIds.length === 0 && signal.speechItemIds.length === 0 && <p>{t.noEvents}</p>}
      {signal.eventIds.length > 0 && <p className="hint">{t.eventsShown(ids.length, signal.eventIds.length)}</p>}
      {failed?.error && (
        <p className="banner" role="alert">
          {failed.error.message}
        </p>
      )}
      {loaded.length < ids.length && !failed && <p role="status">{core.loading}</p>}
      {loaded.length > 0 && (
        <div className="table-wrap">
          <table className="data-table signal-events" data-testid="signal-events">
            <caption className="visually-hidden">{t.eventsTitle}</caption>
            <thead>
              <tr>
                <th scope="col">{core.table.date}</th>
                <th scope="col">{core.table.location}</th>
                <th scope="col">{core.table.category}</th>
                <th scope="col">{core.table.actors}</th>
                <th scope="col" className="numeric">
                  {core.table.fatalities}
                </th>
              </tr>
            </thead>
            <tbody>
              {loaded.map((e) => (
                <tr key={e.id}>
                  <td data-label={core.table.date} className="nowrap">
                    {format.date(e.dateStart)}
                  </td>
                  <td data-label={core.table.location}>{formatPlace(e) || core.unnamed}</td>
                  <td data-label={core.table.category}>{core.categories[e.category]}</td>
                  <td data-label={core.table.actors}>{formatActors(e)}</td>
                  <td data-label={core.table.fatalities} className="numeric">
                    {formatFatalities(e.fatalities, locale)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
