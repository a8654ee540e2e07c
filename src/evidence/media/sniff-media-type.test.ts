import { describe, expect, it } from 'vitest';
import { claimAgrees, sniffMediaType } from './sniff-media-type.js';

const b = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffMediaType', () => {
  it.each([
    [b('%PDF-1.4\n'), 'application/pdf'],
    [b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
    [b([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    [b('GIF89a'), 'image/gif'],
    [b('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    [b('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
    [b([0, 0, 0, 0x18], 'ftypmp42'), 'video/mp4'],
    [b([0, 0, 0, 0x14], 'ftypqt  '), 'video/quicktime'],
    [b('ID3', [4, 0]), 'audio/mpeg'],
    [b([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
    [b('OggS', [0]), 'audio/ogg'],
    [
      b('PK', [3, 4], 'xxxx[Content_Types].xml....word/document.xml'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [b('PK', [3, 4], 'xxxx xl/workbook.xml'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    [b('PK', [3, 4], 'notes.txt'), 'application/zip'],
    [b('  <!DOCTYPE html><html>'), 'text/html'],
    [b('{"a": [1, 2]}'), 'application/json'],
    [b('{not json'), 'text/plain'],
    [Buffer.from('Témoignage du 3 mai\n', 'utf8'), 'text/plain'],
    [b([0, 1, 2, 3, 0xfe]), 'application/octet-stream'],
    [b(''), 'application/octet-stream'],
  ])('detects %#', (head, type) => {
    expect(sniffMediaType(head)).toBe(type);
  });

  it('does not take a text file cut inside a multi-byte character for binary', () => {
    expect(sniffMediaType(Buffer.from('é', 'utf8').subarray(0, 1))).toBe('text/plain');
  });
});

describe('claimAgrees', () => {
  it('tolerates no claim, aliases and parameters; flags a different type', () => {
    expect(claimAgrees(null, 'image/png')).toBe(true);
    expect(claimAgrees('application/octet-stream', 'image/png')).toBe(true);
    expect(claimAgrees('IMAGE/JPG', 'image/jpeg')).toBe(true);
    expect(claimAgrees('text/plain; charset=utf-8', 'application/json')).toBe(true);
    expect(claimAgrees('application/zip', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(true);
    expect(claimAgrees('image/jpeg', 'application/pdf')).toBe(false);
    expect(claimAgrees('application/json', 'text/plain')).toBe(false);
    expect(claimAgrees('application/pdf', 'application/zip')).toBe(false);
  });
});
