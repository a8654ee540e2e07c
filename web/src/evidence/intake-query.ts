import { LINK_KINDS } from './vocabulary.js';

/** What the collector types beside the file. */
export interface IntakeForm {
  sourceUrl: string;
  /** From <input type="datetime-local">: a wall-clock time in the collector's time zone, or ''. */
  capturedAt: string;
  captureTool: string;
  notes: string;
  /** Links such as "report:12, event:4", separated by commas or spaces. */
  links: string;
}

export type IntakeProblem = { field: 'sourceUrl' } | { field: 'capturedAt' } | { field: 'links'; ref: string };

const LINK_REF = new RegExp(`^(${LINK_KINDS.join('|')}):\\d{1,15}$`);

/**
 * The query string of an upload (POST /api/evidence), or the first field the server would
 * refuse. The capture time is sent as an instant (UTC), as the API requires a zone.
 */
export function intakeQuery(fileName: string, form: IntakeForm, zoneOffsetOf = localOffset): URLSearchParams | IntakeProblem {
  const q = new URLSearchParams({ name: fileName });
  const url = form.sourceUrl.trim();
  if (url !== '') {
    if (!/^https?:\/\/\S+$/i.test(url)) return { field: 'sourceUrl' };
    q.set('sourceUrl', url);
  }
  if (form.capturedAt !== '') {
    const at = toInstant(form.capturedAt, zoneOffsetOf);
    if (at === null) return { field: 'capturedAt' };
    q.set('capturedAt', at);
  }
  if (form.captureTool.trim() !== '') q.set('captureTool', form.captureTool.trim());
  if (form.notes.trim() !== '') q.set('notes', form.notes.trim());
  for (const ref of form.links.split(/[\s,;]+/).filter(Boolean)) {
    if (!LINK_REF.test(ref)) return { field: 'links', ref };
    q.append('link', ref);
  }
  return q;
}

/** Minutes to add to UTC to get local time at `utcMs` (the browser's zone). */
function localOffset(utcMs: number): number {
  return -new Date(utcMs).getTimezoneOffset();
}

/** "2026-05-01T10:15" (local wall clock) as an ISO instant, or null when it is not a real time. */
function toInstant(local: string, zoneOffsetOf: (utcMs: number) => number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(wall);
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return new Date(wall - zoneOffsetOf(wall) * 60_000).toISOString();
}
