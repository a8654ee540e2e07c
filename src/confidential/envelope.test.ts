import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyFingerprint, openWith, parseEnvelope, sealWith, unwrapKey, wrapKey } from './envelope.js';

const key = randomBytes(32);

describe('envelopes', () => {
  it('seals a JSON value as base64 parts naming its data key, and opens it at the same place', () => {
    const env = sealWith(7, key, { name: 'Amina K.', phone: '+236 70 00 00 00' }, 'report:12:confidential');
    expect(env).toMatchObject({ v: 1, k: 7 });
    expect(JSON.stringify(env)).not.toContain('Amina');
    expect(openWith(key, parseEnvelope(JSON.parse(JSON.stringify(env)), 'x'), 'report:12:confidential')).toEqual({
      name: 'Amina K.',
      phone: '+236 70 00 00 00',
    });
  });

  it('refuses an envelope moved to another record, altered, or opened with another key', () => {
    const env = sealWith(1, key, 'secret', 'report:12:confidential');
    expect(() => openWith(key, env, 'report:13:confidential')).toThrow(/altered, or belongs to another record/);
    const flipped = Buffer.from(env.ct, 'base64');
    flipped[0]! ^= 1;
    expect(() => openWith(key, { ...env, ct: flipped.toString('base64') }, 'report:12:confidential')).toThrow(/altered/);
    expect(() => openWith(randomBytes(32), env, 'report:12:confidential')).toThrow(/does not open with data key 1/);
  });

  it('names what is wrong with something that is not an envelope', () => {
    expect(() => parseEnvelope({ v: 2, k: 1, iv: '', tag: '', ct: '' }, 'report:1:confidential')).toThrow(
      /sealed field report:1:confidential: v /,
    );
    expect(() => parseEnvelope('Amina', 'report:1:confidential')).toThrow(/report:1:confidential/);
    expect(() => parseEnvelope({ v: 1, k: 1, iv: 'a', tag: 'b', ct: 'c', name: 'x' }, 'f')).toThrow(/f/);
  });

  it('wraps a data key so that only its master key unwraps it, and fingerprints keys by SHA-256', () => {
    const master = randomBytes(32);
    const wrapped = wrapKey(master, key);
    expect(unwrapKey(master, wrapped)).toEqual(key);
    expect(unwrapKey(randomBytes(32), wrapped)).toBeNull();
    expect(keyFingerprint(Buffer.alloc(32))).toBe('66687aadf862bd77');
  });
});
