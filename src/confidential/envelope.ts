import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { TocsinError } from '../core/errors.js';

/**
 * The pure cryptography of confidential fields (no I/O): AES-256-GCM with a 96-bit random nonce,
 * the associated data binding each ciphertext to its place ('report:12:confidential').
 */

export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A sealed field as stored (JSON, base64 parts): version, data-key id, nonce, tag, ciphertext. */
export interface SealedEnvelope {
  v: 1;
  k: number;
  iv: string;
  tag: string;
  ct: string;
}

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
export const sealedEnvelopeSchema = z
  .object({ v: z.literal(1), k: z.number().int().positive(), iv: b64, tag: b64, ct: b64 })
  .strict();

/** The envelope in `value`, or a TocsinError naming what is wrong with it. */
export function parseEnvelope(value: unknown, aad: string): SealedEnvelope {
  const parsed = sealedEnvelopeSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join('.') || 'envelope';
  throw new TocsinError('invalid_format', `sealed field ${aad}: ${where} ${issue?.message ?? 'is not an envelope'}`, {
    field: aad,
  });
}

/** First 16 hex digits of the SHA-256 of a key: names a key without revealing it. */
export const keyFingerprint = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 16);

export function requireKeyLength(key: Buffer, what: string): void {
  if (key.length !== KEY_BYTES)
    throw new TocsinError('invalid_input', `${what} must be ${KEY_BYTES} bytes (base64), not ${key.length}`, { field: what });
}

/** Encrypts `plain` under `key`, bound to `aad`. */
export function encrypt(key: Buffer, plain: Buffer, aad: string): { iv: Buffer; tag: Buffer; ct: Buffer } {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ct };
}

/** Decrypts, or returns null when the key, the place (`aad`) or any byte is wrong. */
export function decrypt(key: Buffer, parts: { iv: Buffer; tag: Buffer; ct: Buffer }, aad: string): Buffer | null {
  if (parts.iv.length !== IV_BYTES || parts.tag.length !== TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(parts.tag);
    return Buffer.concat([decipher.update(parts.ct), decipher.final()]);
  } catch {
    return null;
  }
}

/** Seals a JSON value with data key `keyId`. */
export function sealWith(keyId: number, key: Buffer, value: unknown, aad: string): SealedEnvelope {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TocsinError('invalid_input', `sealed field ${aad}: the value is not JSON`, { field: aad });
  const { iv, tag, ct } = encrypt(key, Buffer.from(json, 'utf8'), aad);
  return { v: 1, k: keyId, iv: iv.toString('base64'), tag: tag.toString('base64'), ct: ct.toString('base64') };
}

/** Opens an envelope with its data key; refuses an altered envelope or one moved to another place. */
export function openWith<T>(key: Buffer, envelope: SealedEnvelope, aad: string): T {
  const plain = decrypt(
    key,
    {
      iv: Buffer.from(envelope.iv, 'base64'),
      tag: Buffer.from(envelope.tag, 'base64'),
      ct: Buffer.from(envelope.ct, 'base64'),
    },
    aad,
  );
  if (!plain)
    throw new TocsinError(
      'invalid_format',
      `sealed field ${aad} does not open with data key ${envelope.k}: it was altered, or belongs to another record`,
      { field: aad },
    );
  return JSON.parse(plain.toString('utf8')) as T;
}

const WRAP_AAD = 'tocsin:data-key';

/** A data key wrapped by the master key: base64 of iv | tag | ciphertext. */
export function wrapKey(masterKey: Buffer, dataKey: Buffer): string {
  const { iv, tag, ct } = encrypt(masterKey, dataKey, WRAP_AAD);
  return Buffer.concat([iv, tag, ct]).toString('base64');
}

/** The data key inside `wrapped`, or null when `masterKey` is not the one that wrapped it. */
export function unwrapKey(masterKey: Buffer, wrapped: string): Buffer | null {
  const raw = Buffer.from(wrapped, 'base64');
  const key = decrypt(
    masterKey,
    { iv: raw.subarray(0, IV_BYTES), tag: raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES), ct: raw.subarray(IV_BYTES + TAG_BYTES) },
    WRAP_AAD,
  );
  return key && key.length === KEY_BYTES ? key : null;
}
