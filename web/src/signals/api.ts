import * as z from 'zod/mini';
import {
  SIGNAL_FREQUENCIES,
  SIGNAL_MEASURES,
  SIGNAL_STATUSES,
  type TriageDecision,
} from '../../../src/surveillance/signals/signal.js';
import { jsonBody, request } from '../api.js';
import { fetchWarnings, warningSchema, type Warning } from '../warnings/api.js';
import { apiParams, type SignalQuery } from './queue.js';

export const signalSchema = z.object({
  id: z.number(),
  country: z.string(),
  category: z.string(),
  measure: z.enum(SIGNAL_MEASURES),
  frequency: z.enum(SIGNAL_FREQUENCIES),
  week: z.string(),
  method: z.string(),
  observed: z.number(),
  upperbound: z.nullable(z.number()),
  eventIds: z.array(z.number()),
  speechItemIds: z.array(z.number()),
  status: z.enum(SIGNAL_STATUSES),
  triageNote: z.nullable(z.string()),
  triagedBy: z.nullable(z.string()),
  triagedAt: z.nullable(z.string()),
  detectedAt: z.string(),
});
export type Signal = z.infer<typeof signalSchema>;

const signalPageSchema = z.object({ items: z.array(signalSchema), nextCursor: z.nullable(z.string()) });
export type SignalPage = z.infer<typeof signalPageSchema>;

const seriesSchema = z.object({
  periods: z.array(z.string()),
  incidents: z.array(z.number()),
  fatalities: z.array(z.number()),
});
export type Series = z.infer<typeof seriesSchema>;

const settingsSchema = z.object({ methods: z.array(z.object({ label: z.string() })) });

/** One page of the queue, newest period first; `cursor` is the previous page's `nextCursor`. */
export function fetchSignalPage(q: SignalQuery, cursor: string | null, limit = 100): Promise<SignalPage> {
  const params = apiParams(q);
  params.set('limit', String(limit));
  if (cursor !== null) params.set('cursor', cursor);
  return request(`/api/signals?${params}`, signalPageSchema);
}

export const fetchSignal = (id: number): Promise<Signal> => request(`/api/signals/${id}`, signalSchema);

/** The detection methods configured (their labels are what signals carry), for the method filter. */
export async function fetchMethodLabels(): Promise<string[]> {
  return (await request('/api/surveillance/settings', settingsSchema)).methods.map((m) => m.label);
}

/** The weekly series of a country and category, to draw the weeks around a signal. */
export function fetchSeries(country: string, category: string): Promise<Series> {
  const params = new URLSearchParams({ country, category, frequency: 'weekly' });
  return request(`/api/series?${params}`, seriesSchema);
}

/**
 * Records a triage decision with the analyst's reason. "Raise a warning" is then raised from the
 * signal, as `tocsin signals triage --decision raise-warning --note …` followed by
 * `tocsin warnings raise --from-signal` would: the reason is in the signal's triage log first, and
 * the server does not triage it again (it only does for a signal not yet triaged so).
 */
export async function triageSignal(
  id: number,
  decision: TriageDecision,
  reason: string,
): Promise<{ signal: Signal; warning: Warning | null }> {
  const init = { method: 'POST', ...jsonBody({ decision, note: reason.trim() }) };
  const signal = await request(`/api/signals/${id}/triage`, signalSchema, init);
  if (decision !== 'raise-warning') return { signal, warning: null };
  return { signal, warning: await raiseWarningFromSignal(id) };
}

/** Raises the warning of a signal already triaged "raise-warning" (e.g. when raising failed the first time). */
export function raiseWarningFromSignal(id: number): Promise<Warning> {
  return request(`/api/warnings/from-signal/${id}`, warningSchema, { method: 'POST', ...jsonBody({}) });
}

/** The warning raised from a signal, if any (warnings from signals are few per country). */
export async function fetchWarningOfSignal(signal: Pick<Signal, 'id' | 'country'>): Promise<Warning | null> {
  const warnings = await fetchWarnings({ country: signal.country, origin: 'signal', limit: 1000 });
  return warnings.find((w) => w.signalId === signal.id) ?? null;
}
