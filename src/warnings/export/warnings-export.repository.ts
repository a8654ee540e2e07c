import type { Queryable } from '../../db/database.js';
import type { WarningMeasure } from '../../measures/measure.js';
import { listMeasures } from '../../measures/warning-measures.repository.js';
import type { WarningStatus } from '../warning.js';
import { listWarnings } from '../warnings.repository.js';
import type { ExportedWarning } from './warnings-export.js';

/** Every warning, however many: an export is complete or it is not an export. */
const ALL = 2 ** 31 - 1;

/** Warnings (oldest first) with their measures, filtered by country and status. */
export async function readWarningsForExport(
  db: Queryable,
  f: { country?: string | undefined; status?: WarningStatus | undefined } = {},
): Promise<ExportedWarning[]> {
  const warnings = (
    await listWarnings(db, { ...(f.country ? { country: f.country } : {}), ...(f.status ? { status: f.status } : {}) }, ALL)
  ).reverse();
  const byWarning = new Map<number, WarningMeasure[]>();
  for (const m of await listMeasures(db, {})) byWarning.set(m.warningId, [...(byWarning.get(m.warningId) ?? []), m]);
  return warnings.map(({ signalId: _s, forecastModelId: _f, forecastYear: _y, assessmentId: _a, tier: _t, ...w }) => ({
    ...w,
    measures: byWarning.get(w.id) ?? [],
  }));
}
