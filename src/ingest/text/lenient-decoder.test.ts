import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cp1252Char, createLenientDecoder, repairC1Controls } from './lenient-decoder.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

/** Decodes `input` fed as the given chunks (cut positions). */
function decodeInChunks(input: Uint8Array, cuts: readonly number[]): string {
  const decoder = createLenientDecoder();
  const sorted = [...cuts].sort((a, b) => a - b);
  let out = '';
  let from = 0;
  for (const cut of [...sorted, input.length]) {
    out += decoder.decode(input.subarray(from, cut));
    from = cut;
  }
  return out + decoder.end();
}

describe('createLenientDecoder', () => {
  it('decodes valid UTF-8 split at every offset, including inside multi-byte characters', () => {
    const text = 'Sana‘a — Ḥalab, 東京, 𝄞 and €5 in Ürümqi';
    const input = utf8(text);
    for (let cut = 0; cut <= input.length; cut++) {
      expect(decodeInChunks(input, [cut])).toBe(text);
    }
    for (let a = 0; a <= input.length; a += 3) {
      for (let b = a; b <= input.length; b += 2) expect(decodeInChunks(input, [a, b])).toBe(text);
    }
  });

  it('reads a stray 0x91 inside ASCII as a left single quotation mark, whatever the chunking', () => {
    const input = bytes('Sanaa, San', [0x91], "a', Yemen");
    for (let cut = 0; cut <= input.length; cut++) {
      expect(decodeInChunks(input, [cut])).toBe("Sanaa, San\u2018a', Yemen");
    }
  });

  it('maps cp1252 bytes 0x80-0x9F, Latin-1 bytes and the five undefined bytes', () => {
    const input = bytes('x', [0x80, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0xe9, 0xff], 'y');
    expect(decodeInChunks(input, [])).toBe('x€‘’“”–—\ufffd\ufffd\ufffd\ufffd\ufffdéÿy');
  });

  it('reads each byte of a broken or overlong sequence as cp1252 and keeps the valid text around it', () => {
    expect(decodeInChunks(bytes('a', [0xe2, 0x82], 'b'), [])).toBe('aâ‚b');
    expect(decodeInChunks(bytes([0xc0, 0xaf], 'é'), [1])).toBe('À¯é');
    expect(decodeInChunks(bytes([0xed, 0xa0, 0x80]), [])).toBe('í\u00a0€');
    expect(decodeInChunks(bytes([0xf4, 0x90, 0x80, 0x80]), [2])).toBe('ô\ufffd€€');
  });

  it('flushes a multi-byte sequence truncated at the end as cp1252 in end()', () => {
    const decoder = createLenientDecoder();
    expect(decoder.decode(bytes('ok ', [0xe2, 0x82]))).toBe('ok ');
    expect(decoder.end()).toBe('â‚');
    expect(decoder.end()).toBe('');
    expect(decoder.decode(utf8('again'))).toBe('again');
  });

  it('keeps a byte order mark, at the start and inside chunks', () => {
    expect(decodeInChunks(utf8('\ufeffa\ufeffb'), [4])).toBe('\ufeffa\ufeffb');
  });

  it('returns any valid UTF-8 string unchanged under any chunking (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.array(fc.nat()), (text, rawCuts) => {
        const input = utf8(text);
        const cuts = rawCuts.map((c) => c % (input.length + 1));
        return decodeInChunks(input, cuts) === text;
      }),
      { numRuns: 500 },
    );
  });

  it('never throws and loses no byte on arbitrary bytes: each ASCII byte comes back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.array(fc.nat()), (input, rawCuts) => {
        const cuts = rawCuts.map((c) => c % (input.length + 1));
        const out = decodeInChunks(input, cuts);
        // eslint-disable-next-line no-control-regex -- NUL belongs to the ASCII range kept here
        const ascii = (s: string): string => s.replace(/[^\x00-\x7f]/g, '');
        return ascii(out) === ascii(String.fromCharCode(...input)) && out === decodeInChunks(input, []);
      }),
      { numRuns: 500 },
    );
  });

  it('decodes a 20 MB chunked buffer with one stray byte per chunk quickly', () => {
    const line = utf8('719024869\t20170101\tSana‘a, Yemen\thttp://example.org/a\n');
    const big = new Uint8Array(20 * 1024 * 1024);
    for (let o = 0; o + line.length <= big.length; o += line.length) big.set(line, o);
    const decoder = createLenientDecoder();
    const started = performance.now();
    let length = 0;
    for (let o = 0; o < big.length; o += 65_536) {
      const chunk = big.slice(o, o + 65_536);
      chunk[100] = 0x91;
      length += decoder.decode(chunk).length;
    }
    length += decoder.end().length;
    expect(length).toBeGreaterThan(19_000_000);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('repairC1Controls', () => {
  it('turns C1 controls (cp1252 read as Latin-1) into the characters they stand for', () => {
    expect(repairC1Controls("San\u0091a' \u0080 \u0081")).toBe("San‘a' € \ufffd");
    expect(repairC1Controls('plain é text')).toBe('plain é text');
    expect(cp1252Char(0x91)).toBe('‘');
  });
});
