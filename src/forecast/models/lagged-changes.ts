import type { CountryYearTable } from '../country-years/country-year.js';

/** Predictors whose one-year change says nothing new: the time trend, fixed regions, country age. */
const NOT_CHANGED = (name: string): boolean =>
  name === 'year' || name === 'year_sq' || name.startsWith('reg.') || name === 'countryage.new.log2';

/** The predictors `withLaggedChanges` adds a change for, by default: every one but `NOT_CHANGED`. */
export const changedPredictors = (predictors: readonly string[]): string[] => predictors.filter((name) => !NOT_CHANGED(name));

/**
 * The table with one more predictor per name in `names`: `d.<name>` = x(t) - x(t - 1), the change
 * since the same country's row of the year before (same country code). Only the row itself and
 * the year before are read, both known when a forecast is made from year t. Where that row is
 * missing or either value is NA the change is 0 (no change known), so a row is complete exactly
 * when it was before and the back-test scores the same country-years.
 */
export function withLaggedChanges(
  table: CountryYearTable,
  names: readonly string[] = changedPredictors(table.columns.predictors),
): CountryYearTable {
  const index = names.map((name) => {
    const j = table.columns.predictors.indexOf(name);
    if (j < 0) throw new Error(`no predictor ${name}`);
    return j;
  });
  const byKey = new Map(table.rows.map((r) => [`${r.countryCode}:${r.year}`, r]));
  const p = table.columns.predictors.length;
  const rows = table.rows.map((row) => {
    const prev = byKey.get(`${row.countryCode}:${row.year - 1}`);
    const predictors = new Float64Array(p + index.length);
    predictors.set(row.predictors);
    index.forEach((j, k) => {
      const now = row.predictors[j]!;
      const before = prev ? prev.predictors[j]! : Number.NaN;
      predictors[p + k] = Number.isFinite(now) && Number.isFinite(before) ? now - before : 0;
    });
    return { ...row, predictors };
  });
  return {
    columns: { ...table.columns, predictors: [...table.columns.predictors, ...names.map((n) => `d.${n}`)] },
    rows,
  };
}
