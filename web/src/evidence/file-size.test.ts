import { describe, expect, it } from 'vitest';
import { formatFileSize } from './file-size.js';

describe('formatFileSize', () => {
  it('steps up by thousands and keeps one decimal under 100', () => {
    expect(formatFileSize(1, 'en')).toBe('1 byte');
    expect(formatFileSize(999, 'en')).toBe('999 bytes');
    expect(formatFileSize(1_400_000, 'en')).toBe('1.4 MB');
    expect(formatFileSize(250_000_000, 'en')).toBe('250 MB');
    expect(formatFileSize(2_147_483_648, 'en')).toBe('2.1 GB');
  });

  it('writes the number and unit the local way', () => {
    expect(formatFileSize(1_400_000, 'fr')).toMatch(/^1,4\s?Mo$/);
  });
});
