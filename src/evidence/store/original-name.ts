/**
 * A display name for an original, safe to show and to write as a working copy's file name: the
 * base name only (no directories, no '..'), no control or bidirectional-override characters.
 */
import { TocsinError } from '../../core/errors.js';

const MAX_NAME = 200;
// C0/C1 controls, and bidi overrides that can disguise an extension (e.g. "gpj.exe").
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Sanitises a collector-supplied file name. Directories are dropped (the last path segment is
 * kept), unsafe characters removed, '..' sequences collapsed; refuses a name with nothing left.
 */
export function sanitiseOriginalName(raw: string, field = 'name'): string {
  const lastSegment = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = lastSegment
    .replace(UNSAFE, '')
    .replace(/\.{2,}/g, '.')
    .trim();
  name = name.replace(/^\.+/, '');
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME - ext.length) + ext;
  }
  if (name === '')
    throw new TocsinError('invalid_input', `${field}: "${raw.slice(0, 80)}" leaves no usable file name once made safe`, {
      field,
    });
  return name;
}
