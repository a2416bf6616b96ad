/**
 * `createClient`'s options: the documented interface a tool team writes, and the zod schema that
 * checks it and fills in every default, so the client's parts receive complete settings.
 */
import { z } from 'zod';
import { clockWithNow, systemClock, type Clock, type RandomFloat } from './clock.ts';
import type { ConsentPolicy } from './consent.ts';
import type { SocketCtor } from './connection.ts';
import { ClientError } from './errors.ts';
import { MemoryExampleStore, type ExampleStore } from './example-store.ts';
import { createIdentity, type DeviceIdentity } from './identity.ts';
import { MemoryKeyValueStore, type KeyValueStore } from './kv-store.ts';
import type { Scrubber } from './pii/index.ts';
import type { Trainer } from './train/types.ts';

export interface ClientOptions {
  /** The coordinator's device endpoint, e.g. wss://conclave.example.com/v1/devices */
  url: string;
  /**
   * Device endpoints of the coordinator's other nodes (several `conclave serve` nodes sharing one
   * PostgreSQL store). After a lost connection the device reconnects to the next endpoint of
   * `[url, ...urls]`, in turn, so a node that died is left for another. @default none
   */
  urls?: readonly string[];
  /**
   * The device's Ed25519 identity, proven on every connection; its device id derives from it.
   * Persist it (Node: `loadOrCreateIdentity(dataDir)`). @default a fresh identity
   */
  identity?: DeviceIdentity;
  /** Single-use token from `conclave enroll`, needed until the device is enrolled. */
  enrollmentToken?: string;
  /** Where examples live on the device (Node: `SqliteExampleStore` or `EncryptedSqliteExampleStore`; browsers: `createBrowserClient` keeps them in IndexedDB). @default in memory */
  store?: ExampleStore;
  /**
   * Runs training off the host's main thread. @default Node: a worker-thread trainer with
   * `limits.cpuThreads` threads; browsers: a Web Worker trainer (`createWebWorkerTrainer()`)
   */
  trainer?: Trainer;
  /** Host-supplied eligibility (idle, on power, unmetered...). Asked before every check-in. @default always eligible */
  eligibility?: () => boolean | Promise<boolean>;
  /** Reconnect back-off after a lost connection: full jitter under a doubling cap. */
  reconnect?: {
    /** @default 500 */
    initialDelayMs?: number;
    /** @default 30_000 */
    maxDelayMs?: number;
  };
  /** WebSocket implementation. @default Node: the `ws` package; browsers: globalThis.WebSocket */
  WebSocket?: SocketCtor;
  /** Most examples used per round (newest first). @default 10_000 */
  maxExamplesPerRound?: number;
  /** Progress messages while training, at most this often. @default half the server's heartbeat, at least 250 */
  progressIntervalMs?: number;
  /** The wall-clock time for timestamps (ledger, consent, the daily training budget). @default clock.now */
  now?: () => number;
  /** Time and timers (reconnect back-off, check-in delays, eligibility re-checks). @default the system clock */
  clock?: Clock;
  /** Uniform [0, 1) source for the reconnect jitter. @default Math.random */
  random?: RandomFloat;
  /**
   * The fewest devices whose sum this device helps reveal under secure aggregation, whatever
   * the coordinator says (a client-enforced minimum cohort); at least 2. @default 2
   */
  minSecureCohort?: number;
  /**
   * Refuse rounds that run without the malicious-server protections (secure aggregation with
   * signed advertisements, the consistency check and 2t > k), including rounds without secure
   * aggregation. Set false only to accept a task's explicit opt-out (docs/THREAT-MODEL.md).
   * @default true
   */
  requireMaliciousServerProtection?: boolean;
  /**
   * Ed25519 public keys (raw 32 bytes) of the enrollment authorities this device pins
   * (`conclave authority init`). Every peer of a malicious-server round must carry a valid,
   * unexpired, unrevoked certificate from one of them. @default [] (no peer can be accepted)
   */
  authorityKeys?: readonly Uint8Array[];
  /**
   * Fewest other devices, each with a valid certificate, a secure round must show this device;
   * it also helps unmask no sum of fewer than this + 1 inputs. @default 10
   */
  minCertifiedPeers?: number;
  /** Refuse tasks without a valid approval by a pinned approver (checked by the approval gate). @default true */
  requireApprovedTasks?: boolean;
  /**
   * Ed25519 public keys (raw 32 bytes) of the approvers this device pins (`conclave approver
   * init` writes `approver.pub.json`). A task runs on this device only with an approval signed by
   * one of them, listed in a transparency log that extends the last head the device saw, and a
   * plan that is what was approved. @default [] (no task can be accepted while
   * `requireApprovedTasks` holds)
   */
  approverKeys?: readonly Uint8Array[];
  /** Refuse tasks whose approved ε budget exceeds this (and tasks without DP). @default Infinity (no ceiling) */
  maxTaskEpsilon?: number;
  /**
   * Where the employee's consent decisions, the ledger and the personal privacy account persist
   * (Node: `new FileKeyValueStore(path)`; browser: `IndexedDbKeyValueStore.open()`). @default in memory
   */
  kv?: KeyValueStore;
  /** The organisation's consent policy. @default { defaultConsent: 'opt-in' } */
  policy?: { defaultConsent: ConsentPolicy };
  /** Streams the tool records, listed in `consent.status()` before any decision. @default [] */
  streams?: readonly string[];
  /**
   * The organisation's cap on the total ε this device may be exposed to across all tasks (at
   * δ = 1e-6); the employee may only lower it. A device with a finite cap declines rounds that
   * would exceed it, including rounds without differential privacy. @default Infinity (no cap)
   */
  privacyCap?: number;
  /** Extra PII scrubbers the tool adds to the built-in ones (run in `record()`). @default [] */
  scrubbers?: Scrubber[];
  /** Limits the employee or organisation sets on how much this device works for training. */
  limits?: {
    /** Training time allowed per calendar day (device local time), in ms. @default unlimited */
    trainingMsPerDay?: number;
    /**
     * Cores training may use at once: worker threads of the default trainer, each running one
     * single-threaded TensorFlow.js backend. @default 1
     */
    cpuThreads?: number;
  };
  /** How often eligibility is re-checked during a round; ineligible devices leave it. @default 2_000 */
  eligibilityIntervalMs?: number;
}

/** The defaults `createClient` fills in (documented on {@link ClientOptions}). */
export const CLIENT_DEFAULTS = {
  reconnect: { initialDelayMs: 500, maxDelayMs: 30_000 },
  maxExamplesPerRound: 10_000,
  minSecureCohort: 2,
  requireMaliciousServerProtection: true,
  minCertifiedPeers: 10,
  requireApprovedTasks: true,
  maxTaskEpsilon: Infinity,
  privacyCap: Infinity,
  cpuThreads: 1,
  eligibilityIntervalMs: 2_000,
  /** The progress interval is half the coordinator's heartbeat, never below this. */
  minProgressIntervalMs: 250,
} as const;

const WS_URL = /^wss?:\/\//;

function show(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Every issue of a field reads `<path> must be <what>, got <value>`. */
const expecting = (what: string): { errorMap: z.ZodErrorMap } => ({
  errorMap: (issue, ctx) =>
    issue.code === z.ZodIssueCode.unrecognized_keys
      ? { message: `has no option${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}` }
      : { message: `must be ${what}, got ${show(ctx.data)}` },
});

/** A value zod cannot describe structurally (a class instance, a function): checked by `test`, kept as is. */
const instance = <T>(what: string, test: (v: unknown) => boolean) => z.custom<T>(test, (v: unknown) => ({ message: `must be ${what}, got ${show(v)}` }));

const hasMethods = (...names: string[]) => (v: unknown) =>
  typeof v === 'object' && v !== null && names.every((n) => typeof (v as Record<string, unknown>)[n] === 'function');
const isFunction = (v: unknown) => typeof v === 'function';
const bytes = (v: unknown, n: number) => v instanceof Uint8Array && v.length === n;

const positiveInt = (what = 'a positive integer') => z.number(expecting(what)).int().min(1);
const durationMs = (what = 'a duration in ms (a finite number >= 0)') => z.number(expecting(what)).finite().min(0);

export const clientOptionsSchema = z
  .object(
    {
      url: z.string(expecting('a ws:// or wss:// URL')).regex(WS_URL),
      urls: z.array(z.string(expecting('a ws:// or wss:// URL')).regex(WS_URL), expecting('an array of ws:// or wss:// URLs')).readonly().default([]),
      identity: instance<DeviceIdentity>('a DeviceIdentity (32-byte publicKey, 64-byte secretKey)', (v) =>
        typeof v === 'object' && v !== null && bytes((v as DeviceIdentity).publicKey, 32) && bytes((v as DeviceIdentity).secretKey, 64),
      ).default(() => createIdentity()),
      // An empty token means none (a device enrolled earlier), as with an unset environment variable.
      enrollmentToken: z.string(expecting('a string')).optional(),
      store: instance<ExampleStore>('an ExampleStore', hasMethods('add', 'list', 'counts', 'deleteStream')).default(() => new MemoryExampleStore()),
      trainer: instance<Trainer>('a Trainer', hasMethods('train', 'evaluate', 'close')).optional(),
      eligibility: instance<() => boolean | Promise<boolean>>('a function', isFunction).optional(),
      reconnect: z
        .object({ initialDelayMs: durationMs().default(CLIENT_DEFAULTS.reconnect.initialDelayMs), maxDelayMs: durationMs().default(CLIENT_DEFAULTS.reconnect.maxDelayMs) }, expecting('an object'))
        .strict()
        .default({}),
      WebSocket: instance<SocketCtor>('a WebSocket constructor', isFunction).optional(),
      maxExamplesPerRound: positiveInt().default(CLIENT_DEFAULTS.maxExamplesPerRound),
      progressIntervalMs: durationMs().optional(),
      now: instance<() => number>('a function returning ms since the epoch', isFunction).optional(),
      clock: instance<Clock>('a Clock', hasMethods('now', 'setTimeout', 'clearTimeout')).optional(),
      random: instance<RandomFloat>('a function returning a number in [0, 1)', isFunction).default(() => Math.random),
      minSecureCohort: z.number(expecting('an integer >= 2')).int().min(2).default(CLIENT_DEFAULTS.minSecureCohort),
      requireMaliciousServerProtection: z.boolean(expecting('a boolean')).default(CLIENT_DEFAULTS.requireMaliciousServerProtection),
      authorityKeys: z
        .array(instance<Uint8Array>('a 32-byte Ed25519 public key', (v) => bytes(v, 32)), expecting('an array of 32-byte Ed25519 public keys'))
        .readonly()
        .default([]),
      minCertifiedPeers: z.number(expecting('an integer >= 1')).int().min(1).default(CLIENT_DEFAULTS.minCertifiedPeers),
      requireApprovedTasks: z.boolean(expecting('a boolean')).default(CLIENT_DEFAULTS.requireApprovedTasks),
      approverKeys: z
        .array(instance<Uint8Array>('a 32-byte Ed25519 public key', (v) => bytes(v, 32)), expecting('an array of 32-byte Ed25519 public keys'))
        .readonly()
        .default([]),
      maxTaskEpsilon: z.number(expecting('a number > 0 (Infinity for no ceiling)')).positive().default(CLIENT_DEFAULTS.maxTaskEpsilon),
      kv: instance<KeyValueStore>('a KeyValueStore', hasMethods('get', 'set', 'delete')).default(() => new MemoryKeyValueStore()),
      policy: z.object({ defaultConsent: z.enum(['opt-in', 'opt-out'], expecting("'opt-in' or 'opt-out'")) }, expecting('an object')).optional(),
      streams: z.array(z.string(expecting('a stream name')), expecting('an array of stream names')).readonly().optional(),
      privacyCap: z.number(expecting('a number >= 0 (Infinity for none)')).min(0).default(CLIENT_DEFAULTS.privacyCap),
      scrubbers: z.array(instance<Scrubber>('a Scrubber', hasMethods('find')), expecting('an array of Scrubbers')).default([]),
      limits: z
        .object({ trainingMsPerDay: durationMs().optional(), cpuThreads: positiveInt().default(CLIENT_DEFAULTS.cpuThreads) }, expecting('an object'))
        .strict()
        .default({}),
      eligibilityIntervalMs: z.number(expecting('a positive duration in ms')).finite().positive().default(CLIENT_DEFAULTS.eligibilityIntervalMs),
    },
    expecting('an object'),
  )
  .strict()
  // One clock for the parts: `now` overrides the time the clock reads.
  .transform(({ now, clock, ...rest }) => ({ ...rest, clock: now ? clockWithNow(now, clock ?? systemClock) : (clock ?? systemClock) }));

/** The options with every default filled in, as the client's parts receive them. */
export type ResolvedClientOptions = z.output<typeof clientOptionsSchema>;

/** Checks `options` and fills in the defaults; throws `INVALID_OPTIONS` naming every bad field. */
export function resolveClientOptions(options: ClientOptions): ResolvedClientOptions {
  const parsed = clientOptionsSchema.safeParse(options);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : 'options'} ${i.message}`);
  throw new ClientError('INVALID_OPTIONS', problems.join('; '));
}
