import { acledFormat } from './acled/acled-format.js';
import { gdeltFormat } from './gdelt/gdelt-format.js';
import type { SourceFormat } from './source-format.js';
import { ucdpFormat } from './ucdp/ucdp-format.js';

/** The file formats `tocsin import <format> FILE` reads, by the name users type. */
export const FORMATS = {
  ucdp: ucdpFormat,
  acled: acledFormat,
  gdelt: gdeltFormat,
} as const satisfies Record<string, SourceFormat<unknown>>;

export type FormatName = keyof typeof FORMATS;
export const isFormatName = (s: string): s is FormatName => Object.hasOwn(FORMATS, s);
