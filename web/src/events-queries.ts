import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchCountries, fetchEvent, fetchEventPage, fetchEventPoints } from './api.js';
import type { EventFilters } from './filters.js';

/** Most points the map asks for; the API says `truncated` when more events match. */
export const MAP_POINT_LIMIT = 10_000;
export const TABLE_PAGE_SIZE = 50;

export const useCountries = () => useQuery({ queryKey: ['countries'], queryFn: fetchCountries, staleTime: Infinity });

export const useEventPoints = (filters: EventFilters) =>
  useQuery({
    queryKey: ['events.geojson', filters],
    queryFn: () => fetchEventPoints(filters, MAP_POINT_LIMIT),
    placeholderData: keepPreviousData,
  });

/** One table page; the total is asked for on the first page only, where it is cheapest to reuse. */
export const useEventPage = (filters: EventFilters, cursor: string | null) =>
  useQuery({
    queryKey: ['events', filters, cursor],
    queryFn: () => fetchEventPage(filters, { limit: TABLE_PAGE_SIZE, cursor, includeTotal: cursor === null }),
    placeholderData: keepPreviousData,
  });

export const useEvent = (id: number | null) =>
  useQuery({
    queryKey: ['event', id],
    queryFn: () => fetchEvent(id ?? 0),
    enabled: id !== null,
  });
