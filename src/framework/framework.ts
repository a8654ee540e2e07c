import { z } from 'zod';
import { TocsinError } from '../core/errors.js';

/** Which atrocity crimes a risk factor concerns: RF1-RF8 all of them, RF9-RF14 one each. */
export const SCOPES = ['common', 'genocide', 'crimes-against-humanity', 'war-crimes'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * How far a text can be trusted. source: checked against a stored copy of the Framework's wording;
 * partial: the copy stopped inside it; recall: written from memory, unchecked; brief: a title taken
 * from the project brief; edited / added: changed or written by an admin in Tocsin.
 */
export const VERIFICATIONS = ['source', 'partial', 'recall', 'brief', 'edited', 'added'] as const;
export type Verification = (typeof VERIFICATIONS)[number];
export const TITLE_VERIFICATIONS = ['source', 'brief', 'recall', 'edited'] as const;
export type TitleVerification = (typeof TITLE_VERIFICATIONS)[number];

export interface RiskIndicator {
  /** `7.3`: factor 7, indicator 3. */
  id: string;
  factorId: string;
  position: number;
  text: string;
  verification: Verification;
}

export interface RiskFactor {
  /** `RF7`. */
  id: string;
  number: number;
  title: string;
  scope: Scope;
  summary: string;
  /** The summary's verification. */
  verification: Verification;
  titleVerification: TitleVerification;
  indicators: RiskIndicator[];
}

/** One version of the Framework of Analysis as Tocsin holds it: every edit writes a new version. */
export interface Framework {
  version: number;
  note: string;
  createdAt: string;
  createdBy: string | null;
  factors: RiskFactor[];
}

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** The shape of `framework.data.json` (and of the factors of any version). */
export const frameworkDataSchema = z.object({
  title: z.string(),
  officialSource: z.url(),
  textPolicy: z.string(),
  factors: z.array(
    z.object({
      id: z.string().regex(/^RF\d+$/),
      number: z.number().int().positive(),
      title: text(300),
      scope: z.enum(SCOPES),
      titleVerification: z.enum(TITLE_VERIFICATIONS),
      summary: text(2000),
      summaryVerification: z.enum(VERIFICATIONS),
      indicators: z.array(
        z.object({ id: z.string().regex(/^\d+\.\d+$/), text: text(1000), verification: z.enum(VERIFICATIONS) }),
      ),
    }),
  ),
});
export type FrameworkData = z.infer<typeof frameworkDataSchema>;

/**
 * Reads the shipped data into factors, and refuses it unless ids are unique and each follows its
 * factor's number (`RF7` holds `7.1`, `7.2`, ... in order).
 */
export function factorsFromData(input: unknown): RiskFactor[] {
  const data = frameworkDataSchema.parse(input);
  const seen = new Set<string>();
  return data.factors.map((f, i) => {
    const where = `factors.${i}`;
    if (f.id !== `RF${f.number}`)
      throw new TocsinError('invalid_input', `${where}: id ${f.id} does not match number ${f.number}`);
    if (seen.has(f.id)) throw new TocsinError('invalid_input', `${where}: ${f.id} appears twice`);
    seen.add(f.id);
    const indicators = f.indicators.map((ind, j) => {
      const expected = `${f.number}.${j + 1}`;
      if (ind.id !== expected)
        throw new TocsinError('invalid_input', `${where}.indicators.${j}: id ${ind.id}, expected ${expected}`);
      return { id: ind.id, factorId: f.id, position: j + 1, text: ind.text, verification: ind.verification };
    });
    return {
      id: f.id,
      number: f.number,
      title: f.title,
      scope: f.scope,
      summary: f.summary,
      verification: f.summaryVerification,
      titleVerification: f.titleVerification,
      indicators,
    };
  });
}
