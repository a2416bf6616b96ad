import {
  DEFAULT_CHUNK_BYTES,
  PROTOCOL_VERSION,
  PlanKind,
  ProtoError,
  checkProtocolVersion,
  chunks,
  decodeFrame,
  encodeFrame,
  float32ToBytes,
  readFloat32Into,
  type BodyName,
  type BodyOf,
  type Frame,
  type IPlan,
  authMessage,
  deviceIdFor,
} from '@conclave/proto';
import { createIdentity, sign, type DeviceIdentity } from './identity.ts';
import { clipL2, l2Norm, type DistributedEncoding } from '@conclave/dp';
import { ROUND_METRIC_ENTRIES, SecAggClient, encodeRoundMetrics, quantizeWeighted, type ClientMessage, type SharesBroadcast } from '@conclave/secagg';
import { clientMessageToWire, configFromWire, serverMessageFromWire } from './secagg-wire.ts';
import { ConsentManager, STREAM_NAME, type ConsentPolicy } from './consent.ts';
import { ClientError } from './errors.ts';
import { MemoryKeyValueStore, type KeyValueStore } from './kv-store.ts';
import { Ledger, sha256Hex, type LedgerEntry } from './ledger.ts';
import { createScrubber, type Scrubber } from './pii/index.ts';
import { PersonalPrivacyAccount, type PrivacyCaps } from './privacy-ledger.ts';
import { MemoryExampleStore, isHeldOut, type ExampleStore } from './example-store.ts';
import type { Example, TrainJob, Trainer } from './train/types.ts';

export const SDK_VERSION = '0.1.0';

/** The update with one value appended (adaptive clipping's unclipped indicator). */
function withIndicator(update: Float32Array, indicator: number): Float32Array {
  const out = new Float32Array(update.length + 1);
  out.set(update);
  out[update.length] = indicator;
  return out;
}

type WireDistributedDp = NonNullable<IPlan['distributedDp']>;

/**
 * Distributed DP (Kairouz, Liu & Steinke 2021): the round's encoding, checked against the model
 * before any training. The trainer then clips, rotates, scales, rounds and adds this device's
 * discrete Gaussian noise share off the host's thread.
 */
function distributedEncoding(wire: WireDistributedDp, modelSize: number): DistributedEncoding {
  const plan = distributedPlanFromWire(wire);
  if (plan.dimension !== modelSize) throw new Error(`the plan encodes ${plan.dimension} values, the model has ${modelSize}`);
  // The rotation pads to the next power of two, never further (a larger one only costs memory).
  if (!(plan.paddedDimension >= plan.dimension && plan.paddedDimension < 2 * plan.dimension)) {
    throw new Error(`the plan pads ${plan.dimension} values to ${plan.paddedDimension}, expected the next power of two`);
  }
  return plan;
}

/** The encoded update and the survivor-count entry 1. */
function withCount(encoded: Uint32Array): Uint32Array {
  const out = new Uint32Array(encoded.length + 1);
  out.set(encoded);
  out[encoded.length] = 1;
  return out;
}

function distributedPlanFromWire(w: WireDistributedDp): DistributedEncoding {
  return {
    dimension: w.dimension ?? 0,
    paddedDimension: w.paddedDimension ?? 0,
    bits: w.bits ?? 0,
    clipNorm: w.clipNorm ?? 0,
    scale: w.scale ?? 0,
    localSigma2: w.localSigma2 ?? 0,
    l2Sensitivity: w.l2Sensitivity ?? 0,
    beta: w.beta ?? 0,
  };
}

/** Minimal structural type of a WebSocket (the browser's, or `ws` in Node). */
interface SocketLike {
  binaryType: string;
  readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
}
type SocketCtor = new (url: string) => SocketLike;

export interface ClientOptions {
  /** The coordinator's device endpoint, e.g. wss://conclave.example.com/v1/devices */
  url: string;
  /**
   * The device's Ed25519 identity, proven on every connection; its device id derives from it.
   * Persist it (Node: `loadOrCreateIdentity(dataDir)`). @default a fresh identity
   */
  identity?: DeviceIdentity;
  /** Single-use token from `conclave enroll`, needed until the device is enrolled. */
  enrollmentToken?: string;
  /** Where examples live on the device. @default in memory (see createNodeClient for durable) */
  store?: ExampleStore;
  /** Runs training off the host's main thread. @default a one-thread worker trainer (Node) */
  trainer?: Trainer;
  /** Host-supplied eligibility (idle, on power, unmetered...). Asked before every check-in. @default always eligible */
  eligibility?: () => boolean | Promise<boolean>;
  /** Reconnect back-off after a lost connection. */
  reconnect?: {
    /** @default 500 */
    initialDelayMs?: number;
    /** @default 30_000 */
    maxDelayMs?: number;
  };
  /** WebSocket implementation. @default globalThis.WebSocket, else the `ws` package */
  WebSocket?: SocketCtor;
  /** Most examples used per round (newest first). @default 10_000 */
  maxExamplesPerRound?: number;
  /** Progress messages while training, at most this often. @default half the server's heartbeat */
  progressIntervalMs?: number;
  /** @default Date.now */
  now?: () => number;
  /**
   * The fewest devices whose sum this device helps reveal under secure aggregation, whatever
   * the coordinator says (a client-enforced minimum cohort). @default 2
   */
  minSecureCohort?: number;
  /**
   * Refuse secure-aggregation rounds that run without the malicious-server protections (signed
   * advertisements and the consistency check). @default false
   */
  requireMaliciousServerProtection?: boolean;
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
  /** Extra PII scrubbers the tool adds to the built-in ones (run in `record()`). */
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

export interface RoundInfo {
  taskId: string;
  round: number;
  modelVersion: number;
  kind: 'train' | 'evaluate';
  stream: string;
  purpose: string;
}

export interface ClientEvents {
  connected: { sessionId: string; deviceId: string };
  /** The coordinator revoked this device: its examples were wiped and the client stopped. */
  revoked: { reason: string };
  /** The device left a round because the employee paused or withdrew consent. */
  withdrawn: RoundInfo & { reason: string };
  disconnected: { code: number; reason: string };
  selected: RoundInfo;
  trained: RoundInfo & { numExamples: number; trainLoss: number; ms: number };
  uploaded: RoundInfo & { bytes: number; accepted: boolean; updateNorm: number };
  evaluated: RoundInfo & { examples: number; loss: number; accuracy: number };
  roundClosed: RoundInfo & { reason: string };
  comeBackLater: { retryAfterMs: number; reason: string };
  error: ClientError;
}

type Listener<K extends keyof ClientEvents> = (event: ClientEvents[K]) => void;

/** A SecAgg+ round this device is in; it outlives the job, since unmasking follows the upload. */
interface SecureRound {
  client: SecAggClient;
  quant: { clipRange: number; bits: number; maxWeight: number };
  cohortSize: number;
  /** Fewest survivors the round can commit with (distributed DP: whose noise is in any sum). */
  minSurvivors: number;
  /** Masked round metrics appended after the weight entry (0 or ROUND_METRIC_ENTRIES). */
  metricsEntries: number;
  /** Steps of one round run one after another. */
  chain: Promise<void>;
  /** SharesBroadcast that arrived before training finished. */
  pendingShares?: SharesBroadcast;
  /** Called with the masked input once both training and the key exchange are done. */
  onMasked?: (masked: Uint8Array) => void;
}

interface Job {
  info: RoundInfo;
  plan: IPlan;
  weights: Float32Array;
  received: number;
  cancelled: boolean;
  /** The encoded update, announced by UploadStart and waiting for UploadGrant. */
  pendingUpload?: Uint8Array;
  /** Exactly the frames sent for this upload, for the ledger's byte count and SHA-256. */
  sentFrames?: Uint8Array[];
  bytesSent?: number;
  numExamples?: number;
  /** L2 norm of the update as sent (after clipping). */
  updateNorm?: number;
  secure?: SecureRound;
}

export interface ConclaveClient {
  /** Derived from the identity's public key; known once `start()` has resolved. */
  readonly deviceId: string;
  /**
   * Records one example for a stream, on the device: its text is scrubbed of PII first, and
   * nothing is stored for a stream the employee has not consented to or while paused.
   */
  record(stream: string, example: Example): Promise<{ stored: boolean; scrubbed: number }>;
  /** Connects and takes part in rounds until stop(). */
  start(): Promise<void>;
  /** Leaves any round (as a dropout), closes the connection and the trainer if it owns it. */
  stop(): Promise<void>;
  on<K extends keyof ClientEvents>(event: K, listener: Listener<K>): () => void;
  /** Example counts per stream held on this device. */
  counts(): Promise<Record<string, number>>;
  /** The employee's consent per stream, and pausing. Every change takes effect at once. */
  readonly consent: ConsentManager;
  /** What left this device: one entry per upload, never raw data. */
  readonly ledger: { entries(): Promise<LedgerEntry[]>; exportText(): Promise<string> };
  /** This device's own account of the privacy loss it has been exposed to, across tasks. */
  readonly privacy: { spent(): Promise<number>; setCap(epsilon: number | null): Promise<void>; caps(): Promise<PrivacyCaps> };
  /** Wipes every example (and the ledger, unless `keepLedger`). Consent and the privacy account stay. */
  forgetAll(options?: { keepLedger?: boolean }): Promise<void>;
}

async function defaultSocket(): Promise<SocketCtor> {
  const g = globalThis as { WebSocket?: SocketCtor };
  if (g.WebSocket) return g.WebSocket;
  const ws = await import('ws');
  return ws.WebSocket as unknown as SocketCtor;
}

async function defaultTrainer(threads: number): Promise<Trainer> {
  const { createWorkerTrainer } = await import('./train/worker-trainer.ts');
  return createWorkerTrainer({ threads });
}

/**
 * Creates a client. Nothing connects until `start()`; `record()` works at any time.
 *
 * The protocol, seen from the device (PROTOCOL.md has the whole sequence): Hello → Welcome →
 * CheckIn → (ComeBackLater | Selected → ModelChunk* → train → UploadStart → UploadChunk* →
 * ReportAck) → CheckIn → …
 */
export function createClient(options: ClientOptions): ConclaveClient {
  const cpuThreads = options?.limits?.cpuThreads;
  if (cpuThreads !== undefined && !(Number.isInteger(cpuThreads) && cpuThreads >= 1)) {
    throw new ClientError('INVALID_OPTIONS', `limits.cpuThreads must be a positive integer, got ${cpuThreads}`);
  }
  if (!options || typeof options.url !== 'string' || !/^wss?:\/\//.test(options.url)) {
    throw new ClientError('INVALID_OPTIONS', `url must be a ws:// or wss:// URL, got ${JSON.stringify(options?.url)}`);
  }
  const identity = options.identity ?? createIdentity();
  let deviceId = '';
  const store = options.store ?? new MemoryExampleStore();
  const now = options.now ?? Date.now;
  const maxExamples = options.maxExamplesPerRound ?? 10_000;
  const initialDelay = options.reconnect?.initialDelayMs ?? 500;
  const maxDelay = options.reconnect?.maxDelayMs ?? 30_000;
  const listeners = new Map<keyof ClientEvents, Set<(e: unknown) => void>>();
  const kv = options.kv ?? new MemoryKeyValueStore();
  // Examples are written and deleted on one chain, so a revoke can never race a record.
  let storeChain: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T> | T): Promise<T> => {
    const next = storeChain.then(fn, fn);
    storeChain = next.catch(() => {});
    return next;
  };
  const consent = new ConsentManager({
    kv,
    now,
    ...(options.policy ? { policy: options.policy } : {}),
    ...(options.streams ? { streams: options.streams } : {}),
    onRevoke: (stream) =>
      serial(() => {
        streamsWithExamples.delete(stream);
        return store.deleteStream(stream);
      }),
  });
  const ledger = new Ledger({ kv });
  const personal = new PersonalPrivacyAccount({ kv, organisationCap: options.privacyCap ?? Infinity });
  const scrubber = createScrubber({ extra: options.scrubbers ?? [] });
  const modelCache = new Map<string, { version: number; weights: Float32Array }>();
  const secureRounds = new Map<string, SecureRound>();
  /** Streams known to hold examples (cleared whenever examples are deleted). */
  const streamsWithExamples = new Set<string>();

  let trainer: Trainer | undefined = options.trainer;
  let ownsTrainer = false;
  let socket: SocketLike | undefined;
  let running = false;
  let attempt = 0;
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  let checkInTimer: ReturnType<typeof setTimeout> | undefined;
  let job: Job | undefined;
  let heartbeatMs = 15_000;

  function emit<K extends keyof ClientEvents>(event: K, payload: ClientEvents[K]): void {
    for (const fn of listeners.get(event) ?? []) {
      try {
        fn(payload);
      } catch {
        // A host listener's bug must not break the protocol.
      }
    }
  }

  /** Sends one frame; returns exactly the bytes sent (empty when not connected). */
  function send<K extends BodyName>(body: K, message: BodyOf<K>): Uint8Array {
    if (!socket || socket.readyState !== 1) return new Uint8Array(0);
    const bytes = encodeFrame(body, message);
    socket.send(bytes);
    return bytes;
  }

  async function checkIn(): Promise<void> {
    if (!running || !socket || job) return;
    await consent.ready();
    const all = await store.counts();
    const eligible = await eligibleNow();
    // Only streams the employee consents to are offered, and nothing while paused.
    const streams = Object.keys(all).filter((s) => (all[s] ?? 0) > 0 && consent.allows(s));
    const counts = Object.fromEntries(streams.map((s) => [s, all[s]!]));
    if (!running || !socket || job) return;
    send('checkIn', {
      streams,
      eligible: eligible && streams.length > 0 && !consent.status().paused,
      cached: [...modelCache].map(([taskId, m]) => ({ taskId, modelVersion: m.version })),
      exampleCounts: counts,
    });
  }

  function scheduleCheckIn(delayMs: number): void {
    if (checkInTimer) clearTimeout(checkInTimer);
    checkInTimer = setTimeout(() => {
      checkInTimer = undefined;
      void checkIn();
    }, delayMs);
  }

  function finishJob(): void {
    job = undefined;
    void checkIn();
  }

  function onSelected(m: BodyOf<'selected'>): void {
    const plan = m.plan ?? {};
    const info: RoundInfo = {
      taskId: m.taskId ?? '',
      round: m.round ?? 0,
      modelVersion: m.modelVersion ?? 0,
      kind: plan.kind === PlanKind.EVALUATE ? 'evaluate' : 'train',
      stream: plan.stream ?? '',
      purpose: plan.purpose ?? '',
    };
    if (job) job.cancelled = true;
    const cached = modelCache.get(info.taskId);
    const bytes = m.modelBytes ?? 0;
    if (m.modelCached && cached?.version === info.modelVersion) {
      job = { info, plan, weights: cached.weights, received: bytes, cancelled: false };
    } else {
      job = { info, plan, weights: new Float32Array(bytes / 4), received: 0, cancelled: false };
    }
    const j = job;
    emit('selected', info);
    if (m.secagg) startSecureRound(j, m.secagg);
    // The secure round may already have been refused (and the job withdrawn).
    if (j.cancelled || job !== j) return;
    watchEligibility(j);
    if (j.received === bytes) void runJob(j);
  }

  const secureKey = (taskId: string, round: number) => `${taskId}#${round}`;

  /**
   * The noise on this round's update over its sensitivity: what the device's own privacy
   * account charges. With distributed DP the device works it out from the encoding itself:
   * only the noise shares of the fewest survivors the round can commit with count.
   */
  function noiseMultiplierOf(j: Job): number {
    const z = j.plan.noiseMultiplier ?? 0;
    const dd = j.plan.distributedDp;
    if (!dd || !j.secure || z <= 0) return z;
    const own = Math.sqrt(j.secure.minSurvivors * (dd.localSigma2 ?? 0)) / (dd.l2Sensitivity || Infinity);
    return Math.min(z, own);
  }

  /** Sends a granted update, accounts its privacy cost and writes the ledger entry. */
  async function sendUpload(j: Job, bytes: Uint8Array): Promise<void> {
    const z = noiseMultiplierOf(j);
    let epsilonShare = 0;
    if (z > 0) {
      // Counted before anything is sent: conservative if the upload then fails.
      epsilonShare = await personal.record({ noiseMultiplier: z });
    }
    if (j.cancelled) return;
    if (!consent.allows(j.info.stream)) return withdrawForConsent(j);
    const frames = j.sentFrames ?? [];
    for (const { offset, data } of chunks(bytes, DEFAULT_CHUNK_BYTES)) {
      if (j.cancelled) return;
      frames.push(send('uploadChunk', { taskId: j.info.taskId, round: j.info.round, offset, data }));
    }
    j.bytesSent = frames.reduce((n, f) => n + f.byteLength, 0);
    await ledger.append({
      time: now(),
      taskId: j.info.taskId,
      purpose: j.info.purpose,
      modelVersion: j.info.modelVersion,
      streams: [j.info.stream],
      examples: j.numExamples ?? 0,
      updateNorm: j.updateNorm ?? 0,
      ...(z > 0
        ? { privacy: { noiseMultiplier: z, samplingRate: j.plan.samplingRate ?? 0, clipNorm: j.plan.clipNorm ?? 0, epsilonShare } }
        : {}),
      ...(j.secure ? { secureAggregationCohort: j.secure.cohortSize } : {}),
      bytesSent: j.bytesSent,
      sha256: await sha256Hex(frames),
    });
  }

  const dayKey = () => {
    const d = new Date(now());
    return `conclave.training-ms.${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
  };
  async function trainingMsToday(): Promise<number> {
    return Number((await kv.get(dayKey())) ?? 0);
  }
  async function addTrainingMs(ms: number): Promise<void> {
    await kv.set(dayKey(), String((await trainingMsToday()) + ms));
  }
  /** Host hooks and the employee's limits together: may this device work for training now? */
  async function eligibleNow(): Promise<boolean> {
    if (options.eligibility && !(await options.eligibility())) return false;
    const budget = options.limits?.trainingMsPerDay;
    return budget === undefined || (await trainingMsToday()) < budget;
  }

  /** While a round runs, a device that stops being eligible (unplugged, busy) leaves it cleanly. */
  function watchEligibility(j: Job): void {
    const timer = setInterval(() => {
      if (j.cancelled || job !== j) return clearInterval(timer);
      void eligibleNow().then((ok) => {
        if (ok || j.cancelled || job !== j) return;
        clearInterval(timer);
        leaveIneligible(j);
      });
    }, options.eligibilityIntervalMs ?? 2_000);
    (timer as { unref?: () => void }).unref?.();
  }

  function leaveIneligible(j: Job): void {
    if (j.cancelled) return;
    secureRounds.delete(secureKey(j.info.taskId, j.info.round));
    emit('withdrawn', { ...j.info, reason: 'the device stopped being eligible' });
    withdraw(j, 'the device stopped being eligible');
  }

  /** A pause or withdrawal during a round: leave it at once, as a dropout. */
  function withdrawForConsent(j: Job): void {
    if (j.cancelled) return;
    secureRounds.delete(secureKey(j.info.taskId, j.info.round));
    emit('withdrawn', { ...j.info, reason: 'the employee paused or withdrew consent' });
    withdraw(j, 'the employee paused or withdrew consent');
  }

  consent.on('change', (c) => {
    const j = job;
    if (j && !consent.allows(j.info.stream)) withdrawForConsent(j);
    if (c.kind === 'resume' || c.kind === 'pause-ended' || c.kind === 'grant') void checkIn();
    // Paused or no consented stream left: tell the coordinator this device is not available.
    if ((c.kind === 'pause' || c.kind === 'revoke') && running && socket && !job) void checkIn();
  });

  /** SecAgg+ round 0: advertise this round's keys while the model downloads and trains. */
  function startSecureRound(j: Job, wire: NonNullable<BodyOf<'selected'>['secagg']>): void {
    const { config, clientId, quant, identityKeys, metricsEntries } = configFromWire(wire);
    let client: SecAggClient;
    try {
      const hex = (k: Uint8Array) => Array.from(k, (b) => b.toString(16).padStart(2, '0')).join('');
      const distinct = new Set(identityKeys.map(hex)).size === identityKeys.length;
      client = new SecAggClient({
        config,
        clientId,
        policy: {
          minSurvivors: Math.max(2, options.minSecureCohort ?? 2),
          ...(options.requireMaliciousServerProtection ? { requireConsistencyCheck: true } : {}),
        },
        ...(config.consistencyCheck
          ? {
              // Sign this round's advertisement with the enrolled identity (tweetnacl's secret key
              // is seed ‖ public key), and accept peers only under the cohort's enrolled keys, all
              // distinct (one device cannot stand in for several), our own among them.
              identitySeed: identity.secretKey.subarray(0, 32),
              verifyPeerIdentity: (id: number, key: Uint8Array) =>
                distinct && identityKeys.length === config.cohortSize && hex(identityKeys[id - 1] ?? new Uint8Array()) === hex(key),
            }
          : {}),
      });
      if (metricsEntries !== 0 && metricsEntries !== ROUND_METRIC_ENTRIES) throw new Error(`${metricsEntries} round-metric entries asked for; this SDK sends 0 or ${ROUND_METRIC_ENTRIES}`);
      // Metrics carry no noise: a device never adds them to a differentially private round.
      if (metricsEntries > 0 && (j.plan.noiseMultiplier ?? 0) > 0) throw new Error('round metrics asked for in a differentially private round, where they would travel without noise');
      if (config.consistencyCheck && hex(identityKeys[clientId - 1] ?? new Uint8Array()) !== hex(identity.publicKey)) {
        throw new Error(`the cohort lists another identity key for this device (client ${clientId})`);
      }
    } catch (err) {
      emit('error', new ClientError('SERVER_ERROR', `refusing the secure aggregation round: ${(err as Error).message}`));
      withdraw(j, 'secure aggregation configuration refused');
      return;
    }
    const sr: SecureRound = { client, quant, cohortSize: config.cohortSize, minSurvivors: config.minSurvivors, metricsEntries, chain: Promise.resolve() };
    j.secure = sr;
    secureRounds.set(secureKey(j.info.taskId, j.info.round), sr);
    step(j.info.taskId, j.info.round, sr, () => client.advertiseKeys());
  }

  /** Runs one protocol step after the previous one and sends what it produces. */
  function step(taskId: string, round: number, sr: SecureRound, body: () => Promise<ClientMessage | undefined>): void {
    sr.chain = sr.chain.then(async () => {
      try {
        const out = await body();
        if (out && out.type !== 'masked-input') send('secagg', clientMessageToWire(taskId, round, out));
        if (out?.type === 'unmask-shares') secureRounds.delete(secureKey(taskId, round));
      } catch (err) {
        secureRounds.delete(secureKey(taskId, round));
        emit('error', new ClientError('SERVER_ERROR', `secure aggregation step refused: ${(err as Error).message}`));
        if (job && job.info.taskId === taskId && job.info.round === round) withdraw(job, 'secure aggregation step refused');
      }
    });
  }

  function onSecAgg(m: BodyOf<'secagg'>): void {
    const taskId = m.taskId ?? '';
    const round = m.round ?? 0;
    const sr = secureRounds.get(secureKey(taskId, round));
    const message = serverMessageFromWire(m);
    if (!sr || !message) return;
    switch (message.type) {
      case 'keys-broadcast':
        return step(taskId, round, sr, () => sr.client.handleKeysBroadcast(message));
      case 'shares-broadcast':
        sr.pendingShares = message;
        return maybeMask(taskId, round, sr);
      case 'consistency-request':
        return step(taskId, round, sr, () => sr.client.handleConsistencyRequest(message));
      case 'unmask-request':
        return step(taskId, round, sr, () => sr.client.handleUnmaskRequest(message));
      default:
        return;
    }
  }

  /** Round 2 needs both the shares and this device's trained, quantized update. */
  function maybeMask(taskId: string, round: number, sr: SecureRound): void {
    const shares = sr.pendingShares;
    if (!shares || !sr.onMasked) return;
    sr.pendingShares = undefined;
    const onMasked = sr.onMasked;
    step(taskId, round, sr, async () => {
      const masked = await sr.client.handleSharesBroadcast(shares);
      onMasked(masked.vector);
      return masked;
    });
  }

  function onModelChunk(m: BodyOf<'modelChunk'>): void {
    const j = job;
    if (!j || j.info.taskId !== m.taskId || j.info.modelVersion !== m.modelVersion) return;
    const data = m.data ?? new Uint8Array();
    if ((m.offset ?? 0) !== j.received) {
      emit('error', new ClientError('SERVER_ERROR', `model chunk at byte ${m.offset}, expected ${j.received}`));
      withdraw(j, 'model download out of order');
      return;
    }
    readFloat32Into(j.weights, j.received, data);
    j.received += data.byteLength;
    if (j.received === j.weights.byteLength) {
      modelCache.set(j.info.taskId, { version: j.info.modelVersion, weights: j.weights });
      void runJob(j);
    }
  }

  function withdraw(j: Job, reason: string): void {
    j.cancelled = true;
    send('withdraw', { taskId: j.info.taskId, round: j.info.round, reason });
    if (job === j) finishJob();
  }

  async function runJob(j: Job): Promise<void> {
    const started = now();
    try {
      trainer ??= await (async () => {
        ownsTrainer = true;
        return defaultTrainer(options.limits?.cpuThreads ?? 1);
      })();
      const all = await store.list(j.info.stream, maxExamples);
      const fraction = j.plan.evalFraction || 0.2;
      const evalExamples = all.filter((e) => isHeldOut(e.id, fraction));
      const trainExamples = all.filter((e) => !isHeldOut(e.id, fraction));
      const cap = j.plan.maxExamples || Infinity;
      const strip = (e: Example): Example => ({ label: e.label, ...(e.text !== undefined ? { text: e.text } : {}), ...(e.features ? { features: e.features } : {}) });
      const base = {
        topologyJson: j.plan.topologyJson ?? '',
        featuresJson: j.plan.featuresJson ?? '{}',
        loss: j.plan.loss ?? 'binaryCrossentropy',
        weights: j.weights.slice(),
        evalExamples: evalExamples.map(strip),
      };
      if (j.info.kind === 'evaluate') {
        const result = await trainer.evaluate(base);
        if (j.cancelled) return;
        if (result.examples === 0) return withdraw(j, 'no held-out examples for this stream');
        send('evalReport', {
          taskId: j.info.taskId,
          round: j.info.round,
          modelVersion: j.info.modelVersion,
          evalExamples: result.examples,
          evalLoss: result.loss,
          evalAccuracy: result.accuracy,
        });
        emit('evaluated', { ...j.info, ...result });
        return;
      }
      if (trainExamples.length === 0) return withdraw(j, 'no training examples for this stream');
      const minExamples = j.plan.minExamples || 1;
      if (trainExamples.length < minExamples) {
        return withdraw(j, `${trainExamples.length} training example${trainExamples.length === 1 ? '' : 's'} for this stream; the task needs at least ${minExamples} per round`);
      }
      if (!(await eligibleNow())) return leaveIneligible(j);
      // The employee's own privacy cap: decline a round that would take this device over it.
      if (await personal.wouldExceed({ noiseMultiplier: noiseMultiplierOf(j) })) {
        return withdraw(j, 'this round would exceed the privacy cap set for this device');
      }
      if (!consent.allows(j.info.stream)) return withdrawForConsent(j);
      let distributed: TrainJob['distributedDp'];
      if (j.plan.distributedDp) {
        if (!j.secure) return withdraw(j, 'distributed differential privacy needs secure aggregation, which this round does not run');
        try {
          distributed = { plan: distributedEncoding(j.plan.distributedDp, j.weights.length), rotationSeed: j.plan.distributedDp.rotationSeed ?? 0 };
        } catch (err) {
          emit('error', new ClientError('SERVER_ERROR', `refusing this round's distributed-DP encoding: ${(err as Error).message}`));
          return withdraw(j, 'distributed-DP encoding refused');
        }
      }
      let lastProgress = 0;
      const interval = options.progressIntervalMs ?? Math.max(250, heartbeatMs / 2);
      const result = await trainer.train(
        {
          ...base,
          examples: trainExamples.slice(-cap).map(strip),
          localEpochs: j.plan.localEpochs || 1,
          batchSize: j.plan.batchSize || 32,
          learningRate: j.plan.clientLearningRate || 0.01,
          proxMu: j.plan.proxMu ?? 0,
          seed: j.info.round,
          ...(distributed ? { distributedDp: distributed } : {}),
        },
        (fraction) => {
          if (j.cancelled || now() - lastProgress < interval) return;
          lastProgress = now();
          send('progress', { taskId: j.info.taskId, round: j.info.round, fraction });
        },
      );
      if (j.cancelled) return;
      await addTrainingMs(now() - started);
      if (j.cancelled) return;
      if (!(await eligibleNow())) return leaveIneligible(j);
      j.numExamples = result.numExamples;
      emit('trained', { ...j.info, numExamples: result.numExamples, trainLoss: result.trainLoss, ms: now() - started });
      // Differential privacy: the update leaves the device clipped to the task's L2 norm.
      const clipNorm = j.plan.clipNorm ?? 0;
      const clipped = clipNorm > 0 ? clipL2(result.delta, clipNorm).clipped : result.delta;
      j.updateNorm = l2Norm(clipped);
      // Adaptive clipping: one more value, +1/2 when the update fit under the clip norm.
      const delta = j.plan.clipIndicator ? withIndicator(clipped, l2Norm(result.delta) <= clipNorm ? 0.5 : -0.5) : clipped;
      if (j.secure) {
        // Quantize the update with its weight (the example count, or 1 under DP) as the last
        // entry, then mask it: the coordinator never sees either in the clear. With distributed
        // DP the device encodes it with its own share of the noise instead.
        const sr = j.secure;
        const weight = clipNorm > 0 ? 1 : result.numExamples;
        let input: Uint32Array;
        try {
          if (distributed && !result.encoded) throw new Error('the trainer did not encode the update for distributed DP');
          input = result.encoded ? withCount(result.encoded) : quantizeWeighted(delta, weight, { ...sr.quant, cohortSize: sr.cohortSize });
          if (sr.metricsEntries > 0) {
            // This round's loss and the received model's held-out evaluation, masked like the update.
            const metrics = encodeRoundMetrics(
              { trainLoss: result.trainLoss, evalExamples: result.evalBefore.examples, evalLoss: result.evalBefore.loss, evalAccuracy: result.evalBefore.accuracy },
              sr.quant.maxWeight,
            );
            const withMetrics = new Uint32Array(input.length + metrics.length);
            withMetrics.set(input);
            withMetrics.set(metrics, input.length);
            input = withMetrics;
          }
        } catch (err) {
          emit('error', new ClientError('SERVER_ERROR', `cannot encode this round's update: ${(err as Error).message}`));
          return withdraw(j, 'update encoding refused');
        }
        sr.client.setInput(input);
        sr.onMasked = (masked) => {
          if (j.cancelled) return;
          if (!consent.allows(j.info.stream)) return withdrawForConsent(j);
          const start = send('uploadStart', {
            taskId: j.info.taskId,
            round: j.info.round,
            modelVersion: j.info.modelVersion,
            updateBytes: masked.byteLength,
          });
          j.pendingUpload = masked;
          j.sentFrames = [start];
        };
        maybeMask(j.info.taskId, j.info.round, sr);
        return;
      }
      if (!consent.allows(j.info.stream)) return withdrawForConsent(j);
      const bytes = float32ToBytes(delta);
      const start = send('uploadStart', {
        taskId: j.info.taskId,
        round: j.info.round,
        modelVersion: j.info.modelVersion,
        numExamples: result.numExamples,
        updateBytes: bytes.byteLength,
        trainLoss: result.trainLoss,
        evalExamples: result.evalBefore.examples,
        evalLoss: result.evalBefore.loss,
        evalAccuracy: result.evalBefore.accuracy,
      });
      // The coordinator answers with UploadGrant when it has room for this update.
      j.pendingUpload = bytes;
      j.sentFrames = [start];
    } catch (err) {
      if (j.cancelled) return;
      emit('error', new ClientError('TRAINING_FAILED', `training for ${j.info.taskId} round ${j.info.round} failed: ${(err as Error).message}`));
      withdraw(j, 'training failed on the device');
    }
  }

  function onFrame(frame: Frame): void {
    switch (frame.body) {
      case 'challenge':
        send('proof', { signature: sign(identity, authMessage(frame.message.nonce ?? new Uint8Array(), identity.publicKey)) });
        return;
      case 'welcome':
        attempt = 0;
        heartbeatMs = frame.message.heartbeatMs || heartbeatMs;
        try {
          checkProtocolVersion(frame.message.protocolVersion ?? 0, 'server');
        } catch (err) {
          emit('error', new ClientError('PROTOCOL_VERSION', (err as Error).message));
          socket?.close(4001, 'protocol version');
          return;
        }
        emit('connected', { sessionId: frame.message.sessionId ?? '', deviceId: frame.message.deviceId ?? deviceId });
        void checkIn();
        return;
      case 'comeBackLater':
        emit('comeBackLater', { retryAfterMs: frame.message.retryAfterMs ?? 0, reason: frame.message.reason ?? '' });
        scheduleCheckIn(Math.max(100, frame.message.retryAfterMs ?? 30_000));
        return;
      case 'selected':
        return onSelected(frame.message);
      case 'modelChunk':
        return onModelChunk(frame.message);
      case 'secagg':
        return onSecAgg(frame.message);
      case 'uploadGrant': {
        const j = job;
        if (!j || j.cancelled || !j.pendingUpload || j.info.taskId !== frame.message.taskId || j.info.round !== frame.message.round) return;
        const bytes = j.pendingUpload;
        j.pendingUpload = undefined;
        void sendUpload(j, bytes);
        return;
      }
      case 'reportAck': {
        const j = job;
        if (j && j.info.taskId === frame.message.taskId && j.info.round === frame.message.round) {
          if (j.info.kind === 'train') emit('uploaded', { ...j.info, bytes: j.bytesSent ?? 0, accepted: !!frame.message.accepted, updateNorm: j.updateNorm ?? 0 });
          finishJob();
        }
        return;
      }
      case 'roundClosed': {
        secureRounds.delete(secureKey(frame.message.taskId ?? '', frame.message.round ?? 0));
        const j = job;
        if (j && j.info.taskId === frame.message.taskId && j.info.round === frame.message.round) {
          j.cancelled = true;
          emit('roundClosed', { ...j.info, reason: frame.message.reason ?? '' });
          finishJob();
        }
        return;
      }
      case 'error': {
        const m = frame.message;
        if (m.code === 'DEVICE_REVOKED') {
          void onRevoked(m.message ?? '');
          return;
        }
        if (m.code === 'UNAUTHENTICATED') {
          // Waiting does not help a device that is not enrolled: stop and say why.
          running = false;
          emit('error', new ClientError('NOT_ENROLLED', `coordinator refused this device: ${m.message}`, m.code));
          return;
        }
        const code = m.code === 'PROTOCOL_VERSION' ? 'PROTOCOL_VERSION' : 'SERVER_ERROR';
        emit('error', new ClientError(code, `coordinator: ${m.code}: ${m.message}`, m.code ?? undefined));
        const j = job;
        if (!m.fatal && j && m.taskId === j.info.taskId && m.round === j.info.round) {
          j.cancelled = true;
          finishJob();
        }
        return;
      }
      default:
        emit('error', new ClientError('SERVER_ERROR', `unexpected ${frame.body} from the coordinator`));
    }
  }

  /** A revoked device wipes what it holds and stops for good. */
  async function onRevoked(reason: string): Promise<void> {
    running = false;
    if (job) job.cancelled = true;
    await serial(async () => {
      streamsWithExamples.clear();
      for (const stream of Object.keys(await store.counts())) await store.deleteStream(stream);
    });
    modelCache.clear();
    emit('revoked', { reason });
  }

  async function connect(): Promise<void> {
    if (!running) return;
    const Ctor = options.WebSocket ?? (await defaultSocket());
    const ws = new Ctor(options.url);
    socket = ws;
    ws.binaryType = 'arraybuffer';
    ws.onopen = () =>
      send('hello', {
        protocolVersion: PROTOCOL_VERSION,
        sdkVersion: SDK_VERSION,
        publicKey: identity.publicKey,
        ...(options.enrollmentToken ? { enrollmentToken: options.enrollmentToken } : {}),
      });
    ws.onmessage = (ev) => {
      if (socket !== ws) return;
      const data = ev.data;
      if (!(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data)) return;
      try {
        onFrame(decodeFrame(data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
      } catch (err) {
        const e = err as ProtoError;
        emit('error', new ClientError('SERVER_ERROR', `bad frame from the coordinator: ${e.message}`));
      }
    };
    ws.onerror = () => {
      // onclose follows; errors before open are reported there.
    };
    ws.onclose = (ev) => {
      if (socket !== ws) return;
      socket = undefined;
      if (job) job.cancelled = true;
      job = undefined;
      if (checkInTimer) clearTimeout(checkInTimer);
      emit('disconnected', { code: ev.code, reason: ev.reason });
      if (!running) return;
      // Exponential back-off with full jitter; a version mismatch waits the longest.
      attempt += 1;
      const cap = ev.code === 4001 ? maxDelay : Math.min(maxDelay, initialDelay * 2 ** Math.min(attempt, 16));
      const delay = ev.code === 4001 ? maxDelay : Math.random() * cap;
      reconnectTimer = setTimeout(() => void connect(), delay);
    };
  }

  return {
    get deviceId() {
      return deviceId;
    },
    async record(stream, example) {
      if (typeof stream !== 'string' || !STREAM_NAME.test(stream)) {
        throw new ClientError('INVALID_EXAMPLE', `stream must be lowercase letters, digits, . _ - (at most 64), got ${JSON.stringify(stream)}`);
      }
      if (!example || typeof example.label !== 'number' || !Number.isFinite(example.label)) {
        throw new ClientError('INVALID_EXAMPLE', `example.label must be a finite number, got ${JSON.stringify(example?.label)}`);
      }
      if (example.text === undefined && example.features === undefined) {
        throw new ClientError('INVALID_EXAMPLE', 'example needs text or features');
      }
      if (example.text !== undefined && typeof example.text !== 'string') throw new ClientError('INVALID_EXAMPLE', 'example.text must be a string');
      if (example.features !== undefined && (!Array.isArray(example.features) || !example.features.every(Number.isFinite))) {
        throw new ClientError('INVALID_EXAMPLE', 'example.features must be an array of finite numbers');
      }
      await consent.ready();
      if (!consent.allows(stream)) return { stored: false, scrubbed: 0 };
      // PII is scrubbed before anything is stored.
      let scrubbed = 0;
      let clean = example;
      if (example.text !== undefined) {
        const result = scrubber.scrub(example.text);
        scrubbed = result.findings.length;
        clean = { ...example, text: result.text };
      }
      return serial(async () => {
        if (!consent.allows(stream)) return { stored: false, scrubbed };
        // Counting the store once per stream, not on every record.
        const first = !streamsWithExamples.has(stream) && !((await store.counts())[stream]! > 0);
        await store.add(stream, clean, now());
        streamsWithExamples.add(stream);
        // A stream's first example makes the device useful to tasks on it: check in again now
        // rather than when the coordinator's come-back-later delay runs out.
        if (first && running && socket && !job) void checkIn();
        return { stored: true, scrubbed };
      });
    },
    consent,
    ledger: { entries: () => ledger.entries(), exportText: () => ledger.exportText() },
    privacy: { spent: () => personal.spent(), setCap: (e) => personal.setCap(e), caps: () => personal.caps() },
    async forgetAll(opts = {}) {
      const j = job;
      if (j) withdraw(j, 'the employee wiped this device');
      secureRounds.clear();
      modelCache.clear();
      await serial(async () => {
        streamsWithExamples.clear();
        for (const stream of Object.keys(await store.counts())) await store.deleteStream(stream);
      });
      if (!opts.keepLedger) await ledger.clear();
    },
    async start() {
      if (running) return;
      running = true;
      deviceId ||= await deviceIdFor(identity.publicKey);
      await connect();
    },
    async stop() {
      running = false;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      if (checkInTimer) clearTimeout(checkInTimer);
      const j = job;
      if (j) withdraw(j, 'client stopped');
      const ws = socket;
      socket = undefined;
      if (ws && ws.readyState <= 1) {
        await new Promise<void>((resolve) => {
          ws.onclose = () => resolve();
          ws.close(1000, 'client stopped');
          setTimeout(resolve, 1_000);
        });
      }
      if (ownsTrainer && trainer) await trainer.close();
      if (ownsTrainer) trainer = undefined;
      await consent.close();
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (e: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (e: unknown) => void);
    },
    async counts() {
      return store.counts();
    },
  };
}
