import { useState } from 'react';
import type { EventDto } from './api-schemas.js';
import { CATEGORY_COLOURS } from './categories.js';
import { TABLE_PAGE_SIZE, useEventPage } from './events-queries.js';
import { toQueryParams, type EventFilters } from './filters.js';
import { formatActors, formatDates, formatFatalities } from './format.js';
import { useLocale, useT } from './i18n/LocaleProvider.js';

export interface EventsTableProps {
  filters: EventFilters;
  selectedId: number | null;
  onSelect: (id: number) => void;
}

/** The events matching the filters, newest first, one cursor page at a time. */
export function EventsTable({ filters, selectedId, onSelect }: EventsTableProps) {
  const t = useT();
  const cursors = usePageCursors(toQueryParams(filters).toString());
  const cursor = cursors.current;
  const page = useEventPage(filters, cursor);
  const firstPage = useEventPage(filters, null);
  const total = firstPage.data?.total;
  const totalIsLowerBound = firstPage.data?.totalIsLowerBound ?? false;
  const offset = cursors.pageIndex * TABLE_PAGE_SIZE;
  const items = page.data?.items ?? [];
  const nextCursor = page.data?.nextCursor ?? null;

  return (
    <section className="events-table" aria-busy={page.isFetching}>
      <div className="table-scroll">
        <table data-testid="events-table">
          <caption className="visually-hidden">{t.table.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.table.date}</th>
              <th scope="col">{t.table.country}</th>
              <th scope="col">{t.table.admin1}</th>
              <th scope="col">{t.table.location}</th>
              <th scope="col">{t.table.category}</th>
              <th scope="col">{t.table.actors}</th>
              <th scope="col" className="numeric" title={t.table.fatalitiesHint}>
                {t.table.fatalities}
                <span className="th-hint">{t.table.fatalitiesHint}</span>
              </th>
              <th scope="col">{t.table.source}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((event) => (
              <EventRow key={event.id} event={event} selected={event.id === selectedId} onSelect={onSelect} />
            ))}
          </tbody>
        </table>
      </div>
      {page.isPending && <p className="table-empty">{t.loading}</p>}
      {page.isError && <p role="alert">{t.errors.loadFailed(t.table.caption.toLowerCase())}</p>}
      {page.isSuccess && items.length === 0 && (
        <p className="table-empty">{toQueryParams(filters).toString() === '' ? t.table.storeEmpty : t.table.empty}</p>
      )}
      <nav className="pager" aria-label={t.table.caption}>
        <span className="muted" data-testid="table-range">
          {items.length > 0 && t.table.range(offset + 1, offset + items.length, total, totalIsLowerBound)}
        </span>
        <button type="button" disabled={cursors.pageIndex === 0} onClick={cursors.previous}>
          {t.table.previous}
        </button>
        <button type="button" disabled={nextCursor === null || page.isPlaceholderData} onClick={() => cursors.next(nextCursor)}>
          {t.table.next}
        </button>
      </nav>
    </section>
  );
}

/**
 * The cursor of the current page and those before it, so "Previous" can go back;
 * back to the first page whenever `filtersKey` changes (reset during render, not in an effect,
 * so the old rows stay on screen until the new ones arrive).
 */
function usePageCursors(filtersKey: string) {
  const [state, setState] = useState({ filtersKey, cursors: [null] as (string | null)[] });
  if (state.filtersKey !== filtersKey) setState({ filtersKey, cursors: [null] });
  const { cursors } = state;
  return {
    current: cursors.at(-1) ?? null,
    pageIndex: cursors.length - 1,
    previous: () => setState((s) => ({ ...s, cursors: s.cursors.slice(0, -1) })),
    next: (cursor: string | null) => setState((s) => ({ ...s, cursors: [...s.cursors, cursor] })),
  };
}

interface EventRowProps {
  event: EventDto;
  selected: boolean;
  onSelect: (id: number) => void;
}

function EventRow({ event, selected, onSelect }: EventRowProps) {
  const t = useT();
  const { locale } = useLocale();
  const place = event.location ?? t.unnamed;
  return (
    <tr className={selected ? 'selected' : undefined}>
      <td className="nowrap" data-label={t.table.date}>
        {formatDates(event)}
      </td>
      <td title={event.countryName ?? undefined} data-label={t.table.country}>
        {event.country ?? t.unknown}
      </td>
      <td data-label={t.table.admin1}>{event.admin1 ?? t.unknown}</td>
      <td data-label={t.table.location}>
        <button
          type="button"
          className="link"
          onClick={() => onSelect(event.id)}
          aria-label={t.table.showDetails(`${place}, ${event.dateStart}`)}
        >
          {place}
        </button>
      </td>
      <td className="nowrap" data-label={t.table.category}>
        <span>
          <span className="swatch" style={{ background: CATEGORY_COLOURS[event.category] }} aria-hidden />
          {t.categories[event.category]}
        </span>
      </td>
      <td data-label={t.table.actors}>{formatActors(event)}</td>
      <td className="numeric nowrap" data-label={t.table.fatalities}>
        {formatFatalities(event.fatalities, locale)}
      </td>
      <td data-label={t.table.source}>{t.sources[event.source]}</td>
    </tr>
  );
}
