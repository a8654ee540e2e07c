import { describe, expect, it } from 'vitest';
import { readSeriesColumn } from './series-csv.js';

const read = (text: string, counts = true) => readSeriesColumn(text, 'events', 'weekly.csv', counts);

describe('readSeriesColumn', () => {
  it('reads the named column, one week per line, ignoring a BOM, CRLF and blank lines', () => {
    expect(read('\uFEFFweek,events\r\n2020-01-06,3\r\n2020-01-13,"0"\r\n\r\n2020-01-20,12\r\n')).toEqual([3, 0, 12]);
  });

  it('names the columns that exist when the column is missing', () => {
    expect(() => read('week,deaths\n2020-01-06,3\n')).toThrow(/weekly.csv has no column "events"; its columns are: week, deaths/);
  });

  it('reports every bad cell with its line number: empty, not a number, not a count', () => {
    const text = 'week,events\na,1\nb,\nc,three\nd,-2\ne,1.5\nf,4\n';
    expect(() => read(text)).toThrow(
      /line 3: is empty; line 4: "three" is not a number; line 5: -2 is not a count.*; line 6: 1.5 is not a count/,
    );
  });

  it('accepts negative and fractional values when counts are not required, never NaN', () => {
    expect(read('events\n-1.5\n2\n', false)).toEqual([-1.5, 2]);
    expect(() => read('events\nNA\n', false)).toThrow(/line 2: "NA" is not a number/);
  });

  it('lists five problems and counts the rest', () => {
    const text = `events\n${Array<string>(8).fill('x').join('\n')}\n`;
    expect(() => read(text)).toThrow(/line 6: "x" is not a number; and 3 more$/);
  });

  it('refuses an empty file and a header without data', () => {
    expect(() => read('')).toThrow(/weekly.csv is empty/);
    expect(() => read('events\n')).toThrow(/has a header but no data lines/);
  });

  it('keeps a hostile cell out of the message beyond 40 characters', () => {
    const cell = `${'<script>'.repeat(20)}`;
    let message = '';
    try {
      read(`events\n${cell}\n`);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.length).toBeLessThan(120);
  });

  it('reads a huge file (200,000 weeks) in one go', () => {
    const text = `events\n${Array.from({ length: 200_000 }, (_, i) => i % 9).join('\n')}\n`;
    const values = read(text);
    expect(values).toHaveLength(200_000);
    expect(values[199_999]).toBe(199_999 % 9);
  });
});
