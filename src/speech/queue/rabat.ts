import { z } from 'zod';

/**
 * The Rabat Plan of Action's six-part threshold test (OHCHR 2012) for incitement to
 * discrimination, hostility or violence (ICCPR art. 20(2)), in the order the Plan gives them.
 */
export const RABAT_PARTS = ['context', 'speaker', 'intent', 'contentAndForm', 'extent', 'likelihood'] as const;
export type RabatPart = (typeof RABAT_PARTS)[number];

/** What each part asks, in our words (docs/speech-monitor.md). */
export const RABAT_QUESTIONS: Readonly<Record<RabatPart, string>> = {
  context: 'the social and political situation when the speech was made and spread',
  speaker: "the speaker's standing with the audience addressed",
  intent: 'deliberate advocacy of hatred against the group (negligence or passing material on is not enough)',
  contentAndForm: 'what was said and how: directness, style, calls to act against the group',
  extent: 'reach: public or not, audience size, means of spread, repetition',
  likelihood: 'a reasonable probability, with a fairly direct causal link, of harm to the group soon (imminence)',
};

export const ASSESSMENTS = ['met', 'not-met', 'unclear'] as const;
export const REVIEW_DECISIONS = ['not-hate-speech', 'hate-speech', 'incitement', 'unclear'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

const part = z.object({ assessment: z.enum(ASSESSMENTS), note: z.string().trim().max(4_000).default('') }).strict();
export type RabatAssessment = z.infer<typeof part>;

export const rabatSchema = z
  .object(Object.fromEntries(RABAT_PARTS.map((p) => [p, part])) as Record<RabatPart, typeof part>)
  .strict();
export type Rabat = z.infer<typeof rabatSchema>;

/** An analyst's review of one item, as received from the CLI file or the API body. */
export const reviewSchema = z
  .object({
    rabat: rabatSchema,
    decision: z.enum(REVIEW_DECISIONS),
    groupId: z.number().int().positive().nullable().default(null),
    country: z
      .string()
      .regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 code such as CAF')
      .transform((c) => c.toUpperCase())
      .nullable()
      .default(null),
    admin1: z.string().trim().min(1).max(200).nullable().default(null),
    note: z.string().trim().max(10_000).default(''),
  })
  .strict();
export type SpeechReviewInput = z.infer<typeof reviewSchema>;

/**
 * Why a decision does not follow from the six parts, or null when it may stand. Incitement is the
 * top of the scale: every part must be assessed (none left unclear), and intent and likelihood met.
 */
export function decisionProblem(rabat: Rabat, decision: ReviewDecision): { part: RabatPart; reason: string } | null {
  if (decision !== 'incitement') return null;
  for (const p of RABAT_PARTS)
    if (rabat[p].assessment === 'unclear')
      return { part: p, reason: `incitement needs every Rabat part assessed, and ${p} is unclear` };
  for (const p of ['intent', 'likelihood'] as const)
    if (rabat[p].assessment !== 'met') return { part: p, reason: `incitement needs ${p} met, and it is ${rabat[p].assessment}` };
  return null;
}
