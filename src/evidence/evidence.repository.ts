/**
 * The evidence locker's records: taking in an upload (store the original, record the item, open its
 * chain of custody), reading items back, and logging what is done to them.
 */
import { TocsinError } from '../core/errors.js';
import type { Db, Queryable } from '../db/database.js';
import { isUniqueViolation } from '../db/unique-violation.js';
import { appendCustody } from './custody/custody.repository.js';
import type { CustodySigner } from './custody/signing-key.js';
import type { EvidenceItem, EvidenceLink, EvidenceIntake, IntakeResult } from './evidence-item.js';
import { claimAgrees, normaliseMediaType, sniffMediaType } from './media/sniff-media-type.js';
import type { EvidenceStore } from './store/evidence-paths.js';
import { discardUpload, forgetObject, keepUpload, receiveUpload } from './store/object-store.js';
import { sanitiseOriginalName } from './store/original-name.js';

/** Who does something to the locker, and with which key it is signed. */
export interface LockerActor {
  userId: number | null;
  /** Username recorded in custody entries, or 'system'. */
  actor: string;
  signer: CustodySigner;
  now: () => Date;
}

const utc = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const ITEM_SELECT = `SELECT e.id, e.sha256, e.size_bytes AS "sizeBytes", e.media_type AS "mediaType", e.claimed_type AS "claimedType",
  e.original_name AS "originalName", e.kind, e.source_url AS "sourceUrl", e.capture_tool AS "captureTool",
  ${utc('e.captured_at')} AS "capturedAt", ${utc('e.received_at')} AS "receivedAt", u.username AS collector,
  e.screenshot_sha256 AS "screenshotSha256", e.notes, e.metadata,
  COALESCE((SELECT json_agg(json_build_object('kind', l.kind, 'targetId', l.target_id) ORDER BY l.kind, l.target_id)
            FROM evidence_links l WHERE l.item_id = e.id), '[]'::json) AS links
  FROM evidence_items e LEFT JOIN users u ON u.id = e.collector_id`;

/** One item, or not_found. */
export async function getEvidenceItem(db: Queryable, id: number): Promise<EvidenceItem> {
  const [item] = await db.query<EvidenceItem>(`${ITEM_SELECT} WHERE e.id = $1`, [id]);
  if (!item) throw new TocsinError('not_found', `no evidence item ${id}`);
  return item;
}

/** Items, newest first. */
export async function listEvidenceItems(db: Queryable, o: { limit: number; kind?: string | undefined }): Promise<EvidenceItem[]> {
  return o.kind
    ? db.query<EvidenceItem>(`${ITEM_SELECT} WHERE e.kind = $2 ORDER BY e.id DESC LIMIT $1`, [o.limit, o.kind])
    : db.query<EvidenceItem>(`${ITEM_SELECT} ORDER BY e.id DESC LIMIT $1`, [o.limit]);
}

async function findBySha(db: Queryable, sha256: string): Promise<EvidenceItem | null> {
  const [item] = await db.query<EvidenceItem>(`${ITEM_SELECT} WHERE e.sha256 = $1`, [sha256]);
  return item ?? null;
}

/** Links an item to reports, events, assessments or warnings, logging 'linked' for each new link. */
export async function linkEvidence(
  tx: Queryable,
  item: EvidenceItem,
  links: readonly EvidenceLink[],
  by: LockerActor,
): Promise<void> {
  for (const l of links) {
    const added = await tx.query(
      'INSERT INTO evidence_links (item_id, kind, target_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING item_id',
      [item.id, l.kind, l.targetId],
    );
    if (added.length)
      await appendCustody(tx, item, 'linked', by.actor, { kind: l.kind, targetId: l.targetId }, by.now(), by.signer);
  }
}

/**
 * Takes in one upload: streams it into the store (size-limited, hashed), detects its media type,
 * and either records a new item with a 'collected' entry or, when the bytes are already held,
 * logs 'duplicate-received' on the existing item. A failure at any step leaves no object and no row.
 */
export async function takeInEvidence(
  db: Db,
  store: EvidenceStore,
  source: AsyncIterable<Uint8Array>,
  intake: EvidenceIntake,
  by: LockerActor,
): Promise<IntakeResult> {
  const originalName = sanitiseOriginalName(intake.originalName, 'name');
  const upload = await receiveUpload(store, source);
  const mediaType = sniffMediaType(upload.head);
  const claimedType = intake.claimedType ? normaliseMediaType(intake.claimedType) : null;
  const mediaTypeMismatch = claimAgrees(claimedType, mediaType) ? null : { claimed: claimedType!, detected: mediaType };
  const received = { originalName, claimedType, mediaTypeMismatch, sizeBytes: upload.sizeBytes };
  let keptNew = false;
  const takeIn = () =>
    db.transaction(async (tx) => {
      const existing = await findBySha(tx, upload.sha256);
      if (existing) {
        await discardUpload(upload);
        await appendCustody(tx, existing, 'duplicate-received', by.actor, received, by.now(), by.signer);
        await linkEvidence(tx, existing, intake.links, by);
        return { item: await getEvidenceItem(tx, existing.id), duplicate: true, mediaTypeMismatch };
      }
      if (intake.screenshotSha256 && !(await findBySha(tx, intake.screenshotSha256)))
        throw new TocsinError(
          'invalid_input',
          `screenshot: no evidence item holds ${intake.screenshotSha256}; upload the screenshot first`,
          {
            field: 'screenshotSha256',
          },
        );
      const metadata = { ...intake.context, ...(mediaTypeMismatch ? { mediaTypeMismatch } : {}) };
      const now = by.now();
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO evidence_items (sha256, size_bytes, media_type, claimed_type, original_name, kind, source_url, capture_tool,
           captured_at, received_at, collector_id, screenshot_sha256, notes, metadata)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
        [
          upload.sha256,
          upload.sizeBytes,
          mediaType,
          claimedType,
          originalName,
          intake.kind,
          intake.sourceUrl,
          intake.captureTool,
          intake.capturedAt,
          now.toISOString(),
          by.userId,
          intake.screenshotSha256,
          intake.notes,
          JSON.stringify(metadata),
        ],
      );
      keptNew = await keepUpload(store, upload);
      const item = { id: row!.id, sha256: upload.sha256 };
      await appendCustody(
        tx,
        item,
        'collected',
        by.actor,
        { originalName, mediaType, sizeBytes: upload.sizeBytes },
        now,
        by.signer,
      );
      const full = await getEvidenceItem(tx, item.id);
      await linkEvidence(tx, full, intake.links, by);
      return { item: await getEvidenceItem(tx, item.id), duplicate: false, mediaTypeMismatch };
    });
  try {
    try {
      return await takeIn();
    } catch (e) {
      // The same bytes arrived twice at once: the other upload committed the item first. Taken in
      // again, this one finds it and is recorded on its chain as a duplicate, as if it had come later.
      if (keptNew || !isUniqueViolation(e, 'evidence_items_sha256_key')) throw e;
      return await takeIn();
    }
  } catch (e) {
    await discardUpload(upload);
    if (keptNew) await forgetObject(store, upload.sha256);
    throw e;
  }
}

/** Logs an action on an item in its own transaction (a view, a copy, an export). */
export async function logCustody(
  db: Db,
  itemId: number,
  action: 'viewed' | 'copied' | 'exported' | 'transferred',
  detail: Record<string, unknown>,
  by: LockerActor,
): Promise<EvidenceItem> {
  return db.transaction(async (tx) => {
    const item = await getEvidenceItem(tx, itemId);
    await appendCustody(tx, item, action, by.actor, detail, by.now(), by.signer);
    return item;
  });
}
