/**
 * The Framework of Analysis keeps two checks per risk factor: its title (official wording, seen on
 * a stored page or not) and its summary (our paraphrase). 0004 has one `verification` column,
 * which now describes the summary; this adds the title's.
 */
export const sql = `
ALTER TABLE risk_factors ADD COLUMN title_verification text NOT NULL DEFAULT 'brief'
  CHECK (title_verification IN ('source', 'brief', 'recall', 'edited'));
`;
