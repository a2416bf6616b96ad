import { ClientError } from './errors.ts';
import { checkKey, checkValue, type KeyValueStore } from './kv-store.ts';

const OBJECT_STORE = 'kv';

export interface IndexedDbKeyValueStoreOptions {
  /** IndexedDB database name. @default 'conclave-state' */
  name?: string;
  /** @default globalThis.indexedDB */
  indexedDB?: IDBFactory;
}

/** Browsers: small SDK state (consent, ledger, privacy account) in an IndexedDB database of its own. */
export class IndexedDbKeyValueStore implements KeyValueStore {
  readonly #db: IDBDatabase;
  #closed = false;

  private constructor(db: IDBDatabase) {
    this.#db = db;
    // Another tab upgrading the schema must not be blocked by this connection.
    db.onversionchange = () => {
      this.#closed = true;
      db.close();
    };
  }

  static async open(options: IndexedDbKeyValueStoreOptions = {}): Promise<IndexedDbKeyValueStore> {
    const factory = options.indexedDB ?? globalThis.indexedDB;
    if (!factory) throw new ClientError('INVALID_OPTIONS', 'IndexedDB is not available here; pass options.indexedDB');
    const req = factory.open(options.name ?? 'conclave-state', 1);
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(OBJECT_STORE)) req.result.createObjectStore(OBJECT_STORE);
    };
    return new IndexedDbKeyValueStore(await request(req));
  }

  async get(key: string): Promise<string | undefined> {
    this.#check(key);
    const value = await request(this.#db.transaction(OBJECT_STORE, 'readonly').objectStore(OBJECT_STORE).get(key));
    if (value !== undefined && typeof value !== 'string') throw new ClientError('STORAGE_CORRUPT', `IndexedDB value of ${JSON.stringify(key)} is not a string`);
    return value as string | undefined;
  }

  async set(key: string, value: string): Promise<void> {
    this.#check(key);
    checkValue(key, value);
    const tx = this.#db.transaction(OBJECT_STORE, 'readwrite');
    tx.objectStore(OBJECT_STORE).put(value, key);
    await complete(tx);
  }

  async delete(key: string): Promise<void> {
    this.#check(key);
    const tx = this.#db.transaction(OBJECT_STORE, 'readwrite');
    tx.objectStore(OBJECT_STORE).delete(key);
    await complete(tx);
  }

  async close(): Promise<void> {
    // IndexedDB finishes transactions already started before the connection closes.
    this.#closed = true;
    this.#db.close();
  }

  #check(key: string): void {
    if (this.#closed) throw new ClientError('STORAGE_CLOSED', 'the IndexedDB key-value store is closed');
    checkKey(key);
  }
}

/** @internal */
export function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** @internal Resolves when the transaction commits; rejects when it aborts. */
export function complete(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}
