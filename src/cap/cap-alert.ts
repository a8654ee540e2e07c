import { TocsinError } from '../core/errors.js';
import type { Warning } from '../warnings/warning.js';
import { CAP_SEVERITY, capCertainty, capMsgType, capUrgency } from './cap-mapping.js';
import { XML_DECLARATION, el, text, writeXml, type XmlNode } from './xml.js';

export const CAP_NAMESPACE = 'urn:oasis:names:tc:emergency:cap:1.2';
export const CAP_MEDIA_TYPE = 'application/cap+xml';

/**
 * The fields of a warning that may leave Tocsin in a CAP alert. Nothing else is read: evidence,
 * recipients, sources, the decision's reason, the groups at risk and who did what stay inside
 * (protect sources); the summary is the only narrative published.
 */
export type CapWarning = Pick<
  Warning,
  | 'id'
  | 'title'
  | 'summary'
  | 'severity'
  | 'country'
  | 'admin1'
  | 'origin'
  | 'status'
  | 'decision'
  | 'public'
  | 'raisedAt'
  | 'acknowledgedAt'
  | 'decideDueAt'
  | 'decidedAt'
  | 'closedAt'
>;

export interface CapOptions {
  /** CAP sender: who issues the alert, e.g. warnings@tocsin.example.org (no spaces, commas, < or &). */
  sender: string;
  countryName: string;
  /** The clock for urgency (the decision deadline against now). */
  now: Date;
  /** Titles of the measures recommended for the warning's risk factors: the CAP instruction. */
  measureTitles?: readonly string[];
}

/** CAP 1.2 times: seconds, with the offset written out; UTC is "-00:00" (section 3.3.2 of the standard). */
export const capTime = (iso: string): string => `${new Date(iso).toISOString().slice(0, 19)}-00:00`;

const stamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]|\.\d{3}/g, '');
const FORBIDDEN_IN_IDS = /[\s,<&]/;
const HEADLINE_MAX = 160;

/** The identifier of a warning's message sent at `sentAt` (one per step: each CAP message is unique). */
export const capIdentifier = (warningId: number, sentAt: string) => `tocsin-warning-${warningId}-${stamp(sentAt)}`;

/** When the warning last changed in a way the feed shows: its latest step. */
export function lastStepAt(w: CapWarning): string {
  const steps = [w.raisedAt, w.acknowledgedAt, w.decidedAt, w.closedAt].filter((t): t is string => t !== null);
  return steps.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));
}

/** The `<alert>` element of a public warning (no XML declaration), for a document or an Atom entry. */
export function capAlertElement(w: CapWarning, o: CapOptions): string {
  if (!w.public) throw new TocsinError('forbidden', `warning ${w.id} is not public: it is not published as CAP`);
  if (!o.sender || FORBIDDEN_IN_IDS.test(o.sender))
    throw new TocsinError('invalid_input', `CAP sender "${o.sender}" must be non-empty, without spaces, commas, < or &`);
  const sent = lastStepAt(w);
  const msgType = capMsgType(w);
  const place = w.admin1 ? `${w.admin1}, ${o.countryName}` : o.countryName;
  const headline = w.title.length > HEADLINE_MAX ? `${w.title.slice(0, HEADLINE_MAX - 1)}…` : w.title;
  const instruction = o.measureTitles?.length
    ? `Recommended protection measures:\n${o.measureTitles.map((t) => `- ${t}`).join('\n')}`
    : '';
  const param = (valueName: string, value: string): XmlNode =>
    el('parameter', [text('valueName', valueName), text('value', value)]);
  const alert = el(
    'alert',
    [
      text('identifier', capIdentifier(w.id, sent)),
      text('sender', o.sender),
      text('sent', capTime(sent)),
      text('status', 'Actual'),
      text('msgType', msgType),
      text('scope', 'Public'),
      msgType === 'Alert' ? null : text('references', `${o.sender},${capIdentifier(w.id, w.raisedAt)},${capTime(w.raisedAt)}`),
      el('info', [
        text('language', 'en'),
        text('category', 'Safety'),
        text('category', 'Security'),
        text('event', 'Risk of atrocity crimes'),
        text('urgency', capUrgency(w, o.now)),
        text('severity', CAP_SEVERITY[w.severity]),
        text('certainty', capCertainty(w)),
        text('senderName', 'Tocsin early warning'),
        text('headline', headline),
        w.summary.trim() ? text('description', w.summary) : null,
        instruction ? text('instruction', instruction) : null,
        param('warningStatus', w.status),
        w.decision ? param('decision', w.decision) : null,
        el('area', [text('areaDesc', place), el('geocode', [text('valueName', 'ISO3166-1-alpha-3'), text('value', w.country)])]),
      ]),
    ],
    { xmlns: CAP_NAMESPACE },
  );
  return writeXml(alert);
}

/**
 * A public warning as a CAP 1.2 alert document: Alert when raised, Update after each later step
 * (referring to the first Alert), Cancel when closed with no action. See docs/cap.md for the mapping.
 */
export const warningToCapAlert = (w: CapWarning, o: CapOptions): string => `${XML_DECLARATION}\n${capAlertElement(w, o)}\n`;
