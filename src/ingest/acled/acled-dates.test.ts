import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandTwoDigitYear, MONTH_NAMES, parseAcledDate } from './acled-dates.js';

describe('parseAcledDate', () => {
  it.each([
    ['13 November 2020', '2020-11-13'],
    ['28 December 2022', '2022-12-28'],
    [' 1 january 1997 ', '1997-01-01'],
    ['5-Aug-24', '2024-08-05'],
    ['05-aug-24', '2024-08-05'],
    ['29-Feb-24', '2024-02-29'],
    ['31-Dec-69', '2069-12-31'],
    ['1-Jan-99', '1999-01-01'],
    ['2024-08-05', '2024-08-05'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseAcledDate(text)).toEqual({ ok: true, date: iso });
  });

  it.each([
    ['31 February 2023', /not a calendar day/],
    ['29-Feb-23', /not a calendar day/],
    ['2023-13-01', /not a calendar day/],
    ['05/08/2024', /ambiguous/],
    ['13 Novembre 2020', /unknown month/],
    ['5-Agu-24', /unknown month/],
    ['5 Aug 2024', /unknown month "Aug" \(expected a full English month name\)/],
    ['20201113', /not in a known form/],
    ['', /not in a known form/],
    ['1 January 1996', /before ACLED's coverage \(1997\)/],
    ['5-Aug-75', /before ACLED's coverage/],
  ])('rejects %j', (text, reason) => {
    const result = parseAcledDate(text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('expands two-digit years: 00-69 -> 20xx, 70-99 -> 19xx', () => {
    expect([0, 24, 69, 70, 97, 99].map(expandTwoDigitYear)).toEqual([2000, 2024, 2069, 1970, 1997, 1999]);
  });

  const days = fc.date({ min: new Date('1997-01-01T00:00:00Z'), max: new Date('2069-12-31T00:00:00Z'), noInvalidDate: true });
  const parts = (d: Date) => ({
    iso: d.toISOString().slice(0, 10),
    day: d.getUTCDate(),
    month: MONTH_NAMES[d.getUTCMonth()] ?? '',
    year: d.getUTCFullYear(),
  });
  const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

  it('round-trips any valid day written as D Month YYYY', () => {
    fc.assert(
      fc.property(days, (d) => {
        const p = parts(d);
        expect(parseAcledDate(`${p.day} ${title(p.month)} ${p.year}`)).toEqual({ ok: true, date: p.iso });
      }),
    );
  });

  it('round-trips any valid day written as D-Mon-YY', () => {
    fc.assert(
      fc.property(days, (d) => {
        const p = parts(d);
        const yy = String(p.year % 100).padStart(2, '0');
        expect(parseAcledDate(`${p.day}-${title(p.month.slice(0, 3))}-${yy}`)).toEqual({ ok: true, date: p.iso });
      }),
    );
  });

  it('never throws and always gives a date or a reason', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const result = parseAcledDate(s);
        expect(result.ok ? result.date : result.reason).toEqual(expect.any(String));
      }),
    );
  });
});
