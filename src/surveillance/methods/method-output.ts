/**
 * What every method returns for the weeks `from..to` (1-based, inclusive): R's NA is NaN in
 * `upperbound` and -1 in `alarm` (otherwise 1 = alarm, 0 = none). Typed arrays keep the loops free
 * of per-week allocation; `detect()` turns them into rows.
 */
export interface MethodOutput {
  from: number;
  to: number;
  upperbound: Float64Array;
  alarm: Int8Array;
}

export const NO_ALARM_VALUE = -1;

export function createMethodOutput(from: number, to: number): MethodOutput {
  const length = to - from + 1;
  return { from, to, upperbound: new Float64Array(length), alarm: new Int8Array(length) };
}
