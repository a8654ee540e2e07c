import type { IsoDate, Iso3 } from '../../core/brand.js';
import { MEASURES, type Measure, type SeriesCategory } from '../series/series.js';

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

/** What a signal counts: incidents and fatalities (weekly, from events), or hateful posts (daily, from speech items). */
export const SIGNAL_MEASURES = [...MEASURES, 'hateful-posts'] as const;
export type SignalMeasure = (typeof SIGNAL_MEASURES)[number];

/** The period a signal is for: a week (its Monday) or a day. */
export const SIGNAL_FREQUENCIES = ['weekly', 'daily'] as const;
export type SignalFrequency = (typeof SIGNAL_FREQUENCIES)[number];

/** A violence category for event signals; `hate:<target group>` or `hate:all` for surges of hateful posts. */
export type SignalCategory = SeriesCategory | `hate:${string}`;

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
export interface Signal {
  id: number;
  country: Iso3;
  category: SignalCategory;
  measure: SignalMeasure;
  frequency: SignalFrequency;
  /** The period that alarmed: the Monday of the week for weekly signals, the day for daily ones. */
  week: IsoDate;
  method: string;
  observed: number;
  upperbound: number | null;
  /** The events behind the alarm: every member of the incidents counted that week (at most 1,000). */
  eventIds: number[];
  /** For hateful-posts signals: the hateful speech items counted that day (at most 1,000). */
  speechItemIds: number[];
  status: SignalStatus;
  triageNote: string | null;
  triagedBy: string | null;
  triagedAt: string | null;
  detectedAt: string;
}
