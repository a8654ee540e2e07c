import type { IsoDate, Iso3 } from '../../core/brand.js';
import type { Measure, SeriesCategory } from '../series/series.js';

/** Where a signal stands after triage. `warning`: the analyst chose to raise a warning on it. */
export const SIGNAL_STATUSES = ['new', 'discarded', 'monitoring', 'warning'] as const;
export type SignalStatus = (typeof SIGNAL_STATUSES)[number];

/** The decisions an analyst takes on a new signal. */
export const TRIAGE_DECISIONS = ['discard', 'monitor', 'raise-warning'] as const;
export type TriageDecision = (typeof TRIAGE_DECISIONS)[number];

export const STATUS_OF_DECISION: Readonly<Record<TriageDecision, SignalStatus>> = {
  discard: 'discarded',
  monitor: 'monitoring',
  'raise-warning': 'warning',
};

/** An alarm of one method on one weekly series: what a signal is made from. */
export interface Alarm {
  country: Iso3;
  category: SeriesCategory;
  measure: Measure;
  /** The Monday of the week that alarmed. */
  week: IsoDate;
  /** The configured method's label, e.g. `farrington-noufaily`. */
  method: string;
  observed: number;
  upperbound: number | null;
}

/** A stored signal as the CLI and the API present it. */
export interface Signal extends Alarm {
  id: number;
  /** The events behind the alarm: every member of the incidents counted that week (at most 1,000). */
  eventIds: number[];
  status: SignalStatus;
  triageNote: string | null;
  triagedBy: string | null;
  triagedAt: string | null;
  detectedAt: string;
}
