import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { open, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { ClientError } from './errors.ts';
import { checkKey, checkValue, type KeyValueStore } from './kv-store.ts';

const FORMAT = 'conclave.sdk.kv';
const VERSION = 1;

interface FileContents {
  format: typeof FORMAT;
  version: typeof VERSION;
  entries: Record<string, string>;
}

/**
 * Node hosts: the whole map in one owner-only JSON file (e.g. `<dataDir>/client-state.json`),
 * read once when constructed and rewritten on every change: written to a temporary file in the
 * same directory (mode 0600), flushed to disk, then renamed over the old one, so a crash leaves
 * either the old or the new contents, never a torn file.
 *
 * Meant for a handful of small values (consent, ledger, privacy account); one instance per file
 * and per process — two writers of the same file would overwrite each other's changes.
 */
export class FileKeyValueStore implements KeyValueStore {
  readonly file: string;
  readonly #data: Map<string, string>;
  /** Writes happen one after another, in call order. */
  #queue: Promise<void> = Promise.resolve();
  #closed = false;

  constructor(file: string) {
    this.file = path.resolve(file);
    mkdirSync(path.dirname(this.file), { recursive: true, mode: 0o700 });
    this.#data = existsSync(this.file) ? readContents(this.file) : new Map();
  }

  async get(key: string): Promise<string | undefined> {
    this.#check(key);
    return this.#data.get(key);
  }

  set(key: string, value: string): Promise<void> {
    this.#check(key);
    checkValue(key, value);
    this.#data.set(key, value);
    return this.#persist();
  }

  delete(key: string): Promise<void> {
    this.#check(key);
    if (!this.#data.has(key)) return this.#queue.catch(() => {});
    this.#data.delete(key);
    return this.#persist();
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#queue.catch(() => {});
  }

  #check(key: string): void {
    if (this.#closed) throw new ClientError('STORAGE_CLOSED', `${this.file} is closed`);
    checkKey(key);
  }

  /**
   * Each write snapshots the map when its turn comes, so the last write on disk always holds the
   * latest state; a failed write rejects its caller and leaves the next one to catch up.
   */
  #persist(): Promise<void> {
    const write = this.#queue.catch(() => {}).then(() => this.#write());
    this.#queue = write;
    return write;
  }

  async #write(): Promise<void> {
    const contents: FileContents = { format: FORMAT, version: VERSION, entries: Object.fromEntries(this.#data) };
    const tmp = `${this.file}.${randomBytes(6).toString('hex')}.tmp`;
    // 'wx': never follow or reuse an existing file; mode 0600 from the start (umask only removes bits).
    const handle = await open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(contents), 'utf8');
      await handle.sync();
    } catch (err) {
      await handle.close();
      await unlink(tmp).catch(() => {});
      throw err;
    }
    await handle.close();
    try {
      await rename(tmp, this.file);
    } catch (err) {
      await unlink(tmp).catch(() => {});
      throw err;
    }
    await syncDirectory(path.dirname(this.file));
  }
}

function readContents(file: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ClientError('STORAGE_CORRUPT', `${file} is not valid JSON (${(err as Error).message}); move it aside to start afresh`);
  }
  const c = parsed as Partial<FileContents> | null;
  if (typeof c !== 'object' || c === null || c.format !== FORMAT || c.version !== VERSION || typeof c.entries !== 'object' || c.entries === null) {
    throw new ClientError('STORAGE_CORRUPT', `${file} is not a Conclave state file (expected format ${FORMAT} version ${VERSION})`);
  }
  const data = new Map<string, string>();
  for (const [key, value] of Object.entries(c.entries)) {
    if (typeof value !== 'string') throw new ClientError('STORAGE_CORRUPT', `${file}: value of ${JSON.stringify(key)} is not a string`);
    data.set(key, value);
  }
  return data;
}

/** Makes the rename itself durable (POSIX); where directories cannot be opened (Windows) this is skipped. */
async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Best effort.
  } finally {
    await handle?.close();
  }
}
