import { TocsinError } from '../core/errors.js';
import type { Db, Queryable } from '../db/database.js';
import { getActiveDataKey, getDataKey, insertDataKey, type StoredDataKey } from './data-keys.repository.js';
import { openWith, parseEnvelope, sealWith, unwrapKey, type SealedEnvelope } from './envelope.js';
import { loadMasterKey, type MasterKey, type MasterKeySource } from './master-key.js';

/** Seals and opens confidential fields with the instance's data keys, unwrapped by its master key. */
export interface Keyring {
  /** Fingerprint of the master key (first 16 hex of its SHA-256), never the key. */
  readonly masterKeyId: string;
  readonly masterKeySource: MasterKeySource;
  /**
   * Encrypts a JSON value with the active data key, bound to its place `aad` (e.g. 'report:12:confidential').
   * Inside a transaction pass it as `q`: PGlite has one connection, so the outer `db` would wait on it forever.
   */
  seal(value: unknown, aad: string, q?: Queryable): Promise<SealedEnvelope>;
  /** Decrypts an envelope sealed for the place `aad`; a TocsinError when its key is missing or it was altered or moved. */
  open<T>(envelope: unknown, aad: string, q?: Queryable): Promise<T>;
}

/** The keyring's working parts, for rotation (this module and rotation.ts only). */
export class KeyringImpl implements Keyring {
  readonly #cache = new Map<number, Buffer>();

  constructor(
    readonly db: Db,
    readonly master: MasterKey,
  ) {}

  get masterKeyId(): string {
    return this.master.id;
  }

  get masterKeySource(): MasterKeySource {
    return this.master.source;
  }

  /** Forgets every unwrapped data key (after the master key changed). */
  forget(): void {
    this.#cache.clear();
  }

  /** The raw data key of a stored row, refused when this master key did not wrap it. */
  unwrap(row: StoredDataKey): Buffer {
    const cached = this.#cache.get(row.id);
    if (cached) return cached;
    if (row.masterKeyId !== this.master.id)
      throw new TocsinError(
        'unavailable',
        `data key ${row.id} is wrapped by master key ${row.masterKeyId}, but the master key in use is ${this.master.id}`,
        { field: 'master key' },
      );
    const key = unwrapKey(this.master.key, row.wrappedKey);
    if (!key)
      throw new TocsinError(
        'unavailable',
        `data key ${row.id} does not unwrap with master key ${this.master.id}: it was altered`,
      );
    this.#cache.set(row.id, key);
    return key;
  }

  async dataKey(q: Queryable, id: number, aad: string): Promise<Buffer> {
    const cached = this.#cache.get(id);
    if (cached) return cached;
    const row = await getDataKey(q, id);
    if (!row)
      throw new TocsinError('unavailable', `sealed field ${aad} names data key ${id}, which does not exist`, { field: aad });
    return this.unwrap(row);
  }

  /** The active data key, made on first use. */
  async activeKey(q: Queryable): Promise<{ id: number; key: Buffer }> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const row = await getActiveDataKey(q);
      if (row) return { id: row.id, key: this.unwrap(row) };
      const made = await insertDataKey(q, this.master, { active: true });
      if (made) {
        this.#cache.set(made.id, made.key);
        return made;
      }
    }
    throw new TocsinError('internal', 'no active data key could be made');
  }

  async sealIn(q: Queryable, value: unknown, aad: string): Promise<SealedEnvelope> {
    const { id, key } = await this.activeKey(q);
    return sealWith(id, key, value, aad);
  }

  async openIn<T>(q: Queryable, envelope: unknown, aad: string): Promise<T> {
    const env = parseEnvelope(envelope, aad);
    return openWith<T>(await this.dataKey(q, env.k, aad), env, aad);
  }

  seal(value: unknown, aad: string, q: Queryable = this.db): Promise<SealedEnvelope> {
    return this.sealIn(q, value, aad);
  }

  open<T>(envelope: unknown, aad: string, q: Queryable = this.db): Promise<T> {
    return this.openIn<T>(q, envelope, aad);
  }
}

/**
 * The keyring of the store `db`, with the master key from TOCSIN_MASTER_KEY, TOCSIN_MASTER_KEY_FILE or
 * `<keysDir>/master.key` (generated on first use). Refused when that key did not wrap the stored data keys.
 */
export async function openKeyring(db: Db, o: { keysDir: string; env?: NodeJS.ProcessEnv }): Promise<Keyring> {
  const wrappers = await db.query<{ masterKeyId: string }>('SELECT DISTINCT master_key_id AS "masterKeyId" FROM data_keys');
  const master = loadMasterKey({ keysDir: o.keysDir, env: o.env ?? process.env, mayGenerate: wrappers.length === 0 });
  const foreign = wrappers.find((w) => w.masterKeyId !== master.id);
  if (foreign)
    throw new TocsinError(
      'unavailable',
      `the master key ${master.id} (${describeSource(master.source)}) is not the key ${foreign.masterKeyId} that wraps the stored data keys`,
      { field: 'master key' },
    );
  return new KeyringImpl(db, master);
}

export function describeSource(s: MasterKeySource): string {
  if (s.kind === 'env') return 'TOCSIN_MASTER_KEY';
  if (s.kind === 'env-file') return `TOCSIN_MASTER_KEY_FILE ${s.path}`;
  return s.path;
}

/** The working keyring behind a `Keyring` (one made by openKeyring or rotation). */
export function keyringImpl(k: Keyring): KeyringImpl {
  if (!(k instanceof KeyringImpl)) throw new TocsinError('internal', 'not a keyring made by openKeyring');
  return k;
}
