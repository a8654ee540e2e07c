import { z } from 'zod';
import { countryByIso3 } from '../countries/countries.js';

/**
 * Kinds of group at risk. The first four are the groups the Genocide Convention protects; the rest
 * are groups the Framework of Analysis and protection practice also watch (sogi: sexual orientation
 * and gender identity). The list is the CHECK of `protected_groups.kind`.
 */
export const GROUP_KINDS = [
  'ethnic',
  'national',
  'racial',
  'religious',
  'political',
  'gender',
  'sogi',
  'indigenous',
  'migrants-refugees',
  'disability',
  'other',
] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

/** A group at risk in one country, with where it lives. */
export interface ProtectedGroup {
  id: number;
  country: string;
  name: string;
  kind: GroupKind;
  /** Admin1 names (or free text) where the group lives. */
  areas: string[];
  notes: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

const MAX_AREAS = 200;

const name = z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters');
const areas = z
  .array(z.string().trim().min(1, 'an area must not be empty').max(200, 'an area must be at most 200 characters'))
  .max(MAX_AREAS, `at most ${MAX_AREAS} areas`)
  .transform((list) => [...new Set(list)]);
const notes = z.string().max(10_000, 'must be at most 10,000 characters');
const kind = z.enum(GROUP_KINDS, { error: `must be one of ${GROUP_KINDS.join(', ')}` });

/** A country code Tocsin knows (ISO alpha-3, any case). */
export const countryCode = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine((s) => countryByIso3(s) !== undefined, { message: 'not an ISO alpha-3 code Tocsin knows (e.g. CAF)' });

/** A new group, as the API and CLI take it. */
export const newGroupSchema = z.object({
  country: countryCode,
  name,
  kind,
  areas: areas.default([]),
  notes: notes.default(''),
});
export type NewGroup = z.infer<typeof newGroupSchema>;

/** Changes to a group; its country does not change (tags and assessments depend on it). */
export const groupPatchSchema = z
  .object({ name: name.optional(), kind: kind.optional(), areas: areas.optional(), notes: notes.optional() })
  .strict()
  .refine((p) => Object.values(p).some((v) => v !== undefined), { message: 'give at least one of name, kind, areas, notes' });
export type GroupPatch = z.infer<typeof groupPatchSchema>;

/** Ids of events or groups to tag with: positive whole numbers, at most 10,000 at once. */
export const idListSchema = z.array(z.number().int().positive()).min(1, 'give at least one id').max(10_000);

/** The whole set of groups an event concerns ([] clears them). */
export const eventGroupsSchema = z.object({ groupIds: z.array(z.number().int().positive()).max(1000, 'at most 1,000 groups') });

/** `"Ouham, Ouham-Pendé"` (a CLI flag) as a list of areas. */
export const splitAreas = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

/**
 * Why each of `wanted` cannot be tagged with a group of `country`: events that do not exist, have
 * no country, or lie in another country. Empty when every one can.
 */
export function taggingProblems(
  what: 'event' | 'group',
  country: string,
  wanted: readonly number[],
  found: readonly { id: number; country: string | null }[],
): string[] {
  const byId = new Map(found.map((f) => [f.id, f.country]));
  return wanted.flatMap((id) => {
    if (!byId.has(id)) return [`no ${what} ${id}`];
    const other = byId.get(id);
    if (other === null) return [`${what} ${id} has no country`];
    return other === country ? [] : [`${what} ${id} is in ${other}, not ${country}`];
  });
}
