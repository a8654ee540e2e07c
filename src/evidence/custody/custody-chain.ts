/**
 * The chain of custody for one evidence item, as pure data: each entry is hash-chained to the
 * previous one of the same item and signed with the instance's Ed25519 key, so an item's history
 * verifies on its own (in the locker or in a disclosure bundle) with only the public keys.
 */
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';

/** Every action, in the order of the custody_log CHECK constraint. */
export const CUSTODY_ACTIONS = [
  'collected',
  'viewed',
  'copied',
  'exported',
  'transferred',
  'verified',
  'linked',
  'key-rotated',
  'duplicate-received',
] as const;
/** What was done to the item. */
export type CustodyAction = (typeof CUSTODY_ACTIONS)[number];

/** One signed link of an item's chain (a custody_log row). */
export interface CustodyEntry {
  itemId: number;
  itemSha256: string;
  seq: number;
  action: CustodyAction;
  actor: string;
  /** ISO 8601 UTC, e.g. 2024-05-01T10:00:00.000Z. */
  at: string;
  detail: Record<string, unknown>;
  prevHash: string;
  entryHash: string;
  keyId: string;
  /** Base64 Ed25519 signature over the 32 raw bytes of entryHash. */
  signature: string;
}

/** One thing wrong with a chain, naming the item and entry. */
export interface ChainProblem {
  itemId: number;
  seq: number;
  problem: string;
}

/** prevHash of every item's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted recursively and no whitespace: the form that is hashed. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') {
    const s = JSON.stringify(v);
    return s === undefined ? 'null' : s;
  }
  if (Array.isArray(v)) return `[${v.map((x) => canonicalJson(x)).join(',')}]`;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** SHA-256 hex of the canonical entry (everything but entryHash and signature). */
export function entryHashOf(e: Omit<CustodyEntry, 'entryHash' | 'signature'>): string {
  const body = {
    itemId: e.itemId,
    itemSha256: e.itemSha256,
    seq: e.seq,
    action: e.action,
    actor: e.actor,
    at: e.at,
    detail: e.detail,
    prevHash: e.prevHash,
    keyId: e.keyId,
  };
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');
}

/** Key id: SHA-256 hex of the raw 32-byte Ed25519 public key. */
export function keyIdOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ format: 'der', type: 'spki' });
  return createHash('sha256')
    .update(der.subarray(der.length - 32))
    .digest('hex');
}

function signatureHolds(entryHash: string, signature: string, publicKey: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(entryHash, 'hex'), publicKey, Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/**
 * Checks chains (entries of one or more items, in any order): per item, seq runs 1..n with no gap,
 * each prevHash is the previous entryHash, each entryHash recomputes, each key is known and each
 * signature holds. An empty array means every chain holds.
 */
export function verifyChain(entries: readonly CustodyEntry[], publicKeys: ReadonlyMap<string, string>): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const parsedKeys = new Map<string, KeyObject | null>();
  const keyFor = (keyId: string): KeyObject | null | undefined => {
    if (!parsedKeys.has(keyId)) {
      const pem = publicKeys.get(keyId);
      if (pem === undefined) return undefined;
      try {
        parsedKeys.set(keyId, createPublicKey(pem));
      } catch {
        parsedKeys.set(keyId, null);
      }
    }
    return parsedKeys.get(keyId);
  };
  const byItem = new Map<number, CustodyEntry[]>();
  for (const e of entries) {
    const chain = byItem.get(e.itemId);
    if (chain) chain.push(e);
    else byItem.set(e.itemId, [e]);
  }
  for (const [itemId, chain] of byItem) {
    chain.sort((a, b) => a.seq - b.seq);
    let prev: CustodyEntry | undefined;
    for (const e of chain) {
      const add = (problem: string): void => {
        problems.push({ itemId, seq: e.seq, problem });
      };
      const expectedSeq = prev === undefined ? 1 : prev.seq + 1;
      if (e.seq !== expectedSeq) add(`seq gap: expected ${expectedSeq}, found ${e.seq}`);
      const expectedPrev = prev === undefined ? GENESIS_HASH : prev.entryHash;
      if (e.prevHash !== expectedPrev) add('prevHash mismatch: does not match the previous entry');
      if (prev !== undefined && e.itemSha256 !== prev.itemSha256) add('itemSha256 differs from the previous entry');
      const { entryHash, signature, ...body } = e;
      if (entryHashOf(body) !== entryHash) add('entryHash mismatch: the entry was altered');
      const key = keyFor(e.keyId);
      if (key === undefined) add(`unknown key ${e.keyId}`);
      else if (key === null) add(`key ${e.keyId} is not a valid public key`);
      else if (!signatureHolds(entryHash, signature, key)) add('bad signature');
      prev = e;
    }
  }
  return problems;
}

/** Completes an entry: computes its entryHash and signs it with the private key (PEM, PKCS#8). */
export function sealEntry(body: Omit<CustodyEntry, 'entryHash' | 'signature'>, privateKeyPem: string): CustodyEntry {
  const entryHash = entryHashOf(body);
  const signature = sign(null, Buffer.from(entryHash, 'hex'), privateKeyPem).toString('base64');
  return { ...body, entryHash, signature };
}
