import { describe, expect, it } from 'vitest';
import { canonicalJson, entryHashOf, GENESIS_HASH, sealEntry, verifyChain, type CustodyEntry } from './custody-chain.js';
import { generateSigner } from './signing-key.js';

const signer = generateSigner();
const keys = new Map([[signer.keyId, signer.publicKeyPem]]);

function chainOf(n: number): CustodyEntry[] {
  const out: CustodyEntry[] = [];
  for (let seq = 1; seq <= n; seq++) {
    out.push(
      sealEntry(
        {
          itemId: 7,
          itemSha256: 'a'.repeat(64),
          seq,
          action: seq === 1 ? 'collected' : 'viewed',
          actor: 'ines',
          at: `2024-05-0${seq}T10:00:00.000Z`,
          detail: { n: seq },
          prevHash: out.at(-1)?.entryHash ?? GENESIS_HASH,
          keyId: signer.keyId,
        },
        signer.privateKeyPem,
      ),
    );
  }
  return out;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: 'é' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":"é","z":0}]},"b":1}',
    );
  });
});

describe('verifyChain', () => {
  it('accepts an intact chain, in any order', () => {
    expect(verifyChain(chainOf(3).reverse(), keys)).toEqual([]);
  });

  it('names the entry whose content was changed after signing', () => {
    const c = chainOf(3);
    c[1] = { ...c[1]!, actor: 'mallory' };
    expect(verifyChain(c, keys)).toEqual([{ itemId: 7, seq: 2, problem: 'entryHash mismatch: the entry was altered' }]);
  });

  it('catches a removed entry (seq gap and broken link)', () => {
    const c = chainOf(3);
    c.splice(1, 1);
    expect(verifyChain(c, keys).map((p) => [p.seq, p.problem.split(':')[0]])).toEqual([
      [3, 'seq gap'],
      [3, 'prevHash mismatch'],
    ]);
  });

  it('catches a re-hashed entry whose signature no longer fits, and an unknown key', () => {
    const c = chainOf(2);
    const forged = { ...c[1]!, actor: 'mallory' };
    forged.entryHash = entryHashOf(forged);
    expect(verifyChain([c[0]!, forged], keys)).toEqual([{ itemId: 7, seq: 2, problem: 'bad signature' }]);
    expect(verifyChain(c, new Map())[0]?.problem).toMatch(/^unknown key/);
  });

  it('catches a signature by another key', () => {
    const other = generateSigner();
    const c = chainOf(1);
    const { entryHash: _h, signature: _s, ...body } = c[0]!;
    const resigned = sealEntry(body, other.privateKeyPem);
    expect(verifyChain([resigned], keys)).toEqual([{ itemId: 7, seq: 1, problem: 'bad signature' }]);
  });
});
