import { z } from '@hono/zod-openapi';
import { SCOPES, TITLE_VERIFICATIONS, VERIFICATIONS } from './framework.js';

const IndicatorBody = z
  .object({
    id: z.string().openapi({ example: '7.3' }),
    factorId: z.string().openapi({ example: 'RF7' }),
    position: z.number().int(),
    text: z.string(),
    verification: z.enum(VERIFICATIONS),
  })
  .openapi('RiskIndicator');

const FactorBody = z
  .object({
    id: z.string().openapi({ example: 'RF7' }),
    number: z.number().int(),
    title: z.string(),
    scope: z.enum(SCOPES),
    summary: z.string(),
    verification: z.enum(VERIFICATIONS).openapi({ description: "the summary's verification" }),
    titleVerification: z.enum(TITLE_VERIFICATIONS),
    indicators: z.array(IndicatorBody),
  })
  .openapi('RiskFactor');

const versionFields = {
  version: z.number().int(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
};

/** One version of the Framework of Analysis. */
export const FrameworkBody = z.object({ ...versionFields, factors: z.array(FactorBody) }).openapi('Framework');
export const FrameworkVersionsBody = z.array(z.object(versionFields).openapi('FrameworkVersion')).openapi('FrameworkVersions');
