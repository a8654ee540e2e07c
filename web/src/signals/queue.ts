import { SIGNAL_STATUSES, type SignalStatus } from '../../../src/surveillance/signals/signal.js';

/** The triage queue's order: the newest period first (the API's order), or the strongest alarm first. */
export const SIGNAL_ORDERS = ['newest', 'strongest'] as const;
export type SignalOrder = (typeof SIGNAL_ORDERS)[number];

/** The queue's filters as they stand in the address bar; `status: ''` shows every status. */
export interface SignalQuery {
  status: SignalStatus | '';
  country: string;
  method: string;
  order: SignalOrder;
}

export const DEFAULT_QUERY: SignalQuery = { status: 'new', country: '', method: '', order: 'newest' };

interface Counted {
  id: number;
  week: string;
  observed: number;
  upperbound: number | null;
}

/**
 * How far above its expected upper bound a count is: observed / bound. Infinite for a count above a
 * zero bound; null when the method gave no bound, so such signals sort after the measured ones.
 */
export function excess(s: Pick<Counted, 'observed' | 'upperbound'>): number | null {
  if (s.upperbound === null) return null;
  if (s.upperbound <= 0) return s.observed > 0 ? Infinity : null;
  return s.observed / s.upperbound;
}

const newestFirst = (a: Counted, b: Counted) => b.week.localeCompare(a.week) || b.id - a.id;

export function sortSignals<T extends Counted>(signals: readonly T[], order: SignalOrder): T[] {
  if (order === 'newest') return [...signals].sort(newestFirst);
  return [...signals].sort((a, b) => {
    const ea = excess(a);
    const eb = excess(b);
    if (ea !== eb) {
      if (ea === null) return 1;
      if (eb === null) return -1;
      return eb - ea;
    }
    return b.observed - a.observed || newestFirst(a, b);
  });
}

export function queryFromSearch(params: URLSearchParams): SignalQuery {
  const status = params.get('status');
  const order = params.get('order');
  return {
    status:
      status === 'all' ? '' : (SIGNAL_STATUSES as readonly string[]).includes(status ?? '') ? (status as SignalStatus) : 'new',
    country: /^[A-Z]{3}$/.test(params.get('country') ?? '') ? (params.get('country') ?? '') : '',
    method: params.get('method') ?? '',
    order: (SIGNAL_ORDERS as readonly string[]).includes(order ?? '') ? (order as SignalOrder) : 'newest',
  };
}

/** The query string of a queue view; defaults are left out, "all statuses" is written `status=all`. */
export function searchOfQuery(q: SignalQuery): string {
  const params = new URLSearchParams();
  if (q.status !== DEFAULT_QUERY.status) params.set('status', q.status === '' ? 'all' : q.status);
  if (q.country !== '') params.set('country', q.country);
  if (q.method !== '') params.set('method', q.method);
  if (q.order !== DEFAULT_QUERY.order) params.set('order', q.order);
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** The API's filter parameters for a queue view (the order is applied here, not by the API). */
export function apiParams(q: SignalQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (q.status !== '') params.set('status', q.status);
  if (q.country !== '') params.set('country', q.country);
  if (q.method !== '') params.set('method', q.method);
  return params;
}

/** The weeks around a signal: `before` weeks before its own and `after` after, where the series has them. */
export function seriesWindow(
  periods: readonly string[],
  values: readonly number[],
  week: string,
  before = 26,
  after = 4,
): { periods: string[]; values: number[]; index: number } | null {
  const at = periods.indexOf(week);
  if (at < 0) return null;
  const start = Math.max(0, at - before);
  const end = Math.min(periods.length, at + after + 1);
  return { periods: periods.slice(start, end), values: values.slice(start, end), index: at - start };
}
