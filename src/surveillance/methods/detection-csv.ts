import { csvLine } from '../../core/csv.js';
import type { DetectionRow } from './detect.js';

/** Shortest text that reads back as the same double (17 significant digits at most). */
const formatNumber = (x: number): string => String(x);

/**
 * The rows as CSV in the layout of the R reference outputs: `index,observed,upperbound,alarm`,
 * alarm 1 or 0, `NA` where the method gives no bound or no alarm.
 */
export function formatDetectionCsv(rows: readonly DetectionRow[]): string {
  let out = csvLine(['index', 'observed', 'upperbound', 'alarm']);
  for (const r of rows) {
    const upper = r.upperbound === null ? 'NA' : formatNumber(r.upperbound);
    const alarm = r.alarm === null ? 'NA' : r.alarm ? '1' : '0';
    out += csvLine([String(r.index), formatNumber(r.observed), upper, alarm]);
  }
  return out;
}
