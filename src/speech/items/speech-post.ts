import { z } from 'zod';
import { countryByIso3 } from '../../countries/countries.js';

/** The columns of a post file (CSV header or JSON Lines keys); `id`, `text` and `platform` are required. */
export const POST_COLUMNS = ['id', 'text', 'language', 'time', 'platform', 'url', 'country', 'author'] as const;
export type PostColumn = (typeof POST_COLUMNS)[number];
export const REQUIRED_POST_COLUMNS: readonly PostColumn[] = ['id', 'text', 'platform'];

/** A post ready to store. The author handle is still here: it is hashed by the importer, never stored. */
export interface SpeechPost {
  sourceId: string;
  text: string;
  language: string | null;
  postedAt: string | null;
  platform: string;
  url: string | null;
  country: string | null;
  author: string | null;
}

export type PostOutcome = { kind: 'post'; post: SpeechPost } | { kind: 'rejected'; column: PostColumn | null; reason: string };

export const MAX_TEXT_CHARS = 100_000;
/** The date part names a day that exists (Date.parse rolls 30 February over into March) and the whole parses. */
const isRealTime = (s: string): boolean => {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCMonth() === m - 1 && day.getUTCDate() === d && !Number.isNaN(Date.parse(s));
};
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);
const optional = <T extends z.ZodTypeAny>(t: T) => z.preprocess(blankToNull, t.nullable().default(null));
const cell = z.union([z.string(), z.number().transform(String)]);

const postSchema = z.object({
  id: cell.pipe(z.string().trim().min(1, 'is empty').max(200, 'is longer than 200 characters')),
  text: z.string().min(1, 'is empty').max(MAX_TEXT_CHARS, `is longer than ${MAX_TEXT_CHARS} characters`),
  language: optional(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as en, fr or ar')
      .transform((s) => s.toLowerCase()),
  ),
  time: optional(
    z
      .string()
      .trim()
      .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO 8601 date or time')
      .refine(isRealTime, 'is not a real date or time')
      .transform((s) => new Date(s).toISOString()),
  ),
  platform: z
    .string()
    .trim()
    .min(1, 'is empty')
    .max(100, 'is longer than 100 characters')
    .transform((s) => s.toLowerCase()),
  url: optional(
    z
      .string()
      .trim()
      .max(2_000, 'is longer than 2000 characters')
      .refine((u) => /^https?:\/\/[^\s]+$/i.test(u) && URL.canParse(u), 'must be an http(s) URL'),
  ),
  country: optional(
    z
      .string()
      .trim()
      .transform((c) => c.toUpperCase())
      .refine((c) => /^[A-Z]{3}$/.test(c) && countryByIso3(c) !== undefined, 'must be an ISO alpha-3 country code such as CAF'),
  ),
  author: optional(cell.pipe(z.string().trim().max(500, 'is longer than 500 characters'))),
});

/**
 * Reads one post (cells by column name, from a CSV row or a JSON line) into a post to store, or a
 * rejection naming the first bad column. Pure: never throws for bad data.
 */
export function readPost(fields: Readonly<Record<string, unknown>>): PostOutcome {
  const r = postSchema.safeParse(fields);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const column = (POST_COLUMNS as readonly string[]).includes(String(issue.path[0])) ? (issue.path[0] as PostColumn) : null;
    const missing = column !== null && (fields[column] === undefined || fields[column] === null);
    const reason = missing
      ? 'is missing'
      : issue.code === 'invalid_type'
        ? `must be text, not ${typeof fields[column ?? '']}`
        : issue.message;
    return { kind: 'rejected', column, reason: `${column ?? 'record'} ${reason}` };
  }
  const p = r.data;
  return {
    kind: 'post',
    post: {
      sourceId: p.id,
      text: p.text,
      language: p.language,
      postedAt: p.time,
      platform: p.platform,
      url: p.url,
      country: p.country,
      author: p.author,
    },
  };
}

/** A header missing required columns, or null when it has them all. */
export function missingColumns(header: readonly string[]): PostColumn[] {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  return REQUIRED_POST_COLUMNS.filter((c) => !names.has(c));
}
