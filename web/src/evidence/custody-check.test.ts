import { createHash, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  canonicalJson as serverCanonicalJson,
  GENESIS_HASH as SERVER_GENESIS,
  sealEntry,
  type CustodyAction,
  type CustodyEntry,
} from '../../../src/evidence/custody/custody-chain.js';
import { canonicalJson, checkCustodyChain, GENESIS_HASH, webCryptoSha256, type Sha256Hex } from './custody-check.js';

const nodeSha256: Sha256Hex = (text) => Promise.resolve(createHash('sha256').update(text, 'utf8').digest('hex'));
const ITEM_SHA = 'ab'.repeat(32);
const { privateKey } = generateKeyPairSync('ed25519');
const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

/** A real chain, sealed by the server's own code. */
function chain(actions: CustodyAction[]): CustodyEntry[] {
  const out: CustodyEntry[] = [];
  for (const [i, action] of actions.entries()) {
    out.push(
      sealEntry(
        {
          itemId: 4,
          itemSha256: ITEM_SHA,
          seq: i + 1,
          action,
          actor: 'ines',
          at: `2026-05-0${i + 1}T10:00:00.000Z`,
          detail: { via: 'api', nested: { z: 1, a: [true, null, 'é'] } },
          prevHash: out.at(-1)?.entryHash ?? SERVER_GENESIS,
          keyId: 'k'.repeat(64),
        },
        pem,
      ),
    );
  }
  return out;
}

describe('checkCustodyChain', () => {
  const good = chain(['collected', 'viewed', 'exported']);

  it('finds a chain sealed by the server intact', async () => {
    expect(GENESIS_HASH).toBe(SERVER_GENESIS);
    expect(await checkCustodyChain(good, ITEM_SHA, nodeSha256)).toEqual({ intact: true, entries: 3 });
  });

  it('names the entry whose content was altered', async () => {
    const altered = good.map((e) => (e.seq === 2 ? { ...e, actor: 'mallory' } : e));
    expect(await checkCustodyChain(altered, ITEM_SHA, nodeSha256)).toEqual({ intact: false, seq: 2, reason: 'entry-hash' });
  });

  it('names a removed entry as a gap, and a broken link', async () => {
    expect(await checkCustodyChain([good[0]!, good[2]!], ITEM_SHA, nodeSha256)).toEqual({
      intact: false,
      seq: 3,
      reason: 'seq-gap',
    });
    const relinked = good.map((e) => (e.seq === 3 ? { ...e, prevHash: GENESIS_HASH } : e));
    expect(await checkCustodyChain(relinked, ITEM_SHA, nodeSha256)).toMatchObject({ seq: 3, reason: 'prev-hash' });
  });

  it('refuses a chain that names other bytes than the item record', async () => {
    expect(await checkCustodyChain(good, 'cd'.repeat(32), nodeSha256)).toEqual({ intact: false, seq: 1, reason: 'item-hash' });
  });

  it('hashes the same canonical JSON as the server, and Web Crypto agrees with Node', async () => {
    const v = { b: [1, { y: 'x', a: null }], a: 'ü\u2028', c: undefined, d: 1.5 };
    expect(canonicalJson(v)).toBe(serverCanonicalJson(v));
    const webSha = webCryptoSha256();
    expect(webSha).not.toBeNull();
    expect(await webSha!('tocsin ✓')).toBe(await nodeSha256('tocsin ✓'));
  });
});
