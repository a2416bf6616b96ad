/**
 * A simulated device for coordinator unit tests: a `DeviceLink` in memory (no socket) that
 * speaks the wire protocol's messages with the coordinator directly, and can play its part of
 * a round: a plain update, or SecAgg+ with the real `SecAggClient` (and, for distributed DP,
 * the real `encodeDistributedUpdate`). Tests decide which device stays silent in which phase.
 */
import { encodeDistributedUpdate } from '@conclave/dp';
import type { BodyName, BodyOf, Frame, WireErrorCode } from '@conclave/proto';
import { SecAggClient, encodeEvaluation, encodeRoundMetrics, quantizeWeighted, type ClientMessage, type ServerMessage } from '@conclave/secagg';
import type { Coordinator } from '../../src/coordinator.ts';
import type { DeviceLink, DeviceSession, RoundContext } from '../../src/device-link.ts';

type Wire = BodyOf<'secagg'>;
const bytes = (b: Uint8Array | null | undefined): Uint8Array => b ?? new Uint8Array(0);

function serverMessageFromWire(w: Wire): ServerMessage {
  const roundId = bytes(w.roundId);
  if (w.keysBroadcast) {
    const peers = (w.keysBroadcast.peers ?? []).map((p) => ({
      clientId: p.clientId ?? 0,
      encryptionPublicKey: bytes(p.encryptionPublicKey),
      maskingPublicKey: bytes(p.maskingPublicKey),
      identityPublicKey: bytes(p.identityPublicKey),
      signature: bytes(p.signature),
    }));
    return { type: 'keys-broadcast', roundId, peers };
  }
  if (w.sharesBroadcast) return { type: 'shares-broadcast', roundId, shares: (w.sharesBroadcast.shares ?? []).map((s) => ({ sender: s.peer ?? 0, ciphertext: bytes(s.ciphertext) })) };
  if (w.consistencyRequest) return { type: 'consistency-request', roundId, survivors: [...(w.consistencyRequest.survivors ?? [])] };
  if (w.unmaskRequest) {
    const u = w.unmaskRequest;
    const signatures = (u.signatures ?? []).map((s) => ({ clientId: s.clientId ?? 0, signature: bytes(s.signature) }));
    return { type: 'unmask-request', roundId, survivors: [...(u.survivors ?? [])], dropped: [...(u.dropped ?? [])], signatures };
  }
  throw new Error('secagg frame with no step');
}

function clientMessageToWire(taskId: string, round: number, m: ClientMessage): Wire {
  const head = { taskId, round, roundId: m.roundId };
  switch (m.type) {
    case 'advertise-keys':
      return { ...head, advertiseKeys: { encryptionPublicKey: m.encryptionPublicKey, maskingPublicKey: m.maskingPublicKey, identityPublicKey: m.identityPublicKey, signature: m.signature } };
    case 'share-keys':
      return { ...head, shareKeys: { shares: m.shares.map((s) => ({ peer: s.recipient, ciphertext: s.ciphertext })) } };
    case 'consistency-signature':
      return { ...head, consistencySignature: { signature: m.signature } };
    case 'unmask-shares':
      return { ...head, unmaskShares: { selfMaskShares: m.selfMaskShares.map((r) => ({ ...r })), pairwiseKeyShares: m.pairwiseKeyShares.map((r) => ({ ...r })) } };
    case 'masked-input':
      throw new Error('the masked input travels as an upload');
  }
}

/** What a device does in a round, by phase. */
export interface Behaviour {
  /** The update it trains (model units); default all 0.01. */
  update?: (dimension: number) => number[];
  numExamples?: number;
  /** The phase in which it stops answering (it stays connected). */
  silentAt?: 'upload' | 'advertise-keys' | ServerMessage['type'];
}

/** Wakes tests waiting for a condition whenever anything happens. */
export class Events {
  private waiters: (() => void)[] = [];

  private count = 0;

  notify(): void {
    this.count += 1;
    for (const w of this.waiters.splice(0)) w();
  }

  /**
   * Resolves once `ready()` holds; checked now and after every event. `ready` may read the
   * (asynchronous) store: an event that arrives while it is being answered triggers another check.
   */
  until(ready: () => boolean | Promise<boolean>): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const seen = this.count;
        Promise.resolve(ready()).then((ok) => {
          if (ok) resolve();
          else if (this.count !== seen) check();
          else this.waiters.push(check);
        }, reject);
      };
      check();
    });
  }
}

export class MemoryDevice implements DeviceLink {
  readonly session: DeviceSession;
  readonly received: Frame[] = [];
  readonly errors: { code: WireErrorCode; message: string }[] = [];
  /** Late-report notices (RoundClosed with `late`), as the transport would send them. */
  readonly lates: { context: RoundContext; reason: string }[] = [];
  /** The attempt id of the round this device was last selected for, echoed like the SDK does. */
  attemptId: Uint8Array = new Uint8Array(0);
  behaviour: Behaviour = {};
  /** Its secure rounds by task and round: after reporting to one task it may be selected by another while it still unmasks. */
  private readonly secure = new Map<string, { client: SecAggClient; modelVersion: number; attemptId: Uint8Array; chain: Promise<void> }>();
  private pendingUpload: { taskId: string; round: number; attemptId: Uint8Array; data: Uint8Array } | undefined;

  constructor(
    readonly deviceId: string,
    private readonly coordinator: Coordinator,
    private readonly events: Events,
    readonly sessionId = `session-${deviceId}`,
  ) {
    this.session = { link: this, bytesIn: 0, bytesOut: 0 };
  }

  connect(streams = ['points']): this {
    this.coordinator.addSession(this.session);
    return this.checkIn(streams);
  }

  checkIn(streams = ['points']): this {
    this.coordinator.handle(this.session, { body: 'checkIn', message: { streams, eligible: true } });
    return this;
  }

  /** Resolves once the device has answered everything it received so far. */
  idle(): Promise<void> {
    return Promise.all([...this.secure.values()].map((s) => s.chain)).then(() => undefined);
  }

  all<K extends BodyName>(body: K): BodyOf<K>[] {
    return this.received.filter((f) => f.body === body).map((f) => f.message as BodyOf<K>);
  }

  send<K extends BodyName>(body: K, message: BodyOf<K>): void {
    this.received.push({ body, message } as Frame);
    if (body === 'selected') this.onSelected(message as BodyOf<'selected'>);
    if (body === 'uploadGrant') this.onGrant();
    if (body === 'secagg') this.onSecAgg(message as BodyOf<'secagg'>);
    if (body === 'roundClosed') {
      const m = message as BodyOf<'roundClosed'>;
      this.secure.delete(`${m.taskId}#${m.round}`);
    }
    this.events.notify();
  }

  sendEncoded(): void {}

  error(code: WireErrorCode, message: string): void {
    this.errors.push({ code, message });
    this.events.notify();
  }

  late(context: RoundContext, reason: string): void {
    this.lates.push({ context, reason });
    this.events.notify();
  }

  private onSelected(s: BodyOf<'selected'>): void {
    const taskId = s.taskId ?? '';
    const round = s.round ?? 0;
    const modelVersion = s.modelVersion ?? 0;
    const attemptId = (this.attemptId = s.attemptId ?? new Uint8Array(0));
    const evaluation = s.plan?.kind === 1;
    const dimension = JSON.parse(s.plan?.topologyJson ?? '{}').weightSpecs.reduce((n: number, w: { shape: number[] }) => n + w.shape.reduce((a, b) => a * b, 1), 0);
    const update = this.behaviour.update?.(dimension) ?? new Array<number>(dimension).fill(0.01);
    const numExamples = this.behaviour.numExamples ?? 10;
    const w = s.secagg;
    if (!w) {
      if (this.behaviour.silentAt === 'upload') return;
      const data = new Uint8Array(Float32Array.from(update).buffer);
      this.pendingUpload = { taskId, round, attemptId, data };
      this.coordinator.handle(this.session, { body: 'uploadStart', message: { taskId, round, attemptId, modelVersion, numExamples, updateBytes: data.byteLength } });
      return;
    }
    const config = {
      roundId: bytes(w.roundId),
      cohortSize: w.cohortSize ?? 0,
      vectorLength: w.vectorLength ?? 0,
      degree: w.degree ?? 0,
      threshold: w.threshold ?? 0,
      graphSeed: bytes(w.graphSeed),
      consistencyCheck: !!w.consistencyCheck,
      minSurvivors: w.minSurvivors ?? 0,
    };
    const d = s.plan?.distributedDp;
    let input: Uint32Array;
    if (evaluation && !d && !(s.plan?.noiseMultiplier ?? 0)) {
      // Evaluation round without DP: 10 held-out examples, loss 0.5 each, 75 % correct, masked.
      input = encodeEvaluation({ examples: 10, lossSum: 5, correct: 7.5 }, { maxExamples: s.plan?.maxEvalExamples ?? 16, cohortSize: config.cohortSize });
    } else if (evaluation) {
      throw new Error('the memory device evaluates only without DP');
    } else if (d) {
      const plan = { dimension: d.dimension ?? 0, paddedDimension: d.paddedDimension ?? 0, bits: d.bits ?? 0, clipNorm: d.clipNorm ?? 0, scale: d.scale ?? 0, localSigma2: d.localSigma2 ?? 0, l2Sensitivity: d.l2Sensitivity ?? 0, beta: d.beta ?? 0 };
      const { values } = encodeDistributedUpdate(update, plan, d.rotationSeed ?? 0);
      input = new Uint32Array(values.length + 1);
      input.set(values);
      input[values.length] = 1;
    } else {
      const weight = (s.plan?.clipNorm ?? 0) > 0 ? 1 : numExamples;
      const maxWeight = w.maxWeight ?? 1000;
      const quantized = quantizeWeighted(update, weight, { clipRange: w.clipRange ?? 1, bits: w.bits ?? 16, maxWeight, cohortSize: config.cohortSize });
      // Without DP the device's loss and evaluation travel masked after the weight entry.
      const metrics = (w.metricsEntries ?? 0) > 0 ? encodeRoundMetrics({ trainLoss: 0.5, evalExamples: 5, evalLoss: 0.6, evalAccuracy: 0.8 }, maxWeight) : new Uint32Array(0);
      input = new Uint32Array(quantized.length + metrics.length);
      input.set(quantized);
      input.set(metrics, quantized.length);
    }
    const client = new SecAggClient({ config, clientId: w.clientId ?? 0, input });
    this.secure.set(`${taskId}#${round}`, { client, modelVersion, attemptId, chain: Promise.resolve() });
    if (this.behaviour.silentAt === 'advertise-keys') return;
    this.step(taskId, round, () => client.advertiseKeys());
  }

  private onSecAgg(m: BodyOf<'secagg'>): void {
    const secure = this.secure.get(`${m.taskId}#${m.round}`);
    if (!secure) return;
    const message = serverMessageFromWire(m);
    if (this.behaviour.silentAt === message.type) return;
    this.step(m.taskId ?? '', m.round ?? 0, () => secure.client.handle(message));
  }

  private step(taskId: string, round: number, body: () => Promise<ClientMessage | undefined>): void {
    const secure = this.secure.get(`${taskId}#${round}`);
    if (!secure) return;
    secure.chain = secure.chain.then(async () => {
      const out = await body();
      if (!out) return;
      if (out.type === 'masked-input') {
        if (this.behaviour.silentAt === 'upload') return;
        this.pendingUpload = { taskId, round, attemptId: secure.attemptId, data: out.vector };
        this.coordinator.handle(this.session, { body: 'uploadStart', message: { taskId, round, attemptId: secure.attemptId, modelVersion: secure.modelVersion, updateBytes: out.vector.byteLength } });
      } else {
        this.coordinator.handle(this.session, { body: 'secagg', message: { ...clientMessageToWire(taskId, round, out), attemptId: secure.attemptId } });
      }
      this.events.notify();
    });
  }

  private onGrant(): void {
    const up = this.pendingUpload;
    if (!up) return;
    this.pendingUpload = undefined;
    // The grant arrives inside the coordinator's own call; answer once that call returned.
    queueMicrotask(() => this.coordinator.handle(this.session, { body: 'uploadChunk', message: { taskId: up.taskId, round: up.round, attemptId: up.attemptId, offset: 0, data: up.data } }));
  }
}
