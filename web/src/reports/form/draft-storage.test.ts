import { describe, expect, it } from 'vitest';
import { emptyDraft, newSource } from './draft.js';
import { draftStore, type DraftStorage } from './draft-storage.js';

/** An in-memory Storage: the three methods the store uses, with Storage's semantics. */
function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (k) => items.get(k) ?? null,
    setItem: (k, v) => void items.set(k, v),
    removeItem: (k) => void items.delete(k),
  };
}

describe('draftStore', () => {
  it('gives back the draft it kept, under its own key', () => {
    const storage = memoryStorage();
    const store = draftStore(storage, 'tocsin.report-draft');
    const draft = { ...emptyDraft(), description: 'Stalls burnt at dawn', sources: [{ ...newSource(), name: 'A. B.' }] };
    store.save(draft);
    expect(draftStore(storage, 'tocsin.report-draft').load()).toEqual(draft);
    expect(draftStore(storage, 'tocsin.intake-draft').load()).toBe(null);
  });

  it('forgets the draft when cleared', () => {
    const storage = memoryStorage();
    const store = draftStore(storage, 'k');
    store.save(emptyDraft());
    store.clear();
    expect(storage.items.size).toBe(0);
    expect(store.load()).toBe(null);
  });

  it('ignores what is not a draft of this form (old shape, junk) instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem('a', '{not json');
    storage.setItem('b', JSON.stringify({ ...emptyDraft(), acts: ['genocide'] }));
    storage.setItem('c', JSON.stringify({ description: 'only this' }));
    for (const key of ['a', 'b', 'c']) expect(draftStore(storage, key).load()).toBe(null);
  });

  it('keeps working when storage is off or full', () => {
    const full: DraftStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => {
        throw new Error('SecurityError');
      },
    };
    for (const storage of [full, null]) {
      const store = draftStore(storage, 'k');
      expect(() => store.save(emptyDraft())).not.toThrow();
      expect(store.load()).toBe(null);
      expect(() => store.clear()).not.toThrow();
    }
  });
});
