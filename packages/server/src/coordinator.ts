import { safeU64, transparencyLogToJson, type BodyOf, type Frame, type TransparencyLogJson } from '@conclave/proto';
import pino, { type Logger } from 'pino';
import { systemClock, type Clock, type Timer } from './clock.ts';
import type { DeviceSession, RoundContext } from './device-link.ts';
import { byteSource, randomBelow, systemRandom, type RandomSource } from './random.ts';
import { ServerError } from './errors.ts';
import { hashToken, newEnrollmentToken } from './identity.ts';
import type { DeviceRecord, ForgetResult, Store, TaskRow } from './store/store.ts';
import { parseTaskSpec, type TaskSpec } from './task-spec.ts';
import { deriveTaskPrivacy, storedSpec } from './privacy/task-privacy.ts';
import { storedTaskStatus, type TaskProgress, type TaskStatusView } from './status-view.ts';
import { TaskRunner } from './task-runner.ts';
import { SqliteTrustStore, type TrustRelayStore } from './store/sqlite-trust-store.ts';
import { CertificateRelay } from './trust/certificate-relay.ts';
import { TaskApprovals, type ApprovalRequest } from './approval/task-approvals.ts';
import type { ApprovalEndpoint } from './approval/approver.ts';
import { TaskEvents } from './task-events.ts';
import { LeaseKeeper } from './cluster/lease-keeper.ts';
import { DeviceRelay } from './cluster/device-relay.ts';
import type { NodeBus } from './cluster/node-bus.ts';
import type { LeaseRef, TaskLease } from './store/store.ts';

export interface CoordinatorOptions {
  store: Store;
  /** @default a pino logger at 'info' */
  logger?: Logger;
  /** Time and timers of every deadline (selection, secure-aggregation phases, reporting, pool holds). @default the system clock */
  clock?: Clock;
  /** Selection, Poisson sampling, rotation seeds, SecAgg+ round ids, central DP noise, task ids. @default the platform CSPRNG */
  random?: RandomSource;
  /** How long a checked-in device waits for a round before it is told to come back. @default 60_000 */
  poolHoldMs?: number;
  /** Back-off suggested to devices that no running task needs. @default 30_000 */
  idleRetryMs?: number;
  /** Chunk size for model downloads, in bytes. */
  chunkBytes?: number;
  /** Uploads a task receives at once (the rest wait for a grant). @default 4 */
  maxConcurrentUploads?: number;
  onRoundEnd?: (taskId: string, outcome: 'committed' | 'aborted', round: number) => void;
  /** Certificates and revocation lists relayed for the enrollment authority. @default in memory */
  trust?: TrustRelayStore;
  /**
   * Tasks wait in `awaiting-approval` until an approver signs them (`conclave task approve`),
   * and devices receive the approval and its transparency-log proof with every plan. Without it
   * tasks start at once and carry no approval, which devices refuse unless their policy allows
   * unapproved tasks (`requireApprovedTasks: false`). @default true
   */
  requireApproval?: boolean;
  /**
   * An approver that signs every task as it is created, in this process: for the demo, the
   * examples and tests only. A deployment keeps the approver key off the coordinator.
   */
  autoApprover?: { approve(endpoint: ApprovalEndpoint, taskId: string): Promise<unknown> };
  /**
   * Several coordinator nodes on one PostgreSQL database (`conclave serve --node-id`): this node
   * runs rounds only for the tasks whose lease it holds (cluster/lease-keeper.ts), renewed every
   * `leaseMs / 3`; the others' devices wait. Needs a store with leases (PostgreSQL).
   * @default undefined: this coordinator leads every task
   */
  cluster?: {
    nodeId: string;
    /** @default 10_000 */
    leaseMs?: number;
    /** Messages to and from the other nodes: devices connected here are relayed to their task's leader. @default none (devices of tasks led elsewhere wait) */
    bus?: NodeBus;
  };
}

/**
 * The coordinator's core: devices (whatever their transport) check in here, tasks run their
 * rounds here. It owns the device pool and one TaskRunner per running task.
 */
export class Coordinator {
  readonly store: Store;
  readonly logger: Logger;
  /** What the enrollment authority signed, stored and relayed to devices (never made here). */
  readonly trust: CertificateRelay;
  /** Task approvals and the transparency log, as the store keeps them (signed elsewhere). */
  readonly approvals: TaskApprovals;
  /** Task changes and round ends, for live views (task ids and round numbers, never a device). */
  readonly events = new TaskEvents();
  private readonly clock: Clock;
  private readonly random: RandomSource;
  private readonly sessions = new Map<string, DeviceSession>();
  /** The one session of each device identity (a newer one replaces it). */
  private readonly sessionOfDevice = new Map<string, DeviceSession>();
  private readonly runners = new Map<string, TaskRunner>();
  /** Tasks whose runner is being read from the store. */
  private readonly starting = new Set<string>();
  private readonly holdTimers = new Map<string, Timer>();
  private readonly poolHoldMs: number;
  private readonly idleRetryMs: number;
  private started = false;
  /** Several nodes: the leases this node holds (undefined: it leads every task). */
  private readonly keeper: LeaseKeeper | undefined;
  /** Several nodes: relays devices connected here to the nodes leading their tasks, and theirs to this one. */
  readonly relay: DeviceRelay | undefined;
  /** Running tasks' streams and their leaders, as the last lease pass saw them (for the relay). */
  private clusterView: { streams: Map<string, string>; holders: ReadonlyMap<string, string> } = { streams: new Map(), holders: new Map() };

  /** Builds a coordinator over its store, reading the transparency log the store holds. */
  static async open(options: CoordinatorOptions): Promise<Coordinator> {
    return new Coordinator(options, await TaskApprovals.load(options.store));
  }

  private constructor(
    private readonly options: CoordinatorOptions,
    approvals: TaskApprovals,
  ) {
    this.store = options.store;
    this.logger = options.logger ?? pino({ level: 'info' });
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? systemRandom;
    this.poolHoldMs = options.poolHoldMs ?? 60_000;
    this.idleRetryMs = options.idleRetryMs ?? 30_000;
    this.trust = new CertificateRelay(this.store, options.trust ?? new SqliteTrustStore({ dataDir: ':memory:' }), this.clock);
    this.approvals = approvals;
    if (options.cluster) {
      const leases = this.store.leases;
      if (!leases) throw new ServerError('BAD_REQUEST', 'several coordinator nodes (--node-id) need a store with task leases: give --store postgres://…');
      this.keeper = new LeaseKeeper({
        leases,
        nodeId: options.cluster.nodeId,
        ...(options.cluster.leaseMs !== undefined ? { leaseMs: options.cluster.leaseMs } : {}),
        clock: this.clock,
        logger: this.logger,
        runningTasks: async () => {
          const running = (await this.store.listTasks()).filter((t) => t.status === 'running');
          this.clusterView.streams = new Map(running.map((t) => [t.id, t.spec.stream]));
          return running.map((t) => t.id);
        },
        acquired: (taskId, lease) => this.leaseAcquired(taskId, lease),
        lost: (taskId, reason) => this.leaseLost(taskId, reason),
        ended: (taskId) => this.endedElsewhere(taskId),
        observed: (holders) => {
          const before = this.clusterView.holders;
          this.clusterView.holders = holders;
          this.relay?.leadersChanged(new Set(holders.values()));
          // A task newly led elsewhere: devices told to come back later may now be relayed to it.
          const moved = [...holders].find(([taskId, node]) => node !== this.keeper?.nodeId && before.get(taskId) !== node);
          if (moved && this.relay) this.nudgeIdleDevices(`task "${moved[0]}" is led by node "${moved[1]}"`);
        },
      });
      const bus = options.cluster.bus;
      this.relay = bus
        ? new DeviceRelay({
            bus,
            logger: this.logger,
            wantedHere: (streams) => [...this.runners.values()].some((r) => r.isRunning && streams.has(r.stream)),
            leaderFor: (streams) => {
              for (const [taskId, stream] of this.clusterView.streams) {
                const holder = this.clusterView.holders.get(taskId);
                if (holder && holder !== bus.nodeId && streams.has(stream)) return holder;
              }
              return undefined;
            },
            localSession: (sid) => this.sessions.get(sid),
            maskedInputHeld: (s, from, ctx) => {
              const runner = this.runners.get(ctx.taskId);
              if (runner) runner.onMaskedInputHeld(s, ctx, from);
              else s.link.late(ctx, `task "${ctx.taskId}" runs no round here`);
            },
            addSession: (s) => this.addSession(s),
            removeSession: (s, reason) => this.removeSession(s, reason),
            handle: (s, frame) => this.handle(s, frame),
          })
        : undefined;
    }
  }

  /** This node's name among several coordinator nodes (undefined when it runs alone). */
  get nodeId(): string | undefined {
    return this.keeper?.nodeId;
  }

  /** This node took a task's lease: it resumes the task from its last committed round. */
  private async leaseAcquired(taskId: string, lease: TaskLease): Promise<void> {
    if (lease.abortedRound) this.events.emit('round-end', taskId, 'aborted', lease.abortedRound.round);
    // Another node may have appended approvals since this one read the log.
    await this.approvals.refresh();
    const task = await this.store.getTask(taskId);
    this.logger.info({ taskId, node: lease.nodeId, epoch: lease.epoch, modelVersion: task?.modelVersion }, 'leading the task: resuming from its last committed model version');
    await this.startRunner(taskId, { nodeId: lease.nodeId, epoch: lease.epoch });
    this.nudgeIdleDevices(`task "${taskId}" is led by this node now`);
  }

  /** A task this node leads was stopped through another node: the round open here is recorded as aborted, with the task's reason. */
  private async endedElsewhere(taskId: string): Promise<void> {
    const runner = this.runners.get(taskId);
    if (!runner) return;
    this.runners.delete(taskId);
    const task = await this.store.getTask(taskId);
    await runner.endedElsewhere(`task ${task?.status ?? 'ended'}${task?.statusReason ? `: ${task.statusReason}` : ''}`);
    this.events.emit('changed', taskId, true);
    this.releaseUnwanted();
  }

  /** This node no longer leads a task: its runner stops without writing; the new leader records what it left open. */
  private leaseLost(taskId: string, reason: string): void {
    const runner = this.runners.get(taskId);
    if (!runner) return;
    this.runners.delete(taskId);
    this.logger.warn({ taskId, node: this.keeper?.nodeId, reason }, 'no longer leading the task');
    runner.yieldLease(reason);
    this.events.emit('changed', taskId, true);
    this.releaseUnwanted();
  }

  /** Resumes every running task from its last committed model version. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    // Several nodes: the tasks whose lease this node takes, now and as leases expire.
    if (this.keeper) return this.keeper.start();
    for (const task of await this.store.listTasks()) {
      if (task.status !== 'running') continue;
      this.logger.info({ taskId: task.id, modelVersion: task.modelVersion }, 'resuming task from last committed model version');
      await this.startRunner(task.id);
    }
  }

  /** Halts every task's timers (they resume later, here or on another node); settles once this node's leases are given up. */
  stop(): Promise<void> {
    for (const runner of this.runners.values()) runner.halt();
    this.runners.clear();
    for (const t of this.holdTimers.values()) this.clock.clearTimeout(t);
    this.holdTimers.clear();
    this.started = false;
    return this.keeper?.stop() ?? Promise.resolve();
  }

  private async startRunner(taskId: string, lease?: LeaseRef): Promise<void> {
    if (this.runners.has(taskId) || this.starting.has(taskId)) return;
    this.starting.add(taskId);
    let runner: TaskRunner;
    try {
      const task = (await this.store.getTask(taskId))!;
      runner = await this.openRunner(task, lease);
    } finally {
      this.starting.delete(taskId);
    }
    if (!this.started) return;
    // The lease went while the runner was read from the store.
    if (lease && this.keeper?.leaseOf(taskId)?.epoch !== lease.epoch) return;
    this.runners.set(taskId, runner);
    runner.start();
  }

  private openRunner(task: TaskRow, lease?: LeaseRef): Promise<TaskRunner> {
    return TaskRunner.open(task, {
      store: this.store,
      logger: this.logger,
      clock: this.clock,
      random: this.random,
      pool: () => this.sessions.values(),
      trust: this.trust,
      approvals: this.approvals,
      release: () => this.poolChanged(),
      onFinished: (id) => {
        this.events.emit('changed', id, true);
        this.runners.delete(id);
        this.releaseUnwanted();
        this.keeper?.release(id).catch((err: unknown) => this.logger.warn({ err, taskId: id }, 'releasing the lease of a finished task failed'));
      },
      ...(lease
        ? {
            lease,
            onLeaseLost: (id: string, reason: string) => {
              this.runners.delete(id);
              this.events.emit('changed', id, true);
              this.releaseUnwanted();
              void this.keeper?.poke();
              this.logger.warn({ taskId: id, reason }, 'no longer leading the task');
            },
          }
        : {}),
      onRoundEnd: (id, outcome, round) => {
        this.events.emit('round-end', id, outcome, round);
        this.options.onRoundEnd?.(id, outcome, round);
      },
      onChange: (id, phase) => this.events.emit('changed', id, phase),
      ...(this.relay ? { partialSum: (nodeId: string, context: RoundContext) => this.relay!.requestPartialSum(nodeId, context, task.spec.secureAggregation.phaseTimeoutMs) } : {}),
      ...(this.options.chunkBytes ? { chunkBytes: this.options.chunkBytes } : {}),
      ...(this.options.maxConcurrentUploads ? { maxConcurrentUploads: this.options.maxConcurrentUploads } : {}),
    });
  }

  /** Validates, stores and starts a task. Returns its id. */
  async createTask(input: unknown): Promise<string> {
    const spec: TaskSpec = parseTaskSpec(input);
    const weights = decodeWeights(spec);
    const slug = spec.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'task';
    const suffix = new Uint8Array(3);
    byteSource(this.random)(suffix);
    const id = `${slug}-${Buffer.from(suffix).toString('hex')}`;
    const { weightsBase64: _, ...model } = spec.model;
    const privacy = spec.privacy && deriveTaskPrivacy(spec, await this.store.countEnrolledDevices());
    const awaitingApproval = this.options.requireApproval ?? true;
    await this.store.createTask({ id, spec: storedSpec({ ...spec, model }, privacy), initialWeights: weights, now: this.clock.now(), awaitingApproval });
    this.logger.info({ taskId: id, name: spec.name, stream: spec.stream, params: weights.length, awaitingApproval }, 'task created');
    if (awaitingApproval) {
      this.options.autoApprover?.approve(this, id).catch((err: unknown) => this.logger.error({ err, taskId: id }, 'automatic approval failed'));
      return id;
    }
    if (this.keeper) {
      if (this.started) await this.keeper.poke();
    } else if (this.started) {
      await this.startRunner(id);
      this.nudgeIdleDevices(`task "${spec.name}" started`);
    }
    return id;
  }

  /** What an approver is asked to sign for a task awaiting approval, with the log to append it to. */
  async approvalRequest(taskId: string): Promise<ApprovalRequest> {
    return this.approvals.request(await this.taskForApproval(taskId));
  }

  /** Stores a signed approval with the head that appends it to the log, and starts the task. */
  async acceptApproval(taskId: string, body: unknown): Promise<{ logSize: number }> {
    // Several nodes: the log may have grown on another node.
    if (this.keeper) await this.approvals.refresh();
    const { head } = await this.approvals.accept(await this.taskForApproval(taskId), body, this.clock.now());
    this.logger.info({ taskId, logSize: head.size }, 'task approved');
    if (this.keeper) {
      if (this.started) await this.keeper.poke();
    } else if (this.started && !this.runners.has(taskId)) {
      await this.startRunner(taskId);
      this.nudgeIdleDevices(`task "${taskId}" approved`);
    }
    return { logSize: head.size };
  }

  /** The transparency log of approved tasks, as served to auditors. */
  transparencyLog(): TransparencyLogJson {
    return transparencyLogToJson(this.approvals.log);
  }

  private async taskForApproval(taskId: string) {
    const task = await this.store.getTask(taskId);
    if (!task) throw new ServerError('TASK_NOT_FOUND', `no task with id "${taskId}"`, 404);
    const initialWeights = await this.store.getModel(taskId, 0);
    if (!initialWeights) throw new ServerError('STORE_CORRUPT', `task "${taskId}" has no initial model`, 500);
    return { id: task.id, spec: task.spec, initialWeights, status: task.status };
  }

  async stopTask(id: string, reason = 'stopped by an administrator'): Promise<void> {
    const runner = this.runners.get(id);
    if (!runner) {
      const task = await this.store.getTask(id);
      if (!task) throw new ServerError('TASK_NOT_FOUND', `no task with id "${id}"`, 404);
      if (task.status === 'awaiting-approval') return this.store.setTaskStatus(id, 'stopped', reason, this.clock.now());
      // Several nodes: another node leads it; it sees the status at its next renewal and ends the round it has open.
      if (this.keeper && task.status === 'running') return this.store.setTaskStatus(id, 'stopped', reason, this.clock.now());
      throw new ServerError('TASK_NOT_RUNNING', `task "${id}" is not running (it is ${task.status})`, 409);
    }
    await runner.stop('stopped', reason);
  }

  /** A task's phase, cohort counts, ε and model version: cheap enough to read on every device message. */
  async taskProgress(id: string): Promise<TaskProgress> {
    return this.runners.get(id)?.progress() ?? this.taskStatus(id);
  }

  async taskStatus(id: string): Promise<TaskStatusView> {
    const runner = this.runners.get(id);
    const checkedIn = [...this.sessions.values()].filter((s) => s.checkIn).length;
    if (runner) return runner.status(checkedIn);
    const task = await this.store.getTask(id);
    if (!task) throw new ServerError('TASK_NOT_FOUND', `no task with id "${id}"`, 404);
    return storedTaskStatus(task, this.store, checkedIn);
  }

  /** The latest committed model of a task, with what is needed to export it. */
  async latestModel(id: string): Promise<{ version: number; spec: TaskSpec; weights: Float32Array }> {
    const task = await this.store.getTask(id);
    if (!task) throw new ServerError('TASK_NOT_FOUND', `no task with id "${id}"`, 404);
    const weights = await this.store.getModel(id, task.modelVersion);
    if (!weights) throw new ServerError('STORE_CORRUPT', `model version ${task.modelVersion} of task ${id} is missing`, 500);
    return { version: task.modelVersion, spec: task.spec, weights };
  }

  // ---- devices -------------------------------------------------------------------------

  /** Issues `count` single-use enrollment tokens; only their hashes are stored. */
  async issueEnrollmentTokens(count: number, ttlMs = 7 * 24 * 3600 * 1000): Promise<{ tokens: string[]; expiresAt: number }> {
    if (!Number.isInteger(count) || count < 1 || count > 100_000) {
      throw new ServerError('BAD_REQUEST', `count must be an integer from 1 to 100000, got ${count}`);
    }
    const tokens = Array.from({ length: count }, () => newEnrollmentToken());
    const now = this.clock.now();
    await this.store.createEnrollmentTokens(tokens.map(hashToken), now, now + ttlMs);
    return { tokens, expiresAt: now + ttlMs };
  }

  /** Revokes a device for good and disconnects it now (it drops out of any round it is in). */
  async revokeDevice(deviceId: string, reason = ''): Promise<DeviceRecord> {
    await this.store.revokeDevice(deviceId, reason, this.clock.now());
    for (const s of this.sessions.values()) {
      if (s.link.deviceId === deviceId) s.link.error('DEVICE_REVOKED', `device ${deviceId} was revoked${reason ? ` (${reason})` : ''}`, true);
    }
    return (await this.store.getDevice(deviceId))!;
  }

  /**
   * The right to be forgotten: deletes the device's identity and every record linked to it (its
   * certificate too) and disconnects it. Refused while it is in a round, whose commit would
   * record it again; anonymous counts stay. Says which model versions its updates went into.
   */
  async forgetDevice(deviceId: string): Promise<ForgetResult> {
    const sessions = [...this.sessions.values()].filter((s) => s.link.deviceId === deviceId);
    const busy = sessions.find((s) => s.activeTaskId !== undefined);
    if (busy) {
      throw new ServerError('DEVICE_IN_ROUND', `device ${deviceId} is in a round of task "${busy.activeTaskId}" now; forget it once that round has ended (revoke it first to keep it out of later rounds)`, 409);
    }
    const result = await this.store.forgetDevice(deviceId, this.clock.now());
    await this.trust.forget(deviceId);
    for (const s of sessions) s.link.error('UNAUTHENTICATED', 'this device was forgotten by the coordinator; it must enroll anew to take part', true);
    return result;
  }

  async listDevices(): Promise<(DeviceRecord & { connected: boolean })[]> {
    const connected = new Set([...this.sessions.values()].map((s) => s.link.deviceId));
    return (await this.store.listDevices()).map((d) => ({ ...d, connected: connected.has(d.id) }));
  }

  /**
   * One session per device identity: a newer authenticated session replaces the one before,
   * which leaves its round (as a dropout) and is closed with SESSION_REPLACED (4006). Two
   * sessions of one identity would otherwise take two places in a cohort.
   */
  addSession(session: DeviceSession): void {
    const deviceId = session.link.deviceId;
    const previous = this.sessionOfDevice.get(deviceId);
    if (previous && previous !== session) {
      this.removeSession(previous, 'replaced by a newer session of the same device');
      previous.link.error('SESSION_REPLACED', `a newer session of device ${deviceId} replaced this one`, true);
      this.logger.info({ device: deviceId }, 'device session replaced by a newer one');
    }
    this.sessionOfDevice.set(deviceId, session);
    this.sessions.set(session.link.sessionId, session);
    this.store.touchDevice(session.link.deviceId, this.clock.now()).catch((err: unknown) => this.logger.error({ err, device: session.link.deviceId }, 'recording the device as seen failed'));
  }

  removeSession(session: DeviceSession, reason: string): void {
    this.relay?.sessionGone(session, reason);
    this.sessions.delete(session.link.sessionId);
    if (this.sessionOfDevice.get(session.link.deviceId) === session) this.sessionOfDevice.delete(session.link.deviceId);
    this.clearHold(session);
    if (session.activeTaskId) {
      this.runners.get(session.activeTaskId)?.onDeviceGone(session, reason);
      this.events.emit('changed', session.activeTaskId);
    }
    session.activeTaskId = undefined;
  }

  /** The running hash of the frames a connected session received so far (compare with the device's ledger). */
  frameDigest(sessionId: string): { frames: number; runningHash: string } | undefined {
    for (const s of this.sessions.values()) if (s.link.sessionId === sessionId) return s.link.frameDigest?.();
    return undefined;
  }

  get connectedDevices(): number {
    return this.sessions.size;
  }

  /** Routes one decoded frame from a device that has said Hello. */
  handle(session: DeviceSession, frame: Frame): void {
    // Several nodes: a device whose task another node leads has its frames relayed there.
    if (this.relay?.forward(session, frame)) return;
    switch (frame.body) {
      case 'checkIn':
        return this.onCheckIn(session, frame.message);
      case 'progress':
        return; // Liveness only: the connection itself carries heartbeats.
      case 'uploadStart':
        return this.withRunner(session, frame.message, (r) => r.onUploadStart(session, frame.message));
      case 'uploadChunk':
        return this.withRunner(session, frame.message, (r) => r.onUploadChunk(session, frame.message));
      case 'secagg':
        return this.withRunner(session, frame.message, (r) => r.onSecAgg(session, frame.message));
      case 'withdraw': {
        // Only a reason code comes with it; the round counts codes, never which device gave one.
        const taskId = frame.message.taskId ?? session.activeTaskId;
        if (taskId) this.runners.get(taskId)?.onWithdraw(session, frame.message);
        if (session.checkIn) session.checkIn.eligible = false;
        return;
      }
      default:
        session.link.error('UNEXPECTED_MESSAGE', `a device may not send ${frame.body}`, true);
    }
  }

  private withRunner(session: DeviceSession, m: { taskId?: string | null; round?: number | null; attemptId?: Uint8Array | null }, fn: (r: TaskRunner) => void): void {
    const taskId = m.taskId ?? '';
    const round = m.round ?? 0;
    const runner = this.runners.get(taskId);
    if (!runner) {
      // A report for a task that has ended (its last round closed) is late; one for no task at all is refused.
      const refuse = (why: string) => session.link.error('ROUND_CLOSED', `report for round ${round} refused: ${why}`, false, { taskId, round });
      this.store.getTask(taskId).then(
        (task) => (task ? session.link.late({ taskId, round, attemptId: m.attemptId ?? new Uint8Array(0) }, `task "${taskId}" is ${task.status}`) : refuse(`no task with id "${taskId}"`)),
        () => refuse(`task "${taskId}" is not running here`),
      );
      return;
    }
    fn(runner);
    this.events.emit('changed', runner.id);
  }

  private onCheckIn(session: DeviceSession, m: BodyOf<'checkIn'>): void {
    const cached = new Map<string, number>();
    for (const c of m.cached ?? []) if (c.taskId) cached.set(c.taskId, c.modelVersion ?? 0);
    session.checkIn = { streams: new Set(m.streams ?? []), eligible: !!m.eligible, cached, at: this.clock.now(), knownLogSize: knownLogSize(m) };
    if (session.activeTaskId && !m.eligible) {
      this.runners.get(session.activeTaskId)?.onDeviceGone(session, 'device is no longer eligible');
    }
    if (!this.wanted(session)) {
      this.comeBackLater(session);
      return;
    }
    this.clearHold(session);
    const timer = this.clock.setTimeout(() => {
      this.holdTimers.delete(session.link.sessionId);
      if (session.activeTaskId === undefined && session.checkIn) this.comeBackLater(session, this.idleRetryMs);
    }, this.poolHoldMs);
    this.holdTimers.set(session.link.sessionId, timer);
    this.poolChanged();
  }

  private clearHold(session: DeviceSession): void {
    const t = this.holdTimers.get(session.link.sessionId);
    if (t) this.clock.clearTimeout(t);
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
      if (!s.checkIn && s.activeTaskId === undefined && !this.relay?.isAttached(s.link.sessionId)) s.link.send('comeBackLater', { retryAfterMs: 100 + randomBelow(this.random, 900), reason });
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

  async listTasks(): Promise<TaskStatusView[]> {
    return Promise.all((await this.store.listTasks()).map((t) => this.taskStatus(t.id)));
  }
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

/** The log size a device reports (0 when absent or out of range: it then gets a proof from 0, which it refuses if it knew more). */
function knownLogSize(m: BodyOf<'checkIn'>): number {
  try {
    return safeU64(m.knownLogSize, 'checkIn.knownLogSize');
  } catch {
    return 0;
  }
}
