import type { Role } from '../api-schemas.js';
import { checkEdit, checkPublish, checkReturn, checkRevise, checkSubmit, DRAFTERS } from '../../../src/assessments/workflow.js';
import type { AssessmentSummary, EvidenceLink, IndicatorRating, Suggestion } from './api.js';
import { EVIDENCE_KINDS, type TitleVerification, type Verification } from './vocabulary.js';

/** Pure rules of the assessment pages: who may do what, evidence links as text, suggestions per indicator. */

export interface Viewer {
  id: number;
  role: Role;
}

/** Whether `role` may open a new draft (the API's drafters). */
export const canDraft = (role: Role): boolean => DRAFTERS.includes(role);

export interface Permissions {
  rate: boolean;
  submit: boolean;
  return: boolean;
  publish: boolean;
  revise: boolean;
}

const passes = (check: () => void): boolean => {
  try {
    check();
    return true;
  } catch {
    return false;
  }
};

/**
 * What `viewer` may do with an assessment now: the server's own checks (src/assessments/workflow.ts),
 * so a button is shown exactly when the API would accept the click.
 */
export function permissionsFor(a: Pick<AssessmentSummary, 'id' | 'status' | 'authorId'>, viewer: Viewer): Permissions {
  const actor = { id: viewer.id, role: viewer.role };
  return {
    rate: passes(() => checkEdit(a, actor)),
    submit: passes(() => checkSubmit(a, actor)),
    return: passes(() => checkReturn(a, actor)),
    publish: passes(() => checkPublish(a, actor)),
    revise: passes(() => checkRevise(a, actor)),
  };
}

/** The suggestions that speak to one indicator: its own first, then those for its factor as a whole. */
export function suggestionsFor(suggestions: readonly Suggestion[], factorId: string, indicatorId: string): Suggestion[] {
  const own = suggestions.filter((s) => s.indicatorId === indicatorId);
  const factor = suggestions.filter((s) => s.indicatorId === null && s.factorId === factorId);
  return [...own, ...factor];
}

/** Evidence links as the analyst types them: `event:12, signal:3, forecast:3:SDN:2024`. */
export const formatEvidence = (links: readonly EvidenceLink[]): string => links.map((l) => `${l.kind}:${l.id}`).join(', ');

const NUMERIC_KINDS = new Set(['event', 'signal']);
const FORECAST = /^\d+:[A-Z]{3}:\d{4}$/;

/** Reads typed evidence links; anything unreadable is returned as `invalid`, word for word, to be shown. */
export function parseEvidence(text: string): { links: EvidenceLink[]; invalid: string[] } {
  const links: EvidenceLink[] = [];
  const invalid: string[] = [];
  for (const item of text.split(/[\s,;]+/).filter((s) => s !== '')) {
    const at = item.indexOf(':');
    const kind = EVIDENCE_KINDS.find((k) => k === item.slice(0, at).toLowerCase());
    const id = item.slice(at + 1);
    if (at < 0 || kind === undefined || id === '') invalid.push(item);
    else if (NUMERIC_KINDS.has(kind)) {
      if (/^[1-9]\d*$/.test(id)) links.push({ kind, id: Number(id) });
      else invalid.push(item);
    } else if (kind === 'forecast' && !FORECAST.test(id.toUpperCase())) invalid.push(item);
    else links.push({ kind, id: kind === 'forecast' ? id.toUpperCase() : id });
  }
  return { links, invalid };
}

/** What the analyst has typed for one indicator, before it is saved. */
export interface RatingDraft {
  rating: IndicatorRating['rating'] | null;
  confidence: IndicatorRating['confidence'];
  rationale: string;
  evidence: string;
}

export const draftOf = (saved: IndicatorRating | undefined): RatingDraft =>
  saved === undefined
    ? { rating: null, confidence: 'medium', rationale: '', evidence: '' }
    : {
        rating: saved.rating,
        confidence: saved.confidence,
        rationale: saved.rationale,
        evidence: formatEvidence(saved.evidence),
      };

/** Whether the draft differs from what the server holds (evidence compared as parsed links). */
export function isUnsaved(draft: RatingDraft, saved: IndicatorRating | undefined): boolean {
  const base = draftOf(saved);
  return (
    draft.rating !== base.rating ||
    (draft.rating !== null && draft.confidence !== base.confidence) ||
    draft.rationale !== base.rationale ||
    formatEvidence(parseEvidence(draft.evidence).links) !== base.evidence
  );
}

/** How a framework text's checking is flagged to the reader: only unchecked or changed texts are marked. */
export function verificationFlag(v: Verification | TitleVerification): 'unverified' | 'partial' | 'edited' | null {
  switch (v) {
    case 'source':
      return null;
    case 'partial':
      return 'partial';
    case 'recall':
    case 'brief':
      return 'unverified';
    case 'edited':
    case 'added':
      return 'edited';
  }
}

/**
 * The assessment to compare with by default: the one it was revised from, else the latest other
 * assessment of the same country and scope that ended before it, else none.
 */
export function defaultComparison(
  current: AssessmentSummary,
  others: readonly AssessmentSummary[],
  revisedFrom: number | null,
): number | null {
  if (revisedFrom !== null && others.some((o) => o.id === revisedFrom)) return revisedFrom;
  const earlier = others
    .filter(
      (o) =>
        o.id !== current.id &&
        o.country === current.country &&
        o.admin1 === current.admin1 &&
        o.groupId === current.groupId &&
        o.periodEnd <= current.periodEnd,
    )
    .sort((a, b) => b.periodEnd.localeCompare(a.periodEnd) || b.id - a.id);
  return earlier[0]?.id ?? null;
}

/** Whether a typed period can be sent: both calendar dates, the end on or after the start. */
export const isPeriod = (from: string, to: string): boolean =>
  /^\d{4}-\d{2}-\d{2}$/.test(from) && /^\d{4}-\d{2}-\d{2}$/.test(to) && to >= from;

/** The last six whole months before `today` (YYYY-MM-DD), the usual span of a periodic assessment. */
/** The first and last day an assessment covers (ISO dates). */
export interface Period {
  periodStart: string;
  periodEnd: string;
}

export function defaultPeriod(today: string): Period {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m - 1, 0));
  const start = new Date(Date.UTC(y, m - 7, 1));
  return { periodStart: start.toISOString().slice(0, 10), periodEnd: end.toISOString().slice(0, 10) };
}
