/**
 * The one error type of Tocsin. Domain code throws it with a literal `code`;
 * the HTTP layer (`http/error-status.ts`) and the CLI (`cli/exit-codes.ts`) each map
 * codes to statuses or exit codes in one table. Domain code never sees HTTP.
 */
export type ErrorCode =
  | 'invalid_input'
  | 'too_large'
  | 'invalid_format'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'conflict'
  | 'unavailable'
  | 'internal';

export class TocsinError extends Error {
  readonly code: ErrorCode;
  /** Machine-readable detail: where the problem is (file, line, column, field). */
  readonly details: Readonly<Record<string, unknown>> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TocsinError';
    this.code = code;
    this.details = details;
  }
}

export const isTocsinError = (e: unknown): e is TocsinError => e instanceof TocsinError;
