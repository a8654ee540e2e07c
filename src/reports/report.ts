import { z } from 'zod';
import { toIsoDate, type IsoDate } from '../core/brand.js';
import { TocsinError } from '../core/errors.js';
import { countryCode } from '../groups/protected-group.js';

/** What was done, in the words of human-rights monitoring (one report may name several acts). */
export const ACTS = [
  'killing',
  'torture',
  'sexual-violence',
  'abduction',
  'disappearance',
  'displacement',
  'destruction-of-property',
  'looting',
  'incitement',
  'detention',
  'attack-on-humanitarian',
  'other',
] as const;
export type Act = (typeof ACTS)[number];

/** How a perpetrator took part: committed it, ordered it, aided it, or failed to prevent it (command responsibility). */
export const INVOLVEMENTS = ['direct', 'ordered', 'aided', 'failed-to-prevent', 'unknown'] as const;
export const SOURCE_KINDS = ['witness', 'victim', 'informant', 'media', 'document', 'other'] as const;
/** Admiralty (NATO) grading: source reliability A (completely reliable) to F (cannot be judged). */
export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const REPORT_STATUSES = ['submitted', 'triaged', 'verified', 'unverified', 'rejected', 'duplicate'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const place = text(200).min(1, 'must not be empty (leave it out instead)');
const isoDate = z
  .string()
  .refine((s) => toIsoDate(s) !== undefined, { message: 'must be a date YYYY-MM-DD' })
  .transform((s) => s as IsoDate);
const NO_NAMES = 'identities go in "confidential" (sealed), never here';

const victim = z.strictObject(
  {
    kind: z.enum(['individual', 'group']),
    count: z.number().int().min(1, 'must be at least 1').max(1_000_000).default(1),
    /** A protected group of the report's country (see `tocsin groups`). */
    groupId: z.number().int().positive().optional(),
    /** False for combatants; reports are about civilians unless said otherwise. */
    civilian: z.boolean().default(true),
    description: text(2000).default(''),
  },
  { error: (i) => (i.code === 'unrecognized_keys' ? `unknown field ${i.keys.join(', ')}: ${NO_NAMES}` : undefined) },
);

const perpetrator = z.strictObject({
  /** The armed actor as commonly named (a force, a group), when known. */
  actor: text(200).min(1).optional(),
  /** True when the actor is a state's forces or government. */
  state: z.boolean().default(false),
  description: text(2000).default(''),
  involvement: z.enum(INVOLVEMENTS).default('unknown'),
});

/** Who someone is and how to reach them: sealed at rest, read only by cleared roles. */
export const identitySchema = z.strictObject({
  name: text(500).optional(),
  contact: text(500).optional(),
  notes: text(5000).optional(),
});
export type Identity = z.infer<typeof identitySchema>;

const source = z.strictObject({
  kind: z.enum(SOURCE_KINDS),
  reliability: z.enum(RELIABILITIES, { error: 'must be an Admiralty reliability grade A-F' }),
  credibility: z.number().int().min(1, 'must be 1-6 (Admiralty credibility)').max(6, 'must be 1-6 (Admiralty credibility)'),
  identity: identitySchema.optional(),
});

/** Identities and contacts of victims and witnesses: sealed as one envelope. */
export const confidentialSchema = z.strictObject({
  victims: z.array(identitySchema).max(1000).default([]),
  witnesses: z.array(identitySchema).max(1000).default([]),
  notes: text(20_000).optional(),
});
export type Confidential = z.infer<typeof confidentialSchema>;

/** A report as a monitor (or an anonymous submitter) files it. Every outside input passes here once. */
export const newReportSchema = z
  .strictObject({
    dateStart: isoDate,
    dateEnd: isoDate.optional(),
    country: countryCode,
    admin1: place.optional(),
    admin2: place.optional(),
    location: place.optional(),
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    acts: z
      .array(z.enum(ACTS, { error: `must be one of ${ACTS.join(', ')}` }))
      .min(1, 'name at least one act')
      .max(ACTS.length)
      .transform((a) => [...new Set(a)]),
    description: text(20_000).default(''),
    victims: z.array(victim).max(1000).default([]),
    perpetrators: z.array(perpetrator).max(100).default([]),
    fatalities: z.number().int().min(0).max(1_000_000).optional(),
    /** Protected groups the report concerns (besides victims' groupId), of the report's country. */
    groups: z.array(z.number().int().positive()).max(100).default([]),
    sources: z.array(source).max(50).default([]),
    confidential: confidentialSchema.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.dateEnd !== undefined && r.dateEnd < r.dateStart)
      ctx.addIssue({ code: 'custom', path: ['dateEnd'], message: 'must be on or after dateStart' });
    if ((r.latitude === undefined) !== (r.longitude === undefined))
      ctx.addIssue({
        code: 'custom',
        path: [r.latitude === undefined ? 'latitude' : 'longitude'],
        message: 'give both coordinates or neither',
      });
  })
  .transform((r) => ({ ...r, dateEnd: r.dateEnd ?? r.dateStart }));
export type NewReport = z.infer<typeof newReportSchema>;

/** A report from outside (a file, a request), or a TocsinError listing every problem with its field path. */
export function parseReport(value: unknown, where = 'report'): NewReport {
  const r = newReportSchema.safeParse(value);
  if (r.success) return r.data;
  const problems = r.error.issues.map((i) => `${i.path.join('.') || where}: ${i.message}`);
  throw new TocsinError('invalid_input', `${where}: ${problems.join('; ')}`, { issues: problems });
}

/** Every protected group a report names: its `groups` and its victims' `groupId`s. */
export const groupIdsOf = (r: Pick<NewReport, 'groups' | 'victims'>): number[] => [
  ...new Set([...r.groups, ...r.victims.flatMap((v) => (v.groupId === undefined ? [] : [v.groupId]))]),
];

/** Whether an identity has anything to seal. */
export const hasIdentity = (i: Identity | undefined): i is Identity =>
  i !== undefined && Object.values(i).some((v) => v !== undefined && v !== '');

/** What an uncleared reader sees in place of a sealed field. */
export const SEALED = 'sealed' as const;

/** A report source as presented: the pseudonym always, the identity only to cleared readers. */
export interface ReportSourceView {
  id: number;
  pseudonym: string;
  kind: (typeof SOURCE_KINDS)[number];
  reliability: (typeof RELIABILITIES)[number];
  credibility: number;
  /** The Admiralty grade as usually written, e.g. 'B2'. */
  grade: string;
  identity: Identity | typeof SEALED | null;
}

/** A stored report as the API and CLI present it. */
export interface Report {
  id: number;
  reference: string;
  status: ReportStatus;
  dateStart: IsoDate;
  dateEnd: IsoDate;
  country: string;
  admin1: string | null;
  admin2: string | null;
  location: string | null;
  latitude: number | null;
  longitude: number | null;
  acts: Act[];
  description: string;
  victims: NewReport['victims'];
  perpetrators: NewReport['perpetrators'];
  fatalities: number | null;
  groups: { id: number; name: string }[];
  sources: ReportSourceView[];
  confidential: Confidential | typeof SEALED | null;
  anonymous: boolean;
  submittedBy: string | null;
  submittedAt: string;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewReason: string | null;
  duplicateOf: string | null;
  eventId: number | null;
}
