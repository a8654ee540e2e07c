import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv.js';

describe('csvLine', () => {
  it('quotes only fields holding a comma, quote, CR or LF, and round-trips hostile text through papaparse', () => {
    const fields = ['plain', 'a,b', 'say "hi"', 'two\nlines', 'crlf\r\nend', '', ' =SUM(A1) ', 'تل أبيض'];
    const line = csvLine(fields);
    expect(csvField('plain')).toBe('plain');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(line.endsWith('\n')).toBe(true);
    expect(Papa.parse<string[]>(line, { skipEmptyLines: true }).data).toEqual([fields]);
  });
});
