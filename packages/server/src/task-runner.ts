import { randomInt } from 'node:crypto';
import { DEFAULT_CHUNK_BYTES, PlanKind, chunks, encodeFrame, float32ToBytes, readFloat32Into, type BodyOf } from '@conclave/proto';
import { PrivacyAccountant, addGaussianNoise, clipL2, decodeDistributedSum, gaussianNoise, type DistributedDpPlan } from '@conclave/dp';
import {
  ROUND_METRIC_ENTRIES,
  SecAggServer,
  createRoundConfig,
  decodeRoundMetrics,
  dequantizeWeightedMean,
  maxQuantizationBits,
  roundMetricsFit,
  type AggregationResult,
  type RoundConfig,
} from '@conclave/secagg';
import { clientMessageFromWire, configToWire, distributedToWire, serverMessageToWire } from './secagg-wire.ts';
import type { Logger } from 'pino';
import { WeightedDeltaAggregator, allFinite } from './aggregator.ts';
import type { DeviceSession } from './device-link.ts';
import { applyServerOptimizer, decodeOptimizerState, encodeOptimizerState, type OptimizerState } from './optimizers.ts';
import type { RoundMetrics, Store, TaskRow } from './store/store.ts';
import type { TaskSpec } from './task-spec.ts';

export type RoundPhase = 'selecting' | 'reporting' | 'idle';
type RoundKind = 'train' | 'evaluate';

/** Limits of what one device may claim in a report. */
export interface ReportLimits {
  /** @default 10_000_000 */
  maxExamplesPerReport: number;
}

interface Upload {
  buffer: Float32Array;
  received: number;
  numExamples: number;
  trainLoss: number;
  evalExamples: number;
  evalLoss: number;
  evalAccuracy: number;
}

interface Participant {
  session: DeviceSession;
  /** 'waiting': UploadStart accepted, UploadGrant not yet sent. */
  status: 'selected' | 'waiting' | 'uploading' | 'reported' | 'dropped';
  upload?: Upload;
}

interface ActiveRound {
  round: number;
  kind: RoundKind;
  modelVersionIn: number;
  startedAt: number;
  selectionDeadline: number;
  reportDeadline: number;
  cohort: Map<string, Participant>;
  aggregator?: WeightedDeltaAggregator;
  examples: number;
  trainLossSum: number;
  evalExamples: number;
  evalLossSum: number;
  evalAccuracySum: number;
  dropped: number;
  bytesIn: number;
  bytesOut: number;
  /** Participants whose upload is announced but not yet granted, in arrival order. */
  uploadQueue: Participant[];
  uploadsInFlight: number;
  /** Secure aggregation of this round, when the task uses it. */
  secure?: SecureRound;
  /** DP: the clip norm devices use this round. */
  clipNorm?: number;
  /** Distributed DP: the public seed of this round's randomized Hadamard rotation. */
  rotationSeed?: number;
}

/** One round's SecAgg+ state: the protocol's server state machine and its device mapping. */
interface SecureRound {
  server: SecAggServer;
  config: RoundConfig;
  identityKeys: Uint8Array[];
  quant: { clipRange: number; bits: number; maxWeight: number };
  /** Entries of masked round metrics after the weight entry (0 under DP). */
  metricsEntries: number;
  idOf: Map<string, number>;
  byId: Map<number, Participant>;
  timer: NodeJS.Timeout | undefined;
  closing: boolean;
}

export interface TaskStatusView {
  id: string;
  name: string;
  status: TaskRow['status'];
  statusReason: string;
  stream: string;
  purpose: string;
  roundsPlanned: number;
  roundsDone: number;
  modelVersion: number;
  phase: RoundPhase | 'finished';
  round: number | null;
  roundKind: RoundKind | null;
  /** What the task is waiting for right now, in words; empty when it is not waiting. */
  waitingFor: string;
  devices: { checkedIn: number; eligible: number };
  cohort: { selected: number; reported: number; dropped: number } | null;
  lastMetrics: (RoundMetrics & { round: number; kind: RoundKind }) | null;
  lastAbortReason: string;
  consecutiveFailures: number;
  /** Differential privacy of the task, when on. */
  privacy: {
    mode: string;
    targetEpsilon: number;
    delta: number;
    epsilonSpent: number;
    epsilonRemaining: number;
    noiseMultiplier: number;
    samplingRate: number;
    /** The clip norm of the next round (it moves each round with adaptive clipping). */
    clipNorm: number;
    adaptiveClipping: boolean;
    population: number;
    /** Distributed mode: the devices' discrete Gaussian noise share, in model units (σ per device). */
    deviceNoiseStddev?: number;
    /** Distributed mode: bound on the chance that a round's sum wraps modulo 2^bits. */
    wrapProbabilityBound?: number;
  } | null;
}

export interface TaskRunnerDeps {
  store: Store;
  logger: Logger;
  now: () => number;
  /** Devices currently checked in and not in a round (the coordinator's pool). */
  pool: () => Iterable<DeviceSession>;
  /** Called when a device leaves a round and may be offered to other tasks. */
  release: (session: DeviceSession, reason: string) => void;
  /** Called when the task stops running (completed, failed or stopped). */
  onFinished: (taskId: string) => void;
  onRoundEnd?: (taskId: string, outcome: 'committed' | 'aborted', round: number) => void;
  reportLimits?: Partial<ReportLimits>;
  chunkBytes?: number;
  /**
   * Uploads received at the same time; others wait for an UploadGrant. Bounds the coordinator's
   * memory to (this + 1) × model size whatever the cohort size. @default 4
   */
  maxConcurrentUploads?: number;
}

export function privacyView(spec: TaskSpec, accountant: PrivacyAccountant | undefined, clipNorm?: number): TaskStatusView['privacy'] {
  const p = spec.privacy;
  if (!p || !accountant) return null;
  const plan = p.distributed as DistributedDpPlan | undefined;
  const spent = accountant.steps > 0 ? accountant.epsilon(p.delta) : 0;
  return {
    mode: p.mode,
    targetEpsilon: p.targetEpsilon,
    delta: p.delta,
    epsilonSpent: spent,
    epsilonRemaining: Math.max(0, p.targetEpsilon - spent),
    noiseMultiplier: p.noiseMultiplier ?? 0,
    samplingRate: p.samplingRate ?? 0,
    clipNorm: clipNorm ?? p.clipNorm ?? p.adaptive?.initialClipNorm ?? 0,
    adaptiveClipping: p.adaptive !== undefined,
    population: p.population ?? 0,
    ...(plan ? { deviceNoiseStddev: Math.sqrt(plan.localSigma2) * plan.scale, wrapProbabilityBound: plan.wrapProbabilityBound } : {}),
  };
}

/**
 * The clip norm of the task's next round: fixed, or with adaptive clipping the one the last
 * committed training round chose (stored with that round's results, so a restart resumes it).
 */
export function currentClipNorm(spec: TaskSpec, store: Store, taskId: string): number | undefined {
  const p = spec.privacy;
  if (!p) return undefined;
  if (!p.adaptive) return p.clipNorm;
  const committed = store.listRounds(taskId).filter((r) => r.status === 'committed' && r.kind === 'train' && r.metrics?.nextClipNorm != null);
  const last = committed.at(-1);
  return last?.metrics?.nextClipNorm ?? Math.fround(p.adaptive.initialClipNorm);
}

function seconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}

/**
 * One task's round state machine after Bonawitz et al. 2019, "Towards Federated Learning at
 * Scale", §2: selection (goal, over-selection, minimum, timeout) → configuration (plan and model
 * by version) → reporting (aggregate as updates arrive) → commit, or abort with a reason.
 * It knows no sockets: devices are `DeviceSession`s whose links the transport implements.
 */
export class TaskRunner {
  readonly id: string;
  private task: TaskRow;
  private readonly spec: TaskSpec;
  private weights: Float32Array;
  private optimizerState: OptimizerState;
  private phase: RoundPhase = 'idle';
  private active: ActiveRound | undefined;
  private timer: NodeJS.Timeout | undefined;
  private consecutiveFailures = 0;
  /** Differential privacy: the task's accountant (RDP of the sampled Gaussian), when DP is on. */
  private accountant: PrivacyAccountant | undefined;
  /** DP: the clip norm of the next round. */
  private clipNorm: number | undefined;
  private lastAbortReason = '';
  private lastSampled: { pool: number; sampled: number } | undefined;
  private readonly limits: ReportLimits;
  private readonly chunkBytes: number;
  private readonly maxConcurrentUploads: number;
  /** Receive buffers of granted uploads, reused across uploads (at most maxConcurrentUploads). */
  private readonly bufferPool: Float32Array[] = [];
  /** Weight bytes of the current model. */
  private modelBytes: Uint8Array;
  /** ModelChunk frames of the current version, encoded once and sent to every selected device. */
  private modelFrames: { version: number; frames: Uint8Array[] } | undefined;

  constructor(
    task: TaskRow,
    private readonly deps: TaskRunnerDeps,
  ) {
    this.id = task.id;
    this.task = task;
    this.spec = task.spec;
    const weights = deps.store.getModel(task.id, task.modelVersion);
    if (!weights) throw new Error(`task ${task.id}: model version ${task.modelVersion} is missing from the store`);
    this.weights = weights;
    this.modelBytes = float32ToBytes(this.weights);
    this.optimizerState = decodeOptimizerState(deps.store.getOptimizerState(task.id), weights.length);
    if (this.spec.privacy) {
      const state = deps.store.getPrivacyState(task.id);
      this.accountant = state ? PrivacyAccountant.fromJSON(state) : new PrivacyAccountant();
      this.clipNorm = currentClipNorm(this.spec, deps.store, task.id);
    }
    this.limits = { maxExamplesPerReport: 10_000_000, ...deps.reportLimits };
    this.chunkBytes = deps.chunkBytes ?? DEFAULT_CHUNK_BYTES;
    this.maxConcurrentUploads = Math.max(1, deps.maxConcurrentUploads ?? 4);
  }

  get stream(): string {
    return this.spec.stream;
  }

  get size(): number {
    return this.weights.length;
  }

  get isRunning(): boolean {
    return this.task.status === 'running';
  }

  /** Starts (or resumes, after a restart) from the last committed model version. */
  start(): void {
    if (this.task.status !== 'running') return;
    this.openSelection();
  }

  stop(status: 'stopped' | 'failed' | 'completed', reason: string): void {
    if (this.active) this.abortRound(reason, { final: true });
    this.clearTimer();
    this.phase = 'idle';
    if (this.task.status === 'running') {
      this.deps.store.setTaskStatus(this.id, status, reason, this.deps.now());
      this.task = { ...this.task, status, statusReason: reason };
    }
    this.deps.onFinished(this.id);
  }

  /** Halts timers without touching the store (coordinator shutdown; the task resumes later). */
  halt(): void {
    this.clearTimer();
    if (this.active) {
      for (const p of this.active.cohort.values()) p.session.activeTaskId = undefined;
    }
    this.active = undefined;
    this.phase = 'idle';
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(atMs: number, fn: () => void): void {
    this.clearTimer();
    this.timer = setTimeout(fn, Math.max(0, atMs - this.deps.now()));
    this.timer.unref?.();
  }

  private nextRound(): { round: number; kind: RoundKind } | undefined {
    const done = this.task.modelVersion;
    if (done < this.spec.rounds) return { round: done + 1, kind: 'train' };
    if (this.spec.evaluation.finalRound && !this.task.finalEvalDone) return { round: done + 1, kind: 'evaluate' };
    return undefined;
  }

  private get dp(): Required<Pick<NonNullable<TaskSpec['privacy']>, 'samplingRate' | 'noiseMultiplier' | 'population'>> & NonNullable<TaskSpec['privacy']> {
    return this.spec.privacy as never;
  }

  /** Distributed DP: the devices' encoding and noise share, fixed when the task was created. */
  private get distributed(): DistributedDpPlan | undefined {
    return this.spec.privacy?.distributed as DistributedDpPlan | undefined;
  }

  /** The accountant after one more training round (a copy). */
  private accountantAfterRound(): PrivacyAccountant {
    const { samplingRate, noiseMultiplier } = this.dp;
    const plan = this.distributed;
    const next = this.accountant!.clone();
    return plan ? next.composeDistributed({ samplingRate, plan, steps: 1 }) : next.compose({ samplingRate, noiseMultiplier, steps: 1 });
  }

  /** ε after one more training round, or undefined without DP. */
  private epsilonAfterNextRound(): number | undefined {
    if (!this.accountant) return undefined;
    return this.accountantAfterRound().epsilon(this.dp.delta);
  }

  private openSelection(): void {
    const next = this.nextRound();
    if (!next) {
      this.stop('completed', `completed ${this.spec.rounds} rounds`);
      return;
    }
    const eps = next.kind === 'train' ? this.epsilonAfterNextRound() : undefined;
    if (eps !== undefined && eps > this.dp.targetEpsilon * (1 + 1e-9)) {
      const spent = this.accountant!.steps > 0 ? this.accountant!.epsilon(this.dp.delta) : 0;
      this.stop(
        'stopped',
        `privacy budget spent: ε = ${spent.toFixed(3)} of ${this.dp.targetEpsilon} at δ = ${this.dp.delta} after ${this.task.modelVersion} rounds; one more round would reach ε = ${eps.toFixed(3)}`,
      );
      return;
    }
    const now = this.deps.now();
    this.active = {
      round: next.round,
      kind: next.kind,
      modelVersionIn: this.task.modelVersion,
      startedAt: now,
      selectionDeadline: now + this.spec.timeouts.selectionMs,
      reportDeadline: 0,
      cohort: new Map(),
      examples: 0,
      trainLossSum: 0,
      evalExamples: 0,
      evalLossSum: 0,
      evalAccuracySum: 0,
      dropped: 0,
      bytesIn: 0,
      bytesOut: 0,
      uploadQueue: [],
      uploadsInFlight: 0,
    };
    this.phase = 'selecting';
    this.schedule(this.active.selectionDeadline, () => this.selectionTimedOut());
    this.trySelect(false);
  }

  /** Devices that could join this task's next round now. */
  private candidates(): DeviceSession[] {
    const out: DeviceSession[] = [];
    for (const s of this.deps.pool()) {
      if (s.activeTaskId === undefined && s.checkIn?.eligible && s.checkIn.streams.has(this.spec.stream)) out.push(s);
    }
    return out;
  }

  private get target(): number {
    return Math.ceil(this.spec.cohort.goal * this.spec.cohort.overSelection);
  }

  /** The coordinator calls this whenever the pool changes. */
  poolChanged(): void {
    if (this.phase === 'selecting') this.trySelect(false);
  }

  private trySelect(deadlinePassed: boolean): void {
    const candidates = this.candidates();
    if (this.accountant && this.active?.kind === 'train') {
      // DP: Poisson sampling, each eligible device independently at the accounted rate, once the
      // selection window has gathered the pool (McMahan et al. 2018, Alg. 1).
      if (!deadlinePassed) return;
      const threshold = this.dp.samplingRate * 2 ** 32;
      const sampled = candidates.filter(() => randomInt(2 ** 32) < threshold);
      const plan = this.distributed;
      if (plan && sampled.length > plan.maxClients) {
        // Never reached at the sizes the plan allows for (twice the population); refused rather
        // than risk a sum that wraps modulo 2^bits.
        this.abortRound(`Poisson sampling picked ${sampled.length} devices, more than the ${plan.maxClients} the distributed-DP encoding has headroom for (no privacy spent)`);
        return;
      }
      if (sampled.length >= this.spec.cohort.minimum) this.configure(sampled);
      else this.lastSampled = { pool: candidates.length, sampled: sampled.length };
      return;
    }
    const want = this.target;
    if (candidates.length >= want || (deadlinePassed && candidates.length >= this.spec.cohort.minimum)) {
      // Uniform random cohort from the eligible pool (crypto-random Fisher–Yates prefix).
      for (let i = 0; i < Math.min(want, candidates.length); i++) {
        const j = i + randomInt(candidates.length - i);
        [candidates[i], candidates[j]] = [candidates[j]!, candidates[i]!];
      }
      this.configure(candidates.slice(0, want));
    }
  }

  private selectionTimedOut(): void {
    if (this.phase !== 'selecting' || !this.active) return;
    this.trySelect(true);
    if (this.phase !== 'selecting') return;
    const n = this.candidates().length;
    if (this.lastSampled) {
      const { pool, sampled } = this.lastSampled;
      this.lastSampled = undefined;
      this.abortRound(
        `Poisson sampling at rate ${this.dp.samplingRate.toFixed(4)} picked ${sampled} of ${pool} eligible devices, minimum is ${this.spec.cohort.minimum} (no privacy spent)`,
      );
      return;
    }
    this.abortRound(
      `selection timed out after ${seconds(this.spec.timeouts.selectionMs)}: ${n} eligible device${n === 1 ? '' : 's'} checked in for stream "${this.spec.stream}", minimum is ${this.spec.cohort.minimum}`,
    );
  }

  private configure(selected: DeviceSession[]): void {
    const r = this.active!;
    const now = this.deps.now();
    r.reportDeadline = now + this.spec.timeouts.roundMs;
    if (r.kind === 'train' && this.accountant) {
      r.clipNorm = this.clipNorm;
      if (this.distributed) r.rotationSeed = randomInt(2 ** 32);
    }
    if (r.kind === 'train') r.aggregator = new WeightedDeltaAggregator(this.weights.length + (this.adaptive ? 1 : 0));
    this.phase = 'reporting';
    const plan: NonNullable<BodyOf<'selected'>['plan']> = {
      kind: r.kind === 'train' ? PlanKind.TRAIN : PlanKind.EVALUATE,
      stream: this.spec.stream,
      purpose: this.spec.purpose,
      localEpochs: this.spec.training.localEpochs,
      batchSize: this.spec.training.batchSize,
      clientLearningRate: this.spec.training.clientLearningRate,
      proxMu: this.spec.training.proxMu,
      featuresJson: JSON.stringify(this.spec.features),
      topologyJson: JSON.stringify({ modelTopology: this.spec.model.modelTopology, weightSpecs: this.spec.model.weightSpecs }),
      loss: this.spec.loss,
      evalFraction: this.spec.evaluation.evalFraction,
      maxExamples: this.spec.training.maxExamples,
      minExamples: this.spec.training.minExamples,
      ...(this.spec.privacy && r.kind === 'train'
        ? {
            clipNorm: r.clipNorm!,
            noiseMultiplier: this.dp.noiseMultiplier,
            samplingRate: this.dp.samplingRate,
            clipIndicator: this.adaptive,
            ...(this.distributed ? { distributedDp: distributedToWire(this.distributed, r.rotationSeed!) } : {}),
          }
        : {}),
    };
    const sa = this.spec.secureAggregation;
    if (sa.enabled && r.kind === 'train') {
      const n = selected.length;
      let config: RoundConfig;
      // Without DP, devices' losses and evaluation travel masked with the update.
      const metricsEntries = !this.accountant && roundMetricsFit(n, sa.maxWeight) ? ROUND_METRIC_ENTRIES : 0;
      try {
        config = this.secureConfig(n, metricsEntries);
      } catch (err) {
        for (const session of selected) this.deps.release(session, 'not selected');
        this.abortRound(`secure aggregation cannot run with ${n} selected devices: ${(err as Error).message}`);
        return;
      }
      // The enrolled identity keys of the cohort, by protocol id: advertisements must be
      // signed by them (consistency check only).
      const identityKeys = selected.map((sess) => this.deps.store.getDevice(sess.link.deviceId)?.publicKey ?? new Uint8Array(0));
      r.secure = {
        server: new SecAggServer({ config, identityOf: (id) => identityKeys[id - 1] }),
        identityKeys,
        config,
        quant: { clipRange: sa.clipRange, bits: sa.bits ?? Math.min(24, maxQuantizationBits(n)), maxWeight: sa.maxWeight },
        metricsEntries,
        idOf: new Map(),
        byId: new Map(),
        timer: undefined,
        closing: false,
      };
    }
    for (const [i, session] of selected.entries()) {
      session.activeTaskId = this.id;
      const participant: Participant = { session, status: 'selected' };
      r.cohort.set(session.link.sessionId, participant);
      if (r.secure) {
        r.secure.idOf.set(session.link.sessionId, i + 1);
        r.secure.byId.set(i + 1, participant);
      }
      const cached = session.checkIn?.cached.get(this.id) === r.modelVersionIn;
      session.link.send('selected', {
        taskId: this.id,
        round: r.round,
        modelVersion: r.modelVersionIn,
        plan,
        modelBytes: this.modelBytes.byteLength,
        modelCached: cached,
        reportDeadlineMs: r.reportDeadline,
        ...(r.secure
          ? {
              secagg: {
                ...configToWire(r.secure.config, i + 1, r.secure.quant),
                metricsEntries: r.secure.metricsEntries,
                ...(r.secure.config.consistencyCheck ? { identityKeys: r.secure.identityKeys } : {}),
              },
            }
          : {}),
      });
      if (!cached) {
        for (const frame of this.encodedModel(r.modelVersionIn)) {
          session.link.sendEncoded(frame);
          r.bytesOut += frame.byteLength;
        }
      }
    }
    this.deps.logger.info({ taskId: this.id, round: r.round, kind: r.kind, selected: selected.length, secure: !!r.secure }, 'cohort selected');
    this.schedule(r.reportDeadline, () => this.reportTimedOut());
    if (r.secure) this.armSecureTimer(r);
  }

  /**
   * SecAgg+ parameters for a cohort of n: the neighbour degree and Shamir threshold follow from
   * the tolerated dropout rate (see @conclave/secagg's README). Cohorts too small for that rule
   * use the complete graph with a majority threshold, tolerating fewer dropouts.
   */
  private secureConfig(n: number, metricsEntries: number): RoundConfig {
    const sa = this.spec.secureAggregation;
    const base = {
      cohortSize: n,
      vectorLength: this.updateWords() + 1 + metricsEntries,
      minSurvivors: Math.min(n, Math.max(3, this.spec.cohort.minimum)),
      consistencyCheck: sa.maliciousServer,
    };
    try {
      return createRoundConfig({ ...base, dropoutRate: sa.dropoutRate });
    } catch (err) {
      if (n < 3) throw err;
      // Against a malicious server the threshold must exceed two thirds of a neighbourhood,
      // so that no view the server shows can yield both secrets of one device.
      const threshold = sa.maliciousServer ? Math.min(n - 1, Math.floor((2 * (n - 1)) / 3) + 1) : Math.min(n - 1, Math.max(2, Math.ceil((n - 1) / 2)));
      this.deps.logger.info({ taskId: this.id, n, reason: (err as Error).message }, 'small cohort: complete graph with a majority threshold');
      return createRoundConfig({ ...base, degree: n - 1, threshold });
    }
  }

  private encodedModel(version: number): Uint8Array[] {
    if (this.modelFrames?.version !== version) {
      const frames = [...chunks(this.modelBytes, this.chunkBytes)].map(({ offset, data }) =>
        encodeFrame('modelChunk', { taskId: this.id, modelVersion: version, offset, data }),
      );
      this.modelFrames = { version, frames };
    }
    return this.modelFrames.frames;
  }

  private participant(session: DeviceSession, taskId: string, round: number, what: string): Participant | undefined {
    const r = this.active;
    const link = session.link;
    if (!r || this.phase !== 'reporting' || round !== r.round) {
      const now = r ? `the task is in round ${r.round} (${this.phase})` : `the task is ${this.task.status}`;
      link.error('ROUND_CLOSED', `${what} for round ${round} of task ${taskId} refused: that round is closed; ${now}`, false, { taskId, round });
      return undefined;
    }
    const p = r.cohort.get(link.sessionId);
    if (!p || p.status === 'dropped') {
      link.error('NOT_SELECTED', `${what} refused: this device is not in the cohort of round ${round} of task ${taskId}`, false, { taskId, round });
      return undefined;
    }
    return p;
  }

  onUploadStart(session: DeviceSession, m: BodyOf<'uploadStart'>): void {
    const taskId = m.taskId ?? '';
    const round = m.round ?? 0;
    const p = this.participant(session, taskId, round, 'update');
    if (!p) return;
    const r = this.active!;
    if (r.kind !== 'train') return this.reject(p, 'INVALID_REPORT', `round ${round} is an evaluation round; send an EvalReport, not an update`);
    if (p.status !== 'selected') return this.reject(p, 'INVALID_REPORT', `this device already sent an update for round ${round}`);
    if ((m.modelVersion ?? 0) !== r.modelVersionIn) {
      return this.reject(p, 'STALE_UPDATE', `update computed from model version ${m.modelVersion ?? 0}, round ${round} trains version ${r.modelVersionIn}`);
    }
    const expected = this.uploadWords(r) * 4;
    if ((m.updateBytes ?? 0) !== expected) {
      const what = r.secure
        ? `masked input has ${(m.updateBytes ?? 0) / 4} values, expected ${expected / 4} (model and weight${r.secure.metricsEntries ? ' and round metrics' : ''})`
        : `update has ${(m.updateBytes ?? 0) / 4} values, model has ${expected / 4}`;
      return this.reject(p, 'WRONG_LENGTH', what);
    }
    if (r.secure && r.secure.server.phase !== 'masked-input') {
      return this.reject(p, 'UNEXPECTED_MESSAGE', `masked input before the key exchange finished (secure aggregation is in phase ${r.secure.server.phase})`);
    }
    const n = m.numExamples ?? 0;
    // Under secure aggregation the example count travels masked inside the vector, never here.
    if (!r.secure && (n < 1 || n > this.limits.maxExamplesPerReport)) {
      return this.reject(p, 'INVALID_REPORT', `update claims ${n} examples, expected 1 to ${this.limits.maxExamplesPerReport}`);
    }
    const evalExamples = m.evalExamples ?? 0;
    const nums = [m.trainLoss ?? 0, m.evalLoss ?? 0, m.evalAccuracy ?? 0];
    if (!nums.every(Number.isFinite) || evalExamples > this.limits.maxExamplesPerReport || (m.evalAccuracy ?? 0) < 0 || (m.evalAccuracy ?? 0) > 1) {
      return this.reject(p, 'INVALID_REPORT', `update metrics are out of range: loss ${m.trainLoss}, eval loss ${m.evalLoss}, eval accuracy ${m.evalAccuracy}`);
    }
    p.status = 'waiting';
    p.upload = {
      buffer: new Float32Array(0),
      received: 0,
      numExamples: n,
      trainLoss: m.trainLoss ?? 0,
      evalExamples,
      evalLoss: m.evalLoss ?? 0,
      evalAccuracy: m.evalAccuracy ?? 0,
    };
    r.uploadQueue.push(p);
    this.grantUploads();
  }

  /** Grants queued uploads while slots are free; each granted upload gets its receive buffer. */
  private grantUploads(): void {
    const r = this.active;
    if (!r || this.phase !== 'reporting') return;
    while (r.uploadsInFlight < this.maxConcurrentUploads && r.uploadQueue.length > 0) {
      const p = r.uploadQueue.shift()!;
      if (p.status !== 'waiting' || !p.upload) continue;
      p.status = 'uploading';
      // Every byte is overwritten by the upload before the buffer is read, so reuse is safe.
      const words = this.uploadWords(r);
      p.upload.buffer = (this.bufferPool.at(-1)?.length === words ? this.bufferPool.pop() : undefined) ?? new Float32Array(words);
      r.uploadsInFlight += 1;
      p.session.link.send('uploadGrant', { taskId: this.id, round: r.round });
    }
  }

  /** Frees a participant's upload slot (completed, refused or dropped). */
  private releaseSlot(p: Participant): void {
    const r = this.active;
    if (!r) return;
    if (p.status === 'uploading') {
      r.uploadsInFlight -= 1;
      const buffer = p.upload?.buffer;
      if (buffer && buffer.length === this.uploadWords(r) && this.bufferPool.length < this.maxConcurrentUploads) this.bufferPool.push(buffer);
    }
    const i = r.uploadQueue.indexOf(p);
    if (i >= 0) r.uploadQueue.splice(i, 1);
  }

  onUploadChunk(session: DeviceSession, m: BodyOf<'uploadChunk'>): void {
    const p = this.participant(session, m.taskId ?? '', m.round ?? 0, 'update chunk');
    if (!p) return;
    const up = p.upload;
    if (p.status === 'waiting') return this.reject(p, 'UNEXPECTED_MESSAGE', 'update chunk before UploadGrant');
    if (p.status !== 'uploading' || !up) return this.reject(p, 'UNEXPECTED_MESSAGE', 'update chunk before UploadStart');
    const data = m.data ?? new Uint8Array();
    const offset = m.offset ?? 0;
    if (offset !== up.received) return this.reject(p, 'MALFORMED_FRAME', `update chunk at byte ${offset}, expected byte ${up.received}`);
    if (data.byteLength % 4 !== 0 || offset + data.byteLength > up.buffer.byteLength) {
      return this.reject(p, 'WRONG_LENGTH', `update chunk of ${data.byteLength} bytes at byte ${offset} overruns the ${up.buffer.byteLength}-byte update`);
    }
    readFloat32Into(up.buffer, offset, data);
    up.received += data.byteLength;
    this.active!.bytesIn += data.byteLength;
    if (up.received < up.buffer.byteLength) return;
    const r = this.active!;
    if (r.secure) {
      // The masked vector goes straight into the protocol's running sum (mod 2^32).
      const vector = new Uint8Array(up.buffer.buffer, up.buffer.byteOffset, up.buffer.byteLength);
      const outcome = r.secure.server.receive(r.secure.idOf.get(session.link.sessionId)!, { type: 'masked-input', roundId: r.secure.config.roundId, vector });
      if (!outcome.accepted) return this.reject(p, 'INVALID_REPORT', `secure aggregation refused the masked input: ${outcome.error.code}: ${outcome.error.message}`);
      this.accept(p);
      return;
    }
    if (!allFinite(up.buffer)) return this.reject(p, 'INVALID_REPORT', 'update contains NaN or infinite values');
    if (this.accountant) {
      // DP-FedAvg: every device counts once, its update clipped to the clip norm. The device
      // clips too; clipping here as well keeps the sensitivity bound whatever a device sends.
      const d = this.weights.length;
      const { clipped } = clipL2(up.buffer.subarray(0, d), r.clipNorm!);
      if (this.adaptive) {
        // The clipped update and the unclipped indicator (clamped to ±1/2), written back into
        // the receive buffer, which is read only here.
        up.buffer[d] = Math.max(-0.5, Math.min(0.5, up.buffer[d]!));
        up.buffer.set(clipped);
        r.aggregator!.add(up.buffer, 1);
      } else {
        r.aggregator!.add(clipped, 1);
      }
    } else {
      r.aggregator!.add(up.buffer, up.numExamples);
    }
    r.examples += up.numExamples;
    r.trainLossSum += up.trainLoss * up.numExamples;
    r.evalExamples += up.evalExamples;
    r.evalLossSum += up.evalLoss * up.evalExamples;
    r.evalAccuracySum += up.evalAccuracy * up.evalExamples;
    this.accept(p);
  }

  onEvalReport(session: DeviceSession, m: BodyOf<'evalReport'>): void {
    const p = this.participant(session, m.taskId ?? '', m.round ?? 0, 'evaluation report');
    if (!p) return;
    const r = this.active!;
    if (r.kind !== 'evaluate') return this.reject(p, 'INVALID_REPORT', `round ${r.round} is a training round; send an update, not an EvalReport`);
    if (p.status !== 'selected') return this.reject(p, 'INVALID_REPORT', `this device already reported for round ${r.round}`);
    if ((m.modelVersion ?? 0) !== r.modelVersionIn) {
      return this.reject(p, 'STALE_UPDATE', `evaluation of model version ${m.modelVersion ?? 0}, round ${r.round} evaluates version ${r.modelVersionIn}`);
    }
    const n = m.evalExamples ?? 0;
    const loss = m.evalLoss ?? 0;
    const acc = m.evalAccuracy ?? 0;
    if (n < 1 || n > this.limits.maxExamplesPerReport || !Number.isFinite(loss) || !(acc >= 0 && acc <= 1)) {
      return this.reject(p, 'INVALID_REPORT', `evaluation report out of range: ${n} examples, loss ${loss}, accuracy ${acc}`);
    }
    r.evalExamples += n;
    r.evalLossSum += loss * n;
    r.evalAccuracySum += acc * n;
    this.accept(p);
  }

  private accept(p: Participant): void {
    const r = this.active!;
    this.releaseSlot(p);
    p.status = 'reported';
    p.upload = p.upload && { ...p.upload, buffer: new Float32Array(0) };
    p.session.activeTaskId = undefined;
    p.session.link.send('reportAck', { taskId: this.id, round: r.round, accepted: true });
    this.deps.release(p.session, 'reported');
    if (this.roundComplete()) this.finishReporting();
    else this.grantUploads();
  }

  /** Enough reports are in: commit, or, under secure aggregation, go on to unmasking. */
  private finishReporting(): void {
    if (this.active?.secure) void this.advanceSecure();
    else this.commit();
  }

  /** Adaptive clipping is on: devices append their unclipped indicator to the update. */
  private get adaptive(): boolean {
    return this.spec.privacy?.adaptive !== undefined;
  }

  /** Entries of one device's update vector (before secure aggregation's weight entry). */
  private updateWords(): number {
    const plan = this.distributed;
    return plan ? plan.paddedDimension : this.weights.length + (this.adaptive ? 1 : 0);
  }

  private uploadWords(r: ActiveRound): number {
    return r.kind === 'train' ? this.updateWords() + (r.secure ? 1 + r.secure.metricsEntries : 0) : this.weights.length;
  }

  private armSecureTimer(r: ActiveRound): void {
    const s = r.secure!;
    if (s.timer) clearTimeout(s.timer);
    s.timer = undefined;
    // The masked-input phase lasts until the round's report deadline (reportTimedOut).
    if (s.server.phase === 'masked-input') return;
    s.timer = setTimeout(() => void this.advanceSecure(), this.spec.secureAggregation.phaseTimeoutMs);
    s.timer.unref?.();
  }

  /** A SecAgg+ message from a device in this round. */
  onSecAgg(session: DeviceSession, m: BodyOf<'secagg'>): void {
    const r = this.active;
    const round = m.round ?? 0;
    const link = session.link;
    if (!r?.secure || round !== r.round) {
      link.error('ROUND_CLOSED', `secure aggregation message for round ${round} of task ${this.id} refused: that round is not running secure aggregation now`, false, { taskId: this.id, round });
      return;
    }
    const id = r.secure.idOf.get(link.sessionId);
    const p = id === undefined ? undefined : r.secure.byId.get(id);
    if (id === undefined || !p || p.status === 'dropped') {
      link.error('NOT_SELECTED', `secure aggregation message refused: this device is not in the cohort of round ${round} of task ${this.id}`, false, { taskId: this.id, round });
      return;
    }
    const message = clientMessageFromWire(m);
    if (!message) return this.reject(p, 'MALFORMED_FRAME', 'secure aggregation frame carries no step');
    const outcome = r.secure.server.receive(id, message);
    if (!outcome.accepted) {
      return this.reject(p, 'INVALID_REPORT', `secure aggregation refused ${message.type}: ${outcome.error.code}: ${outcome.error.message}`);
    }
    if (r.secure.server.awaiting().length === 0 && r.secure.server.phase !== 'masked-input') void this.advanceSecure();
  }

  /** Closes the current SecAgg+ phase and sends the next phase's messages, or finishes. */
  private async advanceSecure(): Promise<void> {
    const r = this.active;
    const s = r?.secure;
    if (!r || !s || s.closing) return;
    s.closing = true;
    if (s.timer) clearTimeout(s.timer);
    let t;
    try {
      t = await s.server.closePhase();
    } catch (err) {
      s.closing = false;
      if (this.active === r) this.abortRound(`secure aggregation failed: ${(err as Error).message}`);
      return;
    }
    s.closing = false;
    if (this.active !== r) return;
    for (const d of t.dropped) {
      const p = s.byId.get(d.clientId);
      if (p && p.status !== 'dropped') {
        p.session.link.error('INVALID_REPORT', `secure aggregation dropped this device: ${d.error.code}: ${d.error.message}`, false, { taskId: this.id, round: r.round });
      }
      if (p && p.status !== 'dropped' && p.status !== 'reported') this.drop(p, `secure aggregation: ${d.error.message}`);
      if (this.active !== r) return;
    }
    if (t.phase === 'aborted') return this.abortRound(`secure aggregation aborted: ${t.error?.message ?? 'too few devices left'}`);
    if (t.phase === 'completed') return this.commit(t.result);
    for (const o of t.messages) {
      const p = s.byId.get(o.to);
      if (p && p.status !== 'dropped') p.session.link.send('secagg', serverMessageToWire(this.id, r.round, o.message));
    }
    this.armSecureTimer(r);
    // Every device may already have answered (e.g. nobody left to wait for).
    if (s.server.phase !== 'masked-input' && s.server.awaiting().length === 0) void this.advanceSecure();
    else if (s.server.phase === 'masked-input' && this.roundComplete()) void this.advanceSecure();
  }

  /**
   * A round closes at its goal, or as soon as nobody is left to report and the minimum is met.
   * With DP's Poisson sampling there is no goal cut-off: it waits for every sampled device.
   */
  private roundComplete(): boolean {
    const r = this.active;
    if (!r) return false;
    const reported = this.reportedCount();
    const pending = [...r.cohort.values()].some((p) => p.status === 'selected' || p.status === 'waiting' || p.status === 'uploading');
    if (!pending) return reported >= this.spec.cohort.minimum;
    const poisson = this.accountant !== undefined && r.kind === 'train';
    return !poisson && reported >= this.spec.cohort.goal;
  }

  /** Drops one device from the round with a clear error; the round goes on without it. */
  private reject(p: Participant, code: Parameters<DeviceSession['link']['error']>[0], message: string): void {
    const r = this.active!;
    this.deps.logger.warn({ taskId: this.id, round: r.round, device: p.session.link.deviceId, code }, message);
    p.session.link.error(code, message, false, { taskId: this.id, round: r.round });
    this.drop(p, message);
  }

  /** The device disconnected, withdrew or misbehaved. */
  onDeviceGone(session: DeviceSession, reason: string): void {
    const r = this.active;
    const p = r?.cohort.get(session.link.sessionId);
    if (!p || p.status === 'dropped') return;
    if (p.status === 'reported') {
      // Its masked input is in the sum; under secure aggregation it still had shares to reveal.
      const id = r!.secure?.idOf.get(session.link.sessionId);
      if (id !== undefined && r!.secure!.server.phase !== 'completed' && r!.secure!.server.phase !== 'aborted') {
        r!.secure!.server.dropClient(id, reason);
        if (r!.secure!.server.awaiting().length === 0) void this.advanceSecure();
      }
      return;
    }
    this.drop(p, reason);
  }

  private drop(p: Participant, reason: string): void {
    const r = this.active!;
    if (p.status === 'dropped' || p.status === 'reported') return;
    this.releaseSlot(p);
    p.status = 'dropped';
    p.upload = undefined;
    r.dropped += 1;
    const id = r.secure?.idOf.get(p.session.link.sessionId);
    if (id !== undefined && r.secure!.server.phase !== 'completed' && r.secure!.server.phase !== 'aborted') r.secure!.server.dropClient(id, reason);
    if (p.session.activeTaskId === this.id) p.session.activeTaskId = undefined;
    this.deps.logger.info({ taskId: this.id, round: r.round, device: p.session.link.deviceId, reason }, 'device dropped from round');
    const possible = this.reportedCount() + [...r.cohort.values()].filter((q) => q.status === 'selected' || q.status === 'waiting' || q.status === 'uploading').length;
    if (possible < this.spec.cohort.minimum) {
      this.abortRound(`only ${possible} device${possible === 1 ? '' : 's'} can still report in round ${r.round}, minimum is ${this.spec.cohort.minimum} (${r.dropped} dropped; last: ${reason})`);
      return;
    }
    if (r.secure && r.secure.server.phase !== 'masked-input') {
      if (r.secure.server.awaiting().length === 0) void this.advanceSecure();
      return;
    }
    if (this.roundComplete()) return this.finishReporting();
    this.grantUploads();
  }

  private reportedCount(): number {
    let n = 0;
    for (const p of this.active?.cohort.values() ?? []) if (p.status === 'reported') n++;
    return n;
  }

  private reportTimedOut(): void {
    if (this.phase !== 'reporting' || !this.active) return;
    const n = this.reportedCount();
    if (n >= this.spec.cohort.minimum) {
      this.finishReporting();
      return;
    }
    this.abortRound(`round ${this.active.round} timed out after ${seconds(this.spec.timeouts.roundMs)}: ${n} of minimum ${this.spec.cohort.minimum} devices reported`);
  }

  /** Tells every device still in the round that it is over, and frees them. */
  private closeCohort(reason: string): void {
    const r = this.active!;
    for (const p of r.cohort.values()) {
      if (p.status === 'selected' || p.status === 'waiting' || p.status === 'uploading') {
        p.status = 'dropped';
        p.upload = undefined;
        if (p.session.activeTaskId === this.id) p.session.activeTaskId = undefined;
        p.session.link.send('roundClosed', { taskId: this.id, round: r.round, reason });
        this.deps.release(p.session, reason);
      }
    }
  }

  private abortRound(reason: string, opts: { final?: boolean; spent?: PrivacyAccountant } = {}): void {
    const r = this.active;
    if (!r) return;
    this.clearTimer();
    if (r.secure?.timer) clearTimeout(r.secure.timer);
    this.closeCohort(reason);
    this.active = undefined;
    this.phase = 'idle';
    this.lastAbortReason = reason;
    this.deps.store.recordAbortedRound({
      taskId: this.id,
      round: r.round,
      kind: r.kind,
      modelVersionIn: r.modelVersionIn,
      reason,
      startedAt: r.startedAt,
      endedAt: this.deps.now(),
      ...(opts.spent ? { privacyState: JSON.stringify(opts.spent.toJSON()) } : {}),
    });
    if (opts.spent) this.accountant = opts.spent;
    this.deps.logger.warn({ taskId: this.id, round: r.round, reason }, 'round aborted');
    this.deps.onRoundEnd?.(this.id, 'aborted', r.round);
    if (opts.final) return;
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.spec.maxConsecutiveFailures) {
      this.stop('failed', `${this.consecutiveFailures} consecutive rounds failed; last: ${reason}`);
      return;
    }
    this.openSelection();
  }

  private commit(secure?: AggregationResult): void {
    const r = this.active!;
    this.clearTimer();
    if (r.secure?.timer) clearTimeout(r.secure.timer);
    const now = this.deps.now();
    const reported = [...r.cohort.values()].filter((p) => p.status === 'reported');
    this.closeCohort(`round ${r.round} reached its goal of ${this.spec.cohort.goal} reports`);
    const metrics: RoundMetrics = {
      participants: reported.length,
      selected: r.cohort.size,
      examples: r.examples,
      trainLoss: r.examples > 0 ? r.trainLossSum / r.examples : null,
      evalExamples: r.evalExamples,
      evalLoss: r.evalExamples > 0 ? r.evalLossSum / r.evalExamples : null,
      evalAccuracy: r.evalExamples > 0 ? r.evalAccuracySum / r.evalExamples : null,
      durationMs: now - r.startedAt,
      bytesIn: r.bytesIn,
      bytesOut: r.bytesOut,
    };
    let participants = reported.map((p) => ({ deviceId: p.session.link.deviceId, numExamples: p.upload?.numExamples ?? 0 }));
    let secureSum: Float64Array | undefined;
    let secureWeight = 0;
    if (secure && r.secure) {
      try {
        // The coordinator learns only the survivors' sums: Σ w·x and Σ w, never one device's.
        participants = secure.survivors.map((id) => ({ deviceId: r.secure!.byId.get(id)!.session.link.deviceId, numExamples: 0 }));
        metrics.participants = participants.length;
        const plan = this.distributed;
        if (plan) {
          // Distributed DP: the sum already carries every survivor's noise share.
          const decoded = decodeDistributedSum(secure.sum.subarray(0, plan.paddedDimension), plan, r.rotationSeed!, participants.length);
          secureSum = decoded.sum;
          secureWeight = secure.sum[plan.paddedDimension]!;
          metrics.outOfRangeCoordinates = decoded.outOfRange;
          if (decoded.outOfRange > 0) {
            this.deps.logger.warn({ taskId: this.id, round: r.round, outOfRange: decoded.outOfRange }, 'distributed DP: coordinates of the sum beyond the planned range (modular wrap-around suspected)');
          }
        } else {
          const k = r.secure.metricsEntries;
          const weighted = dequantizeWeightedMean(k ? secure.sum.subarray(0, secure.sum.length - k) : secure.sum, { ...r.secure.quant, survivors: secure.survivors.length });
          if (k) {
            // The survivors' losses and evaluation, summed under the same masks: device means.
            const m = decodeRoundMetrics(secure.sum.subarray(secure.sum.length - k), secure.survivors.length, r.secure.quant.maxWeight);
            metrics.trainLoss = m.trainLoss;
            metrics.evalExamples = m.evalExamples;
            metrics.evalLoss = m.evalLoss;
            metrics.evalAccuracy = m.evalAccuracy;
          }
          secureSum = weighted.mean;
          secureWeight = weighted.totalWeight;
          if (this.accountant) {
            // Devices sent weight 1 each under DP: mean × total weight is the sum of clipped updates.
            for (let i = 0; i < secureSum.length; i++) secureSum[i]! *= weighted.totalWeight;
          }
        }
        metrics.examples = secureWeight;
      } catch (err) {
        // Only a device outside the protocol's rules can make a sum undecodable; the round is
        // lost, the task and the coordinator go on.
        // In distributed mode the noised sum has been revealed all the same: its ε is spent.
        const spent = this.distributed && r.kind === 'train' ? this.accountantAfterRound() : undefined;
        this.abortRound(`secure aggregation produced a sum that cannot be decoded: ${(err as Error).message}`, spent ? { spent } : {});
        return;
      }
    }
    let newModel: { version: number; weights: Float32Array; optimizerState: Buffer | null; privacyState?: string } | undefined;
    let optimizerState = this.optimizerState;
    let nextClipNorm = this.clipNorm;
    if (r.kind === 'train') {
      const weights = this.weights.slice();
      optimizerState = { m: this.optimizerState.m?.slice(), v: this.optimizerState.v?.slice() };
      let update: Float64Array;
      let privacyState: string | undefined;
      if (this.accountant) {
        const { noiseMultiplier, samplingRate, population } = this.dp;
        const d = this.weights.length;
        const sum = secureSum ?? r.aggregator!.rawSum();
        update = sum.length === d ? sum : sum.subarray(0, d);
        const clipNorm = r.clipNorm!;
        metrics.clipNorm = clipNorm;
        if (!this.distributed) {
          // Central: Gaussian noise of σ = z·C on the sum (z_Δ·C with adaptive clipping).
          addGaussianNoise(update, (this.dp.updateNoiseMultiplier ?? noiseMultiplier) * clipNorm);
        }
        // The fixed-denominator estimate: divide by the expected cohort size q·N, not the
        // realised one (McMahan et al. 2018, §3).
        const denominator = samplingRate * population;
        for (let i = 0; i < update.length; i++) update[i]! /= denominator;
        const adaptive = this.dp.adaptive;
        if (adaptive) {
          // Andrew et al. 2021, Alg. 1: the noised count of unclipped updates (devices sent
          // ±1/2) moves the clip norm geometrically toward the target quantile.
          const noisyCount = sum[d]! + gaussianNoise(1, adaptive.countStddev!)[0]!;
          const unclipped = noisyCount / denominator + 0.5;
          metrics.unclippedFraction = unclipped;
          nextClipNorm = Math.fround(clipNorm * Math.exp(-adaptive.learningRate * (unclipped - adaptive.targetQuantile)));
          metrics.nextClipNorm = nextClipNorm;
        }
        const after = this.accountantAfterRound();
        metrics.epsilonSpent = after.epsilon(this.dp.delta);
        privacyState = JSON.stringify(after.toJSON());
      } else {
        update = secureSum ? secureSum : r.aggregator!.mean();
      }
      applyServerOptimizer(weights, update, this.spec.serverOptimizer, optimizerState);
      newModel = { version: r.modelVersionIn + 1, weights, optimizerState: encodeOptimizerState(optimizerState), ...(privacyState ? { privacyState } : {}) };
    }
    const finishing =
      r.kind === 'evaluate' || (newModel!.version >= this.spec.rounds && !this.spec.evaluation.finalRound)
        ? { status: 'completed' as const, reason: `completed ${this.spec.rounds} rounds` }
        : undefined;
    try {
      this.deps.store.commitRound({
        taskId: this.id,
        round: r.round,
        kind: r.kind,
        modelVersionIn: r.modelVersionIn,
        metrics,
        participants,
        startedAt: r.startedAt,
        endedAt: now,
        ...(newModel ? { newModel } : {}),
        ...(finishing ? { finish: finishing } : {}),
      });
    } catch (err) {
      this.deps.logger.error({ taskId: this.id, round: r.round, err }, 'round commit failed');
      this.active = undefined;
      this.abortRound(`commit failed: ${(err as Error).message}`);
      return;
    }
    this.task = this.deps.store.getTask(this.id)!;
    if (newModel?.privacyState) {
      this.accountant = PrivacyAccountant.fromJSON(newModel.privacyState);
      this.clipNorm = nextClipNorm;
    }
    if (newModel) {
      this.weights = newModel.weights;
      this.modelBytes = float32ToBytes(this.weights);
      this.optimizerState = optimizerState;
    }
    this.consecutiveFailures = 0;
    this.lastAbortReason = '';
    this.active = undefined;
    this.phase = 'idle';
    this.deps.logger.info({ taskId: this.id, round: r.round, kind: r.kind, ...metrics }, 'round committed');
    this.deps.onRoundEnd?.(this.id, 'committed', r.round);
    if (finishing) {
      this.task = { ...this.task, status: finishing.status, statusReason: finishing.reason };
      this.deps.onFinished(this.id);
      return;
    }
    this.openSelection();
  }

  status(checkedIn: number): TaskStatusView {
    const r = this.active;
    const eligible = this.candidates().length;
    let waitingFor = '';
    const now = this.deps.now();
    if (this.phase === 'selecting' && r) {
      waitingFor = `devices: ${eligible} of ${this.target} wanted (minimum ${this.spec.cohort.minimum}) eligible for stream "${this.spec.stream}"; selection times out in ${seconds(Math.max(0, r.selectionDeadline - now))}`;
    } else if (this.phase === 'reporting' && r) {
      const reported = this.reportedCount();
      waitingFor = `reports: ${reported} of goal ${this.spec.cohort.goal} (minimum ${this.spec.cohort.minimum}) received; round times out in ${seconds(Math.max(0, r.reportDeadline - now))}`;
    }
    const last = this.deps.store.listRounds(this.id, 20).filter((x) => x.status === 'committed').at(-1);
    return {
      id: this.id,
      name: this.spec.name,
      status: this.task.status,
      statusReason: this.task.statusReason,
      stream: this.spec.stream,
      purpose: this.spec.purpose,
      roundsPlanned: this.spec.rounds,
      roundsDone: this.task.modelVersion,
      modelVersion: this.task.modelVersion,
      phase: this.task.status === 'running' ? this.phase : 'finished',
      round: r?.round ?? null,
      roundKind: r?.kind ?? null,
      waitingFor,
      devices: { checkedIn, eligible },
      cohort: r && this.phase === 'reporting'
        ? { selected: r.cohort.size, reported: this.reportedCount(), dropped: r.dropped }
        : null,
      lastMetrics: last?.metrics ? { ...last.metrics, round: last.round, kind: last.kind } : null,
      lastAbortReason: this.lastAbortReason,
      consecutiveFailures: this.consecutiveFailures,
      privacy: privacyView(this.spec, this.accountant, this.clipNorm),
    };
  }
}
