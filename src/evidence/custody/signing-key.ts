/**
 * The instance's Ed25519 custody key: a PKCS#8 PEM file `<keysDir>/custody-ed25519.pem` (0600),
 * generated on first use; its public key is kept in signing_keys forever so old entries verify.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TocsinError } from '../../core/errors.js';
import type { Queryable } from '../../db/database.js';
import { keyIdOf } from './custody-chain.js';

export const CUSTODY_KEY_FILE = 'custody-ed25519.pem';

/** What signs custody entries. */
export interface CustodySigner {
  keyId: string;
  privateKeyPem: string;
  publicKeyPem: string;
}

/** A fresh Ed25519 key pair as a signer. */
export function generateSigner(): CustodySigner {
  const { privateKey } = generateKeyPairSync('ed25519');
  return signerOf(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString());
}

/** A signer from a PKCS#8 PEM private key. */
export function signerOf(privateKeyPem: string): CustodySigner {
  const publicKeyPem = createPublicKey(createPrivateKey(privateKeyPem)).export({ format: 'pem', type: 'spki' }).toString();
  return { keyId: keyIdOf(publicKeyPem), privateKeyPem, publicKeyPem };
}

/** Reads the key file, generating it (0600) when there is none. */
export async function readOrCreateKeyFile(keysDir: string): Promise<CustodySigner> {
  const path = join(keysDir, CUSTODY_KEY_FILE);
  await mkdir(keysDir, { recursive: true, mode: 0o700 });
  try {
    await writeFile(path, generateSigner().privateKeyPem, { flag: 'wx', mode: 0o600 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
  try {
    return signerOf(await readFile(path, 'utf8'));
  } catch (e) {
    throw new TocsinError('unavailable', `${path} is not an Ed25519 private key (PKCS#8 PEM)`, { field: path }, { cause: e });
  }
}

/** Records the signer's public key in signing_keys (once); refuses a key that was retired by a rotation. */
export async function registerSigner(db: Queryable, signer: CustodySigner): Promise<void> {
  await db.query('INSERT INTO signing_keys (id, public_key) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [
    signer.keyId,
    signer.publicKeyPem,
  ]);
  const [row] = await db.query<{ retired: boolean }>('SELECT retired_at IS NOT NULL AS retired FROM signing_keys WHERE id = $1', [
    signer.keyId,
  ]);
  if (row?.retired)
    throw new TocsinError(
      'unavailable',
      `the custody key ${signer.keyId.slice(0, 16)}... in the key file was retired; restore the current key file`,
    );
}

/** The instance's signer, ready to sign: key file read or created, public key registered. */
export async function loadSigner(db: Queryable, keysDir: string): Promise<CustodySigner> {
  const signer = await readOrCreateKeyFile(keysDir);
  await registerSigner(db, signer);
  return signer;
}

/** Every public key ever used, by key id: what verifyChain needs. */
export async function readPublicKeys(db: Queryable): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; public_key: string }>('SELECT id, public_key FROM signing_keys');
  return new Map(rows.map((r) => [r.id, r.public_key]));
}
