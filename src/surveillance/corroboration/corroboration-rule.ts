import { z } from 'zod';
import { TocsinError } from '../../core/errors.js';
import { EVENT_SOURCES, LOCATION_PRECISIONS, type EventSource, type LocationPrecision } from '../../events/event.js';
import { VIOLENCE_CATEGORIES, type ViolenceCategory } from '../../events/violence-category.js';

/** Precisions whose coordinates are a country centroid, open water or nothing: never compared by distance or admin1. */
export const UNPLACED_PRECISIONS: readonly LocationPrecision[] = ['country', 'international', 'unknown'];

/** Organised violence: `protests` is never compatible with these (a demonstration is not an attack). */
export const ORGANISED_VIOLENCE: readonly ViolenceCategory[] = ['one-sided', 'state-based', 'non-state', 'remote-violence'];

/**
 * The default compatible category pairs (unordered). Identical categories, except `other`, plus:
 * - `one-sided` with `state-based`, `non-state` and `remote-violence`: UCDP calls an attack one-sided
 *   when civilians are the victims, while ACLED (by event type) and GDELT (by CAMEO verb and actor codes)
 *   may code the same incident as a battle or as remote violence;
 * - `remote-violence` with `state-based` and `non-state`: UCDP has no category for the means, so the
 *   air strike or shelling that ACLED and GDELT call remote violence is state-based or non-state in UCDP.
 * `state-based` and `non-state` do not match each other: every source decides them by whether a
 * state is a side, so a disagreement points to different actors, hence different incidents.
 */
export const DEFAULT_COMPATIBLE_CATEGORIES: ReadonlyArray<readonly [ViolenceCategory, ViolenceCategory]> = [
  ...VIOLENCE_CATEGORIES.filter((c) => c !== 'other').map((c) => [c, c] as const),
  ['one-sided', 'state-based'],
  ['one-sided', 'non-state'],
  ['one-sided', 'remote-violence'],
  ['remote-violence', 'state-based'],
  ['remote-violence', 'non-state'],
];

const precisions = z.array(z.enum(LOCATION_PRECISIONS));
const noUnplaced = (list: readonly LocationPrecision[]): boolean => !list.some((p) => UNPLACED_PRECISIONS.includes(p));
const unplacedMessage = `must not contain ${UNPLACED_PRECISIONS.join(', ')}: their coordinates are a centroid or nothing`;

const categoryPair = z
  .tuple([z.enum(VIOLENCE_CATEGORIES), z.enum(VIOLENCE_CATEGORIES)])
  .refine(([a, b]) => a !== 'other' && b !== 'other', 'other is kept but never counted as violence, so it never corroborates')
  .refine(
    ([a, b]) => !(a === 'protests' && ORGANISED_VIOLENCE.includes(b)) && !(b === 'protests' && ORGANISED_VIOLENCE.includes(a)),
    `protests never match organised violence (${ORGANISED_VIOLENCE.join(', ')})`,
  );

/**
 * The corroboration rule: when two reports, from the same or different sources, are taken to be the
 * same incident. Every field has a default; see docs/corroboration.md for the reasons.
 */
export const corroborationRuleSchema = z
  .strictObject({
    /** Days allowed between the two events' date ranges; overlapping ranges are 0 days apart. */
    windowDays: z.number().int().min(0).max(30).default(2),
    /** Events whose own range (dateEnd - dateStart) is longer are too vague in time to match anything. */
    maxDateRangeDays: z.number().int().min(0).max(31).default(7),
    /** Largest great-circle (haversine) distance between two distance-comparable events. */
    radiusKm: z.number().positive().max(500).default(25),
    /** Precisions whose coordinates mark the place itself; two such events are compared by distance only. */
    distancePrecisions: precisions
      .refine(noUnplaced, unplacedMessage)
      .default((): LocationPrecision[] => ['exact', 'near', 'admin2']),
    /** Precisions whose admin1 name is trusted; a pair that is not both distance-comparable matches on the same admin1. */
    admin1Precisions: precisions
      .refine(noUnplaced, unplacedMessage)
      .default((): LocationPrecision[] => ['exact', 'near', 'admin2', 'admin1']),
    /** Unordered pairs of categories that may describe the same incident; identity is not implied. */
    compatibleCategories: z
      .array(categoryPair)
      .default(() => DEFAULT_COMPATIBLE_CATEGORIES.map(([a, b]): [ViolenceCategory, ViolenceCategory] => [a, b])),
    /** Known fatalities match when max <= fatalitiesRatio * min + fatalitiesSlack. */
    fatalitiesRatio: z.number().min(1).max(1000).default(3),
    fatalitiesSlack: z.number().int().min(0).max(10_000).default(5),
    /** Sources whose own records may repeat one incident (GDELT: one record per article cluster). */
    sameSourceMatches: z.array(z.enum(EVENT_SOURCES)).default((): EventSource[] => ['gdelt']),
  })
  .readonly();

export type CorroborationRule = z.output<typeof corroborationRuleSchema>;

/** Parses a rule from outside input (config file, API, CLI), filling defaults; throws `invalid_input` naming every bad field. */
export function parseCorroborationRule(input: unknown): CorroborationRule {
  const parsed = corroborationRuleSchema.safeParse(input === undefined ? {} : input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(rule)', message: i.message }));
  throw new TocsinError('invalid_input', `corroboration rule: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, {
    issues,
  });
}

/** The rule with every default. */
export const DEFAULT_CORROBORATION_RULE: CorroborationRule = parseCorroborationRule({});
