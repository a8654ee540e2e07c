import { TocsinError } from '../../core/errors.js';

/** Predictor values, column-major: column j holds rows [j * rows, (j + 1) * rows). */
export interface DesignMatrix {
  readonly rows: number;
  readonly names: readonly string[];
  readonly values: Float64Array;
}

/** The value at (row, column). */
export const cell = (m: DesignMatrix, row: number, column: number): number => m.values[column * m.rows + row]!;

/** Builds a matrix from rows of predictor values (each of the same length as `names`). */
export function designMatrixFromRows(names: readonly string[], rows: readonly ArrayLike<number>[]): DesignMatrix {
  const n = rows.length;
  const values = new Float64Array(n * names.length);
  rows.forEach((row, i) => {
    if (row.length !== names.length) {
      throw new TocsinError('invalid_input', `row ${i + 1} has ${row.length} values for ${names.length} predictors`);
    }
    for (let j = 0; j < names.length; j++) values[j * n + i] = row[j]!;
  });
  return { rows: n, names, values };
}

/** The rows at `indices`, in that order. */
export function selectRows(m: DesignMatrix, indices: ArrayLike<number>): DesignMatrix {
  const n = indices.length;
  const values = new Float64Array(n * m.names.length);
  for (let j = 0; j < m.names.length; j++) {
    const from = j * m.rows;
    const to = j * n;
    for (let i = 0; i < n; i++) values[to + i] = m.values[from + indices[i]!]!;
  }
  return { rows: n, names: m.names, values };
}
