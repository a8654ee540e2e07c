import type { ErrorCode } from '../core/errors.js';

/** The one table from domain error codes to process exit codes (0 is success, 1 an unexpected failure). */
export const EXIT_CODE: Readonly<Record<ErrorCode, number>> = {
  internal: 1,
  invalid_input: 2,
  too_large: 2,
  invalid_format: 3,
  not_found: 4,
  unauthenticated: 5,
  forbidden: 5,
  conflict: 6,
  unavailable: 7,
};
