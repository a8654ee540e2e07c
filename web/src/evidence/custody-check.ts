import type { CustodyEntry } from './api.js';

/** prevHash of an item's first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** Why a chain fails at an entry, as a key the page translates. */
export type ChainBreak = 'seq-gap' | 'prev-hash' | 'item-hash' | 'entry-hash';

export type ChainCheck = { intact: true; entries: number } | { intact: false; seq: number; reason: ChainBreak };

/** SHA-256 of a UTF-8 string, as lower-case hex. */
export type Sha256Hex = (text: string) => Promise<string>;

/**
 * JSON with object keys sorted recursively and no whitespace: the form the server hashes
 * (canonicalJson in src/evidence/custody/custody-chain.ts; custody-check.test.ts holds them equal).
 */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => canonicalJson(x)).join(',')}]`;
  const obj = v as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/**
 * Re-checks an item's chain of custody as the API returns it (oldest first): seq runs 1..n, each
 * prevHash names the previous entry, every entry names the item's recorded SHA-256, and each
 * entryHash recomputes from the entry. Stops at the first break. Signatures are not checked here:
 * the API does not hand out the public keys (`tocsin evidence verify` checks them).
 */
export async function checkCustodyChain(
  entries: readonly CustodyEntry[],
  itemSha256: string,
  sha256Hex: Sha256Hex,
): Promise<ChainCheck> {
  let prevHash = GENESIS_HASH;
  for (const [i, e] of entries.entries()) {
    const broken = (reason: ChainBreak): ChainCheck => ({ intact: false, seq: e.seq, reason });
    if (e.seq !== i + 1) return broken('seq-gap');
    if (e.prevHash !== prevHash) return broken('prev-hash');
    if (e.itemSha256 !== itemSha256) return broken('item-hash');
    const { itemId, seq, action, actor, at, detail, keyId } = e;
    const body = { itemId, itemSha256: e.itemSha256, seq, action, actor, at, detail, prevHash: e.prevHash, keyId };
    if ((await sha256Hex(canonicalJson(body))) !== e.entryHash) return broken('entry-hash');
    prevHash = e.entryHash;
  }
  return { intact: true, entries: entries.length };
}

/** SHA-256 with the browser's Web Crypto, or null where it is missing (pages served over plain HTTP). */
export function webCryptoSha256(): Sha256Hex | null {
  const subtle = globalThis.crypto?.subtle as SubtleCrypto | undefined;
  if (subtle === undefined) return null;
  return async (text) => {
    const digest = await subtle.digest('SHA-256', new TextEncoder().encode(text));
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  };
}
