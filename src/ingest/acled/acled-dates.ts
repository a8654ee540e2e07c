import { isoDateFromParts, type IsoDate } from '../../core/brand.js';

/** The first year ACLED covers (Africa from 1997): an earlier date in an ACLED file is a mangled cell. */
export const ACLED_FIRST_YEAR = 1997;

export const MONTH_NAMES = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

export type AcledDateResult = { ok: true; date: IsoDate } | { ok: false; reason: string };

/**
 * The date forms seen in ACLED files, each with why it is accepted.
 * Day/month/year with slashes (`05/08/2024`) is refused: the order of day and month cannot be known.
 */
const FORMS: ReadonlyArray<{
  pattern: RegExp;
  month: string;
  read: (m: RegExpExecArray) => [number, number | undefined, number];
}> = [
  // `13 November 2020`: ACLED's own export form (2020 and 2023 layouts)
  {
    pattern: /^(\d{1,2})\s+([a-z]+)\s+(\d{4})$/i,
    month: 'a full English month name',
    read: (m) => [Number(m[3]), monthFromName(m[2] ?? ''), Number(m[1])],
  },
  // `5-Aug-24`: the same file after a spreadsheet round-trip (Excel `d-mmm-yy`)
  {
    pattern: /^(\d{1,2})-([a-z]{3})-(\d{2})$/i,
    month: 'a three-letter English month',
    read: (m) => [expandTwoDigitYear(Number(m[3])), monthFromAbbreviation(m[2] ?? ''), Number(m[1])],
  },
  // `2024-08-05`: the ACLED API and newer exports
  { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, month: '01-12', read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
];

/** Two-digit years as spreadsheets write them: 00-69 -> 20xx, 70-99 -> 19xx (ACLED starts in 1997). */
export const expandTwoDigitYear = (yy: number): number => (yy < 70 ? 2000 + yy : 1900 + yy);

function monthFromName(name: string): number | undefined {
  const i = (MONTH_NAMES as readonly string[]).indexOf(name.toLowerCase());
  return i < 0 ? undefined : i + 1;
}

function monthFromAbbreviation(abbreviation: string): number | undefined {
  const i = MONTH_NAMES.findIndex((m) => m.slice(0, 3) === abbreviation.toLowerCase());
  return i < 0 ? undefined : i + 1;
}

/** Parses an ACLED `event_date` cell into a real calendar day, or says why it cannot. */
export function parseAcledDate(text: string): AcledDateResult {
  const value = text.trim();
  if (/^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(value)) {
    return {
      ok: false,
      reason: `date ${JSON.stringify(value)} is ambiguous (day/month order unknown); use 13 November 2020 or 2020-11-13`,
    };
  }
  for (const form of FORMS) {
    const m = form.pattern.exec(value);
    if (!m) continue;
    const [year, month, day] = form.read(m);
    if (month === undefined)
      return {
        ok: false,
        reason: `date ${JSON.stringify(value)} has an unknown month ${JSON.stringify(m[2])} (expected ${form.month})`,
      };
    const date = isoDateFromParts(year, month, day);
    if (date === undefined) return { ok: false, reason: `date ${JSON.stringify(value)} is not a calendar day` };
    if (year < ACLED_FIRST_YEAR)
      return { ok: false, reason: `date ${JSON.stringify(value)} is before ACLED's coverage (${ACLED_FIRST_YEAR})` };
    return { ok: true, date };
  }
  return { ok: false, reason: `date ${JSON.stringify(value)} is not in a known form (13 November 2020, 5-Aug-24, 2020-11-13)` };
}
