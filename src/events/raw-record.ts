/** A raw source row as column name -> cell (own properties only, so a column named `__proto__` stays data). */
export const rawRecord = (columns: readonly string[], cells: readonly string[]): Record<string, string> =>
  Object.fromEntries(cells.map((cell, i) => [columns[i] ?? `column_${i + 1}`, cell]));
