/**
 * Whether `error` is PostgreSQL's unique_violation (SQLSTATE 23505), on `constraint` when named.
 * Both engines report it the same way: node-postgres and PGlite share pg-protocol's DatabaseError.
 */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as { code?: unknown; constraint?: unknown };
  return e.code === '23505' && (constraint === undefined || e.constraint === constraint);
}
