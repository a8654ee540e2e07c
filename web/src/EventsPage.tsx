import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import { EventDetails } from './EventDetails.js';
import { useEventPoints } from './events-queries.js';
import { EventsTable } from './EventsTable.js';
import { FilterBar } from './FilterBar.js';
import { filtersFromSearch, toQueryParams, type EventFilters } from './filters.js';
import { useT } from './i18n/LocaleProvider.js';
import { usePageTitle } from './PageTitle.js';
import { MapLegend } from './MapLegend.js';

// MapLibre is most of the bundle: load it only once someone is signed in.
const EventMap = lazy(() => import('./EventMap.js').then((module) => ({ default: module.EventMap })));

/** Keeps the filters in the address bar, so a view can be bookmarked or sent to a colleague. */
function useFiltersInUrl(): [EventFilters, (filters: EventFilters) => void] {
  const [filters, setFilters] = useState(() => filtersFromSearch(window.location.search));
  useEffect(() => {
    const query = toQueryParams(filters).toString();
    const url = `${window.location.pathname}${query === '' ? '' : `?${query}`}`;
    window.history.replaceState(null, '', url);
  }, [filters]);
  return [filters, setFilters];
}

/** The events view: filters, the map with its legend and details panel, and the table. */
export default function EventsPage() {
  const t = useT();
  usePageTitle(t.events.title);
  const [filters, setFilters] = useFiltersInUrl();
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const points = useEventPoints(filters);
  const closeDetails = useCallback(() => setSelectedId(null), []);

  return (
    <div className="events-page">
      <h1 className="visually-hidden">{t.table.caption}</h1>
      <FilterBar filters={filters} onChange={setFilters} />
      {points.isError && (
        <p className="banner" role="alert">
          {t.errors.loadFailed(t.map.label.toLowerCase())}
        </p>
      )}
      <div className="map-area">
        <div className="map-frame">
          <Suspense fallback={<div className="event-map map-loading">{t.loading}</div>}>
            <EventMap
              points={points.data}
              pointsAreStale={points.isPlaceholderData}
              focusCountry={filters.country}
              selectedId={selectedId}
              onSelect={setSelectedId}
            />
          </Suspense>
          <MapLegend points={points.data} />
        </div>
        {selectedId !== null && <EventDetails id={selectedId} onClose={closeDetails} />}
      </div>
      <EventsTable filters={filters} selectedId={selectedId} onSelect={setSelectedId} />
    </div>
  );
}
