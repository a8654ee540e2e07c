/**
 * The custody part of a bundle: custody.jsonl parsed line by line, every chain verified with the
 * bundle's public keys, and each item's chain required to start at its original and end with the
 * 'exported' entry of this disclosure. Pure.
 */
import { verifyChain, type CustodyEntry } from '../custody/custody-chain.js';
import { CUSTODY_PATH, CustodyLine, zodIssues, type BundleProblem, type Manifest } from './bundle-format.js';

function parseLines(bytes: Buffer, problems: BundleProblem[]): CustodyEntry[] {
  const entries: CustodyEntry[] = [];
  const lines = bytes.toString('utf8').split('\n');
  if (lines.at(-1) === '') lines.pop();
  lines.forEach((text, i) => {
    const where = `line ${i + 1}`;
    let raw: unknown;
    try {
      raw = JSON.parse(text) as unknown;
    } catch {
      problems.push({ part: CUSTODY_PATH, problem: `${where}: not valid JSON (altered)` });
      return;
    }
    const parsed = CustodyLine.safeParse(raw);
    if (parsed.success) entries.push(parsed.data);
    else problems.push({ part: CUSTODY_PATH, problem: `${where}: not a custody entry: ${zodIssues(parsed.error)}` });
  });
  return entries;
}

/** Parses and checks custody.jsonl against the manifest; returns the entries read. */
export function checkCustody(
  bytes: Buffer,
  manifest: Manifest,
  keys: ReadonlyMap<string, string>,
  problems: BundleProblem[],
): CustodyEntry[] {
  const entries = parseLines(bytes, problems);
  const items = new Map(manifest.items.map((i) => [i.id, i]));
  for (const e of entries)
    if (!items.has(e.itemId))
      problems.push({ part: CUSTODY_PATH, itemId: e.itemId, seq: e.seq, problem: 'entry of an item not in the manifest' });
  for (const p of verifyChain(entries, keys)) problems.push({ part: CUSTODY_PATH, ...p });
  for (const item of manifest.items) {
    const chain = entries.filter((e) => e.itemId === item.id).sort((a, b) => a.seq - b.seq);
    const first = chain[0];
    const last = chain.at(-1);
    if (!first || !last) {
      problems.push({ part: CUSTODY_PATH, itemId: item.id, problem: 'no custody entries for this item' });
      continue;
    }
    const other = chain.find((e) => e.itemSha256 !== item.sha256);
    if (other)
      problems.push({
        part: CUSTODY_PATH,
        itemId: item.id,
        seq: other.seq,
        problem: "itemSha256 differs from the manifest item's sha256",
      });
    if (last.action !== 'exported' || last.detail.disclosureId !== manifest.disclosureId)
      problems.push({
        part: CUSTODY_PATH,
        itemId: item.id,
        seq: last.seq,
        problem: `the chain does not end with the 'exported' entry of disclosure ${manifest.disclosureId}`,
      });
  }
  return entries;
}
