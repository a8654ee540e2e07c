import type { IsoDate, Iso3 } from '../../core/brand.js';
import type { Onset } from './onsets.js';
import type { ReplayedSignal } from './replay.js';

/** How one method's signals fell relative to a recorded onset. */
export interface OnsetOutcome {
  year: number;
  code: string;
  /** The first signal in the year before the onset year, or null. */
  firstSignalYearBefore: IsoDate | null;
  signalsYearBefore: number;
  /** The first signal in the onset year itself, or null. */
  firstSignalInYear: IsoDate | null;
  signalsInYear: number;
}

export interface MethodReplay {
  method: string;
  signals: number;
  /** Distinct weeks with at least one signal of this method (over every series and measure). */
  signalWeeks: number;
  onsets: OnsetOutcome[];
  /** Country-years of the window with no recorded onset, and what fired in them. */
  yearsWithoutOnset: number;
  yearsWithoutOnsetWithSignals: number;
  signalsInYearsWithoutOnset: number;
  byYear: { year: number; onset: boolean; signals: number; signalWeeks: number }[];
}

export interface ReplayReport {
  country: Iso3;
  from: IsoDate;
  to: IsoDate;
  weeks: number;
  onsets: Onset[];
  methods: MethodReplay[];
}

const yearOf = (d: IsoDate): number => Number(d.slice(0, 4));

/**
 * Scores replayed signals against recorded onset years: per method, what fired in the year before
 * each onset (the early warning that mattered) and in the onset year, and how much fired in the
 * country-years without an onset (the alarms an analyst would have had to triage and discard).
 */
export function scoreReplay(
  signals: readonly ReplayedSignal[],
  context: { country: Iso3; from: IsoDate; to: IsoDate; weeks: number; methods: readonly string[]; onsets: readonly Onset[] },
): ReplayReport {
  const onsets = context.onsets.filter(
    (o) => o.country === context.country && o.year >= yearOf(context.from) && o.year <= yearOf(context.to),
  );
  const onsetYears = new Set(onsets.map((o) => o.year));
  const years: number[] = [];
  for (let y = yearOf(context.from); y <= yearOf(context.to); y++) years.push(y);
  const methods = context.methods.map((method): MethodReplay => {
    const mine = signals.filter((s) => s.method === method);
    const inYear = (y: number) => mine.filter((s) => yearOf(s.week) === y);
    const weeksOf = (list: readonly ReplayedSignal[]) => new Set(list.map((s) => s.week)).size;
    const byYear = years.map((year) => ({
      year,
      onset: onsetYears.has(year),
      signals: inYear(year).length,
      signalWeeks: weeksOf(inYear(year)),
    }));
    const quiet = byYear.filter((y) => !y.onset);
    const firstOf = (list: readonly ReplayedSignal[]) =>
      list.length ? list.reduce((a, b) => (b.week < a ? b.week : a), list[0]!.week) : null;
    return {
      method,
      signals: mine.length,
      signalWeeks: weeksOf(mine),
      onsets: onsets.map((o) => ({
        year: o.year,
        code: o.code,
        firstSignalYearBefore: firstOf(inYear(o.year - 1)),
        signalsYearBefore: inYear(o.year - 1).length,
        firstSignalInYear: firstOf(inYear(o.year)),
        signalsInYear: inYear(o.year).length,
      })),
      yearsWithoutOnset: quiet.length,
      yearsWithoutOnsetWithSignals: quiet.filter((y) => y.signals > 0).length,
      signalsInYearsWithoutOnset: quiet.reduce((n, y) => n + y.signals, 0),
      byYear,
    };
  });
  return { country: context.country, from: context.from, to: context.to, weeks: context.weeks, onsets, methods };
}
