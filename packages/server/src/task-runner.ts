import type { PrivacyAccountant } from '@conclave/dp';
import { DEFAULT_CHUNK_BYTES, reasonCodeName, type BodyOf } from '@conclave/proto';
import type { Logger } from 'pino';
import { Deadline, type Clock } from './clock.ts';
import { AttemptFailures, dominantFailure, dominantFailureReason } from './device-failures.ts';
import type { DeviceSession } from './device-link.ts';
import { decodeOptimizerState, type OptimizerState } from './optimizers.ts';
import { budgetExhausted, nextClipNorm, restoreAccountant, taskPrivacyOf, type PrivacyState } from './privacy/task-privacy.ts';
import type { RandomSource } from './random.ts';
import { readCohortIdentities, type CohortIdentities } from './round/cohort-identities.ts';
import { planCommit, spentDespiteFailedCommit } from './round/commit-plan.ts';
import { finalizeRound, type SurvivorsSum } from './round/finalize/index.ts';
import { newAttemptId, routeRoundMessage } from './round/attempt.ts';
import { ModelDownload } from './round/model-download.ts';
import { planRoundMode, secureSetupOf, uploadWords, type RoundKind } from './round/plan.ts';
import { ReportingRound, type ReportingRoundOptions, type RoundInfo } from './round/reporting-round.ts';
import { revealCharge } from './round/reveal-charge.ts';
import { DEFAULT_REPORT_LIMITS, type ReportLimits } from './round/reports.ts';
import { cohortTarget, selectCohort, type Sampling } from './round/selection.ts';
import { BufferPool } from './round/upload-gate.ts';
import { runningTaskProgress, runningTaskStatus, storedRoundsView, type RoundSnapshot, type StoredRoundsView, type TaskProgress, type TaskStatusView } from './status-view.ts';
import type { LeaseRef, RoundRow, Store, TaskRow } from './store/store.ts';
import { ServerError } from './errors.ts';
import type { TaskSpec } from './task-spec.ts';
import type { CertificateRelay } from './trust/certificate-relay.ts';
import type { TaskApprovals } from './approval/task-approvals.ts';

export type { ReportLimits } from './round/reports.ts';

export interface TaskRunnerDeps {
  store: Store;
  logger: Logger;
  /** Time and timers of every deadline. */
  clock: Clock;
  /** Selection, Poisson sampling, rotation seeds, SecAgg+ round ids and central DP noise. */
  random: RandomSource;
  /** Devices currently checked in and not in a round (the coordinator's pool). */
  pool: () => Iterable<DeviceSession>;
  /** Called when a device leaves a round and may be offered to other tasks. */
  release: (session: DeviceSession, reason: string) => void;
  /** Called when the task stops running (completed, failed or stopped). */
  onFinished: (taskId: string) => void;
  onRoundEnd?: (taskId: string, outcome: 'committed' | 'aborted', round: number) => void;
  /** Something about the task changed (live views read the new status); `phase` when its round's phase moved. */
  onChange?: (taskId: string, phase?: boolean) => void;
  /** Certificates and revocation lists shipped with each secure round. */
  trust?: Pick<CertificateRelay, 'roundTrust'>;
  /** The task's approval and transparency-log proof, shipped with each plan. */
  approvals?: Pick<TaskApprovals, 'wireFor'>;
  reportLimits?: Partial<ReportLimits>;
  chunkBytes?: number;
  /**
   * Uploads received at the same time; others wait for an UploadGrant. Bounds the coordinator's
   * memory to (this + 1) × model size whatever the cohort size. @default 4
   */
  maxConcurrentUploads?: number;
  /**
   * Several coordinator nodes: the lease this node holds on the task. Every round commit and
   * abort carries it (the store refuses them once another node took the lease over), and the
   * round open is recorded with it for a successor to abort. @default none (one coordinator)
   */
  lease?: LeaseRef;
  /** The store refused a write for the lease: this runner has stopped; another node leads the task. */
  onLeaseLost?: (taskId: string, reason: string) => void;
  /** Several nodes: a node's partial sum of the masked inputs it kept for a round attempt (cluster/device-relay.ts). */
  partialSum?: ReportingRoundOptions['partialSum'];
}

/** `configuring`: a cohort is chosen and its identity keys and certificates are being read from the store. */
type ActiveRound = (RoundInfo & { phase: 'selecting'; selectionDeadline: number; configuring?: boolean }) | { phase: 'reporting'; reporting: ReportingRound };

/** What a runner resumes from, read from the store before it is built (`TaskRunner.open`). */
interface StoredTaskState {
  weights: Float32Array;
  optimizerState: Buffer | null;
  privacyState: string | null;
  rounds: readonly RoundRow[];
}

/**
 * One task's rounds after Bonawitz et al. 2019, "Towards Federated Learning at Scale", §2:
 * selection (`round/selection`) → configuration (`round/plan`) → reporting (uploads through
 * `round/upload-gate`, in the clear or under `round/secure-round`) → finalize (one strategy per
 * mode, `round/finalize`) and commit, or abort with a reason. This class only sequences those
 * phases and holds the task's state between rounds; it knows no sockets (devices are
 * `DeviceSession`s) and takes time and randomness from its deps.
 */
export class TaskRunner {
  readonly id: string;
  private task: TaskRow;
  private readonly spec: TaskSpec;
  private model: { weights: Float32Array; optimizerState: OptimizerState };
  private privacy: PrivacyState | undefined;
  private active: ActiveRound | undefined;
  private readonly deadline: Deadline;
  private consecutiveFailures = 0;
  /** The failure codes of the attempt that aborted last, still counting its late withdrawals. */
  private closedAttempt: AttemptFailures | undefined;
  private lastAbortReason = '';
  private readonly limits: ReportLimits;
  private readonly maxConcurrentUploads: number;
  private readonly buffers: BufferPool;
  private readonly download: ModelDownload;
  /** Set by stop() and halt(): store writes still in flight must not open another round. */
  private closed = false;
  /** A round commit is in flight: stop() then must not also record the round as aborted. */
  private committing = false;
  /** The task's store writes, chained so they land in the order the task made them. */
  private writes: Promise<unknown> = Promise.resolve();
  private writesInFlight = 0;
  /** The stored rounds' view, read once per recorded round (reading every row on each status cost seconds a round at 1,000 devices). */
  private roundsView: Promise<StoredRoundsView> | undefined;

  /** Reads the task's latest committed model, optimizer and privacy state, and builds its runner. */
  static async open(task: TaskRow, deps: TaskRunnerDeps): Promise<TaskRunner> {
    const weights = await deps.store.getModel(task.id, task.modelVersion);
    if (!weights) throw new Error(`task ${task.id}: model version ${task.modelVersion} is missing from the store`);
    const privacy = taskPrivacyOf(task.id, task.spec);
    const [optimizerState, privacyState, rounds] = await Promise.all([
      deps.store.getOptimizerState(task.id),
      privacy ? deps.store.getPrivacyState(task.id) : null,
      privacy?.kind === 'adaptive' ? deps.store.listRounds(task.id) : [],
    ]);
    return new TaskRunner(task, deps, { weights, optimizerState, privacyState, rounds });
  }

  private constructor(
    task: TaskRow,
    private readonly deps: TaskRunnerDeps,
    stored: StoredTaskState,
  ) {
    this.id = task.id;
    this.task = task;
    this.spec = task.spec;
    const { weights } = stored;
    this.model = { weights, optimizerState: decodeOptimizerState(stored.optimizerState, weights.length) };
    const privacy = taskPrivacyOf(task.id, task.spec);
    if (privacy) {
      const accountant = restoreAccountant(stored.privacyState);
      this.privacy = { privacy, accountant, clipNorm: nextClipNorm(privacy, stored.rounds) };
    }
    this.deadline = new Deadline(deps.clock);
    this.limits = { ...DEFAULT_REPORT_LIMITS, ...deps.reportLimits };
    this.maxConcurrentUploads = Math.max(1, deps.maxConcurrentUploads ?? 4);
    this.buffers = new BufferPool(this.maxConcurrentUploads);
    this.download = new ModelDownload(task.id, deps.chunkBytes ?? DEFAULT_CHUNK_BYTES, weights);
  }

  get stream(): string {
    return this.spec.stream;
  }

  get size(): number {
    return this.model.weights.length;
  }

  get isRunning(): boolean {
    return this.task.status === 'running';
  }

  /** Starts (or resumes, after a restart) from the last committed model version. */
  start(): void {
    if (this.task.status === 'running') this.openSelection();
  }

  /** Stops the task: its state changes now, the store follows (the promise settles once it has). */
  stop(status: 'stopped' | 'failed' | 'completed', reason: string): Promise<void> {
    this.closed = true;
    if (this.active && !this.committing) this.abortRound(reason, { final: true });
    this.deadline.clear();
    let stored: Promise<void> = Promise.resolve();
    if (this.task.status === 'running') {
      this.task = { ...this.task, status, statusReason: reason };
      stored = this.write(() => this.deps.store.setTaskStatus(this.id, status, reason, this.deps.clock.now()));
    }
    return stored.finally(() => this.deps.onFinished(this.id));
  }

  /**
   * Runs a store write after the task's earlier ones (a connection pool could reorder them);
   * with none in flight it starts at once, so an embedded store has written it on return.
   */
  private write<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writesInFlight === 0 ? fn() : this.writes.then(fn);
    this.writesInFlight += 1;
    const done = run.finally(() => {
      this.writesInFlight -= 1;
      // A round may have been recorded: the next status reads the stored rounds again.
      this.roundsView = undefined;
    });
    this.writes = done.catch(() => undefined);
    return done;
  }

  /**
   * Several nodes: records the round now open with the lease, so that a node taking the lease
   * over after this one died records it as aborted. A refusal means the lease is gone.
   */
  private markOpenRound(open: { round: number; kind: RoundKind; modelVersionIn: number; startedAt: number }): void {
    const { lease } = this.deps;
    const leases = this.deps.store.leases;
    if (!lease || !leases) return;
    this.write(() => leases.setOpenRound(this.id, lease, open)).then(
      (held) => {
        if (!held) this.leaseLost(`node "${lease.nodeId}" no longer holds the lease of epoch ${lease.epoch}`);
      },
      (err: unknown) => this.deps.logger.warn({ taskId: this.id, err }, 'recording the open round with the lease failed'),
    );
  }

  /** The store refused this node's lease: stop at once, write nothing more; the lease's new holder resumes the task. */
  /** Stores the accountant that includes round `round` before its distributed-DP sum is unmasked. */
  private async chargeAhead(round: number, accountant: PrivacyAccountant): Promise<void> {
    const lease = this.deps.lease;
    await this.write(() => this.deps.store.chargePrivacy(this.id, round, JSON.stringify(accountant.toJSON()), this.deps.clock.now(), ...(lease ? [lease] : [])));
  }

  private leaseLost(reason: string): void {
    if (this.closed) return;
    this.yieldLease(reason);
    this.deps.onLeaseLost?.(this.id, reason);
  }

  /**
   * Another node leads the task now: the open round ends here without a store write (its new
   * leader records it as aborted), and devices still in it are told the round closed.
   */
  yieldLease(reason: string): void {
    this.closed = true;
    this.deadline.clear();
    const r = this.active;
    this.active = undefined;
    if (r?.phase === 'reporting') r.reporting.close(`this coordinator node stopped leading the task: ${reason}`);
    else if (r) r.configuring = false;
  }

  /**
   * The task was stopped through another coordinator node (the store says so): the open round
   * is recorded as aborted with that reason, and nothing else is written.
   */
  endedElsewhere(reason: string): Promise<void> {
    if (this.active && !this.committing) this.abortRound(reason, { final: true });
    this.closed = true;
    this.deadline.clear();
    return this.writes.then(() => undefined);
  }

  /** Halts timers without touching the store (coordinator shutdown; the task resumes later). */
  halt(): void {
    this.closed = true;
    this.deadline.clear();
    if (this.active?.phase === 'reporting') this.active.reporting.halt();
    this.active = undefined;
  }

  // ---- selection -----------------------------------------------------------------------

  private openSelection(): void {
    const done = this.task.modelVersion;
    const kind: RoundKind | undefined =
      done < this.spec.rounds ? 'train' : this.spec.evaluation.finalRound && !this.task.finalEvalDone ? 'evaluate' : undefined;
    if (!kind) return void this.finishWith('completed', `completed ${this.spec.rounds} rounds`);
    const exhausted = this.privacy ? budgetExhausted(this.privacy.privacy, this.privacy.accountant, done, kind) : undefined;
    if (exhausted) return void this.finishWith('stopped', exhausted);
    const now = this.deps.clock.now();
    const selectionDeadline = now + this.spec.timeouts.selectionMs;
    // Each try of a round has an attempt id of its own: an aborted round is retried under the same number.
    this.active = { phase: 'selecting', round: done + 1, attemptId: newAttemptId(this.deps.random), kind, modelVersionIn: done, startedAt: now, selectionDeadline };
    this.markOpenRound({ round: done + 1, kind, modelVersionIn: done, startedAt: now });
    this.deadline.arm(selectionDeadline, () => this.trySelect(true));
    this.deps.onChange?.(this.id, true);
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

  /** The coordinator calls this whenever the pool changes. */
  poolChanged(): void {
    this.trySelect(false);
  }

  private sampling(kind: RoundKind): Sampling {
    const p = this.privacy?.privacy;
    // Under DP evaluation rounds are Poisson-sampled too: the released model's figure counts on it.
    void kind;
    if (!p) return { kind: 'uniform' };
    return { kind: 'poisson', samplingRate: p.samplingRate, ...(p.kind === 'distributed' ? { maxCohort: p.plan.maxClients } : {}) };
  }

  private trySelect(deadlinePassed: boolean): void {
    const r = this.active;
    if (r?.phase !== 'selecting' || r.configuring) return;
    const outcome = selectCohort({
      candidates: this.candidates(),
      identityOf: (s) => s.link.deviceId,
      cohort: this.spec.cohort,
      sampling: this.sampling(r.kind),
      deadlinePassed,
      random: this.deps.random,
      stream: this.spec.stream,
      selectionMs: this.spec.timeouts.selectionMs,
    });
    if (outcome.kind === 'abort') this.abortRound(outcome.reason);
    else if (outcome.kind === 'cohort') void this.claim(r, outcome.members);
  }

  // ---- configuration -------------------------------------------------------------------

  /**
   * Holds the chosen devices (no other task selects them) while their identity keys and
   * certificates are read from the store; devices that left meanwhile are let go, and below
   * the cohort minimum the round goes back to selecting.
   */
  private async claim(r: RoundInfo & { phase: 'selecting'; selectionDeadline: number; configuring?: boolean }, members: DeviceSession[]): Promise<void> {
    const { deps } = this;
    r.configuring = true;
    for (const s of members) s.activeTaskId = this.id;
    // Read for every round: evaluation rounds run under secure aggregation even in a task that trains without it.
    let lookups: CohortIdentities | undefined;
    try {
      lookups = await readCohortIdentities(this.deps.store, this.deps.trust, members.map((s) => s.link.deviceId));
    } catch (err) {
      deps.logger.error({ taskId: this.id, err }, 'reading the cohort\'s identity keys failed');
    }
    const connected = new Set(deps.pool());
    const selected = members.filter((s) => connected.has(s) && s.activeTaskId === this.id);
    const unclaim = (list: DeviceSession[]) => {
      for (const s of list) if (s.activeTaskId === this.id) s.activeTaskId = undefined;
    };
    unclaim(members.filter((s) => !selected.includes(s)));
    if (this.active !== r || this.closed) return unclaim(selected);
    r.configuring = false;
    if (!lookups || selected.length < this.spec.cohort.minimum) {
      unclaim(selected);
      if (!lookups) return this.abortRound('reading the cohort\'s identity keys from the store failed');
      return this.trySelect(deps.clock.now() >= r.selectionDeadline);
    }
    unclaim(selected);
    this.configure(r, selected, lookups);
  }

  private configure(r: RoundInfo, selected: DeviceSession[], lookups: CohortIdentities | undefined): void {
    const { deps, spec } = this;
    const planned = planRoundMode({ spec, kind: r.kind, privacy: this.privacy, cohortSize: selected.length, modelSize: this.size, random: deps.random });
    if (!planned.ok) {
      for (const session of selected) deps.release(session, 'not selected');
      return this.abortRound(planned.reason);
    }
    const mode = planned.mode;
    const charge = revealCharge(mode);
    const setup = secureSetupOf(mode);
    if (setup && setup.dropouts.tolerated < setup.dropouts.requested) {
      deps.logger.info({ taskId: this.id, n: selected.length, dropouts: setup.dropouts }, 'small cohort: secure aggregation tolerates fewer dropouts than the task asks for');
    }
    const reporting = new ReportingRound({
      taskId: this.id,
      info: { round: r.round, attemptId: r.attemptId, kind: r.kind, modelVersionIn: r.modelVersionIn, startedAt: r.startedAt },
      spec,
      mode,
      sessions: selected,
      // The cohort's enrolled identity keys, by protocol id: advertisements must be signed by them (consistency check only).
      identityKeys: setup ? selected.map((s) => lookups?.keys.get(s.link.deviceId) ?? new Uint8Array(0)) : [],
      // What the enrollment authority signed for them, relayed for the devices to check.
      trust:
        setup && lookups
          ? { certificates: selected.map((s) => lookups.certificates.get(s.link.deviceId)), revocationLists: lookups.revocationLists }
          : { certificates: [], revocationLists: [] },
      // The approver's signature on the task and its place in the log, from each device's last head.
      approval: (knownLogSize) => deps.approvals?.wireFor(this.id, knownLogSize) ?? {},
      modelSize: this.size,
      uploadWords: uploadWords(mode, this.privacy?.privacy, this.size),
      buffers: this.buffers,
      maxConcurrentUploads: this.maxConcurrentUploads,
      waitForAll: this.privacy !== undefined,
      reportDeadline: deps.clock.now() + spec.timeouts.roundMs,
      limits: this.limits,
      clock: deps.clock,
      logger: deps.logger,
      release: deps.release,
      ...(deps.partialSum ? { partialSum: deps.partialSum } : {}),
      events: {
        complete: (sum) => void this.commit(reporting, sum),
        abort: (reason) => this.abortRound(reason),
        // Distributed DP: the sum carries the devices' noise and is released the moment it is
        // unmasked, so its ε is charged in the store first (central DP releases only after noising).
        ...(charge ? { beforeReveal: () => this.chargeAhead(r.round, charge) } : {}),
      },
    });
    this.active = { phase: 'reporting', reporting };
    reporting.invite(this.download);
    deps.onChange?.(this.id, true);
    deps.logger.info({ taskId: this.id, round: r.round, kind: r.kind, selected: selected.length, secure: reporting.secure }, 'cohort selected');
    this.deadline.arm(reporting.reportDeadline, () => reporting.deadlinePassed());
  }

  // ---- reporting: messages go to the round they name, if it is the one running ----------

  /** The round open now (selecting or reporting), as round/attempt.ts routes messages to it. */
  private openRound(): { round: number; attemptId: Uint8Array; reporting: boolean } | undefined {
    const r = this.active;
    if (!r) return undefined;
    return r.phase === 'reporting' ? { round: r.reporting.info.round, attemptId: r.reporting.info.attemptId, reporting: true } : { round: r.round, attemptId: r.attemptId, reporting: false };
  }

  /**
   * The running round, when the message names it and its attempt (round/attempt.ts); otherwise the
   * device is told its message came late, or, for a round that has not started, refused.
   */
  private reporting(session: DeviceSession, m: { round?: number | null; attemptId?: Uint8Array | null }, what: string): ReportingRound | undefined {
    const r = this.active;
    const round = m.round ?? 0;
    const routing = routeRoundMessage(this.openRound(), { taskId: this.id, round, attemptId: m.attemptId });
    if (routing.kind === 'current' && r?.phase === 'reporting') return r.reporting;
    if (routing.kind === 'late') session.link.late({ taskId: this.id, round, attemptId: m.attemptId ?? new Uint8Array(0) }, `${what}: ${routing.reason}`);
    else session.link.error('ROUND_CLOSED', `${what} for round ${round} of task ${this.id} refused: ${routing.kind === 'refuse' ? routing.reason : 'no round is open'}`, false, { taskId: this.id, round });
    return undefined;
  }

  onUploadStart(session: DeviceSession, m: BodyOf<'uploadStart'>): void {
    this.reporting(session, m, 'update')?.onUploadStart(session, m);
  }

  onUploadChunk(session: DeviceSession, m: BodyOf<'uploadChunk'>): void {
    this.reporting(session, m, 'update chunk')?.onUploadChunk(session, m);
  }

  /** Several nodes: the device's node keeps its complete masked input for this round attempt in its partial sum. */
  onMaskedInputHeld(session: DeviceSession, m: { round: number; attemptId: Uint8Array }, nodeId: string): void {
    this.reporting(session, m, 'update')?.onMaskedInputHeld(session, nodeId);
  }

  /**
   * A device left the round with a reason code: counted per round, then a dropout like any other.
   * A withdrawal from an earlier attempt concerns a round that is over: it changes nothing now.
   */
  onWithdraw(session: DeviceSession, m: BodyOf<'withdraw'>): void {
    const r = this.active;
    const round = m.round ?? 0;
    if (routeRoundMessage(this.openRound(), { taskId: this.id, round, attemptId: m.attemptId }).kind !== 'current' || r?.phase !== 'reporting') {
      // A late withdrawal from the attempt that just aborted still says how its cohort failed.
      const failed = this.closedAttempt?.count(session.link.sessionId, round, m.attemptId, reasonCodeName(m.code));
      if (failed) void this.stop('failed', dominantFailureReason(failed));
      return;
    }
    r.reporting.countWithdrawal(session, m.code ?? 0);
    // Most of the cohort failing the same way fails the task now, with the cause (device-failures.ts).
    const failed = dominantFailure(r.reporting.withdrawals(), r.reporting.cohort.size);
    if (failed) return void this.stop('failed', dominantFailureReason(failed));
    this.onDeviceGone(session, 'device withdrew');
  }

  /** A SecAgg+ message from a device in this round. */
  onSecAgg(session: DeviceSession, m: BodyOf<'secagg'>): void {
    const reporting = this.reporting(session, m, 'secure aggregation message');
    if (!reporting) return;
    if (reporting.secure) return reporting.onSecAgg(session, m);
    const round = m.round ?? 0;
    session.link.error('UNEXPECTED_MESSAGE', `secure aggregation message for round ${round} of task ${this.id} refused: that round does not run secure aggregation`, false, { taskId: this.id, round });
  }

  /** The device disconnected, withdrew or misbehaved. */
  onDeviceGone(session: DeviceSession, reason: string): void {
    if (this.active?.phase === 'reporting') this.active.reporting.onDeviceGone(session, reason);
  }

  // ---- commit or abort -----------------------------------------------------------------

  /** Ends the task from inside its own sequence (completed, budget spent, too many failures). */
  private async finishWith(status: 'stopped' | 'failed' | 'completed', reason: string): Promise<void> {
    try {
      await this.stop(status, reason);
    } catch (err) {
      this.deps.logger.error({ taskId: this.id, err }, 'storing the task\'s final status failed');
    }
  }

  /** Ends the round now; the aborted round is written to the store in the task's write order. */
  private abortRound(reason: string, opts: { final?: boolean; spent?: PrivacyAccountant } = {}): void {
    const r = this.active;
    if (!r) return;
    this.deadline.clear();
    this.closedAttempt = r.phase === 'reporting' ? AttemptFailures.of(r.reporting) : undefined;
    if (r.phase === 'reporting') r.reporting.close(reason);
    const info = r.phase === 'reporting' ? r.reporting.info : r;
    this.active = undefined;
    // How many devices withdrew with each code (never which device): part of the stored reason.
    const withdrawals = r.phase === 'reporting' ? r.reporting.withdrawalSummary() : '';
    if (withdrawals) reason = `${reason} (withdrawals: ${withdrawals})`;
    this.lastAbortReason = reason;
    const privacyState = opts.spent ? { privacyState: JSON.stringify(opts.spent.toJSON()) } : {};
    const row = { taskId: this.id, round: info.round, kind: info.kind, modelVersionIn: info.modelVersionIn, reason, startedAt: info.startedAt, endedAt: this.deps.clock.now() };
    const lease = this.deps.lease ? { lease: this.deps.lease } : {};
    this.write(() => this.deps.store.recordAbortedRound({ ...row, ...privacyState, ...lease })).catch((err: unknown) => {
      if (err instanceof ServerError && err.code === 'LEASE_LOST') return this.leaseLost(err.message);
      // The task goes on; ε spent is kept in memory and stored with the next round that commits.
      this.deps.logger.error({ taskId: this.id, round: info.round, err }, 'recording the aborted round failed');
    });
    if (opts.spent && this.privacy) this.privacy = { ...this.privacy, accountant: opts.spent };
    this.deps.logger.warn({ taskId: this.id, round: info.round, reason }, 'round aborted');
    this.deps.onRoundEnd?.(this.id, 'aborted', info.round);
    if (opts.final || this.closed) return;
    this.consecutiveFailures += 1;
    if (this.consecutiveFailures >= this.spec.maxConsecutiveFailures) {
      return void this.finishWith('failed', `${this.consecutiveFailures} consecutive rounds failed; last: ${reason}`);
    }
    this.openSelection();
  }

  private async commit(reporting: ReportingRound, sum: SurvivorsSum): Promise<void> {
    const { deps, spec } = this;
    const r = reporting.info;
    this.deadline.clear();
    const now = deps.clock.now();
    reporting.close(`round ${r.round} reached its goal of ${spec.cohort.goal} reports`);
    const outcome = finalizeRound(reporting.mode, sum, { weights: this.model.weights, optimizer: spec.serverOptimizer, optimizerState: this.model.optimizerState, random: deps.random });
    if (!outcome.ok) return this.abortRound(outcome.reason, outcome.spent ? { spent: outcome.spent } : {});
    const totals = { selected: reporting.cohort.size, durationMs: now - r.startedAt, bytesIn: reporting.bytesIn, bytesOut: reporting.bytesOut };
    const { commit, version, finishing } = planCommit({ taskId: this.id, spec, info: r, outcome, totals, withdrawals: reporting.withdrawals(), now });
    const { metrics } = commit;
    if ((metrics.outOfRangeCoordinates ?? 0) > 0) {
      deps.logger.warn({ taskId: this.id, round: r.round, outOfRange: metrics.outOfRangeCoordinates }, 'distributed DP: coordinates of the sum beyond the planned range (modular wrap-around suspected)');
    }
    const { model, privacy } = outcome;
    this.committing = true;
    try {
      await this.write(() => deps.store.commitRound({ ...commit, ...(deps.lease ? { lease: deps.lease } : {}) }));
    } catch (err) {
      if (err instanceof ServerError && err.code === 'LEASE_LOST') {
        // Fenced: another node leads the task and resumes it from the last committed round.
        this.committing = false;
        deps.logger.warn({ taskId: this.id, round: r.round, err: err.message }, 'round not committed: this node lost the task\'s lease');
        return this.leaseLost(err.message);
      }
      deps.logger.error({ taskId: this.id, round: r.round, err }, 'round commit failed');
      // Nothing of the round is stored and the model stays; a revealed distributed-DP sum's ε is spent.
      const spent = spentDespiteFailedCommit(reporting.mode, privacy);
      this.committing = false;
      if (this.closed) return;
      return this.abortRound(`commit failed: ${(err as Error).message}`, spent ? { spent } : {});
    }
    this.committing = false;
    this.task = { ...this.task, modelVersion: version ?? this.task.modelVersion, finalEvalDone: this.task.finalEvalDone || r.kind === 'evaluate', updatedAt: now };
    if (privacy && this.privacy) this.privacy = { ...this.privacy, accountant: privacy.accountant, clipNorm: privacy.nextClipNorm };
    if (model) {
      this.model = model;
      this.download.update(model.weights);
    }
    this.consecutiveFailures = 0;
    this.lastAbortReason = '';
    this.active = undefined;
    deps.logger.info({ taskId: this.id, round: r.round, kind: r.kind, ...metrics }, 'round committed');
    deps.onRoundEnd?.(this.id, 'committed', r.round);
    if (finishing) {
      this.task = { ...this.task, status: finishing.status, statusReason: finishing.reason };
      this.closed = true;
      return deps.onFinished(this.id);
    }
    // Stopped or halted while the commit was in flight: the round stands, no new one opens.
    if (this.closed) return;
    this.openSelection();
  }

  private roundSnapshot(): RoundSnapshot {
    const r = this.active;
    const c = r?.phase === 'reporting' ? r.reporting.cohort : undefined;
    return r?.phase === 'selecting'
      ? { phase: 'selecting', round: r.round, kind: r.kind, selectionDeadline: r.selectionDeadline, wanted: cohortTarget(this.spec.cohort) }
      : r?.phase === 'reporting' && c
        ? { phase: 'reporting', round: r.reporting.info.round, kind: r.reporting.info.kind, reportDeadline: r.reporting.reportDeadline, selected: c.size, reported: c.reported, dropped: c.dropped }
        : { phase: 'idle' };
  }

  /** Phase, cohort counts, ε and model version, without status()'s pool scan and store read. */
  progress(): TaskProgress {
    return runningTaskProgress(this.task, this.roundSnapshot(), this.privacy);
  }

  status(checkedIn: number): Promise<TaskStatusView> {
    const round = this.roundSnapshot();
    if (!this.roundsView) {
      const read = storedRoundsView(this.deps.store, this.id);
      // A failed read is not kept: the next status tries again.
      read.catch(() => {
        if (this.roundsView === read) this.roundsView = undefined;
      });
      this.roundsView = read;
    }
    const view = this.roundsView;
    const snapshot = { task: this.task, round, devices: { checkedIn, eligible: this.candidates().length }, lastAbortReason: this.lastAbortReason, consecutiveFailures: this.consecutiveFailures, privacy: this.privacy, now: this.deps.clock.now() };
    return view.then((rounds) => runningTaskStatus({ ...snapshot, rounds }));
  }
}
