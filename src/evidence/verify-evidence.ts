/**
 * Checks the whole locker: every chain of custody (hash links, entry hashes, signatures) and every
 * stored original re-hashed against its recorded SHA-256. The report names each item, entry or file
 * that failed.
 */
import type { Db, Queryable } from '../db/database.js';
import { verifyChain, type ChainProblem } from './custody/custody-chain.js';
import { appendCustody, readCustodyChains } from './custody/custody.repository.js';
import { readPublicKeys } from './custody/signing-key.js';
import type { LockerActor } from './evidence.repository.js';
import type { EvidenceStore } from './store/evidence-paths.js';
import { objectPath } from './store/evidence-paths.js';
import { rehashObject } from './store/object-store.js';

/** A stored original that is missing or no longer matches its hash. */
export interface FileProblem {
  itemId: number;
  path: string;
  problem: string;
}

export interface VerificationReport {
  items: number;
  entries: number;
  chainProblems: ChainProblem[];
  fileProblems: FileProblem[];
  /** True when nothing failed. */
  holds: boolean;
}

/** Verifies every chain and every file (or only `itemIds`). */
export async function verifyEvidence(
  db: Queryable,
  store: EvidenceStore,
  itemIds?: readonly number[],
): Promise<VerificationReport> {
  const items = await (itemIds
    ? db.query<{ id: number; sha256: string; size_bytes: number }>(
        'SELECT id, sha256, size_bytes FROM evidence_items WHERE id = ANY($1::int[]) ORDER BY id',
        [itemIds],
      )
    : db.query<{ id: number; sha256: string; size_bytes: number }>(
        'SELECT id, sha256, size_bytes FROM evidence_items ORDER BY id',
      ));
  const entries = await readCustodyChains(db, itemIds);
  const chainProblems = verifyChain(entries, await readPublicKeys(db));
  const withEntries = new Set(entries.map((e) => e.itemId));
  for (const item of items) {
    if (!withEntries.has(item.id)) chainProblems.push({ itemId: item.id, seq: 0, problem: 'no custody entries' });
  }
  const fileProblems: FileProblem[] = [];
  for (const item of items) {
    const path = objectPath(store, item.sha256);
    const now = await rehashObject(store, item.sha256);
    if (!now) fileProblems.push({ itemId: item.id, path, problem: 'file missing' });
    else if (now.sha256 !== item.sha256)
      fileProblems.push({
        itemId: item.id,
        path,
        problem: `content changed: SHA-256 is now ${now.sha256} (${now.sizeBytes} bytes)`,
      });
    else if (now.sizeBytes !== Number(item.size_bytes))
      fileProblems.push({ itemId: item.id, path, problem: `size ${now.sizeBytes} differs from the recorded ${item.size_bytes}` });
  }
  return {
    items: items.length,
    entries: entries.length,
    chainProblems,
    fileProblems,
    holds: chainProblems.length === 0 && fileProblems.length === 0,
  };
}

/** Logs 'verified' on every item checked, with that item's outcome. */
export async function recordVerification(
  db: Db,
  report: VerificationReport,
  itemIds: readonly number[],
  by: LockerActor,
): Promise<void> {
  await db.transaction(async (tx) => {
    const items = await tx.query<{ id: number; sha256: string }>(
      'SELECT id, sha256 FROM evidence_items WHERE id = ANY($1::int[]) ORDER BY id',
      [itemIds],
    );
    for (const item of items) {
      const chain = report.chainProblems.filter((p) => p.itemId === item.id).length;
      const file = report.fileProblems.filter((p) => p.itemId === item.id).length;
      await appendCustody(
        tx,
        item,
        'verified',
        by.actor,
        { holds: chain + file === 0, chainProblems: chain, fileProblems: file },
        by.now(),
        by.signer,
      );
    }
  });
}

/** The report as lines a person reads: one per failure, naming the item, entry or file. */
export function describeVerification(r: VerificationReport): string[] {
  return [
    ...r.chainProblems.map((p) => `item ${p.itemId}${p.seq ? ` entry ${p.seq}` : ''}: ${p.problem}`),
    ...r.fileProblems.map((p) => `item ${p.itemId} file ${p.path}: ${p.problem}`),
    `${r.items} items, ${r.entries} custody entries: ${r.holds ? 'every chain and every file holds' : `${r.chainProblems.length + r.fileProblems.length} problems`}`,
  ];
}
