import type { ReportDraft, IdentityDraft } from './draft.js';

/** What can be wrong with a draft before it is sent; the server checks again and has the last word. */
export type DraftProblem =
  | 'dateRequired'
  | 'dateInvalid'
  | 'dateOrder'
  | 'countryRequired'
  | 'actsRequired'
  | 'coordinatesBoth'
  | 'latitudeRange'
  | 'longitudeRange'
  | 'wholeNumber'
  | 'countAtLeastOne';

/** A problem and the field it is about, named as the form's inputs are (`victims.0.count`). */
export interface FieldProblem {
  field: string;
  problem: DraftProblem;
}

type Identity = { name?: string; contact?: string; notes?: string };

/** The API body of a report (POST /api/reports, /api/intake/{token}); empty inputs are left out. */
export interface ReportBody {
  dateStart: string;
  dateEnd?: string;
  country: string;
  admin1?: string;
  admin2?: string;
  location?: string;
  latitude?: number;
  longitude?: number;
  acts: string[];
  description: string;
  fatalities?: number;
  groups: number[];
  victims: { kind: string; count: number; civilian: boolean; groupId?: number; description: string }[];
  perpetrators: { actor?: string; state: boolean; involvement: string; description: string }[];
  sources: { kind: string; reliability: string; credibility: number; identity?: Identity }[];
  confidential?: { victims: Identity[]; witnesses: Identity[]; notes?: string };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => ISO_DATE.test(s) && !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime());

/** A number typed in an input, or undefined when the input is empty, or NaN when it is not a number. */
const numberIn = (s: string): number | undefined => (s.trim() === '' ? undefined : Number(s.trim()));

/** The non-empty trimmed text, else undefined (the API wants absent fields left out, not ""). */
const filled = (s: string): string | undefined => (s.trim() === '' ? undefined : s.trim());

function identityOf(d: IdentityDraft): Identity | undefined {
  const i: Identity = {};
  const name = filled(d.name);
  const contact = filled(d.contact);
  const notes = filled(d.notes);
  if (name !== undefined) i.name = name;
  if (contact !== undefined) i.contact = contact;
  if (notes !== undefined) i.notes = notes;
  return Object.keys(i).length === 0 ? undefined : i;
}

function checkDraft(d: ReportDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const add = (field: string, problem: DraftProblem) => problems.push({ field, problem });
  if (d.dateStart === '') add('dateStart', 'dateRequired');
  else if (!isDate(d.dateStart)) add('dateStart', 'dateInvalid');
  if (d.dateEnd !== '' && !isDate(d.dateEnd)) add('dateEnd', 'dateInvalid');
  else if (d.dateEnd !== '' && isDate(d.dateStart) && d.dateEnd < d.dateStart) add('dateEnd', 'dateOrder');
  if (d.country === '') add('country', 'countryRequired');
  const lat = numberIn(d.latitude);
  const lon = numberIn(d.longitude);
  if ((lat === undefined) !== (lon === undefined)) add(lat === undefined ? 'latitude' : 'longitude', 'coordinatesBoth');
  if (lat !== undefined && !(lat >= -90 && lat <= 90)) add('latitude', 'latitudeRange');
  if (lon !== undefined && !(lon >= -180 && lon <= 180)) add('longitude', 'longitudeRange');
  if (d.acts.length === 0) add('acts', 'actsRequired');
  const fatalities = numberIn(d.fatalities);
  if (fatalities !== undefined && !(Number.isInteger(fatalities) && fatalities >= 0)) add('fatalities', 'wholeNumber');
  d.victims.forEach((v, i) => {
    const count = numberIn(v.count);
    if (count !== undefined && !Number.isInteger(count)) add(`victims.${i}.count`, 'wholeNumber');
    else if (count !== undefined && count < 1) add(`victims.${i}.count`, 'countAtLeastOne');
  });
  return problems;
}

/**
 * The API body of a draft, or every problem found (each with its field), so the form can name
 * them all at once. Names and contacts go only into the two sealed parts: sources' identities and
 * `confidential`; everything else is stored in clear.
 */
export function toReportBody(d: ReportDraft): { ok: true; body: ReportBody } | { ok: false; problems: FieldProblem[] } {
  const problems = checkDraft(d);
  if (problems.length > 0) return { ok: false, problems };
  const body: ReportBody = {
    dateStart: d.dateStart,
    country: d.country,
    acts: [...d.acts],
    description: d.description.trim(),
    groups: [...d.groups],
    victims: d.victims.map((v) => ({
      kind: v.kind,
      count: numberIn(v.count) ?? 1,
      civilian: v.civilian,
      ...(v.groupId === '' ? {} : { groupId: Number(v.groupId) }),
      description: v.description.trim(),
    })),
    perpetrators: d.perpetrators.map((p) => {
      const actor = filled(p.actor);
      return {
        ...(actor === undefined ? {} : { actor }),
        state: p.state,
        involvement: p.involvement,
        description: p.description.trim(),
      };
    }),
    sources: d.sources.map((s) => {
      const identity = identityOf(s);
      return { kind: s.kind, reliability: s.reliability, credibility: Number(s.credibility), ...(identity ? { identity } : {}) };
    }),
  };
  if (d.dateEnd !== '') body.dateEnd = d.dateEnd;
  for (const key of ['admin1', 'admin2', 'location'] as const) {
    const value = filled(d[key]);
    if (value !== undefined) body[key] = value;
  }
  const lat = numberIn(d.latitude);
  const lon = numberIn(d.longitude);
  if (lat !== undefined && lon !== undefined) Object.assign(body, { latitude: lat, longitude: lon });
  const fatalities = numberIn(d.fatalities);
  if (fatalities !== undefined) body.fatalities = fatalities;
  const victims = d.namedVictims.map(identityOf).filter((i) => i !== undefined);
  const witnesses = d.witnesses.map(identityOf).filter((i) => i !== undefined);
  const notes = filled(d.confidentialNotes);
  if (victims.length > 0 || witnesses.length > 0 || notes !== undefined)
    body.confidential = { victims, witnesses, ...(notes === undefined ? {} : { notes }) };
  return { ok: true, body };
}
