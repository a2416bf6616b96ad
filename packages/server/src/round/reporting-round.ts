/**
 * The reporting phase of one round (Bonawitz et al. 2019, §2.2 "Reporting"): the selected
 * cohort is told its plan, downloads the model, and reports. Updates pass the upload gate and
 * are summed as they arrive, in the clear (`PlainAggregation`) or under SecAgg+
 * (`SecureRound`); evaluation rounds always run under SecAgg+ (the devices' sums of examples,
 * loss and correct predictions). A bad report drops only its
 * device; the round ends through `events`: `complete` with the survivors' sum once enough
 * reports are in, or `abort` with a reason once too few devices can still report.
 *
 * A device that arrives after its part of the round is over is late, not wrong (PROTOCOL.md §6):
 * selected beyond the goal and cut off once enough reports are in, or answering a secure
 * aggregation phase after its deadline. It is told so with a late RoundClosed and counted as a
 * late report; errors are for devices that break the protocol.
 * Knows no sockets (devices are `DeviceSession`s) and no store.
 */
import { readFloat32Into, reasonCodeName, type BodyOf, type ReasonCodeName, type WireErrorCode } from '@conclave/proto';
import type { Logger } from 'pino';
import { allFinite } from '../aggregator.ts';
import type { Clock } from '../clock.ts';
import type { DeviceSession, RoundContext } from '../device-link.ts';
import { plural, seconds } from '../format.ts';
import { clientMessageFromWire, serverMessageToWire } from '../secagg-wire.ts';
import type { RoundTrust } from '../trust/certificate-relay.ts';
import type { ApprovalWire } from '../approval/task-approvals.ts';
import { Cohort, isPending, type Participant } from './cohort.ts';
import type { SurvivorsSum } from './finalize/types.ts';
import type { ModelDownload } from './model-download.ts';
import { devicePlan, secureSetupOf, selectedMessage, type RoundKind, type RoundMode } from './plan.ts';
import { PlainAggregation, type ServerClipping } from './plain-aggregation.ts';
import { checkUploadChunk, checkUploadStart, type ReportLimits } from './reports.ts';
import { SecureRound } from './secure-round.ts';
import type { BufferPool } from './upload-gate.ts';
import { UploadGate } from './upload-gate.ts';
import type { TaskSpec } from '../task-spec.ts';

export interface RoundInfo {
  round: number;
  /** This attempt of the round (8 random bytes): an aborted round is tried again under the same number with a new one. */
  attemptId: Uint8Array;
  kind: RoundKind;
  modelVersionIn: number;
  startedAt: number;
}

export interface ReportingRoundEvents {
  /** Enough reports are in (and, under SecAgg+, unmasked): the survivors' sum. */
  complete(sum: SurvivorsSum): void;
  /** The round cannot complete. */
  abort(reason: string): void;
  /** Under SecAgg+, just before the sum is unmasked (see SecureRoundEvents.beforeReveal). */
  beforeReveal?(): Promise<void>;
}

export interface ReportingRoundOptions {
  taskId: string;
  info: RoundInfo;
  spec: TaskSpec;
  mode: RoundMode;
  /** The selected devices, in SecAgg+ id order. */
  sessions: readonly DeviceSession[];
  /** Their enrolled identity keys (under SecAgg+), in the same order. */
  identityKeys: readonly Uint8Array[];
  /** The authority's certificates of those keys (by protocol id) and its revocation lists. */
  trust: RoundTrust;
  /** Selected's `approval` and `logProof` for a device that knows the log up to `knownLogSize`. */
  approval?: (knownLogSize: number) => ApprovalWire;
  modelSize: number;
  /** Entries of one upload. */
  uploadWords: number;
  buffers: BufferPool;
  maxConcurrentUploads: number;
  /** Poisson sampling: no goal cut-off, the round waits for every sampled device. */
  waitForAll: boolean;
  reportDeadline: number;
  limits: ReportLimits;
  clock: Clock;
  logger: Logger;
  /** A device left the round and may be offered to other tasks. */
  release: (session: DeviceSession, reason: string) => void;
  /**
   * Several coordinator nodes: asks `nodeId` for the sum (mod 2³²) of the masked inputs it kept
   * for this round attempt, and the session ids it summed; undefined when it did not answer.
   */
  partialSum?: (nodeId: string, context: RoundContext) => Promise<{ sessionIds: string[]; sum: Uint8Array } | undefined>;
  events: ReportingRoundEvents;
}

type Aggregation = { kind: 'plain'; sum: PlainAggregation } | { kind: 'secure'; protocol: SecureRound<Participant> };

const EMPTY = new Float32Array(0);

/**
 * SecAgg+ steps in protocol order (Bonawitz et al. 2017, Fig. 4; the consistency check of §6):
 * a device's message for a step the round has already passed is late; one for a step still to
 * come breaks the protocol.
 */
const STEP_ORDER: Readonly<Record<string, number>> = {
  'advertise-keys': 0,
  'share-keys': 1,
  'masked-input': 2,
  'consistency-check': 3,
  'consistency-signature': 3,
  unmask: 4,
  'unmask-shares': 4,
  completed: 5,
  aborted: 5,
};

function arrivedLate(step: string, phase: string): boolean {
  return (STEP_ORDER[step] ?? 0) < (STEP_ORDER[phase] ?? 0);
}

/** What the coordinator re-checks of an update it receives in the clear. */
function serverClipping(mode: RoundMode): ServerClipping {
  if (mode.kind === 'central-dp' && !mode.secure) return { kind: 'clip', clipNorm: mode.clipNorm, indicator: false };
  if (mode.kind === 'adaptive-clipping' && !mode.secure) return { kind: 'clip', clipNorm: mode.clipNorm, indicator: true };
  return { kind: 'none' };
}

export class ReportingRound {
  readonly info: RoundInfo;
  readonly mode: RoundMode;
  readonly cohort: Cohort;
  readonly reportDeadline: number;
  bytesIn = 0;
  bytesOut = 0;
  private readonly o: ReportingRoundOptions;
  private readonly gate: UploadGate<Participant>;
  private readonly aggregation: Aggregation;
  private closed = false;
  /** Withdrawals by reason code: counts only, never which device gave which. */
  private readonly withdrawalCounts = new Map<ReasonCodeName, number>();
  /** Members cut off when reporting ended (enough reports in, or the deadline): what they send now is late. */
  private readonly cutOff = new Set<Participant>();
  /** Several nodes: members whose masked input another node keeps in its partial sum, by that node. */
  private readonly heldElsewhere = new Map<string, Set<Participant>>();
  /** Of those, the ones that left before their node's sum came: dropped from the protocol once it is in. */
  private readonly goneBeforeSum = new Map<Participant, string>();

  constructor(o: ReportingRoundOptions) {
    this.o = o;
    this.info = o.info;
    this.mode = o.mode;
    this.reportDeadline = o.reportDeadline;
    this.cohort = new Cohort(o.sessions);
    this.gate = new UploadGate<Participant>(o.buffers, o.uploadWords, o.maxConcurrentUploads);
    const setup = secureSetupOf(o.mode);
    this.aggregation = setup
      ? {
          kind: 'secure',
          protocol: new SecureRound({
            setup,
            members: this.cohort.members,
            identityKeys: o.identityKeys,
            clock: o.clock,
            phaseTimeoutMs: o.spec.secureAggregation.phaseTimeoutMs,
            events: {
              send: (p, message) => {
                if (p.status === 'dropped') return;
                const wire = serverMessageToWire(o.taskId, o.info.round, message, (id) => o.trust.certificates[id - 1]);
                p.session.link.send('secagg', { ...wire, attemptId: o.info.attemptId });
              },
              dropped: (p, error) => {
                if (p.status === 'dropped') return;
                p.session.link.error('INVALID_REPORT', `secure aggregation dropped this device: ${error.code}: ${error.message}`, false, this.context);
                if (p.status !== 'reported') this.drop(p, `secure aggregation: ${error.message}`);
              },
              reportingComplete: () => this.isComplete(),
              beforeMaskedInputCloses: () => this.collectPartialSums(),
              ...(o.events.beforeReveal ? { beforeReveal: o.events.beforeReveal } : {}),
              complete: (result) => o.events.complete({ kind: 'secure', sum: result.sum, participants: this.participants(result.survivors) }),
              abort: (reason) => o.events.abort(reason),
            },
          }),
        }
      : { kind: 'plain', sum: new PlainAggregation(o.modelSize, serverClipping(o.mode)) };
  }

  private get context(): RoundContext {
    return { taskId: this.o.taskId, round: this.info.round, attemptId: this.info.attemptId };
  }

  /** The round runs SecAgg+. */
  get secure(): boolean {
    return this.aggregation.kind === 'secure';
  }

  /** Sends every selected device its plan and, unless it has it cached, the model. */
  invite(download: ModelDownload): void {
    const { taskId, spec } = this.o;
    const { round, modelVersionIn } = this.info;
    const plan = devicePlan(spec, this.mode);
    const secure = secureSetupOf(this.mode);
    for (const [i, p] of this.cohort.members.entries()) {
      p.session.activeTaskId = taskId;
      const modelCached = p.session.checkIn?.cached.get(taskId) === modelVersionIn;
      const reportDeadline = this.reportDeadline;
      const clientId = i + 1;
      const identityKeys = this.o.identityKeys;
      const revocationLists = this.o.trust.revocationLists;
      p.session.link.send('selected', {
        ...selectedMessage({ taskId, round, modelVersion: modelVersionIn, plan, modelBytes: download.byteLength, modelCached, reportDeadline, secure, identityKeys, revocationLists, clientId }),
        attemptId: this.info.attemptId,
        ...this.o.approval?.(p.session.checkIn?.knownLogSize ?? 0),
      });
      if (modelCached) continue;
      for (const frame of download.framesOf(modelVersionIn)) {
        p.session.link.sendEncoded(frame);
        this.bytesOut += frame.byteLength;
      }
    }
  }

  /** The device's place in the cohort, or undefined (and the device is told) when it has none. */
  private member(session: DeviceSession, what: string): Participant | undefined {
    const p = this.cohort.get(session.link.sessionId);
    if (p && p.status !== 'dropped') return p;
    if (p && this.cutOff.has(p)) return void this.late(p, `${what} arrived after round ${this.info.round} stopped taking reports`);
    const { taskId, round } = this.context;
    session.link.error('NOT_SELECTED', `${what} refused: this device is not in the cohort of round ${round} of task ${taskId}`, false, this.context);
    return undefined;
  }

  onUploadStart(session: DeviceSession, m: BodyOf<'uploadStart'>): void {
    const p = this.member(session, 'update');
    if (!p) return;
    const protocol = this.aggregation.kind === 'secure' ? this.aggregation.protocol : undefined;
    if (protocol && arrivedLate('masked-input', protocol.phase)) return this.late(p, `masked input arrived after secure aggregation moved on to ${protocol.phase}`);
    const verdict = checkUploadStart(m, {
      round: this.info.round,
      kind: this.info.kind,
      modelVersionIn: this.info.modelVersionIn,
      firstAnnouncement: p.status === 'selected',
      words: this.gate.words,
      secure: protocol ? { phase: protocol.phase, metricsEntries: protocol.setup.metricsEntries } : null,
      limits: this.o.limits,
    });
    if (!verdict.ok) return this.reject(p, verdict.code, verdict.message);
    this.cohort.setStatus(p, 'waiting');
    p.upload = { buffer: EMPTY, received: 0, report: verdict.value };
    this.gate.request(p);
    this.grantUploads();
  }

  /** Grants queued uploads while slots are free. */
  private grantUploads(): void {
    if (this.closed) return;
    for (const { participant: p, buffer } of this.gate.grant((q) => q.status === 'waiting')) {
      this.cohort.setStatus(p, 'uploading');
      if (p.upload) p.upload.buffer = buffer;
      // Several nodes: a masked input is summed on the node the device is connected to.
      if (this.aggregation.kind === 'secure' && this.o.partialSum) p.session.link.collectMaskedInput?.(this.context, this.gate.words);
      p.session.link.send('uploadGrant', this.context);
    }
  }

  onUploadChunk(session: DeviceSession, m: BodyOf<'uploadChunk'>): void {
    const p = this.member(session, 'update chunk');
    if (!p) return;
    const up = p.upload;
    if (p.status === 'waiting') return this.reject(p, 'UNEXPECTED_MESSAGE', 'update chunk before UploadGrant');
    if (p.status !== 'uploading' || !up) return this.reject(p, 'UNEXPECTED_MESSAGE', 'update chunk before UploadStart');
    const verdict = checkUploadChunk(m, up);
    if (!verdict.ok) return this.reject(p, verdict.code, verdict.message);
    const { offset, data } = verdict.value;
    readFloat32Into(up.buffer, offset, data);
    up.received += data.byteLength;
    this.bytesIn += data.byteLength;
    if (up.received < up.buffer.byteLength) return;
    if (this.aggregation.kind === 'secure') {
      // The masked vector goes straight into the protocol's running sum (mod 2^32).
      const outcome = this.aggregation.protocol.maskedInput(p, new Uint8Array(up.buffer.buffer, up.buffer.byteOffset, up.buffer.byteLength));
      if (!outcome.accepted && arrivedLate('masked-input', this.aggregation.protocol.phase)) return this.late(p, `masked input arrived late: ${outcome.error.message}`);
      if (!outcome.accepted) return this.reject(p, 'INVALID_REPORT', `secure aggregation refused the masked input: ${outcome.error.code}: ${outcome.error.message}`);
      return this.accept(p);
    }
    if (!allFinite(up.buffer)) return this.reject(p, 'INVALID_REPORT', 'update contains NaN or infinite values');
    this.aggregation.sum.addUpdate(up.buffer, up.report);
    this.accept(p);
  }

  /**
   * Several nodes: the device's node has its complete masked input and added it to its partial
   * sum (cluster/device-relay.ts); the leader counts the device as reported and receives the sum
   * when MaskedInput closes.
   */
  onMaskedInputHeld(session: DeviceSession, nodeId: string): void {
    const p = this.member(session, 'update');
    if (!p) return;
    if (this.aggregation.kind !== 'secure' || session.link.relayNode !== nodeId) return this.reject(p, 'UNEXPECTED_MESSAGE', 'a masked input kept by another node, in a round that did not ask for one');
    const protocol = this.aggregation.protocol;
    if (arrivedLate('masked-input', protocol.phase)) return this.late(p, `masked input arrived after secure aggregation moved on to ${protocol.phase}`);
    if (p.status !== 'uploading') return this.reject(p, 'UNEXPECTED_MESSAGE', 'update chunk before UploadGrant');
    const held = this.heldElsewhere.get(nodeId) ?? new Set<Participant>();
    held.add(p);
    this.heldElsewhere.set(nodeId, held);
    // Before accept: reaching the goal asks the nodes for their sums, which must include this one.
    session.link.takeMaskedInput?.(this.context);
    this.accept(p);
  }

  /**
   * Before MaskedInput closes: each node's partial sum goes into the protocol's sum, as the masked
   * input of one of its devices (the others add zeros), when it covers exactly the devices this
   * round counted for that node. Otherwise none of them enters the sum, and the protocol treats
   * them as dropouts (their masks are reconstructed and removed): nothing half-summed is unmasked.
   */
  private async collectPartialSums(): Promise<void> {
    const ask = this.o.partialSum;
    if (this.aggregation.kind !== 'secure' || !ask || this.heldElsewhere.size === 0) return;
    const protocol = this.aggregation.protocol;
    const byNode = [...this.heldElsewhere];
    this.heldElsewhere.clear();
    const answers = await Promise.all(byNode.map(([nodeId]) => ask(nodeId, this.context)));
    if (this.closed) return;
    const zeros = new Uint8Array(this.gate.words * 4);
    for (const [i, [nodeId, held]] of byNode.entries()) {
      const answer = answers[i];
      const members = [...held];
      const expected = members.map((p) => p.session.link.sessionId).sort();
      const got = answer ? [...answer.sessionIds].sort() : [];
      if (!answer || got.length !== expected.length || got.some((s, k) => s !== expected[k])) {
        this.o.logger.warn({ ...this.context, node: nodeId, expected: expected.length, got: answer ? got.length : null }, 'partial sum missing or not for the devices counted: they count as dropouts');
        continue;
      }
      const first = protocol.maskedInput(members[0]!, answer.sum);
      if (!first.accepted) {
        this.o.logger.warn({ ...this.context, node: nodeId, err: first.error.message }, 'a partial sum was refused: its devices count as dropouts');
        continue;
      }
      for (const p of members.slice(1)) {
        const outcome = protocol.maskedInput(p, zeros);
        // The sum holds this device's input: without it in the survivors the unmasked sum would be wrong.
        if (!outcome.accepted) return this.o.events.abort(`a partial sum of node "${nodeId}" could not be counted: ${outcome.error.message}`);
      }
    }
    for (const [p, reason] of this.goneBeforeSum) protocol.drop(p, reason);
    this.goneBeforeSum.clear();
  }

  /** A SecAgg+ message from a device of this round (the caller checked that the round runs SecAgg+). */
  onSecAgg(session: DeviceSession, m: BodyOf<'secagg'>): void {
    if (this.aggregation.kind !== 'secure') return;
    const p = this.cohort.get(session.link.sessionId);
    if (p && this.cutOff.has(p)) return this.late(p, `secure aggregation message arrived after round ${this.info.round} stopped taking reports`);
    if (!p || p.status === 'dropped') {
      const { taskId } = this.context;
      session.link.error('NOT_SELECTED', `secure aggregation message refused: this device is not in the cohort of round ${m.round ?? 0} of task ${taskId}`, false, this.context);
      return;
    }
    const message = clientMessageFromWire(m);
    if (!message) return this.reject(p, 'MALFORMED_FRAME', 'secure aggregation frame carries no step');
    const protocol = this.aggregation.protocol;
    const phase = protocol.phase;
    const outcome = protocol.receive(p, message);
    if (outcome.accepted) return;
    // For a step the round already passed: the device is slow, not wrong (the protocol left it out).
    if (outcome.error.code === 'OUT_OF_PHASE' && arrivedLate(message.type, phase)) return this.late(p, `${message.type} arrived late: ${outcome.error.message}`);
    this.reject(p, 'INVALID_REPORT', `secure aggregation refused ${message.type}: ${outcome.error.code}: ${outcome.error.message}`);
  }

  private accept(p: Participant): void {
    this.gate.release(p);
    this.cohort.setStatus(p, 'reported');
    if (p.upload) p.upload = { ...p.upload, buffer: EMPTY };
    p.session.activeTaskId = undefined;
    p.session.link.send('reportAck', { ...this.context, accepted: true });
    this.o.release(p.session, 'reported');
    if (this.isComplete()) this.finishReporting(`round ${this.info.round} reached its goal of ${this.o.spec.cohort.goal} reports`);
    else this.grantUploads();
  }

  private isComplete(): boolean {
    return this.cohort.isComplete(this.o.spec.cohort, this.o.waitForAll || this.secureNeedsEveryone());
  }

  /**
   * Under SecAgg+ a device cut off at the goal counts as a dropout. A small cohort in the
   * malicious-server setting (2t > k) may tolerate fewer dropouts than the devices selected
   * beyond the goal: then the round waits for every selected device (the report deadline still
   * bounds it) rather than cut off one whose absence would abort the unmasking.
   */
  private secureNeedsEveryone(): boolean {
    const setup = secureSetupOf(this.mode);
    return setup !== null && setup.dropouts.tolerated < this.cohort.members.length - this.o.spec.cohort.goal;
  }

  /**
   * Enough reports are in (or the deadline passed): devices still on their way are cut off and
   * told so, then the round completes or, under secure aggregation, goes on to unmasking.
   */
  private finishReporting(reason: string): void {
    this.cutOffPending(reason);
    if (this.aggregation.kind === 'secure') return this.aggregation.protocol.endReporting();
    const participants = this.cohort.reportedMembers().map((p) => ({ deviceId: p.session.link.deviceId, numExamples: p.upload?.report.numExamples ?? 0 }));
    this.o.events.complete({ kind: 'plain', sums: this.aggregation.sum.sums, participants });
  }

  /** Drops one device from the round with a clear error; the round goes on without it. */
  private reject(p: Participant, code: WireErrorCode, message: string): void {
    this.o.logger.warn({ ...this.context, device: p.session.link.deviceId, code }, message);
    p.session.link.error(code, message, false, this.context);
    this.drop(p, message);
  }

  /** A cohort member withdrew with this reason code (before it is dropped as any dropout). */
  countWithdrawal(session: DeviceSession, code: number): void {
    const p = this.cohort.get(session.link.sessionId);
    if (!p || p.status === 'dropped' || p.status === 'reported') return;
    const name = reasonCodeName(code);
    this.withdrawalCounts.set(name, (this.withdrawalCounts.get(name) ?? 0) + 1);
  }

  /** The round's withdrawals by reason code. */
  withdrawals(): Partial<Record<ReasonCodeName, number>> {
    return Object.fromEntries([...this.withdrawalCounts].sort(([a], [b]) => a.localeCompare(b)));
  }

  /** The same in words, e.g. `CONSENT_WITHDRAWN 2, NOT_ENOUGH_EXAMPLES 1` (empty when none). */
  withdrawalSummary(): string {
    return Object.entries(this.withdrawals())
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
  }

  /** The device disconnected, withdrew or misbehaved. */
  onDeviceGone(session: DeviceSession, reason: string): void {
    const p = this.cohort.get(session.link.sessionId);
    if (!p || p.status === 'dropped') return;
    if (p.status !== 'reported') return this.drop(p, reason);
    // Its masked input is in another node's partial sum, which the protocol has not received yet.
    if ([...this.heldElsewhere.values()].some((held) => held.has(p))) return void this.goneBeforeSum.set(p, reason);
    // Its masked input is in the sum; under secure aggregation it still had shares to reveal.
    if (this.aggregation.kind === 'secure') {
      this.aggregation.protocol.drop(p, reason);
      this.aggregation.protocol.advanceIfSettled(true);
    }
  }

  private drop(p: Participant, reason: string): void {
    if (p.status === 'dropped' || p.status === 'reported') return;
    this.gate.release(p);
    this.cohort.setStatus(p, 'dropped');
    p.upload = undefined;
    const protocol = this.aggregation.kind === 'secure' ? this.aggregation.protocol : undefined;
    protocol?.drop(p, reason);
    if (p.session.activeTaskId === this.o.taskId) p.session.activeTaskId = undefined;
    this.o.logger.info({ ...this.context, device: p.session.link.deviceId, reason }, 'device dropped from round');
    const possible = this.cohort.reported + this.cohort.pending;
    const minimum = this.o.spec.cohort.minimum;
    if (possible < minimum) {
      return this.o.events.abort(`only ${plural(possible, 'device')} can still report in round ${this.info.round}, minimum is ${minimum} (${this.cohort.dropped} dropped; last: ${reason})`);
    }
    if (protocol && protocol.phase !== 'masked-input') return protocol.advanceIfSettled();
    if (this.isComplete()) return this.finishReporting(`round ${this.info.round} reached its goal of ${this.o.spec.cohort.goal} reports`);
    this.grantUploads();
  }

  /** Members still on their way when reporting ends leave the round without blame: what they send later is late. */
  private cutOffPending(reason: string): void {
    const protocol = this.aggregation.kind === 'secure' ? this.aggregation.protocol : undefined;
    for (const p of this.cohort.pendingMembers()) {
      p.session.link.send('roundClosed', { ...this.context, reason });
      this.gate.release(p);
      this.cohort.setStatus(p, 'dropped');
      this.cutOff.add(p);
      p.upload = undefined;
      protocol?.drop(p, reason);
      if (p.session.activeTaskId === this.o.taskId) p.session.activeTaskId = undefined;
      this.o.release(p.session, reason);
    }
  }

  /** A member's message came after its part of the round was over: a late report, not an error. */
  private late(p: Participant, reason: string): void {
    p.session.link.late(this.context, reason);
    if (!isPending(p)) return;
    // A pending member answering after a phase deadline (the protocol left it out already): a
    // dropout like any other for the round's arithmetic, but free for other tasks at once.
    this.cutOff.add(p);
    this.drop(p, reason);
    this.o.release(p.session, reason);
  }

  /** The round's report deadline passed: complete with what is in, or abort. */
  deadlinePassed(): void {
    const n = this.cohort.reported;
    const { minimum } = this.o.spec.cohort;
    if (n >= minimum) return this.finishReporting(`round ${this.info.round} passed its report deadline`);
    this.o.events.abort(`round ${this.info.round} timed out after ${seconds(this.o.spec.timeouts.roundMs)}: ${n} of minimum ${minimum} devices reported`);
  }

  /** The survivors of a secure round as participants: who, never how many examples. */
  private participants(ids: readonly number[]): SurvivorsSum['participants'] {
    return ids.flatMap((id) => {
      const p = this.cohort.members[id - 1];
      return p ? [{ deviceId: p.session.link.deviceId, numExamples: 0 }] : [];
    });
  }

  /** The round is over (committed or aborted): tells every device still in it, and frees them. */
  close(reason: string): void {
    this.closed = true;
    if (this.aggregation.kind === 'secure') this.aggregation.protocol.close();
    for (const p of this.cohort.members) {
      if (!isPending(p)) continue;
      this.cohort.setStatus(p, 'dropped');
      p.upload = undefined;
      if (p.session.activeTaskId === this.o.taskId) p.session.activeTaskId = undefined;
      p.session.link.send('roundClosed', { ...this.context, reason });
      this.o.release(p.session, reason);
    }
  }

  /** Coordinator shutdown: no more deadlines; devices are freed without a message (the task resumes later). */
  halt(): void {
    this.closed = true;
    if (this.aggregation.kind === 'secure') this.aggregation.protocol.close();
    for (const p of this.cohort.members) p.session.activeTaskId = undefined;
  }
}
