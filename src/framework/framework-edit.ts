import { z } from 'zod';
import { TocsinError } from '../core/errors.js';
import type { RiskFactor } from './framework.js';

const wording = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const factorId = z.string().regex(/^RF\d+$/, 'must be a risk factor id such as RF7');

/** One admin change to the Framework's wording. Each is saved as a new version, with a note. */
export const frameworkChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('edit-indicator'),
    indicatorId: z.string().regex(/^\d+\.\d+$/, 'must be an indicator id such as 7.3'),
    text: wording(1000),
  }),
  z.object({ kind: z.literal('add-indicator'), factorId, text: wording(1000) }),
  z
    .object({ kind: z.literal('edit-factor'), factorId, title: wording(300).optional(), summary: wording(2000).optional() })
    .refine((c) => c.title !== undefined || c.summary !== undefined, { message: 'give a new title, a new summary or both' }),
]);
export type FrameworkChange = z.infer<typeof frameworkChangeSchema>;

/** An edit as the API and CLI take it: the change and why it was made. */
export const frameworkEditSchema = z.object({
  note: wording(2000),
  change: frameworkChangeSchema,
});
export type FrameworkEdit = z.infer<typeof frameworkEditSchema>;

const findFactor = (factors: readonly RiskFactor[], id: string, version: number): RiskFactor => {
  const f = factors.find((x) => x.id === id);
  if (!f)
    throw new TocsinError('not_found', `no risk factor ${id} in framework version ${version}`, { field: 'change.factorId' });
  return f;
};

const unchanged = (field: string) =>
  new TocsinError('invalid_input', `change.${field}: the new wording is the same as the current one`);

/**
 * The factors of the next version: a copy of `factors` with the change applied. Edited texts are
 * marked `edited`, a new indicator `added` (numbered after the factor's last one); nothing else moves.
 */
export function applyFrameworkChange(factors: readonly RiskFactor[], change: FrameworkChange, version: number): RiskFactor[] {
  const next = factors.map((f) => ({ ...f, indicators: f.indicators.map((i) => ({ ...i })) }));
  switch (change.kind) {
    case 'edit-indicator': {
      const indicator = next.flatMap((f) => f.indicators).find((i) => i.id === change.indicatorId);
      if (!indicator)
        throw new TocsinError('not_found', `no indicator ${change.indicatorId} in framework version ${version}`, {
          field: 'change.indicatorId',
        });
      if (indicator.text === change.text) throw unchanged('text');
      indicator.text = change.text;
      indicator.verification = 'edited';
      return next;
    }
    case 'add-indicator': {
      const f = findFactor(next, change.factorId, version);
      if (f.indicators.some((i) => i.text === change.text))
        throw new TocsinError('conflict', `${f.id} already has an indicator with this wording`, { field: 'change.text' });
      const position = Math.max(0, ...f.indicators.map((i) => i.position)) + 1;
      f.indicators.push({ id: `${f.number}.${position}`, factorId: f.id, position, text: change.text, verification: 'added' });
      return next;
    }
    case 'edit-factor': {
      const f = findFactor(next, change.factorId, version);
      const { title, summary } = change;
      if ((title === undefined || title === f.title) && (summary === undefined || summary === f.summary))
        throw unchanged(title === undefined ? 'summary' : 'title');
      if (title !== undefined && title !== f.title) {
        f.title = title;
        f.titleVerification = 'edited';
      }
      if (summary !== undefined && summary !== f.summary) {
        f.summary = summary;
        f.verification = 'edited';
      }
      return next;
    }
  }
}
