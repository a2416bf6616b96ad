import { ClientError } from './errors.ts';

/**
 * Small durable state the SDK keeps on the device: consent decisions, the transparency ledger,
 * the personal privacy account. Values are strings (callers store JSON). Implementations: in
 * memory (here), a JSON file for Node hosts (kv-store-file.ts) and IndexedDB for browsers
 * (kv-store-idb.ts).
 *
 * Each implementation orders its own writes: after `await set(k, v)` resolves, a `get(k)` sees
 * `v`, also after a restart (for the durable ones). Read-modify-write sequences are the caller's
 * to serialise.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Waits for pending writes, then releases the store; later calls fail with `STORAGE_CLOSED`. */
  close(): Promise<void>;
}

/** A store that forgets everything when the process ends: for tests and ephemeral hosts. */
export class MemoryKeyValueStore implements KeyValueStore {
  readonly #data = new Map<string, string>();
  #closed = false;

  async get(key: string): Promise<string | undefined> {
    this.#check(key);
    return this.#data.get(key);
  }

  async set(key: string, value: string): Promise<void> {
    this.#check(key);
    checkValue(key, value);
    this.#data.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.#check(key);
    this.#data.delete(key);
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  #check(key: string): void {
    if (this.#closed) throw new ClientError('STORAGE_CLOSED', 'the key-value store is closed');
    checkKey(key);
  }
}

/** Keys are non-empty strings of at most this many characters. */
export const MAX_KEY_LENGTH = 256;

/** @internal Shared by the implementations. */
export function checkKey(key: unknown): asserts key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > MAX_KEY_LENGTH) {
    throw new ClientError('INVALID_ARGUMENT', `key must be a string of 1 to ${MAX_KEY_LENGTH} characters, got ${describe(key)}`);
  }
}

/** @internal Shared by the implementations. */
export function checkValue(key: string, value: unknown): asserts value is string {
  if (typeof value !== 'string') {
    throw new ClientError('INVALID_ARGUMENT', `value for ${JSON.stringify(key)} must be a string, got ${describe(value)}`);
  }
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  return value === null ? 'null' : typeof value;
}
