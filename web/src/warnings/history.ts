/** What a line of a warning's history says beyond its action, read from the log entry's detail. */
export interface HistoryFacts {
  late: boolean;
  decision: string | null;
  /** The written reason or note: of a decision, a manual escalation, or the closing. */
  text: string | null;
  tiers: { from: number; to: number } | null;
  /** The measure concerned, by title when the entry names it. */
  measure: string | null;
  statusChange: { from: string; to: string } | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);

/** Reads the detail of a log entry (docs/warnings.md) defensively: an unknown shape shows as the action alone. */
export function historyFacts(detail: Record<string, unknown>): HistoryFacts {
  const from = int(detail['fromTier']);
  const to = int(detail['toTier']);
  const statusFrom = str(detail['from']);
  const statusTo = str(detail['to']);
  return {
    late: detail['late'] === true,
    decision: str(detail['decision']),
    text: str(detail['reason']) ?? str(detail['note']),
    tiers: from !== null && to !== null ? { from, to } : null,
    measure: str(detail['title']),
    statusChange: statusFrom !== null && statusTo !== null && statusFrom !== statusTo ? { from: statusFrom, to: statusTo } : null,
  };
}
