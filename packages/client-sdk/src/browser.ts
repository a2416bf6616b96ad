/**
 * @packageDocumentation
 * The Conclave client SDK for browsers: the isomorphic API of the package, plus
 * {@link createBrowserClient}, which gives a client durable, per-origin state in IndexedDB (the
 * device identity, the examples — encrypted with a non-extractable WebCrypto key —, the consent
 * decisions, the ledger and the privacy account) and trains in a Web Worker with TensorFlow.js
 * (WebAssembly, else WebGL, else plain JavaScript).
 *
 * Built by `pnpm --filter @conclave/client-sdk build:browser` into `dist/browser/`: the ESM bundle
 * `conclave-sdk.js`, the worker `web-worker-entry.js` and the TensorFlow.js `.wasm` files, to be
 * served from one directory. Node-only modules (SQLite stores, worker threads, files, `ws`) are not
 * part of it.
 *
 * @example
 * ```ts
 * import { createBrowserClient } from './conclave/conclave-sdk.js';
 * const client = await createBrowserClient({ url: 'wss://conclave.example.com/v1/devices', enrollmentToken, streams: ['search-queries'] });
 * await client.consent.grant('search-queries'); // the employee's choice, from your privacy panel
 * await client.record('search-queries', { text: query, label: clicked ? 1 : 0 }); // scrubbed of PII on the device
 * await client.start();
 * ```
 */
import type { ConclaveClient } from './client-api.ts';
import type { ClientOptions } from './client-options.ts';
import { composeClient, type ClientPlatform } from './client.ts';
import type { SocketCtor } from './connection.ts';
import { ClientError } from './errors.ts';
import type { ExampleStore } from './example-store.ts';
import { IndexedDbExampleStore, type IndexedDbExampleStoreOptions } from './idb-example-store.ts';
import { createIdentity, type DeviceIdentity } from './identity.ts';
import { IndexedDbKeyValueStore } from './kv-store-idb.ts';
import { loadPiiLexicon } from './pii/index.ts';
import type { KeyValueStore } from './kv-store.ts';
import { createWebWorkerTrainer, type WebWorkerTrainerOptions } from './train/web-worker-trainer.ts';
import type { Trainer } from './train/types.ts';

export * from './core.ts';
export { createWebWorkerTrainer } from './train/web-worker-trainer.ts';
export type { WebWorkerTrainerOptions, BrowserBackendName } from './train/web-worker-trainer.ts';

/** Browsers: the page's WebSocket, and a Web Worker trainer (one worker; `limits.cpuThreads` does not apply). */
const browserPlatform: ClientPlatform = {
  WebSocket: () => (globalThis as { WebSocket?: SocketCtor }).WebSocket,
  createTrainer: () => createWebWorkerTrainer(),
};

/**
 * Creates a client with in-memory state (pass `store`, `kv` and `identity` for durable state, or
 * use {@link createBrowserClient}). Nothing connects until `start()`. Throws `INVALID_OPTIONS`
 * naming every bad option.
 */
export function createClient(options: ClientOptions): ConclaveClient {
  // The PII lexicon is a chunk of its own: fetched now, so that the first record() need not wait
  // for it (record() awaits it, and retries if this load fails).
  loadPiiLexicon().catch(() => undefined);
  return composeClient(options, browserPlatform);
}

export interface BrowserClientOptions extends Omit<ClientOptions, 'store' | 'trainer' | 'kv' | 'identity'> {
  /**
   * Prefix of the IndexedDB databases this client opens: `<prefix>-identity`, `<prefix>-examples`
   * and `<prefix>-state`. Two tools on one origin that must not share state use two prefixes.
   * @default 'conclave'
   */
  databasePrefix?: string;
  /** @default the identity saved in `<prefix>-identity`, created and saved on first use */
  identity?: DeviceIdentity;
  /** @default an IndexedDbExampleStore (AES-GCM, non-extractable key) in `<prefix>-examples` */
  store?: ExampleStore;
  /** Retention of the default example store. @default DEFAULT_EXAMPLE_RETENTION (10 000 per stream, 90 days) */
  retention?: IndexedDbExampleStoreOptions['retention'];
  /** @default an IndexedDbKeyValueStore in `<prefix>-state` */
  kv?: KeyValueStore;
  /** @default a Web Worker trainer (createWebWorkerTrainer) with `trainerOptions` */
  trainer?: Trainer;
  trainerOptions?: WebWorkerTrainerOptions;
  /** @default globalThis.indexedDB */
  indexedDB?: IDBFactory;
}

export interface BrowserClient extends ConclaveClient {
  /** The example store in use, so a privacy panel can show the employee what is kept (already scrubbed). */
  readonly examples: ExampleStore;
  /** Stops the client, then releases what `createBrowserClient` opened (worker, databases). */
  close(): Promise<void>;
}

const IDENTITY_KEY = 'conclave.identity.v1';

/**
 * A client with durable browser state and a Web Worker trainer. Resolves once the databases are
 * open; nothing connects until `start()`.
 */
export async function createBrowserClient(options: BrowserClientOptions): Promise<BrowserClient> {
  const { databasePrefix = 'conclave', retention, trainerOptions, indexedDB, store: givenStore, kv: givenKv, trainer: givenTrainer, identity: givenIdentity, ...rest } = options;
  if (typeof databasePrefix !== 'string' || databasePrefix.length === 0) {
    throw new ClientError('INVALID_OPTIONS', `databasePrefix must be a non-empty string, got ${JSON.stringify(databasePrefix)}`);
  }
  const idb = indexedDB ? { indexedDB } : {};
  const opened: { close(): void | Promise<void> }[] = [];
  try {
    const identity = givenIdentity ?? (await loadOrCreateBrowserIdentity({ name: `${databasePrefix}-identity`, ...idb }));
    const store = givenStore ?? (await IndexedDbExampleStore.open({ name: `${databasePrefix}-examples`, ...idb, ...(retention ? { retention } : {}) }));
    if (!givenStore) opened.push(store);
    const kv = givenKv ?? (await IndexedDbKeyValueStore.open({ name: `${databasePrefix}-state`, ...idb }));
    if (!givenKv) opened.push(kv);
    const trainer = givenTrainer ?? createWebWorkerTrainer(trainerOptions);
    if (!givenTrainer) opened.push(trainer);
    const client = createClient({ ...rest, identity, store, kv, trainer });
    let closed: Promise<void> | undefined;
    return Object.assign(Object.create(client) as ConclaveClient, {
      examples: store,
      close(): Promise<void> {
        closed ??= (async () => {
          await client.stop();
          await client.consent.close();
          for (const o of opened.reverse()) await o.close();
        })();
        return closed;
      },
    }) as BrowserClient;
  } catch (err) {
    for (const o of opened.reverse()) await Promise.resolve(o.close()).catch(() => {});
    throw err;
  }
}

/**
 * The device's Ed25519 identity, kept in an IndexedDB database of its own so that wiping the
 * examples or the ledger never changes the device's enrolled identity.
 */
export async function loadOrCreateBrowserIdentity(options: { name?: string; indexedDB?: IDBFactory } = {}): Promise<DeviceIdentity> {
  const kv = await IndexedDbKeyValueStore.open({ name: options.name ?? 'conclave-identity', ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}) });
  try {
    const saved = await kv.get(IDENTITY_KEY);
    if (saved !== undefined) {
      const secretKey = fromBase64(saved);
      if (secretKey.length !== 64) throw new ClientError('STORAGE_CORRUPT', `saved device identity has ${secretKey.length} bytes, expected 64`);
      // tweetnacl's secret key is seed ‖ public key.
      return { secretKey, publicKey: secretKey.slice(32) };
    }
    const identity = createIdentity();
    await kv.set(IDENTITY_KEY, toBase64(identity.secretKey));
    return identity;
  } finally {
    await kv.close();
  }
}

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  let bin: string;
  try {
    bin = atob(text);
  } catch {
    throw new ClientError('STORAGE_CORRUPT', 'saved device identity is not base64');
  }
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}
