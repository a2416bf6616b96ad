import { describe, expect, it } from 'vitest';
import { CLIENT_DEFAULTS, resolveClientOptions, type ClientOptions } from '../src/client-options.ts';
import { systemClock } from '../src/clock.ts';
import { ClientError } from '../src/errors.ts';
import { MemoryExampleStore } from '../src/example-store.ts';
import { createIdentity } from '../src/identity.ts';
import { MemoryKeyValueStore } from '../src/kv-store.ts';
import { FakeClock } from './fake-clock.ts';

const url = 'wss://conclave.example.com/v1/devices';

/** The INVALID_OPTIONS message for options a caller got wrong (typed loosely, as JavaScript callers can). */
function problem(options: unknown): string {
  try {
    resolveClientOptions(options as ClientOptions);
  } catch (err) {
    expect(err).toBeInstanceOf(ClientError);
    expect((err as ClientError).code).toBe('INVALID_OPTIONS');
    return (err as Error).message;
  }
  throw new Error(`options were accepted: ${JSON.stringify(options)}`);
}

describe('resolveClientOptions', () => {
  it('fills in every documented default', () => {
    const o = resolveClientOptions({ url });
    expect(o.url).toBe(url);
    expect(o.reconnect).toEqual(CLIENT_DEFAULTS.reconnect);
    expect(o.maxExamplesPerRound).toBe(10_000);
    expect(o.minSecureCohort).toBe(2);
    // Issue 10: the safe defaults of the device policy.
    expect(o.requireMaliciousServerProtection).toBe(true);
    expect(o.minCertifiedPeers).toBe(10);
    expect(o.requireApprovedTasks).toBe(true);
    expect(o.authorityKeys).toEqual([]);
    expect(o.maxTaskEpsilon).toBe(Infinity);
    expect(o.privacyCap).toBe(Infinity);
    expect(o.limits).toEqual({ cpuThreads: 1 });
    expect(o.eligibilityIntervalMs).toBe(2_000);
    expect(o.scrubbers).toEqual([]);
    expect(o.clock).toBe(systemClock);
    expect(o.random).toBe(Math.random);
    expect(o.store).toBeInstanceOf(MemoryExampleStore);
    expect(o.kv).toBeInstanceOf(MemoryKeyValueStore);
    expect(o.identity.publicKey).toHaveLength(32);
    expect(o.trainer).toBeUndefined();
    expect(o.progressIntervalMs).toBeUndefined();
  });

  it('keeps what the caller passed, the very same objects', () => {
    const identity = createIdentity();
    const store = new MemoryExampleStore();
    const kv = new MemoryKeyValueStore();
    const clock = new FakeClock();
    const o = resolveClientOptions({ url, identity, store, kv, clock, reconnect: { initialDelayMs: 50 }, limits: { trainingMsPerDay: 0, cpuThreads: 3 }, minSecureCohort: 5 });
    expect(o.identity).toBe(identity);
    expect(o.store).toBe(store);
    expect(o.kv).toBe(kv);
    expect(o.clock).toBe(clock);
    expect(o.reconnect).toEqual({ initialDelayMs: 50, maxDelayMs: 30_000 });
    expect(o.limits).toEqual({ trainingMsPerDay: 0, cpuThreads: 3 });
    expect(o.minSecureCohort).toBe(5);
  });

  it('reads the time from `now` when given, on the clock’s timers', () => {
    const clock = new FakeClock();
    const o = resolveClientOptions({ url, clock, now: () => 42 });
    expect(o.clock.now()).toBe(42);
    o.clock.setTimeout(() => {}, 10);
    expect(clock.pending().map((t) => t.ms)).toEqual([10]);
  });

  it('names the bad option and the value it got', () => {
    expect(problem({ url: 'http://x' })).toBe('url must be a ws:// or wss:// URL, got "http://x"');
    expect(problem({ url, limits: { cpuThreads: 0 } })).toBe('limits.cpuThreads must be a positive integer, got 0');
    expect(problem({ url, reconnect: { initialDelayMs: -1 } })).toBe('reconnect.initialDelayMs must be a duration in ms (a finite number >= 0), got -1');
    expect(problem({ url, minSecureCohort: 1 })).toBe('minSecureCohort must be an integer >= 2, got 1');
    expect(problem({ url, identity: { publicKey: new Uint8Array(3) } })).toMatch(/^identity must be a DeviceIdentity \(32-byte publicKey, 64-byte secretKey\)/);
    expect(problem({ url, store: {} })).toBe('store must be an ExampleStore, got {}');
    expect(problem({ url, policy: { defaultConsent: 'maybe' } })).toBe(`policy.defaultConsent must be 'opt-in' or 'opt-out', got "maybe"`);
    expect(problem({ url, eligibility: true })).toBe('eligibility must be a function, got true');
    expect(problem(undefined)).toBe('options must be an object, got undefined');
  });

  it('names an unknown option rather than ignoring a typo', () => {
    expect(problem({ url, reconect: { initialDelayMs: 1 } })).toBe('options has no option "reconect"');
    expect(problem({ url, limits: { cpuThread: 2 } })).toBe('limits has no option "cpuThread"');
  });

  it('lists every problem at once', () => {
    expect(problem({ url: 'x', maxExamplesPerRound: 1.5 })).toBe('url must be a ws:// or wss:// URL, got "x"; maxExamplesPerRound must be a positive integer, got 1.5');
  });
});
