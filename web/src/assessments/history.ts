import * as z from 'zod/mini';
import type { HistoryEntry } from './api.js';
import { CONFIDENCES, LEVELS, RATINGS } from './vocabulary.js';

/** One line of an assessment's history, read from the log's free-form detail into what the page says. */
export type HistoryLine =
  | { action: 'created'; periodStart: string; periodEnd: string; frameworkVersion: number }
  | {
      action: 'rated';
      indicatorId: string;
      rating: (typeof RATINGS)[number];
      confidence: (typeof CONFIDENCES)[number];
      previous: { rating: (typeof RATINGS)[number]; confidence: (typeof CONFIDENCES)[number] } | null;
    }
  | { action: 'submitted'; level: (typeof LEVELS)[number] }
  | { action: 'returned'; note: string }
  | { action: 'published'; level: (typeof LEVELS)[number]; previousLevel: (typeof LEVELS)[number] | null; levelRose: boolean }
  | { action: 'revised-from'; from: number; copied: number; dropped: string[] }
  | { action: 'other'; name: string };

const rated = z.object({
  indicatorId: z.string(),
  rating: z.enum(RATINGS),
  confidence: z.enum(CONFIDENCES),
  previous: z.nullable(z.object({ rating: z.enum(RATINGS), confidence: z.enum(CONFIDENCES) })),
});
const shapes = {
  created: z.object({ periodStart: z.string(), periodEnd: z.string(), frameworkVersion: z.number() }),
  rated,
  submitted: z.object({ level: z.enum(LEVELS) }),
  returned: z.object({ note: z.string() }),
  published: z.object({ level: z.enum(LEVELS), previousLevel: z.nullable(z.enum(LEVELS)), levelRose: z.boolean() }),
  'revised-from': z.object({ from: z.number(), copied: z.number(), dropped: z.array(z.string()) }),
} as const;

const isKnown = (action: string): action is keyof typeof shapes => Object.hasOwn(shapes, action);

/** Reads one log entry; an action or detail this page does not know is shown by its name only. */
export function readHistoryEntry(entry: HistoryEntry): HistoryLine {
  const { action } = entry;
  if (!isKnown(action)) return { action: 'other', name: action };
  const parsed = shapes[action].safeParse(entry.detail);
  if (!parsed.success) return { action: 'other', name: action };
  return { action, ...parsed.data } as HistoryLine;
}

/** The assessment this one was revised from, if its history says so. */
export const revisedFrom = (entries: readonly HistoryEntry[]): number | null => {
  for (const e of entries) {
    const line = readHistoryEntry(e);
    if (line.action === 'revised-from') return line.from;
  }
  return null;
};
