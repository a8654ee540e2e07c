import {
  apiErrorSchema,
  countriesSchema,
  eventPageSchema,
  eventPointsSchema,
  eventSchema,
  sessionSchema,
  type Country,
  type EventDto,
  type EventPage,
  type EventPoints,
  type User,
} from './api-schemas.js';
import { toQueryParams, type EventFilters } from './filters.js';

/** An error answer from the API (`{ error: { code, message } }`), or a network or contract failure. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface Parser<T> {
  parse(data: unknown): T;
}

/** GETs (or sends `init`) and parses the answer with `parser`; any failure is an ApiError. */
export async function request<T>(path: string, parser: Parser<T>, init: RequestInit = {}): Promise<T> {
  const body = await send(path, init);
  try {
    return parser.parse(body);
  } catch (error) {
    // The server answered outside the contract: report it as such, never render half-parsed data.
    console.error(`Unexpected response from ${path}`, error);
    throw new ApiError(0, 'bad_response', `Unexpected response from ${path}`);
  }
}

/** Sends a request and returns the parsed JSON body (undefined for 204); errors become ApiError. */
export async function send(path: string, init: RequestInit): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(path, {
      ...init,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...init.headers },
    });
  } catch {
    throw new ApiError(0, 'network', 'The server could not be reached');
  }
  if (response.status === 204) return undefined;
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = apiErrorSchema.safeParse(body);
    const { code, message } = parsed.success ? parsed.data.error : { code: 'http_error', message: `HTTP ${response.status}` };
    throw new ApiError(response.status, code, message);
  }
  return body;
}

/** The init of a request with a JSON body: `{ method: 'POST', ...jsonBody(value) }`. */
export const jsonBody = (value: unknown): RequestInit => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
});

/** The signed-in user, or null when there is no session. */
export async function fetchSession(): Promise<User | null> {
  try {
    return (await request('/api/session', sessionSchema)).user;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function signIn(username: string, password: string): Promise<User> {
  const init = { method: 'POST', ...jsonBody({ username, password }) };
  return (await request('/api/session', sessionSchema, init)).user;
}

export async function signOut(): Promise<void> {
  await send('/api/session', { method: 'DELETE' });
}

export async function fetchCountries(): Promise<Country[]> {
  return (await request('/api/countries', countriesSchema)).items;
}

/** One page of events, newest first; `cursor` is the previous page's `nextCursor`. */
export function fetchEventPage(
  filters: EventFilters,
  page: { limit: number; cursor: string | null; includeTotal: boolean },
): Promise<EventPage> {
  const params = toQueryParams(filters);
  params.set('limit', String(page.limit));
  if (page.cursor !== null) params.set('cursor', page.cursor);
  if (page.includeTotal) params.set('includeTotal', 'true');
  return request(`/api/events?${params}`, eventPageSchema);
}

/** The mappable events as GeoJSON points (country-level and unlocated events are only counted). */
export function fetchEventPoints(filters: EventFilters, limit: number): Promise<EventPoints> {
  const params = toQueryParams(filters);
  params.set('limit', String(limit));
  return request(`/api/events.geojson?${params}`, eventPointsSchema);
}

export function fetchEvent(id: number): Promise<EventDto> {
  return request(`/api/events/${id}`, eventSchema);
}
