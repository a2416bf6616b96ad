import 'fake-indexeddb/auto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConsentManager, type ConsentChange } from '../src/consent.ts';
import { ClientError } from '../src/errors.ts';
import { MemoryKeyValueStore, type KeyValueStore } from '../src/kv-store.ts';
import { FileKeyValueStore } from '../src/kv-store-file.ts';
import { IndexedDbKeyValueStore } from '../src/kv-store-idb.ts';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));

async function rejectsWith(p: Promise<unknown> | (() => unknown), code: string): Promise<ClientError> {
  let error: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (err) {
    error = err;
  }
  expect(error, `expected a ClientError ${code}`).toBeInstanceOf(ClientError);
  expect((error as ClientError).code).toBe(code);
  return error as ClientError;
}

function recorder(m: ConsentManager): ConsentChange[] {
  const changes: ConsentChange[] = [];
  m.on('change', (c) => changes.push(c));
  return changes;
}

describe('ConsentManager: streams', () => {
  it('is opt-in by default: a stream is allowed only once granted', async () => {
    const m = await ConsentManager.open({ kv: new MemoryKeyValueStore(), streams: ['mail', 'calendar'] });
    expect(m.allows('mail')).toBe(false);
    expect(m.status()).toEqual({ streams: { mail: 'not-asked', calendar: 'not-asked' }, paused: false, pausedUntil: null, policy: 'opt-in' });
    await m.grant('mail');
    expect(m.allows('mail')).toBe(true);
    expect(m.allows('calendar')).toBe(false);
    expect(m.status().streams).toEqual({ mail: 'granted', calendar: 'not-asked' });
    await m.close();
  });

  it('under an opt-out policy, not-asked counts as granted, and revoke still opts out', async () => {
    const m = await ConsentManager.open({ kv: new MemoryKeyValueStore(), policy: { defaultConsent: 'opt-out' } });
    expect(m.allows('mail')).toBe(true);
    await m.revoke('mail');
    expect(m.allows('mail')).toBe(false);
    expect(m.allows('other')).toBe(true);
    expect(m.status()).toMatchObject({ streams: { mail: 'revoked' }, policy: 'opt-out' });
    await m.close();
  });

  it('applies a revoke at once, before its promise settles, then deletes the stream through onRevoke', async () => {
    const deleted: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const m = await ConsentManager.open({
      kv: new MemoryKeyValueStore(),
      onRevoke: async (s) => {
        await gate;
        deleted.push(s);
      },
    });
    await m.grant('mail');
    const changes = recorder(m);
    let settled = false;
    const revoking = m.revoke('mail').then(() => (settled = true));
    // Synchronously: no longer allowed, and listeners already told (a client leaves its round here).
    expect(m.allows('mail')).toBe(false);
    expect(changes.map((c) => [c.kind, c.stream, c.status.streams.mail])).toEqual([['revoke', 'mail', 'revoked']]);
    await new Promise((r) => setTimeout(r, 5));
    expect(settled).toBe(false); // revoke() waits for the examples to be deleted
    release();
    await revoking;
    expect(deleted).toEqual(['mail']);
  });

  it('applies a pause at once too, before its promise settles', async () => {
    const m = await ConsentManager.open({ kv: new MemoryKeyValueStore() });
    await m.grant('mail');
    const changes = recorder(m);
    const pausing = m.pause({ forMs: 60_000 });
    expect(m.allows('mail')).toBe(false);
    expect(changes.map((c) => c.kind)).toEqual(['pause']);
    await pausing;
    await m.close();
  });

  it('calls onRevoke again on a repeated revoke, without a second change event', async () => {
    const onRevoke = vi.fn();
    const m = await ConsentManager.open({ kv: new MemoryKeyValueStore(), onRevoke });
    const changes = recorder(m);
    await m.revoke('mail');
    await m.revoke('mail');
    expect(onRevoke).toHaveBeenCalledTimes(2);
    expect(changes).toHaveLength(1);
  });

  it('reports a failing onRevoke to the caller, with the revoke already in force and saved', async () => {
    const kv = new MemoryKeyValueStore();
    const m = await ConsentManager.open({
      kv,
      onRevoke: () => {
        throw new Error('disk full');
      },
    });
    await m.grant('mail');
    await expect(m.revoke('mail')).rejects.toThrow('disk full');
    expect(m.allows('mail')).toBe(false);
    expect((await ConsentManager.open({ kv })).status().streams.mail).toBe('revoked');
  });

  it('still deletes the examples when saving the revoke fails, and reports the failure', async () => {
    const kv = new MemoryKeyValueStore();
    const onRevoke = vi.fn();
    const m = await ConsentManager.open({ kv, onRevoke });
    await m.grant('mail');
    kv.set = () => Promise.reject(new Error('quota exceeded'));
    await expect(m.revoke('mail')).rejects.toThrow('quota exceeded');
    expect(onRevoke).toHaveBeenCalledWith('mail');
    expect(m.allows('mail')).toBe(false);
  });

  it('refuses stream names that client.record() would refuse', async () => {
    const m = await ConsentManager.open({ kv: new MemoryKeyValueStore() });
    for (const bad of ['', 'Mail', 'a b', '-x', 'x'.repeat(65), 42]) {
      await rejectsWith(() => m.grant(bad as string), 'INVALID_ARGUMENT');
      await rejectsWith(() => m.revoke(bad as string), 'INVALID_ARGUMENT');
    }
    expect(() => new ConsentManager({ kv: new MemoryKeyValueStore(), streams: ['OK?'] })).toThrow(ClientError);
    expect(() => new ConsentManager({ kv: new MemoryKeyValueStore(), policy: { defaultConsent: 'maybe' as 'opt-in' } })).toThrow(/opt-in/);
  });

  it('keeps decisions across restarts, whatever the sequence (the last decision per stream wins)', async () => {
    const streams = ['a', 'b', 'c'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom(...streams), fc.boolean()), { maxLength: 20 }), async (ops) => {
        const kv = new MemoryKeyValueStore();
        const m = await ConsentManager.open({ kv, streams });
        const model: Record<string, string> = { a: 'not-asked', b: 'not-asked', c: 'not-asked' };
        // Not awaited one by one: writes must still land in call order.
        await Promise.all(ops.map(([s, grant]) => (grant ? m.grant(s) : m.revoke(s))));
        for (const [s, grant] of ops) model[s] = grant ? 'granted' : 'revoked';
        expect(m.status().streams).toEqual(model);
        await m.close();
        const again = await ConsentManager.open({ kv, streams });
        expect(again.status().streams).toEqual(model);
        for (const s of streams) expect(again.allows(s)).toBe(model[s] === 'granted');
        await again.close();
      }),
      { numRuns: 50 },
    );
  });
});

describe('ConsentManager: pause', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2025, 0, 1) });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('pauses every stream for forMs, then ends the pause with an event', async () => {
    const m = await ConsentManager.open({ kv: new MemoryKeyValueStore() });
    await m.grant('mail');
    const changes = recorder(m);
    await m.pause({ forMs: 60_000 });
    expect(m.allows('mail')).toBe(false);
    expect(m.status()).toMatchObject({ paused: true, pausedUntil: Date.now() + 60_000 });
    expect(changes.map((c) => c.kind)).toEqual(['pause']);
    await vi.advanceTimersByTimeAsync(59_999);
    expect(m.allows('mail')).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(m.allows('mail')).toBe(true);
    expect(changes.map((c) => c.kind)).toEqual(['pause', 'pause-ended']);
    expect(changes[1]?.status).toMatchObject({ paused: false, pausedUntil: null });
    await m.close();
  });

  it('pauses until a moment (number or Date), and a new pause replaces the last one', async () => {
    const m = await ConsentManager.open({ kv: new MemoryKeyValueStore() });
    await m.grant('mail');
    const changes = recorder(m);
    await m.pause({ until: new Date(Date.now() + 10_000) });
    await m.pause({ until: Date.now() + 5_000 }); // shortened
    expect(m.status().pausedUntil).toBe(Date.now() + 5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(m.allows('mail')).toBe(true);
    await m.pause({ forMs: 1_000 });
    await m.pause({ forMs: 100_000 }); // extended
    await vi.advanceTimersByTimeAsync(50_000);
    expect(m.allows('mail')).toBe(false);
    expect(changes.map((c) => c.kind)).toEqual(['pause', 'pause', 'pause-ended', 'pause', 'pause']);
    await m.close();
  });

  it('with no argument, pauses until resume()', async () => {
    const m = await ConsentManager.open({ kv: new MemoryKeyValueStore() });
    await m.grant('mail');
    const changes = recorder(m);
    await m.pause();
    expect(m.status()).toMatchObject({ paused: true, pausedUntil: null });
    await vi.advanceTimersByTimeAsync(365 * 24 * 3600_000);
    expect(m.allows('mail')).toBe(false);
    await m.resume();
    await m.resume(); // not paused: no event
    expect(m.allows('mail')).toBe(true);
    expect(changes.map((c) => c.kind)).toEqual(['pause', 'resume']);
    await m.close();
  });

  it('refuses a pause in the past or of no finite length, with a clear error', async () => {
    const m = await ConsentManager.open({ kv: new MemoryKeyValueStore() });
    const past = await rejectsWith(() => m.pause({ until: Date.now() - 1 }), 'INVALID_ARGUMENT');
    expect(past.message).toMatch(/not in the future/);
    await rejectsWith(() => m.pause({ until: Date.now() }), 'INVALID_ARGUMENT');
    await rejectsWith(() => m.pause({ until: new Date('nonsense') }), 'INVALID_ARGUMENT');
    for (const forMs of [Infinity, NaN, 0, -5, '10' as unknown as number]) {
      const e = await rejectsWith(() => m.pause({ forMs }), 'INVALID_ARGUMENT');
      expect(e.message).toMatch(/forMs/);
    }
    await rejectsWith(() => m.pause({} as { forMs: number }), 'INVALID_ARGUMENT');
    expect(m.status().paused).toBe(false);
    await m.close();
  });

  it('handles pauses longer than setTimeout can wait (2^31 ms)', async () => {
    const m = await ConsentManager.open({ kv: new MemoryKeyValueStore() });
    await m.grant('mail');
    const changes = recorder(m);
    const month = 40 * 24 * 3600_000;
    await m.pause({ forMs: month });
    await vi.advanceTimersByTimeAsync(2 ** 31);
    expect(m.allows('mail')).toBe(false);
    expect(changes.map((c) => c.kind)).toEqual(['pause']);
    await vi.advanceTimersByTimeAsync(month - 2 ** 31);
    expect(m.allows('mail')).toBe(true);
    expect(changes.map((c) => c.kind)).toEqual(['pause', 'pause-ended']);
    await m.close();
  });

  it('reflects expiry lazily by its clock, and still says so exactly once', async () => {
    let t = 1_000_000;
    const m = await ConsentManager.open({ kv: new MemoryKeyValueStore(), now: () => t });
    await m.grant('mail');
    const changes = recorder(m);
    await m.pause({ forMs: 1_000 });
    t += 1_000; // the host's clock moved; no timer has fired
    expect(m.status().paused).toBe(false);
    expect(m.allows('mail')).toBe(true);
    expect(changes.map((c) => c.kind)).toEqual(['pause']); // listeners are never called from inside allows()/status()
    await Promise.resolve();
    await vi.runOnlyPendingTimersAsync();
    expect(changes.map((c) => c.kind)).toEqual(['pause', 'pause-ended']);
    await m.close();
  });

  it('keeps a pause across restarts, and drops one that ran out meanwhile', async () => {
    const kv = new MemoryKeyValueStore();
    const m = await ConsentManager.open({ kv });
    await m.grant('mail');
    await m.pause({ forMs: 10_000 });
    await m.close();
    const a = await ConsentManager.open({ kv });
    expect(a.status()).toMatchObject({ paused: true, pausedUntil: Date.now() + 10_000 });
    await a.close();
    vi.setSystemTime(Date.now() + 10_000);
    const b = await ConsentManager.open({ kv });
    expect(b.status().paused).toBe(false);
    expect(b.allows('mail')).toBe(true);
    await b.pause();
    await b.close();
    const c = await ConsentManager.open({ kv });
    expect(c.status()).toMatchObject({ paused: true, pausedUntil: null });
    await c.close();
  });

  it('close() clears the pause timer and refuses further changes', async () => {
    const m = await ConsentManager.open({ kv: new MemoryKeyValueStore() });
    await m.pause({ forMs: 60_000 });
    expect(vi.getTimerCount()).toBe(1);
    await m.close();
    expect(vi.getTimerCount()).toBe(0);
    await rejectsWith(() => m.grant('mail'), 'STORAGE_CLOSED');
    await rejectsWith(() => m.resume(), 'STORAGE_CLOSED');
    expect(m.allows('mail')).toBe(false);
  });
});

describe('ConsentManager: events and loading', () => {
  it('unsubscribes, and a throwing listener neither blocks the decision nor other listeners', async () => {
    const m = await ConsentManager.open({ kv: new MemoryKeyValueStore() });
    const seen: string[] = [];
    m.on('change', () => {
      throw new Error('host bug');
    });
    const off = m.on('change', (c) => seen.push(c.kind));
    await m.grant('mail');
    off();
    await m.revoke('mail');
    expect(seen).toEqual(['grant']);
    expect(m.allows('mail')).toBe(false);
    expect(() => m.on('nope' as 'change', () => {})).toThrow(ClientError);
  });

  it('allows nothing until the saved decisions are loaded', async () => {
    const kv = new MemoryKeyValueStore();
    await (await ConsentManager.open({ kv })).grant('mail');
    let release!: () => void;
    const slow: KeyValueStore = {
      get: async (k) => {
        await new Promise<void>((r) => (release = r));
        return kv.get(k);
      },
      set: (k, v) => kv.set(k, v),
      delete: (k) => kv.delete(k),
      close: () => kv.close(),
    };
    const m = new ConsentManager({ kv: slow });
    expect(m.allows('mail')).toBe(false);
    expect(m.status().streams).toEqual({});
    const granting = m.grant('other'); // waits for the load, then applies
    await vi.waitFor(() => expect(release).toBeTypeOf('function'));
    release();
    await m.ready();
    await granting;
    expect(m.allows('mail')).toBe(true);
    expect(m.allows('other')).toBe(true);
  });

  it('refuses unreadable saved state rather than guessing, and allows nothing', async () => {
    for (const raw of ['not json', '{"format":"x"}', JSON.stringify({ format: 'conclave.sdk.consent', version: 1, streams: { mail: 'yes' }, pausedUntil: null })]) {
      const kv = new MemoryKeyValueStore();
      await kv.set('conclave.consent.v1', raw);
      const m = new ConsentManager({ kv, policy: { defaultConsent: 'opt-out' } });
      await rejectsWith(m.ready(), 'STORAGE_CORRUPT');
      expect(m.allows('mail')).toBe(false);
    }
  });
});

describe('KeyValueStore implementations', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'conclave-kv-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function contract(open: () => Promise<KeyValueStore>): Promise<void> {
    const kv = await open();
    expect(await kv.get('a')).toBeUndefined();
    await kv.set('a', 'one');
    await kv.set('b', '{"x":[1,2]}');
    await kv.delete('missing');
    expect(await kv.get('a')).toBe('one');
    await kv.delete('a');
    expect(await kv.get('a')).toBeUndefined();
    await rejectsWith(() => kv.set('c', 42 as unknown as string), 'INVALID_ARGUMENT');
    await rejectsWith(() => kv.get(''), 'INVALID_ARGUMENT');
    await kv.close();
    await rejectsWith(() => kv.get('b'), 'STORAGE_CLOSED');
  }

  it('MemoryKeyValueStore', () => contract(async () => new MemoryKeyValueStore()));

  it('FileKeyValueStore: contract, owner-only file, survives reopening, no temporary files left', async () => {
    const file = path.join(dir, 'state', 'client-state.json');
    await contract(async () => new FileKeyValueStore(file));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    const again = new FileKeyValueStore(file);
    expect(await again.get('b')).toBe('{"x":[1,2]}');
    expect(readdirSync(path.dirname(file))).toEqual(['client-state.json']);
  });

  it('FileKeyValueStore: unawaited writes land in call order', async () => {
    const file = path.join(dir, 'kv.json');
    const kv = new FileKeyValueStore(file);
    await Promise.all(Array.from({ length: 30 }, (_, i) => kv.set(`k${i % 3}`, String(i))));
    await kv.close();
    const again = new FileKeyValueStore(file);
    expect([await again.get('k0'), await again.get('k1'), await again.get('k2')]).toEqual(['27', '28', '29']);
  });

  it('FileKeyValueStore: refuses a corrupt file instead of overwriting it', () => {
    const file = path.join(dir, 'kv.json');
    writeFileSync(file, '{ half');
    expect(() => new FileKeyValueStore(file)).toThrow(expect.objectContaining({ code: 'STORAGE_CORRUPT' }));
    writeFileSync(file, JSON.stringify({ format: 'conclave.sdk.kv', version: 1, entries: { a: 1 } }));
    expect(() => new FileKeyValueStore(file)).toThrow(/not a string/);
    expect(readFileSync(file, 'utf8')).toContain('"a":1');
  });

  it('IndexedDbKeyValueStore: contract, survives reopening', async () => {
    await contract(() => IndexedDbKeyValueStore.open({ name: 'kv-contract' }));
    const again = await IndexedDbKeyValueStore.open({ name: 'kv-contract' });
    expect(await again.get('b')).toBe('{"x":[1,2]}');
    await again.close();
  });

  it('ConsentManager persists through a FileKeyValueStore across restarts', async () => {
    const file = path.join(dir, 'kv.json');
    const kv = new FileKeyValueStore(file);
    const m = await ConsentManager.open({ kv });
    await m.grant('mail');
    await m.revoke('chat');
    await m.close();
    await kv.close();
    const m2 = await ConsentManager.open({ kv: new FileKeyValueStore(file) });
    expect(m2.status().streams).toEqual({ mail: 'granted', chat: 'revoked' });
    await m2.close();
  });
});

describe('isomorphic modules', () => {
  /** Relative imports, followed; package imports must not be Node's or native. */
  function imports(file: string, seen = new Set<string>()): string[] {
    if (seen.has(file)) return [];
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const specs = [...text.matchAll(/^(?:import|export)\s[^'"]*?from\s+'([^']+)'/gm)].map((m) => m[1] as string);
    return specs.flatMap((s) => (s.startsWith('.') ? [s, ...imports(path.resolve(path.dirname(file), s), seen)] : [s]));
  }

  it('consent, kv-store, kv-store-idb, ledger, privacy-ledger and idb-example-store import nothing Node-only', () => {
    for (const f of ['consent.ts', 'kv-store.ts', 'kv-store-idb.ts', 'ledger.ts', 'privacy-ledger.ts', 'idb-example-store.ts']) {
      const all = imports(path.join(SRC, f));
      expect(all.filter((s) => s.startsWith('node:') || ['better-sqlite3', 'ws', 'tweetnacl'].includes(s) || /-file\.ts$|sqlite/.test(s)), f).toEqual([]);
      expect(readFileSync(path.join(SRC, f), 'utf8'), f).not.toMatch(/\bBuffer\b|\bprocess\./);
    }
  });
});
