import 'fake-indexeddb/auto';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EncryptedSqliteExampleStore, ENCRYPTED_EXAMPLES_DB, EXAMPLE_KEY_FILE } from '../src/encrypted-sqlite-example-store.ts';
import { ClientError } from '../src/errors.ts';
import { MemoryExampleStore, type ExampleStore } from '../src/example-store.ts';
import { DEFAULT_EXAMPLE_RETENTION, IndexedDbExampleStore } from '../src/idb-example-store.ts';
import { SqliteExampleStore } from '../src/sqlite-example-store.ts';
import type { Example } from '../src/train/types.ts';

const SECRET = 'Subject: salary review for Jane Doe, confidential';
const FEATURES = [0.123456789, -98.765, 31415.9265];
const DAY = 24 * 3600_000;
const T0 = Date.UTC(2025, 0, 1);

/** Every byte the store left in its directory (database, WAL, key), as one latin1 string. */
function allBytes(dir: string): string {
  return readdirSync(dir)
    .map((f) => readFileSync(path.join(dir, f)).toString('latin1'))
    .join('\n');
}

function expectCode(fn: () => unknown, code: string): void {
  let error: unknown;
  try {
    fn();
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(ClientError);
  expect((error as ClientError).code).toBe(code);
}

const arbExample: fc.Arbitrary<Example> = fc.oneof(
  fc.record({ text: fc.string({ unit: 'grapheme', maxLength: 80 }), label: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ features: fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { maxLength: 8 }), label: fc.double({ noNaN: true, noDefaultInfinity: true }) }),
);

/** Same adds into a store and into MemoryExampleStore: same lists and counts (ids and times aside). */
async function behavesLikeMemory(store: ExampleStore, ops: Array<[string, Example]>, maxPerStream: number): Promise<void> {
  const memory = new MemoryExampleStore({ maxPerStream });
  for (const [i, [stream, example]] of ops.entries()) {
    await store.add(stream, example, T0 + i);
    memory.add(stream, example, T0 + i);
  }
  const strip = (xs: Array<Example & { id: number; recordedAt: number }>) => xs.map(({ id: _i, recordedAt, ...e }) => ({ ...e, recordedAt }));
  expect(await store.counts()).toEqual(memory.counts());
  for (const s of ['a', 'b']) {
    // JSON: -0 becomes 0 on the way through, as with the plain SQLite store.
    expect(JSON.parse(JSON.stringify(strip(await store.list(s))))).toEqual(JSON.parse(JSON.stringify(strip(memory.list(s)))));
    expect(strip(await store.list(s, 2))).toHaveLength(Math.min(2, memory.list(s).length));
  }
}

describe('EncryptedSqliteExampleStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'conclave-enc-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps bodies sealed on disk: no plaintext in the database, WAL or anywhere in the directory', () => {
    const store = new EncryptedSqliteExampleStore(dir);
    store.add('mail', { text: SECRET, label: 1 }, T0);
    store.add('sensors', { features: FEATURES, label: 0 }, T0);
    expect(store.list('mail')).toEqual([{ text: SECRET, label: 1, id: 1, recordedAt: T0 }]);
    const bytes = allBytes(dir); // while open: the WAL holds the fresh pages
    expect(bytes).not.toContain('salary');
    expect(bytes).not.toContain('Jane Doe');
    expect(bytes).not.toContain('98.765');
    expect(bytes).not.toContain('"label"');
    store.close();
    expect(allBytes(dir)).not.toContain('salary');
    // What is in clear, as documented: the stream name and the time.
    const db = new Database(path.join(dir, ENCRYPTED_EXAMPLES_DB), { readonly: true });
    const rows = db.prepare('SELECT stream, recorded_at, body FROM examples').all() as { stream: string; recorded_at: number; body: Buffer }[];
    db.close();
    expect(rows.map((r) => [r.stream, r.recorded_at])).toEqual([
      ['mail', T0],
      ['sensors', T0],
    ]);
    expect(rows[0]!.body.toString('latin1')).not.toContain('salary');
  });

  it('(control: the same check does find the plaintext of the unencrypted SqliteExampleStore)', () => {
    const plainDir = path.join(dir, 'plain');
    const plain = new SqliteExampleStore(plainDir);
    plain.add('mail', { text: SECRET, label: 1 }, T0);
    expect(allBytes(plainDir)).toContain('salary');
    plain.close();
  });

  it('keeps the key and database owner-only, and reads everything back after reopening', () => {
    const a = new EncryptedSqliteExampleStore(path.join(dir, 'app'));
    a.add('mail', { text: SECRET, label: 1 }, T0);
    a.close();
    const keyFile = path.join(dir, 'app', EXAMPLE_KEY_FILE);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(statSync(keyFile).size).toBe(32);
    expect(statSync(path.join(dir, 'app', ENCRYPTED_EXAMPLES_DB)).mode & 0o777).toBe(0o600);
    expect(statSync(path.join(dir, 'app')).mode & 0o777).toBe(0o700);
    const b = new EncryptedSqliteExampleStore(path.join(dir, 'app'), { now: () => T0 });
    expect(b.list('mail')).toEqual([{ text: SECRET, label: 1, id: 1, recordedAt: T0 }]);
    b.add('mail', { text: 'second', label: 0 }, T0 + 1);
    expect(b.counts()).toEqual({ mail: 2 });
    b.close();
    expectCode(() => b.list('mail'), 'STORAGE_CLOSED');
  });

  it('refuses a database whose key is missing or another one, rather than going silently unreadable', () => {
    const a = new EncryptedSqliteExampleStore(dir, { now: () => T0 });
    a.add('mail', { text: SECRET, label: 1 }, T0);
    a.close();
    const keyFile = path.join(dir, EXAMPLE_KEY_FILE);
    const key = readFileSync(keyFile);
    writeFileSync(keyFile, Buffer.alloc(32, 7));
    expectCode(() => new EncryptedSqliteExampleStore(dir, { now: () => T0 }), 'STORAGE_CORRUPT');
    writeFileSync(keyFile, Buffer.alloc(31));
    expect(() => new EncryptedSqliteExampleStore(dir, { now: () => T0 })).toThrow(/31 bytes, expected a 32-byte key/);
    unlinkSync(keyFile);
    expect(() => new EncryptedSqliteExampleStore(dir, { now: () => T0 })).toThrow(/missing/);
    expect(existsSync(keyFile)).toBe(false); // no new key was made over the old data
    writeFileSync(keyFile, key, { mode: 0o644 });
    const b = new EncryptedSqliteExampleStore(dir, { now: () => T0 });
    expect(statSync(keyFile).mode & 0o777).toBe(0o600); // tightened
    expect(b.list('mail')).toHaveLength(1);
    b.close();
  });

  it('detects bodies altered or moved to another stream on disk', () => {
    const store = new EncryptedSqliteExampleStore(dir, { now: () => T0 });
    store.add('mail', { text: SECRET, label: 1 }, T0);
    store.add('chat', { text: 'hi', label: 0 }, T0);
    store.close();
    const db = new Database(path.join(dir, ENCRYPTED_EXAMPLES_DB));
    db.prepare(`UPDATE examples SET stream = 'chat' WHERE id = 1`).run();
    db.close();
    const moved = new EncryptedSqliteExampleStore(dir, { now: () => T0 });
    expect(() => moved.list('chat')).toThrow(/sealed for "mail"/);
    moved.close();
    const db2 = new Database(path.join(dir, ENCRYPTED_EXAMPLES_DB));
    db2.prepare(`UPDATE examples SET stream = 'mail', body = zeroblob(60) WHERE id = 1`).run();
    db2.close();
    const altered = new EncryptedSqliteExampleStore(dir, { now: () => T0 });
    expectCode(() => altered.list('mail'), 'STORAGE_CORRUPT');
    altered.close();
  });

  it('enforces the count per stream on write, oldest first, leaving other streams alone', () => {
    const store = new EncryptedSqliteExampleStore(dir, { retention: { maxPerStream: 3 }, now: () => T0 });
    store.add('other', { text: 'keep', label: 0 }, T0);
    for (let i = 0; i < 5; i++) store.add('mail', { text: `m${i}`, label: i }, T0 + i);
    expect(store.list('mail').map((e) => e.text)).toEqual(['m2', 'm3', 'm4']);
    expect(store.counts()).toEqual({ mail: 3, other: 1 });
    store.close();
  });

  it('enforces the maximum age on write (all streams) and on open', () => {
    const store = new EncryptedSqliteExampleStore(dir, { retention: { maxAgeMs: 10 * DAY }, now: () => T0 });
    store.add('mail', { text: 'old', label: 0 }, T0);
    store.add('chat', { text: 'old', label: 0 }, T0 + DAY);
    store.add('mail', { text: 'new', label: 0 }, T0 + 10 * DAY);
    expect(store.counts()).toEqual({ mail: 2, chat: 1 }); // T0 is exactly 10 days old: kept
    store.add('mail', { text: 'newer', label: 0 }, T0 + 10 * DAY + 1);
    expect(store.list('mail').map((e) => e.text)).toEqual(['new', 'newer']);
    expect(store.counts()).toEqual({ mail: 2, chat: 1 });
    expect(store.prune(T0 + 11 * DAY + 1)).toBe(1); // the chat example
    store.close();
    const reopened = new EncryptedSqliteExampleStore(dir, { retention: { maxAgeMs: 10 * DAY }, now: () => T0 + 30 * DAY });
    expect(reopened.counts()).toEqual({});
    reopened.close();
  });

  it('deletes a stream, and keeps only the Example fields', () => {
    const store = new EncryptedSqliteExampleStore(dir);
    store.add('mail', { text: SECRET, label: 1, userEmail: 'jane@example.com' } as Example, T0);
    store.add('chat', { text: 'hi', label: 0 }, T0);
    expect(store.list('mail')[0]).not.toHaveProperty('userEmail');
    store.deleteStream('mail');
    expect(store.counts()).toEqual({ chat: 1 });
    expect(store.list('mail')).toEqual([]);
    store.close();
  });

  it('overwrites deleted bodies: after deleteStream their sealed bytes are gone from the database and WAL', () => {
    const store = new EncryptedSqliteExampleStore(dir);
    for (let i = 0; i < 20; i++) store.add('mail', { text: `${SECRET} #${i}`, label: 1 }, T0);
    store.add('chat', { text: 'hi', label: 0 }, T0);
    const db = new Database(path.join(dir, ENCRYPTED_EXAMPLES_DB), { readonly: true });
    const bodies = (db.prepare(`SELECT body FROM examples WHERE stream = 'mail'`).all() as { body: Buffer }[]).map((r) => r.body.subarray(24, 56).toString('latin1'));
    db.close();
    expect(allBytes(dir)).toContain(bodies[0]);
    store.deleteStream('mail');
    const after = allBytes(dir);
    for (const b of bodies) expect(after.includes(b)).toBe(false);
    store.close();
  });

  it('validates retention options', () => {
    expect(() => new EncryptedSqliteExampleStore(dir, { retention: { maxPerStream: 0 } })).toThrow(/maxPerStream/);
    expect(() => new EncryptedSqliteExampleStore(dir, { retention: { maxAgeMs: -1 } })).toThrow(/maxAgeMs/);
    expect(DEFAULT_EXAMPLE_RETENTION).toEqual({ maxPerStream: 10_000, maxAgeMs: 90 * DAY });
  });

  it('behaves like MemoryExampleStore for any sequence of adds (property)', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('a', 'b'), arbExample), { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), async (ops, max) => {
        const store = new EncryptedSqliteExampleStore(path.join(dir, `run${run++}`), { retention: { maxPerStream: max, maxAgeMs: Infinity } });
        try {
          await behavesLikeMemory(store, ops, max);
        } finally {
          store.close();
        }
      }),
      { numRuns: 30 },
    );
  });
});

describe('IndexedDbExampleStore', () => {
  let n = 0;
  const fresh = () => `examples-${n++}`;

  /** The raw records, as anyone with access to the origin's IndexedDB would see them. */
  async function rawRecords(name: string): Promise<Array<Record<string, unknown>>> {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const all = await new Promise<Array<Record<string, unknown>>>((resolve) => {
      const req = db.transaction('examples').objectStore('examples').getAll();
      req.onsuccess = () => resolve(req.result as Array<Record<string, unknown>>);
    });
    db.close();
    return all;
  }

  async function storedKey(name: string): Promise<CryptoKey> {
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
    });
    const key = await new Promise<CryptoKey>((resolve) => {
      const req = db.transaction('keys').objectStore('keys').get('example-key');
      req.onsuccess = () => resolve(req.result as CryptoKey);
    });
    db.close();
    return key;
  }

  it('keeps bodies sealed in IndexedDB under a non-extractable AES-GCM key', async () => {
    const name = fresh();
    const store = await IndexedDbExampleStore.open({ name });
    await store.add('mail', { text: SECRET, label: 1 }, T0);
    await store.add('sensors', { features: FEATURES, label: 0 }, T0);
    expect(await store.list('mail')).toEqual([{ text: SECRET, label: 1, id: 1, recordedAt: T0 }]);
    const records = await rawRecords(name);
    expect(records.map((r) => Object.keys(r).sort())).toEqual([
      ['data', 'id', 'iv', 'recordedAt', 'stream'],
      ['data', 'id', 'iv', 'recordedAt', 'stream'],
    ]);
    for (const r of records) {
      const body = Buffer.from(r.data as ArrayBuffer).toString('latin1');
      expect(body).not.toContain('salary');
      expect(body).not.toContain('98.765');
      expect(body).not.toContain('label');
      expect((r.iv as Uint8Array).length).toBe(12);
    }
    const key = await storedKey(name);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    await store.close();
  });

  it('reads everything back after reopening, with the same key', async () => {
    const name = fresh();
    const a = await IndexedDbExampleStore.open({ name });
    await a.add('mail', { text: SECRET, label: 1 }, T0);
    await a.close();
    await expect(a.counts()).rejects.toMatchObject({ code: 'STORAGE_CLOSED' });
    const b = await IndexedDbExampleStore.open({ name, now: () => T0 });
    expect(await b.list('mail')).toEqual([{ text: SECRET, label: 1, id: 1, recordedAt: T0 }]);
    await b.close();
  });

  it('agrees on one key when opened twice at once', async () => {
    const name = fresh();
    const [a, b] = await Promise.all([IndexedDbExampleStore.open({ name }), IndexedDbExampleStore.open({ name })]);
    await a.add('mail', { text: 'from a', label: 0 }, T0);
    expect((await b.list('mail'))[0]?.text).toBe('from a');
    await a.close();
    await b.close();
  });

  it('detects records altered or moved to another stream', async () => {
    const name = fresh();
    const store = await IndexedDbExampleStore.open({ name, now: () => T0 });
    await store.add('mail', { text: SECRET, label: 1 }, T0);
    await store.close();
    const db = await new Promise<IDBDatabase>((resolve) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
    });
    const [record] = await rawRecords(name);
    await new Promise<void>((resolve) => {
      const tx = db.transaction('examples', 'readwrite');
      tx.objectStore('examples').put({ ...record, stream: 'chat' });
      tx.oncomplete = () => resolve();
    });
    db.close();
    const reopened = await IndexedDbExampleStore.open({ name, now: () => T0 });
    await expect(reopened.list('chat')).rejects.toMatchObject({ code: 'STORAGE_CORRUPT', message: expect.stringMatching(/moved between streams/) });
    await reopened.close();
  });

  it('enforces the count per stream on write, oldest first, leaving other streams alone', async () => {
    const store = await IndexedDbExampleStore.open({ name: fresh(), retention: { maxPerStream: 3 }, now: () => T0 });
    await store.add('other', { text: 'keep', label: 0 }, T0);
    for (let i = 0; i < 5; i++) await store.add('mail', { text: `m${i}`, label: i }, T0 + i);
    expect((await store.list('mail')).map((e) => e.text)).toEqual(['m2', 'm3', 'm4']);
    expect(await store.counts()).toEqual({ mail: 3, other: 1 });
    // Unawaited writes still end within the limit.
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.add('burst', { text: `b${i}`, label: 0 }, T0 + i)));
    expect((await store.counts()).burst).toBe(3);
    await store.close();
  });

  it('enforces the maximum age on write (all streams) and on open', async () => {
    const name = fresh();
    const store = await IndexedDbExampleStore.open({ name, retention: { maxAgeMs: 10 * DAY }, now: () => T0 });
    await store.add('mail', { text: 'old', label: 0 }, T0);
    await store.add('chat', { text: 'old', label: 0 }, T0 + DAY);
    await store.add('mail', { text: 'new', label: 0 }, T0 + 10 * DAY);
    expect(await store.counts()).toEqual({ mail: 2, chat: 1 });
    await store.add('mail', { text: 'newer', label: 0 }, T0 + 10 * DAY + 1);
    expect((await store.list('mail')).map((e) => e.text)).toEqual(['new', 'newer']);
    expect(await store.prune(T0 + 11 * DAY + 1)).toBe(1);
    await store.close();
    const reopened = await IndexedDbExampleStore.open({ name, retention: { maxAgeMs: 10 * DAY }, now: () => T0 + 30 * DAY });
    expect(await reopened.counts()).toEqual({});
    await reopened.close();
  });

  it('deletes a stream, keeps only the Example fields, and lists the newest first-n in order', async () => {
    const store = await IndexedDbExampleStore.open({ name: fresh() });
    await store.add('mail', { text: SECRET, label: 1, userEmail: 'jane@example.com' } as Example, T0);
    await store.add('mail', { text: 'two', label: 0 }, T0 + 1);
    await store.add('chat', { text: 'hi', label: 0 }, T0);
    expect((await store.list('mail'))[0]).not.toHaveProperty('userEmail');
    expect((await store.list('mail', 1)).map((e) => e.text)).toEqual(['two']);
    await store.deleteStream('mail');
    expect(await store.counts()).toEqual({ chat: 1 });
    await store.close();
  });

  it('behaves like MemoryExampleStore for any sequence of adds (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('a', 'b'), arbExample), { maxLength: 12 }), fc.integer({ min: 1, max: 5 }), async (ops, max) => {
        const store = await IndexedDbExampleStore.open({ name: fresh(), retention: { maxPerStream: max, maxAgeMs: Infinity } });
        try {
          await behavesLikeMemory(store, ops, max);
        } finally {
          await store.close();
        }
      }),
      { numRuns: 30 },
    );
  });
});
