import type { z } from 'zod';

/** Zod issues as `path: message` strings (at most `max`), for error messages that name every problem. */
export const formatIssues = (issues: readonly z.core.$ZodIssue[], max = 10): string[] =>
  issues.slice(0, max).map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`);
