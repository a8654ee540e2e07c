import type { Act, Involvement, Reliability, SourceKind, VictimKind } from '../vocabulary.js';

/** A report as the form holds it while it is written: every input as typed, nothing parsed yet. */
export interface ReportDraft {
  dateStart: string;
  dateEnd: string;
  country: string;
  admin1: string;
  admin2: string;
  location: string;
  latitude: string;
  longitude: string;
  acts: Act[];
  description: string;
  fatalities: string;
  /** Protected groups the report concerns (offered only to roles that may list them). */
  groups: number[];
  victims: VictimDraft[];
  perpetrators: PerpetratorDraft[];
  sources: SourceDraft[];
  /** Names and contacts of victims and of witnesses: sealed on the server. */
  namedVictims: IdentityDraft[];
  witnesses: IdentityDraft[];
  confidentialNotes: string;
}

export interface VictimDraft {
  kind: VictimKind;
  count: string;
  civilian: boolean;
  groupId: string;
  description: string;
}

export interface PerpetratorDraft {
  actor: string;
  state: boolean;
  involvement: Involvement;
  description: string;
}

export interface IdentityDraft {
  name: string;
  contact: string;
  notes: string;
}

export interface SourceDraft extends IdentityDraft {
  kind: SourceKind;
  reliability: Reliability;
  credibility: string;
}

export const emptyDraft = (): ReportDraft => ({
  dateStart: '',
  dateEnd: '',
  country: '',
  admin1: '',
  admin2: '',
  location: '',
  latitude: '',
  longitude: '',
  acts: [],
  description: '',
  fatalities: '',
  groups: [],
  victims: [],
  perpetrators: [],
  sources: [],
  namedVictims: [],
  witnesses: [],
  confidentialNotes: '',
});

export const newVictim = (): VictimDraft => ({ kind: 'group', count: '1', civilian: true, groupId: '', description: '' });
export const newPerpetrator = (): PerpetratorDraft => ({ actor: '', state: false, involvement: 'unknown', description: '' });
export const newIdentity = (): IdentityDraft => ({ name: '', contact: '', notes: '' });
/** A new source starts ungraded ("F6: cannot be judged") until the monitor grades it. */
export const newSource = (): SourceDraft => ({ ...newIdentity(), kind: 'witness', reliability: 'F', credibility: '6' });

/** The draft for another country: groups belong to one country, so those chosen before are dropped. */
export const withCountry = (draft: ReportDraft, country: string): ReportDraft =>
  country === draft.country
    ? draft
    : { ...draft, country, groups: [], victims: draft.victims.map((v) => ({ ...v, groupId: '' })) };

/** Whether the draft holds anything worth keeping (an untouched form is not a draft). */
export const isBlank = (draft: ReportDraft): boolean => JSON.stringify(draft) === JSON.stringify(emptyDraft());
