import { describe, expect, it } from 'vitest';
import { isTocsinError, type TocsinError } from '../../core/errors.js';
import type { CellProblem, CountryYearColumns } from './country-year.js';
import { parseCountryYears } from './parse-country-years.js';

const COLUMNS: CountryYearColumns = {
  country: 'ccode',
  countryName: 'ewp_name',
  year: 'year',
  outcome: 'mk_onset_1or2',
  outcomeWindow: ['mk_onset_1', 'mk_onset_2'],
  onset: 'mk_onset',
  predictors: ['popsize.log2', 'year'],
};
const HEADER = '"",ewp_name,year,popsize.log2,mk_onset_1or2,mk_onset,ccode,mk_onset_1,mk_onset_2';
const csv = (...lines: string[]) => [HEADER, ...lines].join('\n') + '\n';

function problemsOf(text: string, columns = COLUMNS): CellProblem[] {
  try {
    parseCountryYears(text, columns, 'test.csv');
  } catch (e) {
    expect(isTocsinError(e) && e.code).toBe('invalid_format');
    return (e as TocsinError).details!.problems as CellProblem[];
  }
  throw new Error('expected a TocsinError');
}

describe('parseCountryYears', () => {
  it('reads rows, resolves COW-style codes (East Germany 265 -> DEU) and keeps NA as NaN', () => {
    const table = parseCountryYears(
      csv('"1",East Germany,1970,24.1,0,0,265,0,0', '"2",Sudan,2022,25.5,NA,1,625,0,NA', '"3",Chad,2023,NA,0,0,483,NA,NA'),
      COLUMNS,
    );
    expect(table.rows).toHaveLength(3);
    const [gdr, sudan, chad] = table.rows;
    expect(gdr).toMatchObject({ line: 2, countryCode: 265, iso3: 'DEU', countryName: 'East Germany', year: 1970, outcome: 0 });
    expect(Array.from(gdr!.predictors)).toEqual([24.1, 1970]);
    expect(sudan).toMatchObject({ iso3: 'SDN', outcome: 0, onset: 1, outcomeObserved: false, complete: true });
    expect(chad!.complete).toBe(false);
    expect(Number.isNaN(chad!.predictors[0])).toBe(true);
  });

  it('reports every bad cell with line, column, value and reason, not just the first', () => {
    const problems = problemsOf(
      csv(
        '"1",Chad,19x0,24,0,0,483,0,0',
        '"2",Chad,1971,abc,2,0,483,0,0',
        '"3",Atlantis,1971,24,0,0,999,0,0',
        '"4",Chad,1972,Inf,0,0.5,483,0,0',
        '"5",Chad,1973,24,0,0,483,0',
        '"6",,1974,24,0,0,483,0,0',
      ),
    );
    expect(problems).toEqual([
      { line: 2, column: 'year', value: '19x0', reason: 'not a whole number' },
      { line: 3, column: 'mk_onset_1or2', value: '2', reason: 'must be 0 or 1 (or NA)' },
      { line: 3, column: 'popsize.log2', value: 'abc', reason: 'not a finite number (NA is allowed)' },
      { line: 4, column: 'ccode', value: '999', reason: 'unknown country code (expected a Correlates of War number)' },
      { line: 5, column: 'mk_onset', value: '0.5', reason: 'must be 0 or 1 (or NA)' },
      { line: 5, column: 'popsize.log2', value: 'Inf', reason: 'not a finite number (NA is allowed)' },
      { line: 6, column: null, value: null, reason: 'has 8 fields, the header has 9' },
      { line: 7, column: 'ewp_name', value: '', reason: 'missing' },
    ]);
  });

  it('says in the message how many problems there are and quotes the first ones', () => {
    expect(() => parseCountryYears(csv('"1",Chad,1970,x,0,0,483,0,0'), COLUMNS, 'panel.csv')).toThrow(
      'panel.csv: 1 problem: line 2, popsize.log2: not a finite number (NA is allowed)',
    );
  });

  it('reports missing and duplicated columns from the header before reading any row', () => {
    const text = 'ewp_name,year,year,mk_onset_1or2,mk_onset,ccode\nChad,1970,1970,0,0,483\n';
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.line, p.column, p.reason])).toEqual([
      [1, 'year', 'column appears 2 times'],
      [1, 'mk_onset_1', 'required column missing from the header'],
      [1, 'mk_onset_2', 'required column missing from the header'],
      [1, 'popsize.log2', 'required column missing from the header'],
    ]);
  });

  it('refuses an outcome named as a predictor, and duplicate country-years', () => {
    expect(problemsOf(csv('"1",Chad,1970,24,0,0,483,0,0'), { ...COLUMNS, predictors: ['year', 'mk_onset'] })[0]!.reason).toBe(
      'an outcome column cannot also be a predictor',
    );
    const dup = problemsOf(csv('"1",Chad,1970,24,0,0,483,0,0', '"2",Chad,1970,25,0,0,483,0,0'));
    expect(dup).toEqual([{ line: 3, column: 'year', value: '1970', reason: 'duplicate country-year (483, 1970) of line 2' }]);
  });

  it('counts lines across quoted line breaks and skips blank lines; refuses an empty file', () => {
    const table = parseCountryYears(csv('"1","Chad\nof old",1970,24,0,0,483,0,0', '', '"2",Chad,1971,24,0,0,483,0,0'), COLUMNS);
    expect(table.rows.map((r) => r.line)).toEqual([2, 5]);
    expect(problemsOf(HEADER + '\n')[0]!.reason).toBe('no data rows');
    expect(problemsOf('')[0]!.reason).toBe('required column missing from the header');
  });

  it('survives hostile text: a binary-looking header, a huge field, an unterminated quote', () => {
    expect(problemsOf('\u0001\u0002,\u0003\n1,2\n').length).toBeGreaterThan(5);
    expect(problemsOf(csv(`"1","${'x'.repeat(100_000)}",1970,24,0,0,483,0,0`))[0]!.reason).toBe('longer than 200 characters');
    const open = problemsOf(csv('"1","Chad,1970,24,0,0,483,0,0'));
    expect(open.some((p) => p.reason.startsWith('CSV:'))).toBe(true);
  });
});
