/**
 * One round on this device, from Selected to ReportAck: model download → the device's own checks
 * (examples, eligibility, privacy cap, consent) → training → update encoding → UploadStart →
 * UploadGrant → UploadChunk* → ReportAck, or a Withdraw at any point (PROTOCOL.md). Driven by
 * decoded messages; what it sends goes out through its ports, so it knows no sockets. A secure
 * round hands the encoded update to its {@link SecureSession}, which masks it.
 */
import { DEFAULT_CHUNK_BYTES, ReasonCode, chunks, float32ToBytes, readFloat32Into, type BodyName, type BodyOf, type IPlan } from '@conclave/proto';
import { quantizationSafeClipNorm } from '@conclave/secagg';
import type { Emit, RoundInfo } from './client-api.ts';
import type { Clock, TimerHandle } from './clock.ts';
import type { ConsentManager } from './consent.ts';
import { ClientError } from './errors.ts';
import { evaluationInput } from './evaluation-encoding.ts';
import type { ExampleStore } from './example-store.ts';
import { DeviceFailure, failureCode, trainerFailure } from './failure-code.ts';
import { sha256Hex, type Ledger } from './ledger.ts';
import type { ParticipationCounter } from './participation-counter.ts';
import type { PersonalPrivacyAccount } from './privacy-ledger.ts';
import { examplesShortfall, roundInfoFrom, roundJobs } from './round-plan.ts';
import type { SecureSession } from './secure-session.ts';
import type { RoundAdmission } from './task-approval-gate.ts';
import type { TrainingBudget } from './training-budget.ts';
import type { TrainJob, Trainer, TrainOutput } from './train/types.ts';
import { chargedNoiseMultiplier, clipUpdate, distributedEncoding, secureInput } from './update-encoding.ts';

/** The collaborators a round works with; the client binds them to its connection and stores. */
export interface RoundPorts {
  /** Sends one frame; returns exactly the bytes sent (empty when not connected). */
  send<K extends BodyName>(body: K, message: BodyOf<K>): Uint8Array;
  emit: Emit;
  /** The trainer, made on first use. */
  trainer(): Promise<Trainer>;
  store: Pick<ExampleStore, 'list'>;
  consent: Pick<ConsentManager, 'allows'>;
  personal: Pick<PersonalPrivacyAccount, 'wouldExceed' | 'record'>;
  ledger: Pick<Ledger, 'append'>;
  budget: Pick<TrainingBudget, 'add'>;
  /** Rounds this device contributed to, per task, for the plan's participation limit (none: no limit enforced). */
  participations?: Pick<ParticipationCounter, 'allows' | 'add'>;
  /** The host's eligibility hook and the daily training budget together. */
  eligibleNow(): Promise<boolean>;
  clock: Clock;
  /** The round's model has fully arrived (for the client's model cache). */
  modelReceived(taskId: string, version: number, weights: Float32Array): void;
  /** The round ended on its own (acknowledged, withdrawn, closed, aborted by the coordinator). */
  ended(session: RoundSession): void;
}

export interface RoundSettings {
  maxExamplesPerRound: number;
  /** Progress frames at most this often. */
  progressIntervalMs: number;
  /** Eligibility re-checks while the round runs. */
  eligibilityIntervalMs: number;
}

export type RoundPhase = 'downloading' | 'training' | 'masking' | 'awaiting-grant' | 'uploading' | 'reported' | 'ended';
/** How a round ended: `cancelled` is the client's doing (superseded, disconnected, revoked) and sends nothing. */
export type RoundOutcome = 'acknowledged' | 'withdrawn' | 'closed' | 'aborted' | 'cancelled';

const CONSENT_REASON = 'the employee paused or withdrew consent';
const INELIGIBLE_REASON = 'the device stopped being eligible';

export class RoundSession {
  readonly info: RoundInfo;
  /** This attempt of the round (Selected.attempt_id), echoed in every message sent for it (PROTOCOL.md §6). */
  readonly attemptId: Uint8Array;
  readonly plan: IPlan;
  readonly #ports: RoundPorts;
  readonly #settings: RoundSettings;
  readonly #weights: Float32Array;
  #secure: SecureSession | undefined;
  #received: number;
  #phase: RoundPhase;
  #outcome: RoundOutcome | undefined;
  #eligibilityTimer: TimerHandle | undefined;
  /** The encoded update, announced by UploadStart and waiting for UploadGrant. */
  #pendingUpload: Uint8Array | undefined;
  /** Exactly the frames sent for this upload, for the ledger's byte count and SHA-256. */
  #sentFrames: Uint8Array[] = [];
  #bytesSent = 0;
  #numExamples = 0;
  /** L2 norm of the update as sent (after clipping). */
  #updateNorm = 0;
  /** The device's own checks of the task's approval (task-approval-gate.ts); nothing runs before they pass. */
  #admission: Promise<RoundAdmission> = Promise.resolve({ ok: true });

  /** `cached`: the model this device already holds for the task, used when Selected says so. */
  constructor(selected: BodyOf<'selected'>, cached: { version: number; weights: Float32Array } | undefined, ports: RoundPorts, settings: RoundSettings) {
    this.info = roundInfoFrom(selected);
    this.attemptId = selected.attemptId ?? new Uint8Array(0);
    this.plan = selected.plan ?? {};
    this.#ports = ports;
    this.#settings = settings;
    const bytes = selected.modelBytes ?? 0;
    const useCache = !!selected.modelCached && cached?.version === this.info.modelVersion;
    this.#weights = useCache ? cached.weights : new Float32Array(bytes / 4);
    this.#received = useCache ? bytes : 0;
    this.#phase = 'downloading';
  }

  get phase(): RoundPhase {
    return this.#phase;
  }
  get outcome(): RoundOutcome | undefined {
    return this.#outcome;
  }
  /** Work for this round stops (an acknowledged round only finishes writing its ledger entry). */
  get cancelled(): boolean {
    return this.#outcome !== undefined && this.#outcome !== 'acknowledged';
  }
  get secure(): SecureSession | undefined {
    return this.#secure;
  }

  /** A message for this round; one naming another attempt of it (an aborted one) is not for this session. */
  matches(taskId: string | null | undefined, round: number | null | undefined, attemptId?: Uint8Array | null): boolean {
    return this.info.taskId === taskId && this.info.round === round && (!attemptId?.length || sameBytes(attemptId, this.attemptId));
  }

  /** Training waits for `admission`; a refusal is the caller's to send (it withdraws this round). */
  admitWith(admission: Promise<RoundAdmission>): void {
    this.#admission = admission;
  }

  /** A secure round: the session that masks this round's update. */
  attachSecure(secure: SecureSession): void {
    this.#secure = secure;
  }

  /** Starts watching eligibility, and trains at once when the model is already here. */
  begin(): void {
    if (this.#outcome) return;
    this.#armEligibilityCheck();
    if (this.#received === this.#weights.byteLength) void this.#run();
  }

  onModelChunk(m: BodyOf<'modelChunk'>): void {
    if (this.#outcome || this.#phase !== 'downloading' || this.info.taskId !== m.taskId || this.info.modelVersion !== m.modelVersion) return;
    const data = m.data ?? new Uint8Array();
    if ((m.offset ?? 0) !== this.#received) {
      this.#ports.emit('error', new ClientError('SERVER_ERROR', `model chunk at byte ${m.offset}, expected ${this.#received}`));
      return this.withdraw('model download out of order', ReasonCode.MODEL_DOWNLOAD_FAILED);
    }
    if (this.#received + data.byteLength > this.#weights.byteLength) {
      this.#ports.emit('error', new ClientError('SERVER_ERROR', `model chunk ends at byte ${this.#received + data.byteLength}, the model has ${this.#weights.byteLength}`));
      return this.withdraw('model download too long', ReasonCode.MODEL_DOWNLOAD_FAILED);
    }
    readFloat32Into(this.#weights, this.#received, data);
    this.#received += data.byteLength;
    if (this.#received === this.#weights.byteLength) {
      this.#ports.modelReceived(this.info.taskId, this.info.modelVersion, this.#weights);
      void this.#run();
    }
  }

  onUploadGrant(m: BodyOf<'uploadGrant'>): void {
    const bytes = this.#pendingUpload;
    if (this.#outcome || !bytes || !this.matches(m.taskId, m.round, m.attemptId)) return;
    this.#pendingUpload = undefined;
    void this.#upload(bytes);
  }

  onReportAck(m: BodyOf<'reportAck'>): void {
    if (this.#outcome || !this.matches(m.taskId, m.round, m.attemptId)) return;
    if (this.info.kind === 'train') this.#ports.emit('uploaded', { ...this.info, bytes: this.#bytesSent, accepted: !!m.accepted, updateNorm: this.#updateNorm });
    this.#end('acknowledged');
  }

  onRoundClosed(m: BodyOf<'roundClosed'>): void {
    if (this.#outcome || !this.matches(m.taskId, m.round, m.attemptId)) return;
    this.#outcome = 'closed';
    this.#ports.emit('roundClosed', { ...this.info, reason: m.reason ?? '' });
    this.#end('closed');
  }

  /** The coordinator gave up on this device's part in the round (a non-fatal error for it). */
  abort(): void {
    if (!this.#outcome) this.#end('aborted');
  }

  /**
   * Leaves the round as a dropout, telling the coordinator why with a code only, never a count
   * or free text (the device keeps the words, `reason`).
   */
  withdraw(reason: string, code: ReasonCode): void {
    void reason;
    if (this.#outcome === 'withdrawn') return;
    const current = !this.#outcome;
    this.#outcome = 'withdrawn';
    this.#ports.send('withdraw', { taskId: this.info.taskId, round: this.info.round, attemptId: this.attemptId, code });
    if (current) this.#end('withdrawn');
  }

  /** A pause or withdrawal during a round: leave it at once, and send nothing more for it. */
  withdrawForConsent(): void {
    this.#leave(CONSENT_REASON, ReasonCode.CONSENT_WITHDRAWN);
  }

  /** The device stopped being eligible (unplugged, busy, out of today's budget). */
  leaveIneligible(): void {
    this.#leave(INELIGIBLE_REASON, ReasonCode.INELIGIBLE);
  }

  /** Stops all work for the round without a word to the coordinator. */
  cancel(): void {
    if (!this.#outcome) this.#end('cancelled', { quiet: true });
  }

  #leave(reason: string, code: ReasonCode): void {
    if (this.cancelled) return;
    this.#secure?.close();
    this.#ports.emit('withdrawn', { ...this.info, reason });
    this.withdraw(reason, code);
  }

  #end(outcome: RoundOutcome, options: { quiet?: boolean } = {}): void {
    this.#outcome ??= outcome;
    this.#phase = 'ended';
    this.#pendingUpload = undefined;
    if (this.#eligibilityTimer !== undefined) this.#ports.clock.clearTimeout(this.#eligibilityTimer);
    this.#eligibilityTimer = undefined;
    if (!options.quiet) this.#ports.ended(this);
  }

  /** While a round runs, a device that stops being eligible (unplugged, busy) leaves it cleanly. */
  #armEligibilityCheck(): void {
    this.#eligibilityTimer = this.#ports.clock.setTimeout(
      () => {
        this.#eligibilityTimer = undefined;
        if (this.#outcome) return;
        void this.#ports.eligibleNow().then((ok) => {
          if (this.#outcome) return;
          if (ok) this.#armEligibilityCheck();
          else this.leaveIneligible();
        });
      },
      this.#settings.eligibilityIntervalMs,
      { unref: true },
    );
  }

  async #run(): Promise<void> {
    const { clock } = this.#ports;
    const started = clock.now();
    this.#phase = 'training';
    try {
      const admission = await this.#admission;
      if (!admission.ok || this.cancelled) return;
      // From the initial model: the weights downloaded must be the ones the approver signed.
      const model = await admission.checkModel?.(this.plan.topologyJson ?? '', float32ToBytes(this.#weights));
      if (model && !model.ok) return this.withdraw(model.message, model.code);
      const trainer = await this.#ports.trainer();
      const examples = await this.#examples();
      const jobs = roundJobs(this.plan, this.info.round, this.#weights, examples);
      if (this.info.kind === 'evaluate') return await this.#evaluate(trainer, jobs.evaluate);
      const shortfall = examplesShortfall(this.plan, jobs.trainCount);
      if (shortfall) return this.withdraw(shortfall, ReasonCode.NOT_ENOUGH_EXAMPLES);
      // The task's participation limit, enforced here whatever the coordinator asks: ε against
      // the coordinator is composed over at most that many rounds.
      const limit = this.plan.participationLimit ?? 0;
      if (limit > 0 && this.#ports.participations && !(await this.#ports.participations.allows(this.info.taskId, limit))) {
        return this.withdraw(`this device already took part in ${limit} rounds of this task`, ReasonCode.PARTICIPATION_LIMIT_REACHED);
      }
      if (!(await this.#ports.eligibleNow())) return this.leaveIneligible();
      // The employee's own privacy cap: decline a round that would take this device over it.
      if (await this.#ports.personal.wouldExceed({ noiseMultiplier: this.#noiseMultiplier() })) {
        return this.withdraw('this round would exceed the privacy cap set for this device', ReasonCode.PRIVACY_CAP_REACHED);
      }
      if (!this.#ports.consent.allows(this.info.stream)) return this.withdrawForConsent();
      const distributed = this.#distributed();
      if (distributed === 'refused') return;
      let lastProgress = 0;
      const result = await trainer
        .train(jobs.train(distributed), (fraction) => {
          if (this.cancelled || clock.now() - lastProgress < this.#settings.progressIntervalMs) return;
          lastProgress = clock.now();
          this.#ports.send('progress', { taskId: this.info.taskId, round: this.info.round, attemptId: this.attemptId, fraction });
        })
        .catch((err: unknown) => {
          throw trainerFailure(err, 'train');
        });
      if (this.cancelled) return;
      await this.#ports.budget.add(clock.now() - started);
      if (this.cancelled) return;
      if (!(await this.#ports.eligibleNow())) return this.leaveIneligible();
      this.#numExamples = result.numExamples;
      this.#ports.emit('trained', { ...this.info, numExamples: result.numExamples, trainLoss: result.trainLoss, ms: clock.now() - started });
      this.#announce(result, distributed !== undefined);
    } catch (err) {
      if (this.cancelled) return;
      this.#ports.emit('error', new ClientError('TRAINING_FAILED', `training for ${this.info.taskId} round ${this.info.round} failed: ${(err as Error).message}`));
      // The coordinator learns the kind of failure only (failure-code.ts); the message stays here.
      this.withdraw('training failed on the device', failureCode(err, this.info.kind));
    }
  }

  /** This round's examples; a failure of the device's example store is reported as such. */
  async #examples(): Promise<Awaited<ReturnType<RoundPorts['store']['list']>>> {
    try {
      return await this.#ports.store.list(this.info.stream, this.#settings.maxExamplesPerRound);
    } catch (err) {
      throw new DeviceFailure(ReasonCode.STORAGE_ERROR, `reading the examples failed: ${(err as Error).message}`, { cause: err });
    }
  }

  /**
   * Federated evaluation through secure aggregation (PROTOCOL.md §4): the received model on the
   * held-out examples, as sums masked like an update. A device without held-out examples adds
   * zeros rather than saying so.
   */
  async #evaluate(trainer: Trainer, job: ReturnType<typeof roundJobs>['evaluate']): Promise<void> {
    const secure = this.#secure;
    if (!secure) return this.withdraw('evaluation leaves a device only inside a secure-aggregation sum', ReasonCode.SECURE_AGGREGATION_REQUIRED);
    if (!this.#ports.consent.allows(this.info.stream)) return this.withdrawForConsent();
    const result = await trainer.evaluate(job).catch((err: unknown) => {
      throw trainerFailure(err, 'evaluate');
    });
    if (this.cancelled) return;
    let input: Uint32Array;
    try {
      input = evaluationInput(result, this.plan, secure);
    } catch (err) {
      this.#ports.emit('error', new ClientError('SERVER_ERROR', `cannot encode this round's evaluation: ${(err as Error).message}`));
      return this.withdraw('evaluation encoding refused', ReasonCode.ENCODING_REFUSED);
    }
    this.#numExamples = result.examples;
    this.#ports.emit('evaluated', { ...this.info, ...result });
    this.#mask(secure, input);
  }

  /** Masks the vector and announces it with UploadStart once masked. */
  #mask(secure: SecureSession, input: Uint32Array): void {
    const { taskId, round, modelVersion } = this.info;
    this.#phase = 'masking';
    secure.provideInput(input, (masked) => {
      if (this.cancelled) return;
      if (!this.#ports.consent.allows(this.info.stream)) return this.withdrawForConsent();
      this.#awaitGrant(masked, this.#ports.send('uploadStart', { taskId, round, attemptId: this.attemptId, modelVersion, updateBytes: masked.byteLength }));
    });
  }

  /** Distributed DP's encoding for the trainer; `'refused'` when the round was withdrawn over it. */
  #distributed(): TrainJob['distributedDp'] | 'refused' {
    const wire = this.plan.distributedDp;
    if (!wire) return undefined;
    if (!this.#secure) {
      this.withdraw('distributed differential privacy needs secure aggregation, which this round does not run', ReasonCode.SECURE_AGGREGATION_REQUIRED);
      return 'refused';
    }
    try {
      return { plan: distributedEncoding(wire, this.#weights.length), rotationSeed: wire.rotationSeed ?? 0 };
    } catch (err) {
      this.#ports.emit('error', new ClientError('SERVER_ERROR', `refusing this round's distributed-DP encoding: ${(err as Error).message}`));
      this.withdraw('distributed-DP encoding refused', ReasonCode.ENCODING_REFUSED);
      return 'refused';
    }
  }

  #noiseMultiplier(): number {
    return chargedNoiseMultiplier(this.plan, this.#secure?.minSurvivors);
  }

  /** Encodes the update and announces it with UploadStart (a secure round once it is masked). */
  #announce(result: TrainOutput, distributed: boolean): void {
    const clipNorm = this.plan.clipNorm ?? 0;
    const { taskId, round, modelVersion } = this.info;
    const secure = this.#secure;
    let clipTo = clipNorm;
    if (secure && clipNorm > 0 && !distributed) {
      // Quantization can add to the norm: clip further so the quantized update stays within C.
      try {
        const { clipRange, bits, maxWeight } = secure.quant;
        clipTo = quantizationSafeClipNorm(clipNorm, { clipRange, bits, maxWeight, weight: 1, dimension: result.delta.length });
      } catch (err) {
        this.#ports.emit('error', new ClientError('SERVER_ERROR', `cannot quantize this round's update within its clip norm: ${(err as Error).message}`));
        return this.withdraw('update encoding refused', ReasonCode.ENCODING_REFUSED);
      }
    }
    const { update, norm } = clipUpdate(result.delta, clipTo, !!this.plan.clipIndicator);
    this.#updateNorm = norm;
    if (secure) {
      let input: Uint32Array;
      try {
        // Under DP every device weighs 1; otherwise its example count.
        input = secureInput(result, update, clipNorm > 0 ? 1 : result.numExamples, secure, distributed);
      } catch (err) {
        this.#ports.emit('error', new ClientError('SERVER_ERROR', `cannot encode this round's update: ${(err as Error).message}`));
        return this.withdraw('update encoding refused', ReasonCode.ENCODING_REFUSED);
      }
      return this.#mask(secure, input);
    }
    if (!this.#ports.consent.allows(this.info.stream)) return this.withdrawForConsent();
    // Without secure aggregation the update itself travels in the clear (the task's recorded
    // opt-out), with its example count for the weighted mean; no loss or evaluation goes with it.
    const bytes = float32ToBytes(update);
    const start = this.#ports.send('uploadStart', { taskId, round, attemptId: this.attemptId, modelVersion, numExamples: result.numExamples, updateBytes: bytes.byteLength });
    this.#awaitGrant(bytes, start);
  }

  /** The coordinator answers UploadStart with UploadGrant when it has room for this update. */
  #awaitGrant(bytes: Uint8Array, uploadStart: Uint8Array): void {
    this.#pendingUpload = bytes;
    this.#sentFrames = [uploadStart];
    this.#phase = 'awaiting-grant';
  }

  /** Sends a granted update, accounts its privacy cost and writes the ledger entry. */
  async #upload(bytes: Uint8Array): Promise<void> {
    this.#phase = 'uploading';
    try {
      const z = this.#noiseMultiplier();
      // Counted before anything is sent: conservative if the upload then fails.
      const epsilonShare = z > 0 ? await this.#ports.personal.record({ noiseMultiplier: z }) : 0;
      if (this.info.kind === 'train') await this.#ports.participations?.add(this.info.taskId);
      if (this.cancelled) return;
      if (!this.#ports.consent.allows(this.info.stream)) return this.withdrawForConsent();
      const frames = this.#sentFrames;
      for (const { offset, data } of chunks(bytes, DEFAULT_CHUNK_BYTES)) {
        if (this.cancelled) return;
        frames.push(this.#ports.send('uploadChunk', { taskId: this.info.taskId, round: this.info.round, attemptId: this.attemptId, offset, data }));
      }
      this.#bytesSent = frames.reduce((n, f) => n + f.byteLength, 0);
      if (this.#phase === 'uploading') this.#phase = 'reported';
      await this.#ports.ledger.append({
        time: this.#ports.clock.now(),
        kind: this.info.kind === 'evaluate' ? 'evaluation' : 'update',
        taskId: this.info.taskId,
        purpose: this.info.purpose,
        modelVersion: this.info.modelVersion,
        streams: [this.info.stream],
        examples: this.#numExamples,
        updateNorm: this.#updateNorm,
        ...(z > 0 ? { privacy: { noiseMultiplier: z, samplingRate: this.plan.samplingRate ?? 0, clipNorm: this.plan.clipNorm ?? 0, epsilonShare } } : {}),
        ...(this.#secure ? { secureAggregationCohort: this.#secure.cohortSize } : {}),
        bytesSent: this.#bytesSent,
        sha256: await sha256Hex(frames),
      });
    } catch (err) {
      const e = err instanceof ClientError ? err : new ClientError('TRAINING_FAILED', `uploading the update of ${this.info.taskId} round ${this.info.round} failed: ${(err as Error).message}`);
      this.#ports.emit('error', e);
      if (this.#phase === 'uploading') this.withdraw('upload failed on the device', ReasonCode.UPLOAD_FAILED);
    }
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
