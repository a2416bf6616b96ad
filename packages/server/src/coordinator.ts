import { randomBytes, randomInt } from 'node:crypto';
import type { BodyOf, Frame } from '@conclave/proto';
import pino, { type Logger } from 'pino';
import type { DeviceSession } from './device-link.ts';
import { ServerError } from './errors.ts';
import { hashToken, newEnrollmentToken } from './identity.ts';
import type { DeviceRecord, Store } from './store/store.ts';
import { PrivacyAccountant, noiseMultiplierFor, noiseMultiplierForDistributed, planDistributedDp } from '@conclave/dp';
import { parseTaskSpec, type TaskSpec } from './task-spec.ts';
import { TaskRunner, currentClipNorm, privacyView, type TaskStatusView } from './task-runner.ts';

export interface CoordinatorOptions {
  store: Store;
  /** @default a pino logger at 'info' */
  logger?: Logger;
  /** @default Date.now */
  now?: () => number;
  /** How long a checked-in device waits for a round before it is told to come back. @default 60_000 */
  poolHoldMs?: number;
  /** Back-off suggested to devices that no running task needs. @default 30_000 */
  idleRetryMs?: number;
  /** Chunk size for model downloads, in bytes. */
  chunkBytes?: number;
  /** Uploads a task receives at once (the rest wait for a grant). @default 4 */
  maxConcurrentUploads?: number;
  onRoundEnd?: (taskId: string, outcome: 'committed' | 'aborted', round: number) => void;
}

/**
 * The coordinator's core: devices (whatever their transport) check in here, tasks run their
 * rounds here. It owns the device pool and one TaskRunner per running task.
 */
export class Coordinator {
  readonly store: Store;
  readonly logger: Logger;
  private readonly now: () => number;
  private readonly sessions = new Map<string, DeviceSession>();
  private readonly runners = new Map<string, TaskRunner>();
  private readonly holdTimers = new Map<string, NodeJS.Timeout>();
  private readonly poolHoldMs: number;
  private readonly idleRetryMs: number;
  private started = false;

  constructor(private readonly options: CoordinatorOptions) {
    this.store = options.store;
    this.logger = options.logger ?? pino({ level: 'info' });
    this.now = options.now ?? Date.now;
    this.poolHoldMs = options.poolHoldMs ?? 60_000;
    this.idleRetryMs = options.idleRetryMs ?? 30_000;
  }

  /** Resumes every running task from its last committed model version. */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const task of this.store.listTasks()) {
      if (task.status !== 'running') continue;
      this.logger.info({ taskId: task.id, modelVersion: task.modelVersion }, 'resuming task from last committed model version');
      this.startRunner(task.id);
    }
  }

  stop(): void {
    for (const runner of this.runners.values()) runner.halt();
    this.runners.clear();
    for (const t of this.holdTimers.values()) clearTimeout(t);
    this.holdTimers.clear();
    this.started = false;
  }

  private startRunner(taskId: string): void {
    const task = this.store.getTask(taskId)!;
    const runner = new TaskRunner(task, {
      store: this.store,
      logger: this.logger,
      now: this.now,
      pool: () => this.sessions.values(),
      release: () => this.poolChanged(),
      onFinished: (id) => {
        this.runners.delete(id);
        this.releaseUnwanted();
      },
      ...(this.options.onRoundEnd ? { onRoundEnd: this.options.onRoundEnd } : {}),
      ...(this.options.chunkBytes ? { chunkBytes: this.options.chunkBytes } : {}),
      ...(this.options.maxConcurrentUploads ? { maxConcurrentUploads: this.options.maxConcurrentUploads } : {}),
    });
    this.runners.set(taskId, runner);
    runner.start();
  }

  /** Validates, stores and starts a task. Returns its id. */
  createTask(input: unknown): string {
    const spec: TaskSpec = parseTaskSpec(input);
    const weights = decodeWeights(spec);
    const slug = spec.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'task';
    const id = `${slug}-${randomBytes(3).toString('hex')}`;
    const { weightsBase64: _, ...model } = spec.model;
    const privacy = spec.privacy && resolvePrivacy(spec, this.store.countEnrolledDevices());
    this.store.createTask({ id, spec: { ...spec, model, ...(privacy ? { privacy } : {}) }, initialWeights: weights, now: this.now() });
    this.logger.info({ taskId: id, name: spec.name, stream: spec.stream, params: weights.length }, 'task created');
    if (this.started) {
      this.startRunner(id);
      this.nudgeIdleDevices(`task "${spec.name}" started`);
    }
    return id;
  }

  stopTask(id: string, reason = 'stopped by an administrator'): void {
    const runner = this.runners.get(id);
    if (!runner) {
      const task = this.store.getTask(id);
      if (!task) throw new ServerError('TASK_NOT_FOUND', `no task with id "${id}"`, 404);
      throw new ServerError('TASK_NOT_RUNNING', `task "${id}" is not running (it is ${task.status})`, 409);
    }
    runner.stop('stopped', reason);
  }

  taskStatus(id: string): TaskStatusView {
    const runner = this.runners.get(id);
    const checkedIn = [...this.sessions.values()].filter((s) => s.checkIn).length;
    if (runner) return runner.status(checkedIn);
    const task = this.store.getTask(id);
    if (!task) throw new ServerError('TASK_NOT_FOUND', `no task with id "${id}"`, 404);
    const last = this.store.listRounds(id, 20).filter((r) => r.status === 'committed').at(-1);
    const lastAborted = this.store.listRounds(id, 1).find((r) => r.status === 'aborted');
    return {
      id,
      name: task.name,
      status: task.status,
      statusReason: task.statusReason,
      stream: task.spec.stream,
      purpose: task.spec.purpose,
      roundsPlanned: task.spec.rounds,
      roundsDone: task.modelVersion,
      modelVersion: task.modelVersion,
      phase: task.status === 'running' ? 'idle' : 'finished',
      round: null,
      roundKind: null,
      waitingFor: task.status === 'running' ? 'the coordinator to start' : '',
      devices: { checkedIn, eligible: 0 },
      cohort: null,
      lastMetrics: last?.metrics ? { ...last.metrics, round: last.round, kind: last.kind } : null,
      lastAbortReason: lastAborted?.reason ?? '',
      consecutiveFailures: 0,
      privacy: privacyView(
        task.spec,
        task.spec.privacy ? restoreAccountant(this.store.getPrivacyState(id)) : undefined,
        currentClipNorm(task.spec, this.store, id),
      ),
    };
  }

  /** The latest committed model of a task, with what is needed to export it. */
  latestModel(id: string): { version: number; spec: TaskSpec; weights: Float32Array } {
    const task = this.store.getTask(id);
    if (!task) throw new ServerError('TASK_NOT_FOUND', `no task with id "${id}"`, 404);
    const weights = this.store.getModel(id, task.modelVersion);
    if (!weights) throw new ServerError('STORE_CORRUPT', `model version ${task.modelVersion} of task ${id} is missing`, 500);
    return { version: task.modelVersion, spec: task.spec, weights };
  }

  // ---- devices -------------------------------------------------------------------------

  /** Issues `count` single-use enrollment tokens; only their hashes are stored. */
  issueEnrollmentTokens(count: number, ttlMs = 7 * 24 * 3600 * 1000): { tokens: string[]; expiresAt: number } {
    if (!Number.isInteger(count) || count < 1 || count > 100_000) {
      throw new ServerError('BAD_REQUEST', `count must be an integer from 1 to 100000, got ${count}`);
    }
    const tokens = Array.from({ length: count }, () => newEnrollmentToken());
    const now = this.now();
    this.store.createEnrollmentTokens(tokens.map(hashToken), now, now + ttlMs);
    return { tokens, expiresAt: now + ttlMs };
  }

  /** Revokes a device for good and disconnects it now (it drops out of any round it is in). */
  revokeDevice(deviceId: string, reason = ''): DeviceRecord {
    this.store.revokeDevice(deviceId, reason, this.now());
    for (const s of this.sessions.values()) {
      if (s.link.deviceId === deviceId) s.link.error('DEVICE_REVOKED', `device ${deviceId} was revoked${reason ? ` (${reason})` : ''}`, true);
    }
    return this.store.getDevice(deviceId)!;
  }

  listDevices(): (DeviceRecord & { connected: boolean })[] {
    const connected = new Set([...this.sessions.values()].map((s) => s.link.deviceId));
    return this.store.listDevices().map((d) => ({ ...d, connected: connected.has(d.id) }));
  }

  addSession(session: DeviceSession): void {
    this.sessions.set(session.link.sessionId, session);
    this.store.touchDevice(session.link.deviceId, this.now());
  }

  removeSession(session: DeviceSession, reason: string): void {
    this.sessions.delete(session.link.sessionId);
    this.clearHold(session);
    if (session.activeTaskId) this.runners.get(session.activeTaskId)?.onDeviceGone(session, reason);
    session.activeTaskId = undefined;
  }

  get connectedDevices(): number {
    return this.sessions.size;
  }

  /** Routes one decoded frame from a device that has said Hello. */
  handle(session: DeviceSession, frame: Frame): void {
    switch (frame.body) {
      case 'checkIn':
        return this.onCheckIn(session, frame.message);
      case 'progress':
        return; // Liveness only: the connection itself carries heartbeats.
      case 'uploadStart':
        return this.withRunner(session, frame.message.taskId, frame.message.round, (r) => r.onUploadStart(session, frame.message));
      case 'uploadChunk':
        return this.withRunner(session, frame.message.taskId, frame.message.round, (r) => r.onUploadChunk(session, frame.message));
      case 'secagg':
        return this.withRunner(session, frame.message.taskId, frame.message.round, (r) => r.onSecAgg(session, frame.message));
      case 'evalReport':
        return this.withRunner(session, frame.message.taskId, frame.message.round, (r) => r.onEvalReport(session, frame.message));
      case 'withdraw': {
        const taskId = frame.message.taskId ?? session.activeTaskId;
        if (taskId) this.runners.get(taskId)?.onDeviceGone(session, `device withdrew: ${frame.message.reason || 'no reason given'}`);
        if (session.checkIn) session.checkIn.eligible = false;
        return;
      }
      default:
        session.link.error('UNEXPECTED_MESSAGE', `a device may not send ${frame.body}`, true);
    }
  }

  private withRunner(session: DeviceSession, taskId: string | null | undefined, round: number | null | undefined, fn: (r: TaskRunner) => void): void {
    const runner = this.runners.get(taskId ?? '');
    if (!runner) {
      const task = this.store.getTask(taskId ?? '');
      const why = task ? `task "${taskId}" is ${task.status}` : `no task with id "${taskId}"`;
      session.link.error('ROUND_CLOSED', `report for round ${round ?? 0} refused: ${why}`, false, { taskId: taskId ?? '', round: round ?? 0 });
      return;
    }
    fn(runner);
  }

  private onCheckIn(session: DeviceSession, m: BodyOf<'checkIn'>): void {
    const cached = new Map<string, number>();
    for (const c of m.cached ?? []) if (c.taskId) cached.set(c.taskId, c.modelVersion ?? 0);
    session.checkIn = { streams: new Set(m.streams ?? []), eligible: !!m.eligible, cached, at: this.now() };
    if (session.activeTaskId && !m.eligible) {
      this.runners.get(session.activeTaskId)?.onDeviceGone(session, 'device is no longer eligible');
    }
    if (!this.wanted(session)) {
      this.comeBackLater(session);
      return;
    }
    this.clearHold(session);
    const timer = setTimeout(() => {
      this.holdTimers.delete(session.link.sessionId);
      if (session.activeTaskId === undefined && session.checkIn) this.comeBackLater(session, this.idleRetryMs);
    }, this.poolHoldMs);
    timer.unref?.();
    this.holdTimers.set(session.link.sessionId, timer);
    this.poolChanged();
  }

  private clearHold(session: DeviceSession): void {
    const t = this.holdTimers.get(session.link.sessionId);
    if (t) clearTimeout(t);
    this.holdTimers.delete(session.link.sessionId);
  }

  private wanted(session: DeviceSession): boolean {
    if (!session.checkIn?.eligible) return false;
    for (const r of this.runners.values()) if (r.isRunning && session.checkIn.streams.has(r.stream)) return true;
    return false;
  }

  private comeBackLater(session: DeviceSession, retryAfterMs = this.idleRetryMs): void {
    const streams = [...(session.checkIn?.streams ?? [])];
    const reason = !session.checkIn?.eligible
      ? 'device reported itself not eligible'
      : `no running task trains on ${streams.length ? streams.map((s) => `"${s}"`).join(', ') : 'any stream this device offers'}`;
    session.checkIn = undefined;
    session.link.send('comeBackLater', { retryAfterMs, reason });
  }

  /**
   * Devices that were told to come back later (no task wanted them) are asked to check in again
   * soon, spread over a second so a new task does not meet a thundering herd.
   */
  private nudgeIdleDevices(reason: string): void {
    for (const s of this.sessions.values()) {
      if (!s.checkIn && s.activeTaskId === undefined) s.link.send('comeBackLater', { retryAfterMs: 100 + randomInt(900), reason });
    }
  }

  private poolChanged(): void {
    for (const r of this.runners.values()) r.poolChanged();
  }

  /** After a task ends, devices only it wanted are told to come back later. */
  private releaseUnwanted(): void {
    for (const s of this.sessions.values()) {
      if (s.checkIn && s.activeTaskId === undefined && !this.wanted(s)) this.comeBackLater(s);
    }
  }

  listTasks(): TaskStatusView[] {
    return this.store.listTasks().map((t) => this.taskStatus(t.id));
  }
}

/**
 * Fixes the sampling rate (goal / population) and, unless given, the noise multiplier that
 * spends exactly the target ε over the planned rounds; with adaptive clipping, the share of
 * that noise the update gets; in distributed mode, the devices' encoding and noise share.
 */
function resolvePrivacy(spec: TaskSpec, enrolled: number): NonNullable<TaskSpec['privacy']> {
  const p = spec.privacy!;
  // What the coordinator derives must come from the coordinator: a task file that brought its
  // own could claim less noise than is accounted.
  for (const field of ['samplingRate', 'updateNoiseMultiplier', 'distributed'] as const) {
    if (p[field] !== undefined) {
      throw new ServerError('INVALID_TASK', `invalid task: privacy.${field} is set by the coordinator when the task is created; remove it from the task`);
    }
  }
  const population = p.population ?? enrolled;
  if (population < spec.cohort.goal) {
    throw new ServerError(
      'INVALID_TASK',
      `invalid task: privacy.population: ${population} device${population === 1 ? '' : 's'} (enrolled now, or privacy.population) cannot give a cohort goal of ${spec.cohort.goal}; Poisson sampling needs population ≥ goal`,
    );
  }
  const samplingRate = spec.cohort.goal / population;
  const invalid = (err: unknown) => new ServerError('INVALID_TASK', `invalid task: privacy: ${(err as Error).message}`);
  if (p.mode === 'distributed') {
    const dimension = spec.model.weightSpecs.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
    const planOptions = {
      clipNorm: p.clipNorm!,
      dimension,
      minClients: spec.cohort.minimum,
      maxClients: maxDistributedCohort(population, spec.cohort.goal),
    };
    try {
      if (p.noiseMultiplier !== undefined) {
        const plan = planDistributedDp({ ...planOptions, noiseMultiplier: p.noiseMultiplier });
        return { ...p, population, samplingRate, distributed: { ...plan } };
      }
      const { noiseMultiplier, plan } = noiseMultiplierForDistributed({ ...planOptions, samplingRate, steps: spec.rounds, delta: p.delta, targetEpsilon: p.targetEpsilon });
      return { ...p, population, samplingRate, noiseMultiplier, distributed: { ...plan } };
    } catch (err) {
      throw invalid(err);
    }
  }
  let noiseMultiplier = p.noiseMultiplier;
  if (noiseMultiplier === undefined) {
    try {
      noiseMultiplier = noiseMultiplierFor({ samplingRate, steps: spec.rounds, delta: p.delta, targetEpsilon: p.targetEpsilon });
    } catch (err) {
      throw invalid(err);
    }
  }
  if (!p.adaptive) return { ...p, population, samplingRate, noiseMultiplier };
  // Andrew et al. 2021, §3: the update and the unclipped count (values ±1/2, sensitivity 1/2)
  // are two Gaussian queries of one step; their noise shares z_Δ and σ_b compose to z:
  // z^−2 = z_Δ^−2 + (2σ_b)^−2.
  const countStddev = p.adaptive.countStddev ?? spec.cohort.goal / 20;
  const rest = noiseMultiplier ** -2 - (2 * countStddev) ** -2;
  if (!(rest > 0)) {
    throw new ServerError(
      'INVALID_TASK',
      `invalid task: privacy.adaptive.countStddev: ${countStddev} leaves no noise budget for the update; it must exceed half the noise multiplier (${(noiseMultiplier / 2).toFixed(4)}). Raise it, or raise cohort.goal`,
    );
  }
  return { ...p, population, samplingRate, noiseMultiplier, adaptive: { ...p.adaptive, countStddev }, updateNoiseMultiplier: rest ** -0.5 };
}

/**
 * The largest Poisson-sampled cohort a distributed-DP round accepts: the modular headroom of
 * the devices' encoding is sized for it. Far above the goal, so it never binds in practice.
 */
export function maxDistributedCohort(population: number, goal: number): number {
  return Math.max(2 * population, 4 * goal);
}

function restoreAccountant(state: string | null): PrivacyAccountant {
  return state ? PrivacyAccountant.fromJSON(state) : new PrivacyAccountant();
}

function decodeWeights(spec: TaskSpec): Float32Array {
  if (!spec.model.weightsBase64) throw new ServerError('INVALID_TASK', 'invalid task: model.weightsBase64: the initial weights are required');
  const bytes = Buffer.from(spec.model.weightsBase64, 'base64');
  const expected = spec.model.weightSpecs.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
  if (bytes.length !== expected * 4) {
    throw new ServerError('INVALID_TASK', `model.weightsBase64 holds ${bytes.length} bytes, the weightSpecs need ${expected} float32 values (${expected * 4} bytes)`);
  }
  const out = new Float32Array(expected);
  new Uint8Array(out.buffer).set(bytes);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i]!)) throw new ServerError('INVALID_TASK', `initial weight ${i} is not finite`);
  }
  return out;
}
