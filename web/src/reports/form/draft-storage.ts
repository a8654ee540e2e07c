import * as z from 'zod/mini';
import { ACTS, INVOLVEMENTS, RELIABILITIES, SOURCE_KINDS, VICTIM_KINDS } from '../vocabulary.js';
import type { ReportDraft } from './draft.js';

const identity = { name: z.string(), contact: z.string(), notes: z.string() };

const draftSchema = z.object({
  dateStart: z.string(),
  dateEnd: z.string(),
  country: z.string(),
  admin1: z.string(),
  admin2: z.string(),
  location: z.string(),
  latitude: z.string(),
  longitude: z.string(),
  acts: z.array(z.enum(ACTS)),
  description: z.string(),
  fatalities: z.string(),
  groups: z.array(z.number()),
  victims: z.array(
    z.object({
      kind: z.enum(VICTIM_KINDS),
      count: z.string(),
      civilian: z.boolean(),
      groupId: z.string(),
      description: z.string(),
    }),
  ),
  perpetrators: z.array(
    z.object({ actor: z.string(), state: z.boolean(), involvement: z.enum(INVOLVEMENTS), description: z.string() }),
  ),
  sources: z.array(
    z.object({ ...identity, kind: z.enum(SOURCE_KINDS), reliability: z.enum(RELIABILITIES), credibility: z.string() }),
  ),
  namedVictims: z.array(z.object(identity)),
  witnesses: z.array(z.object(identity)),
  confidentialNotes: z.string(),
});

/** Where a draft is kept: sessionStorage in the browser (tests pass their own). */
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface DraftStore {
  load(): ReportDraft | null;
  save(draft: ReportDraft): void;
  clear(): void;
}

/**
 * Keeps the draft of one form under `key` so that a reload or a dropped connection loses nothing.
 * The draft may hold names, so it lives in the tab's sessionStorage only (gone when the tab is
 * closed) and is cleared once the report is sent. A full or disabled storage only loses the backup.
 */
export function draftStore(storage: DraftStorage | null, key: string): DraftStore {
  return {
    load() {
      try {
        const text = storage?.getItem(key);
        if (text == null) return null;
        const parsed = draftSchema.safeParse(JSON.parse(text));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    save(draft) {
      try {
        storage?.setItem(key, JSON.stringify(draft));
      } catch {
        // Quota or policy: the form still works, only the backup is lost.
      }
    },
    clear() {
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing stored, nothing to clear.
      }
    },
  };
}

/** The tab's sessionStorage, or null where it is switched off. */
export function sessionStorageOrNull(): DraftStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
