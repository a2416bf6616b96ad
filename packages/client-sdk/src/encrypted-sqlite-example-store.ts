import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import nacl from 'tweetnacl';
import { ClientError } from './errors.ts';
import type { ExampleStore, StoredExample } from './example-store.ts';
import { checkRetention, type ExampleRetention } from './idb-example-store.ts';
import type { Example } from './train/types.ts';

/**
 * Durable, encrypted example store for Node hosts (CLIs, Electron): SQLite in the application's
 * data directory, each example sealed with NaCl secretbox (XSalsa20-Poly1305) under a 32-byte
 * device key kept in `<dataDir>/example-key` (mode 0600, created on first use).
 *
 * What stays in clear, for indexing and retention: the stream name, when each example was
 * recorded, how many examples each stream has, and each sealed body's length (roughly the
 * example's size). Everything else — text, features, label — is only in the sealed body. A
 * body also seals its stream name, so moving rows between streams on disk is detected.
 *
 * Deleted rows are overwritten in the database file (`secure_delete`), and the WAL is
 * checkpointed and truncated after a stream is deleted. The key file is the only secret: whoever
 * can read it and the database can read the examples; losing it loses the examples.
 */

export interface EncryptedSqliteExampleStoreOptions {
  /** Enforced on every write (count for the stream written, age for all streams) and on open. @default DEFAULT_EXAMPLE_RETENTION */
  retention?: Partial<ExampleRetention>;
  /** Clock for the pruning on open; writes use the time they are given. @default Date.now */
  now?: () => number;
}

export const EXAMPLE_KEY_FILE = 'example-key';
export const ENCRYPTED_EXAMPLES_DB = 'encrypted-examples.db';

const KEY_BYTES = nacl.secretbox.keyLength;
const NONCE_BYTES = nacl.secretbox.nonceLength;
/** Sealed under the key at creation, so opening with another key fails clearly rather than row by row. */
const KEY_CHECK = new TextEncoder().encode('conclave example-key check v1');

export class EncryptedSqliteExampleStore implements ExampleStore {
  readonly #db: Database.Database;
  readonly #key: Uint8Array;
  readonly #retention: ExampleRetention;
  #closed = false;

  constructor(dataDir: string, options: EncryptedSqliteExampleStoreOptions = {}) {
    this.#retention = checkRetention(options.retention);
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const dbFile = path.join(dataDir, ENCRYPTED_EXAMPLES_DB);
    ownerOnly(dbFile);
    this.#db = new Database(dbFile);
    try {
      this.#db.pragma('journal_mode = WAL');
      this.#db.pragma('secure_delete = ON');
      this.#db.exec(`CREATE TABLE IF NOT EXISTS examples (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        stream TEXT NOT NULL,
        recorded_at INTEGER NOT NULL,
        body BLOB NOT NULL
      );
      CREATE INDEX IF NOT EXISTS examples_stream ON examples(stream, id);
      CREATE INDEX IF NOT EXISTS examples_recorded_at ON examples(recorded_at);
      CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value BLOB NOT NULL);`);
      this.#key = this.#openKey(path.join(dataDir, EXAMPLE_KEY_FILE));
      this.prune((options.now ?? Date.now)());
    } catch (err) {
      this.#db.close();
      throw err;
    }
  }

  add(stream: string, example: Example, now: number): void {
    this.#check();
    if (typeof now !== 'number' || !Number.isFinite(now)) throw new ClientError('INVALID_ARGUMENT', `now must be a finite time in ms, got ${String(now)}`);
    const body = seal(this.#key, stream, example);
    this.#db.transaction(() => {
      this.#db.prepare(`INSERT INTO examples (stream, recorded_at, body) VALUES (?, ?, ?)`).run(stream, Math.round(now), body);
      this.#db
        .prepare(`DELETE FROM examples WHERE stream = ? AND id <= (SELECT id FROM examples WHERE stream = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`)
        .run(stream, stream, this.#retention.maxPerStream);
      this.#pruneAge(now);
    })();
  }

  /** The newest `limit` examples of `stream`, oldest first. */
  list(stream: string, limit = 1_000_000): StoredExample[] {
    this.#check();
    const rows = this.#db
      .prepare(`SELECT id, recorded_at, body FROM examples WHERE stream = ? ORDER BY id DESC LIMIT ?`)
      .all(stream, Math.max(0, Math.min(limit, Number.MAX_SAFE_INTEGER))) as { id: number; recorded_at: number; body: Uint8Array }[];
    return rows.reverse().map((r) => ({ ...open(this.#key, stream, r.body, r.id), id: r.id, recordedAt: r.recorded_at }));
  }

  counts(): Record<string, number> {
    this.#check();
    const rows = this.#db.prepare(`SELECT stream, COUNT(*) AS n FROM examples GROUP BY stream`).all() as { stream: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.stream, r.n]));
  }

  deleteStream(stream: string): void {
    this.#check();
    this.#db.prepare(`DELETE FROM examples WHERE stream = ?`).run(stream);
    // Old page images of the deleted rows would otherwise linger in the WAL until the next checkpoint.
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** Deletes examples older than the retention's maximum age; returns how many. Also done on every write. */
  prune(now: number): number {
    this.#check();
    return this.#pruneAge(now);
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#db.close();
    this.#key.fill(0);
  }

  #pruneAge(now: number): number {
    if (this.#retention.maxAgeMs === Infinity) return 0;
    return this.#db.prepare(`DELETE FROM examples WHERE recorded_at < ?`).run(now - this.#retention.maxAgeMs).changes;
  }

  #check(): void {
    if (this.#closed) throw new ClientError('STORAGE_CLOSED', 'the encrypted example store is closed');
  }

  /**
   * Reads the device key, or creates it when there is none yet. A database that holds sealed data
   * but whose key is gone or different is refused rather than silently unreadable.
   */
  #openKey(keyFile: string): Uint8Array {
    const check = this.#db.prepare(`SELECT value FROM meta WHERE name = 'key-check'`).get() as { value: Uint8Array } | undefined;
    const rows = (this.#db.prepare(`SELECT COUNT(*) AS n FROM examples`).get() as { n: number }).n;
    let key: Uint8Array;
    if (existsSync(keyFile)) {
      key = readKey(keyFile);
    } else {
      if (check || rows > 0) {
        throw new ClientError(
          'STORAGE_CORRUPT',
          `${keyFile} is missing but ${ENCRYPTED_EXAMPLES_DB} holds examples sealed under it; they cannot be read without it (delete ${ENCRYPTED_EXAMPLES_DB} to start afresh)`,
        );
      }
      key = nacl.randomBytes(KEY_BYTES);
      // 'wx': fails rather than overwrite a key another process created in the meantime.
      writeFileSync(keyFile, key, { mode: 0o600, flag: 'wx' });
      chmodSync(keyFile, 0o600);
    }
    if (check) {
      const opened = check.value.length > NONCE_BYTES ? nacl.secretbox.open(check.value.subarray(NONCE_BYTES), check.value.subarray(0, NONCE_BYTES), key) : null;
      if (!opened || !equal(opened, KEY_CHECK)) {
        key.fill(0);
        throw new ClientError('STORAGE_CORRUPT', `${keyFile} is not the key ${ENCRYPTED_EXAMPLES_DB} was sealed with`);
      }
    } else {
      const nonce = nacl.randomBytes(NONCE_BYTES);
      this.#db.prepare(`INSERT INTO meta (name, value) VALUES ('key-check', ?)`).run(concat(nonce, nacl.secretbox(KEY_CHECK, nonce, key)));
    }
    return key;
  }
}

/** Creates the file owner-only before SQLite does (it would use 0644), and tightens an existing one. */
function ownerOnly(file: string): void {
  closeSync(openSync(file, 'a', 0o600));
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}

function readKey(keyFile: string): Uint8Array {
  if (process.platform !== 'win32' && (statSync(keyFile).mode & 0o077) !== 0) chmodSync(keyFile, 0o600);
  const key = new Uint8Array(readFileSync(keyFile));
  if (key.length !== KEY_BYTES) throw new ClientError('STORAGE_CORRUPT', `${keyFile} holds ${key.length} bytes, expected a ${KEY_BYTES}-byte key`);
  return key;
}

/** nonce ‖ secretbox(JSON { s: stream, e: example }) — only the Example's own fields are kept. */
function seal(key: Uint8Array, stream: string, example: Example): Buffer {
  const e: Example = { label: example.label };
  if (example.text !== undefined) e.text = example.text;
  if (example.features !== undefined) e.features = [...example.features];
  const nonce = nacl.randomBytes(NONCE_BYTES);
  return concat(nonce, nacl.secretbox(new TextEncoder().encode(JSON.stringify({ s: stream, e })), nonce, key));
}

function open(key: Uint8Array, stream: string, body: Uint8Array, id: number): Example {
  const plain = body.length > NONCE_BYTES ? nacl.secretbox.open(body.subarray(NONCE_BYTES), body.subarray(0, NONCE_BYTES), key) : null;
  if (!plain) throw new ClientError('STORAGE_CORRUPT', `example ${id} of ${JSON.stringify(stream)} fails authentication: altered on disk or sealed under another key`);
  const parsed = JSON.parse(new TextDecoder().decode(plain)) as { s?: unknown; e?: Example };
  if (parsed.s !== stream || typeof parsed.e?.label !== 'number') {
    throw new ClientError('STORAGE_CORRUPT', `example ${id} is filed under ${JSON.stringify(stream)} but was sealed for ${JSON.stringify(parsed.s)}`);
  }
  return parsed.e;
}

/** A Buffer, which better-sqlite3 binds as a BLOB. */
function concat(a: Uint8Array, b: Uint8Array): Buffer {
  const out = Buffer.alloc(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
