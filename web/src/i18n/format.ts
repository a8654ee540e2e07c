import type { Locale } from './locales.js';

export interface Formatter {
  /** A whole number, grouped the local way ("12 345" in French). */
  number(n: number): string;
  /** A probability 0..1 as a percentage with `digits` decimals. */
  percent(p: number, digits?: number): string;
  /** An ISO date (YYYY-MM-DD), e.g. "3 Sept 2024"; read as a calendar day, never shifted by time zone. */
  date(isoDate: string): string;
  /** An ISO timestamp with its time, in the user's time zone. */
  dateTime(iso: string): string;
  /** A duration from now in words, e.g. "in 3 days", "2 hours ago". */
  relative(iso: string, now?: number): string;
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

export function formatterFor(locale: Locale): Formatter {
  const numberFormat = new Intl.NumberFormat(locale);
  const dateFormat = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const relativeFormat = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return {
    number: (n) => numberFormat.format(n),
    percent: (p, digits = 1) =>
      new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(p),
    date: (isoDate) => {
      const day = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(day.getTime()) ? isoDate : dateFormat.format(day);
    },
    dateTime: (iso) => {
      const moment = new Date(iso);
      return Number.isNaN(moment.getTime()) ? iso : dateTimeFormat.format(moment);
    },
    relative: (iso, now = Date.now()) => {
      const diff = new Date(iso).getTime() - now;
      if (Number.isNaN(diff)) return iso;
      for (const [unit, ms] of UNITS) {
        if (Math.abs(diff) >= ms || unit === 'minute') return relativeFormat.format(Math.round(diff / ms), unit);
      }
      return iso;
    },
  };
}
