/**
 * Streaming UTF-8 decoding that reads stray bytes as Windows-1252 instead of losing them,
 * the `utf8-cp1252` encoding of `CsvDialect` (GDELT files mix clean UTF-8 with cp1252 quotes).
 *
 * Fast path: a chunk that is valid UTF-8 (apart from an incomplete character at its end, carried
 * to the next chunk) goes through the native `TextDecoder`. Only a chunk holding an invalid
 * sequence is walked byte by byte, and even then the valid runs are decoded natively.
 */

/** Windows-1252 bytes 0x80-0x9F; the five bytes cp1252 leaves undefined become U+FFFD. */
const CP1252_C1: readonly number[] = [
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
];

/** The character a single byte stands for in Windows-1252 (0x91 -> U+2018, 0xE9 -> U+00E9). */
export function cp1252Char(byte: number): string {
  return String.fromCharCode(byte >= 0x80 && byte < 0xa0 ? (CP1252_C1[byte - 0x80] ?? 0xfffd) : byte);
}

/**
 * Replaces C1 control characters (U+0080-U+009F) by the Windows-1252 characters they stand for.
 * They are valid UTF-8 but never meant as text: they appear when cp1252 was read as Latin-1 and
 * re-encoded (GDELT 1.0 has `San\u0091a'` for `San‘a'`). Kept apart from the decoder so that
 * decoding stays exact; apply it to display text, not to raw rows.
 */
export function repairC1Controls(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => cp1252Char(c.charCodeAt(0)));
}

/** Decodes a byte stream chunk by chunk; `end()` flushes a character left incomplete by the last chunk. */
export interface LenientDecoder {
  decode(chunk: Uint8Array): string;
  end(): string;
}

const EMPTY = new Uint8Array(0);

/** Creates a streaming UTF-8 decoder that reads every invalid byte as Windows-1252 (a BOM is kept). */
export function createLenientDecoder(): LenientDecoder {
  const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let pending: Uint8Array = EMPTY;

  const decodeWhole = (bytes: Uint8Array): string => {
    if (bytes.length === 0) return '';
    try {
      return strict.decode(bytes);
    } catch {
      return repair(bytes, strict);
    }
  };

  return {
    decode(chunk) {
      const bytes = pending.length === 0 ? chunk : concat(pending, chunk);
      const cut = incompleteTailStart(bytes);
      pending = bytes.slice(cut);
      return decodeWhole(cut === bytes.length ? bytes : bytes.subarray(0, cut));
    },
    end() {
      const rest = pending;
      pending = EMPTY;
      return decodeWhole(rest);
    },
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Length of the UTF-8 sequence a lead byte announces; 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Whether `byte` may follow `lead` at position `index` of a sequence (RFC 3629 table, no overlongs or surrogates). */
function isValidContinuation(lead: number, index: number, byte: number): boolean {
  if (index === 1) {
    if (lead === 0xe0) return byte >= 0xa0 && byte <= 0xbf;
    if (lead === 0xed) return byte >= 0x80 && byte <= 0x9f;
    if (lead === 0xf0) return byte >= 0x90 && byte <= 0xbf;
    if (lead === 0xf4) return byte >= 0x80 && byte <= 0x8f;
  }
  return byte >= 0x80 && byte <= 0xbf;
}

/**
 * Where a valid but unfinished sequence starts at the end of `bytes` (to carry over to the next
 * chunk), or `bytes.length` when the end is complete or plainly invalid.
 */
function incompleteTailStart(bytes: Uint8Array): number {
  const len = bytes.length;
  for (let start = len - 1; start >= 0 && start >= len - 3; start--) {
    const lead = bytes[start] ?? 0;
    if (lead >= 0x80 && lead <= 0xbf) continue;
    const need = sequenceLength(lead);
    if (need <= len - start) return len;
    for (let k = 1; k < len - start; k++) {
      if (!isValidContinuation(lead, k, bytes[start + k] ?? 0)) return len;
    }
    return start;
  }
  return len;
}

/** Length of the valid sequence starting at `i`, or 0 when the byte there starts no valid sequence. */
function validSequenceAt(bytes: Uint8Array, i: number): number {
  const lead = bytes[i] ?? 0;
  const need = sequenceLength(lead);
  if (need <= 1 || i + need > bytes.length) return need === 1 ? 1 : 0;
  for (let k = 1; k < need; k++) {
    if (!isValidContinuation(lead, k, bytes[i + k] ?? 0)) return 0;
  }
  return need;
}

/** Slow path: native decoding of the valid runs, Windows-1252 for each byte that starts no valid sequence. */
function repair(bytes: Uint8Array, strict: InstanceType<typeof TextDecoder>): string {
  const parts: string[] = [];
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const n = validSequenceAt(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (i > runStart) parts.push(strict.decode(bytes.subarray(runStart, i)));
    parts.push(cp1252Char(bytes[i] ?? 0));
    i += 1;
    runStart = i;
  }
  if (i > runStart) parts.push(strict.decode(bytes.subarray(runStart, i)));
  return parts.join('');
}
