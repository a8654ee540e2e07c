import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, csvLine, safeCsvCell } from './csv.js';

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

describe('safeCsvCell', () => {
  it('defuses text a spreadsheet would run as a formula, keeps numbers, and puts each record on one line', () => {
    expect(safeCsvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    for (const lead of ['+', '-', '@', '\t']) expect(safeCsvCell(`${lead}cmd`)).toBe(`'${lead}cmd`);
    expect(safeCsvCell(-12.5)).toBe('-12.5');
    expect(safeCsvCell('Killed near\r\n Bossangoa')).toBe('Killed near Bossangoa');
    expect(safeCsvCell(null)).toBe('');
  });
});
