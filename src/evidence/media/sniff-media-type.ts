/**
 * Media type from the first bytes of a file (magic numbers), never from its name or the type a
 * collector claimed: a claimed type is kept beside it, and a disagreement is a media-type lie to report.
 */

/** How many leading bytes `sniffMediaType` looks at. */
export const SNIFF_BYTES = 8192;

const ascii = (b: Uint8Array, at: number, s: string): boolean => {
  if (b.length < at + s.length) return false;
  for (let i = 0; i < s.length; i++) if (b[at + i] !== s.charCodeAt(i)) return false;
  return true;
};

const bytes = (b: Uint8Array, at: number, xs: readonly number[]): boolean => xs.every((x, i) => b[at + i] === x);

/** Whether `b` is valid UTF-8 without control characters other than tab, newline, return, form feed; a sequence cut at the end is allowed. */
function isUtf8Text(b: Uint8Array): boolean {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) return false;
      if (c === 0x7f) return false;
      i++;
      continue;
    }
    const n = c >= 0xf0 && c <= 0xf4 ? 3 : c >= 0xe0 ? 2 : c >= 0xc2 && c < 0xe0 ? 1 : -1;
    if (n < 0 || c > 0xf4) return false;
    for (let k = 1; k <= n; k++) {
      if (i + k >= b.length) return true; // cut at the end of the sniffed window
      if ((b[i + k]! & 0xc0) !== 0x80) return false;
    }
    i += n + 1;
  }
  return true;
}

const zipKind = (head: Uint8Array): string => {
  const text = Buffer.from(head).toString('latin1');
  if (text.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (text.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (text.includes('ppt/')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  return 'application/zip';
};

function textKind(head: Uint8Array): string {
  const start = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const text = Buffer.from(head.subarray(start)).toString('utf8').trimStart();
  const lower = text.slice(0, 256).toLowerCase();
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html') || /^<(head|body|meta|title)[\s>]/.test(lower))
    return 'text/html';
  if (text.startsWith('{') || text.startsWith('[')) {
    if (head.length < SNIFF_BYTES) {
      try {
        JSON.parse(text);
        return 'application/json';
      } catch {
        return 'text/plain';
      }
    }
    return /^[{[]\s*("|\{|\[|\]|\}|-?\d|true|false|null)/.test(text) ? 'application/json' : 'text/plain';
  }
  return 'text/plain';
}

/** The media type of a file from its first bytes (at least the first SNIFF_BYTES, or the whole file when shorter). */
export function sniffMediaType(head: Uint8Array): string {
  if (ascii(head, 0, '%PDF-')) return 'application/pdf';
  if (bytes(head, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (bytes(head, 0, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return 'image/gif';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'image/webp';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return 'audio/wav';
  if (ascii(head, 4, 'ftyp')) return ascii(head, 8, 'qt  ') ? 'video/quicktime' : 'video/mp4';
  if (ascii(head, 0, 'OggS')) return 'audio/ogg';
  if (ascii(head, 0, 'ID3') || (head[0] === 0xff && head.length > 1 && (head[1]! & 0xe0) === 0xe0 && (head[1]! & 0x06) !== 0))
    return 'audio/mpeg';
  if (ascii(head, 0, 'PK\x03\x04') || ascii(head, 0, 'PK\x05\x06')) return zipKind(head);
  if (head.length > 0 && isUtf8Text(head)) return textKind(head);
  return 'application/octet-stream';
}

const ALIASES: Readonly<Record<string, string>> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'audio/x-wav': 'audio/wav',
  'audio/wave': 'audio/wav',
  'audio/vnd.wave': 'audio/wav',
  'audio/mp3': 'audio/mpeg',
  'application/x-zip-compressed': 'application/zip',
  'application/x-pdf': 'application/pdf',
  'text/json': 'application/json',
  'application/ogg': 'audio/ogg',
  'video/ogg': 'audio/ogg',
};

/** A claimed type reduced to its essence: lower case, no parameters, common aliases folded. */
export function normaliseMediaType(claimed: string): string {
  const essence = claimed.split(';')[0]!.trim().toLowerCase();
  return ALIASES[essence] ?? essence;
}

const TEXT_FAMILY = new Set(['text/plain', 'text/html', 'application/json']);
const OFFICE_PREFIX = 'application/vnd.openxmlformats-officedocument.';

/**
 * Whether a claimed type agrees with the detected one. Tolerated: no claim or
 * application/octet-stream (no claim made), any text/* claim for a text file, zip for an office
 * file and the reverse (an office file's parts may lie beyond the sniffed bytes).
 */
export function claimAgrees(claimed: string | null, detected: string): boolean {
  if (claimed === null) return true;
  const c = normaliseMediaType(claimed);
  if (c === '' || c === 'application/octet-stream' || c === detected) return true;
  if (TEXT_FAMILY.has(detected) && c.startsWith('text/')) return true;
  const zipish = (t: string) => t === 'application/zip' || t.startsWith(OFFICE_PREFIX);
  if (zipish(c) && zipish(detected)) return c === 'application/zip' || detected === 'application/zip';
  if (c === 'video/mp4' && detected === 'video/quicktime') return true;
  if (c === 'video/quicktime' && detected === 'video/mp4') return true;
  return false;
}
