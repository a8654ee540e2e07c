import { z } from 'zod';
import { TocsinError } from '../core/errors.js';
import data from './catalogue.data.json' with { type: 'json' };
import { MEASURE_KINDS, RISK_FACTOR_ID, type CatalogueMeasure } from './measure.js';

const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes'),
    kind: z.enum(MEASURE_KINDS),
    title: z.string().min(1).max(200),
    description: z.string().min(1).max(2000),
    riskFactors: z.array(z.string().regex(RISK_FACTOR_ID, 'a risk factor id RF1..RF14')).min(1),
  })
  .strict();

const catalogueSchema = z.object({ source: z.string(), measures: z.array(entrySchema).min(1) });

/** Checks a catalogue: every entry well formed, ids unique. Names the entry and field at fault. */
export function parseCatalogue(input: unknown): CatalogueMeasure[] {
  const r = catalogueSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new TocsinError('invalid_input', `measure catalogue: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
  }
  const seen = new Set<string>();
  for (const [i, m] of r.data.measures.entries()) {
    if (seen.has(m.id)) throw new TocsinError('invalid_input', `measure catalogue: measures.${i}.id: "${m.id}" appears twice`);
    seen.add(m.id);
  }
  return r.data.measures.map((m) => ({ ...m, active: true }));
}

/** The catalogue shipped with Tocsin (src/measures/catalogue.data.json). */
export const SHIPPED_CATALOGUE: readonly CatalogueMeasure[] = parseCatalogue(data);
