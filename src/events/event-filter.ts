import { z } from 'zod';
import { toIsoDate } from '../core/brand.js';
import { EVENT_SOURCES } from './event.js';
import { VIOLENCE_CATEGORIES } from './violence-category.js';

const isoDate = z.string().refine((s) => toIsoDate(s) !== undefined, { message: 'must be a date YYYY-MM-DD' });

const bbox = z.string().transform((s, ctx) => {
  const parts = s.split(',').map((p) => Number(p.trim()));
  const [w, so, e, n] = parts;
  if (parts.length !== 4 || parts.some((p) => !Number.isFinite(p))) {
    ctx.addIssue({ code: 'custom', message: 'must be four numbers W,S,E,N' });
    return z.NEVER;
  }
  if (w! < -180 || e! > 180 || so! < -90 || n! > 90 || so! > n!) {
    ctx.addIssue({ code: 'custom', message: 'must be W,S,E,N within -180..180 and -90..90 with S <= N' });
    return z.NEVER;
  }
  return [w!, so!, e!, n!] as const;
});

/** The filter fields, without cross-field rules (routes extend it with paging fields). */
export const eventFilterShape = z.object({
  country: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO alpha-3 code such as CAF')
    .transform((s) => s.toUpperCase())
    .optional(),
  from: isoDate.optional().describe('first day (inclusive) of date_start'),
  to: isoDate.optional().describe('last day (inclusive) of date_start'),
  category: z.enum(VIOLENCE_CATEGORIES).optional(),
  source: z.enum(EVENT_SOURCES).optional(),
  bbox: bbox.optional().describe('W,S,E,N in degrees; W > E crosses the antimeridian'),
  minFatalities: z.coerce.number().int().min(0).optional().describe('fatalities_best at least this'),
  group: z.coerce.number().int().positive().optional().describe('only events tagged with this protected group (its id)'),
});

/** Filters shared by `tocsin events` and `GET /api/events` (same names, same meaning). */
export const eventFilterSchema = eventFilterShape.refine((f) => !f.from || !f.to || f.from <= f.to, {
  message: 'from must not be after to',
  path: ['from'],
});

export type EventFilter = z.infer<typeof eventFilterSchema>;

/** Builds the WHERE clause of a filter with `$n` parameters starting after `offset`. */
export function filterToSql(f: EventFilter, offset = 0): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${offset + params.length}`;
  };
  if (f.country) clauses.push(`country_iso3 = ${p(f.country)}`);
  if (f.from) clauses.push(`date_start >= ${p(f.from)}::date`);
  if (f.to) clauses.push(`date_start <= ${p(f.to)}::date`);
  if (f.category) clauses.push(`category = ${p(f.category)}`);
  if (f.source) clauses.push(`source = ${p(f.source)}`);
  if (f.minFatalities !== undefined) clauses.push(`fatalities_best >= ${p(f.minFatalities)}`);
  if (f.group !== undefined) clauses.push(`id IN (SELECT event_id FROM event_groups WHERE group_id = ${p(f.group)})`);
  if (f.bbox) {
    const [w, s, e, n] = f.bbox;
    clauses.push(`latitude BETWEEN ${p(s)} AND ${p(n)}`);
    clauses.push(w <= e ? `longitude BETWEEN ${p(w)} AND ${p(e)}` : `(longitude >= ${p(w)} OR longitude <= ${p(e)})`);
  }
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
