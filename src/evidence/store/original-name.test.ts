import { describe, expect, it } from 'vitest';
import { sanitiseOriginalName } from './original-name.js';

describe('sanitiseOriginalName', () => {
  it.each([
    ['photo 1.jpg', 'photo 1.jpg'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\ines\\Desktop\\video.mp4', 'video.mp4'],
    ['a..b..c.txt', 'a.b.c.txt'],
    ['report\u0000\u001b[31m.pdf', 'report[31m.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['.hidden', 'hidden'],
  ])('%j becomes %j', (raw, safe) => {
    expect(sanitiseOriginalName(raw)).toBe(safe);
  });

  it('refuses a name with nothing left, naming the field', () => {
    expect(() => sanitiseOriginalName('../..', '--name')).toThrow(/--name: .* no usable file name/);
    expect(() => sanitiseOriginalName('/')).toThrow(/no usable file name/);
  });

  it('shortens a very long name and keeps its extension', () => {
    const s = sanitiseOriginalName(`${'x'.repeat(500)}.pdf`);
    expect(s.length).toBe(200);
    expect(s.endsWith('.pdf')).toBe(true);
  });
});
