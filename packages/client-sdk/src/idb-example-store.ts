import { ClientError } from './errors.ts';
import type { ExampleStore, RetentionLimits, StoredExample } from './example-store.ts';
import { complete, request } from './kv-store-idb.ts';
import type { Example } from './train/types.ts';

/**
 * Durable, encrypted example store for browsers: IndexedDB, each example sealed with AES-GCM
 * under a device key that is generated once as a non-extractable WebCrypto key and kept in the
 * same database (IndexedDB stores CryptoKeys by structured clone, without exposing their bytes;
 * script on this origin can use the key but never read it out).
 *
 * What stays in clear, for indexing and retention: the stream name, when each example was
 * recorded, how many examples each stream has, and each sealed body's length. The stream name is
 * also bound to the body as AES-GCM additional data, so moving records between streams is
 * detected.
 */

export interface ExampleRetention extends RetentionLimits {
  /** Examples older than this are deleted; `Infinity` keeps them. @default 90 days */
  maxAgeMs: number;
}

/** Retention of the encrypted stores (this one and EncryptedSqliteExampleStore) unless told otherwise. */
export const DEFAULT_EXAMPLE_RETENTION: Readonly<ExampleRetention> = Object.freeze({ maxPerStream: 10_000, maxAgeMs: 90 * 24 * 60 * 60 * 1000 });

export interface IndexedDbExampleStoreOptions {
  /** IndexedDB database name. @default 'conclave-examples' */
  name?: string;
  /** @default globalThis.indexedDB */
  indexedDB?: IDBFactory;
  /** Enforced on every write (count for the stream written, age for all streams) and on open. */
  retention?: Partial<ExampleRetention>;
  /** Clock for the pruning on open; writes use the time they are given. @default Date.now */
  now?: () => number;
}

const EXAMPLES = 'examples';
const KEYS = 'keys';
const DEVICE_KEY = 'example-key';
const BY_STREAM = 'stream';
const BY_TIME = 'recordedAt';
const IV_BYTES = 12;

interface SealedRecord {
  id?: number;
  stream: string;
  recordedAt: number;
  iv: Uint8Array;
  data: ArrayBuffer;
}

export class IndexedDbExampleStore implements ExampleStore {
  readonly #db: IDBDatabase;
  readonly #key: CryptoKey;
  readonly #subtle: SubtleCrypto;
  readonly #retention: ExampleRetention;
  #closed = false;

  private constructor(db: IDBDatabase, key: CryptoKey, subtle: SubtleCrypto, retention: ExampleRetention) {
    this.#db = db;
    this.#key = key;
    this.#subtle = subtle;
    this.#retention = retention;
    db.onversionchange = () => {
      this.#closed = true;
      db.close();
    };
  }

  /** Opens (creating on first use) the database and the device key, and prunes expired examples. */
  static async open(options: IndexedDbExampleStoreOptions = {}): Promise<IndexedDbExampleStore> {
    const retention = checkRetention(options.retention);
    const factory = options.indexedDB ?? globalThis.indexedDB;
    if (!factory) throw new ClientError('INVALID_OPTIONS', 'IndexedDB is not available here; pass options.indexedDB');
    const subtle = globalThis.crypto?.subtle;
    if (!subtle) throw new ClientError('INVALID_OPTIONS', 'WebCrypto (crypto.subtle) is not available here; it needs a secure context (https)');
    const req = factory.open(options.name ?? 'conclave-examples', 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      const examples = db.createObjectStore(EXAMPLES, { keyPath: 'id', autoIncrement: true });
      // Index entries sort by index key, then primary key: stream order is recording order.
      examples.createIndex(BY_STREAM, 'stream');
      examples.createIndex(BY_TIME, 'recordedAt');
      db.createObjectStore(KEYS);
    };
    const db = await request(req);
    try {
      const key = await deviceKey(db, subtle);
      const store = new IndexedDbExampleStore(db, key, subtle, retention);
      await store.prune((options.now ?? Date.now)());
      return store;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  async add(stream: string, example: Example, now: number): Promise<void> {
    this.#check();
    if (typeof now !== 'number' || !Number.isFinite(now)) throw new ClientError('INVALID_ARGUMENT', `now must be a finite time in ms, got ${String(now)}`);
    const e: Example = { label: example.label };
    if (example.text !== undefined) e.text = example.text;
    if (example.features !== undefined) e.features = [...example.features];
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const data = await this.#subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(stream) }, this.#key, utf8(JSON.stringify(e)));
    this.#check();
    const record: SealedRecord = { stream, recordedAt: Math.round(now), iv, data };
    // One transaction: the example and the retention it triggers commit together.
    const tx = this.#db.transaction(EXAMPLES, 'readwrite');
    const examples = tx.objectStore(EXAMPLES);
    examples.add(record);
    const counted = examples.index(BY_STREAM).count(stream);
    counted.onsuccess = () => {
      let excess = counted.result - this.#retention.maxPerStream;
      if (excess <= 0) return;
      const cursor = examples.index(BY_STREAM).openCursor(stream);
      cursor.onsuccess = () => {
        const c = cursor.result;
        if (!c || excess <= 0) return;
        c.delete();
        excess -= 1;
        c.continue();
      };
    };
    this.#deleteOlder(examples, now);
    await complete(tx);
  }

  /** The newest `limit` examples of `stream`, oldest first. */
  async list(stream: string, limit = 1_000_000): Promise<StoredExample[]> {
    this.#check();
    const sealed: SealedRecord[] = [];
    const tx = this.#db.transaction(EXAMPLES, 'readonly');
    const cursor = tx.objectStore(EXAMPLES).index(BY_STREAM).openCursor(stream, 'prev');
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c || sealed.length >= limit) return;
      sealed.push(c.value as SealedRecord);
      c.continue();
    };
    await complete(tx);
    sealed.reverse();
    return Promise.all(sealed.map(async (r) => ({ ...(await this.#open(stream, r)), id: r.id as number, recordedAt: r.recordedAt })));
  }

  async counts(): Promise<Record<string, number>> {
    this.#check();
    const counts: Record<string, number> = {};
    const tx = this.#db.transaction(EXAMPLES, 'readonly');
    const cursor = tx.objectStore(EXAMPLES).index(BY_STREAM).openKeyCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      const s = c.key as string;
      counts[s] = (counts[s] ?? 0) + 1;
      c.continue();
    };
    await complete(tx);
    return counts;
  }

  async deleteStream(stream: string): Promise<void> {
    this.#check();
    const tx = this.#db.transaction(EXAMPLES, 'readwrite');
    const cursor = tx.objectStore(EXAMPLES).index(BY_STREAM).openCursor(stream);
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      c.delete();
      c.continue();
    };
    await complete(tx);
  }

  /** Deletes examples older than the retention's maximum age; returns how many. Also done on every write. */
  async prune(now: number): Promise<number> {
    this.#check();
    const tx = this.#db.transaction(EXAMPLES, 'readwrite');
    const deleted = this.#deleteOlder(tx.objectStore(EXAMPLES), now);
    await complete(tx);
    return deleted.count;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#db.close();
  }

  #deleteOlder(examples: IDBObjectStore, now: number): { count: number } {
    const deleted = { count: 0 };
    if (this.#retention.maxAgeMs === Infinity) return deleted;
    const cursor = examples.index(BY_TIME).openCursor(IDBKeyRange.upperBound(now - this.#retention.maxAgeMs, true));
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (!c) return;
      c.delete();
      deleted.count += 1;
      c.continue();
    };
    return deleted;
  }

  async #open(stream: string, r: SealedRecord): Promise<Example> {
    let plain: ArrayBuffer;
    try {
      plain = await this.#subtle.decrypt({ name: 'AES-GCM', iv: r.iv as Uint8Array<ArrayBuffer>, additionalData: utf8(stream) }, this.#key, r.data);
    } catch {
      throw new ClientError('STORAGE_CORRUPT', `example ${r.id} of ${JSON.stringify(stream)} fails authentication: altered, moved between streams, or sealed under another key`);
    }
    const e = JSON.parse(new TextDecoder().decode(plain)) as Example;
    if (typeof e?.label !== 'number') throw new ClientError('STORAGE_CORRUPT', `example ${r.id} of ${JSON.stringify(stream)} is not an example`);
    return e;
  }

  #check(): void {
    if (this.#closed) throw new ClientError('STORAGE_CLOSED', 'the IndexedDB example store is closed');
  }
}

/**
 * The device key: read it, or create it. A new key is generated before the transaction (WebCrypto
 * promises would let an IndexedDB transaction commit early) and stored only if none is there yet,
 * so two tabs opening at once agree on the first key written.
 */
async function deviceKey(db: IDBDatabase, subtle: SubtleCrypto): Promise<CryptoKey> {
  const existing = await request(db.transaction(KEYS, 'readonly').objectStore(KEYS).get(DEVICE_KEY));
  if (existing !== undefined) return checkKey(existing);
  const fresh = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const tx = db.transaction(KEYS, 'readwrite');
  const keys = tx.objectStore(KEYS);
  let chosen: unknown = fresh;
  const got = keys.get(DEVICE_KEY);
  got.onsuccess = () => {
    if (got.result !== undefined) chosen = got.result;
    else keys.add(fresh, DEVICE_KEY);
  };
  await complete(tx);
  return checkKey(chosen);
}

function checkKey(key: unknown): CryptoKey {
  const k = key as CryptoKey | null;
  if (typeof k !== 'object' || k === null || (k.algorithm as { name?: string } | undefined)?.name !== 'AES-GCM' || k.extractable) {
    throw new ClientError('STORAGE_CORRUPT', 'the stored example key is not a non-extractable AES-GCM key');
  }
  return k;
}

/** @internal Shared with EncryptedSqliteExampleStore. */
export function checkRetention(r: Partial<ExampleRetention> | undefined): ExampleRetention {
  const maxPerStream = r?.maxPerStream ?? DEFAULT_EXAMPLE_RETENTION.maxPerStream;
  const maxAgeMs = r?.maxAgeMs ?? DEFAULT_EXAMPLE_RETENTION.maxAgeMs;
  if (!Number.isSafeInteger(maxPerStream) || maxPerStream < 1) throw new ClientError('INVALID_OPTIONS', `retention.maxPerStream must be an integer >= 1, got ${String(maxPerStream)}`);
  if (typeof maxAgeMs !== 'number' || !(maxAgeMs > 0)) throw new ClientError('INVALID_OPTIONS', `retention.maxAgeMs must be > 0 (Infinity to keep forever), got ${String(maxAgeMs)}`);
  return { maxPerStream, maxAgeMs };
}

function utf8(s: string): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(s);
}
