import { z } from 'zod';
import { toIsoDate } from '../core/brand.js';
import { MEASURE_STATUSES } from './measure.js';

const isoDate = z.string().refine((s) => toIsoDate(s) !== undefined, { message: 'must be a calendar day YYYY-MM-DD' });
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);

/** A measure to add to a warning: from the catalogue (title defaults to the catalogue's) or free text. */
export const newMeasureSchema = z
  .object({
    catalogueId: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'a catalogue id such as mediation-support')
      .max(100)
      .optional(),
    title: text(300).optional(),
    owner: text(200).describe('the person or body responsible'),
    ownerUserId: z.number().int().positive().optional().describe('the Tocsin user responsible, if any'),
    dueDate: isoDate.optional(),
  })
  .strict()
  .refine((m) => m.catalogueId !== undefined || m.title !== undefined, {
    message: 'give a catalogueId or a title',
    path: ['title'],
  });
export type NewMeasure = z.infer<typeof newMeasureSchema>;

/** A change to a measure: status, outcome, owner or due date. */
export const measureUpdateSchema = z
  .object({
    status: z.enum(MEASURE_STATUSES).optional(),
    outcome: text(4000).optional(),
    owner: text(200).optional(),
    ownerUserId: z.number().int().positive().nullable().optional(),
    dueDate: isoDate.nullable().optional(),
  })
  .strict()
  .refine((u) => Object.keys(u).length > 0, { message: 'nothing to change' });
export type MeasureUpdate = z.infer<typeof measureUpdateSchema>;
