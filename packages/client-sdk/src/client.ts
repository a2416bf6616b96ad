/**
 * The client, composed of its parts: options ({@link resolveClientOptions}), the connection
 * (socket, handshake, back-off), the example recorder (consent, PII scrubbing), one
 * {@link RoundSession} at a time and its {@link SecureSession}, the daily training budget, the
 * transparency ledger and the personal privacy account. This file only wires them together and
 * routes the coordinator's frames; each part does one job.
 *
 * The protocol, seen from the device (PROTOCOL.md has the whole sequence): Hello → Welcome →
 * CheckIn → (ComeBackLater | Selected → ModelChunk* → train → UploadStart → UploadChunk* →
 * ReportAck) → CheckIn → …
 */
import { TaskApprovalGate, admissionOf, type RoundAdmission } from './task-approval-gate.ts';
import { ReasonCode, deviceIdFor, type BodyOf, type Frame } from '@conclave/proto';
import { EventHub, type ConclaveClient } from './client-api.ts';
import { CLIENT_DEFAULTS, resolveClientOptions, type ClientOptions } from './client-options.ts';
import { checkInMessage, comeBackDelay } from './check-in.ts';
import type { TimerHandle } from './clock.ts';
import { Connection, type SocketCtor } from './connection.ts';
import { ConsentManager } from './consent.ts';
import { ClientError } from './errors.ts';
import { ExampleRecorder } from './example-recorder.ts';
import { FrameLedger, type FrameInfo } from './frame-ledger.ts';
import { Ledger } from './ledger.ts';
import { ParticipationCounter } from './participation-counter.ts';
import { createScrubber } from './pii/index.ts';
import { PersonalPrivacyAccount } from './privacy-ledger.ts';
import { RoundSession, type RoundPorts } from './round-session.ts';
import { serverMessageFromWire } from './secagg-wire.ts';
import { PolicyRefusal, SecureSession, type SecureSessionPorts } from './secure-session.ts';
import { TrainingBudget } from './training-budget.ts';
import { CohortTrust } from './cohort-trust.ts';
import { checkRoundTerms, checkTaskEpsilon } from './device-policy.ts';
import { RefusalLog } from './refusal-log.ts';
import type { Trainer } from './train/types.ts';

export const SDK_VERSION = '0.1.0';

/** What a face (Node or browser) supplies that the isomorphic core cannot choose by itself. */
export interface ClientPlatform {
  /** The WebSocket constructor used when `options.WebSocket` is not given (undefined: none in this runtime). */
  WebSocket(): SocketCtor | undefined;
  /** Makes the trainer when `options.trainer` is not given; the client owns it and closes it on `stop()`. */
  createTrainer(options: { threads: number }): Trainer | Promise<Trainer>;
}

/**
 * Creates a client for a platform. Nothing connects until `start()`; `record()` works at any
 * time. Tool teams call `createClient` from the Node or the browser face, which supply the platform.
 */
export function composeClient(options: ClientOptions, platform: ClientPlatform): ConclaveClient {
  const o = resolveClientOptions(options);
  const { clock, identity, store, kv } = o;
  const now = () => clock.now();
  const events = new EventHub();
  const consent: ConsentManager = new ConsentManager({
    kv,
    now,
    ...(o.policy ? { policy: o.policy } : {}),
    ...(o.streams ? { streams: o.streams } : {}),
    onRevoke: (stream): Promise<void> => recorder.deleteStream(stream),
  });
  const recorder = new ExampleRecorder({ store, consent, scrubber: createScrubber({ extra: o.scrubbers }), now });
  const ledger = new Ledger({ kv });
  // Every frame this device sends, with a running hash per connection (PROTOCOL.md, frame digests).
  const frameLedger = new FrameLedger({ kv, now });
  const participations = new ParticipationCounter({ kv });
  // Tasks run only when a pinned approver signed them and the transparency log extends the last head seen.
  const approvalGate = new TaskApprovalGate(kv, { approverKeys: o.approverKeys, requireApprovedTasks: o.requireApprovedTasks });
  // Peers only with certificates of a pinned enrollment authority; revocation lists never go back.
  const cohortTrust = new CohortTrust(kv, { authorityKeys: o.authorityKeys, minCertifiedPeers: o.minCertifiedPeers, now });
  // Why the device policy refused a round, in words, kept here: the coordinator gets a code.
  const refusals = new RefusalLog(kv, now);
  const personal = new PersonalPrivacyAccount({ kv, organisationCap: o.privacyCap });
  const budget = new TrainingBudget({ kv, now, msPerDay: o.limits.trainingMsPerDay });
  const modelCache = new Map<string, { version: number; weights: Float32Array }>();
  const secureSessions = new Map<string, SecureSession>();
  const secureKey = (taskId: string, round: number) => `${taskId}#${round}`;
  let trainer: Promise<Trainer> | undefined = o.trainer ? Promise.resolve(o.trainer) : undefined;
  let ownsTrainer = false;
  let round: RoundSession | undefined;
  let checkInTimer: TimerHandle | undefined;
  let deviceId = '';
  let wanted = false;

  const connection = new Connection(
    { url: o.url, urls: o.urls, identity, enrollmentToken: o.enrollmentToken, sdkVersion: SDK_VERSION, WebSocket: o.WebSocket ?? platform.WebSocket(), reconnect: o.reconnect, clock, random: o.random },
    {
      opened: () => frameLedger.connectionOpened(),
      sent: (bytes, body, message) => frameLedger.record(bytes, { body, message } as FrameInfo),
      connected(welcome) {
        frameLedger.connectionIdentified(welcome.sessionId);
        events.emit('connected', { sessionId: welcome.sessionId, deviceId: welcome.deviceId || deviceId });
        void checkIn();
      },
      frame: onFrame,
      disconnected(event) {
        // The coordinator forgets a lost session's rounds: so does the device.
        round?.cancel();
        round = undefined;
        for (const s of [...secureSessions.values()]) s.close();
        clearCheckInTimer();
        events.emit('disconnected', event);
      },
      error: (err) => events.emit('error', err),
    },
  );

  /** Host hooks and the employee's limits together: may this device work for training now? */
  async function eligibleNow(): Promise<boolean> {
    try {
      if (o.eligibility && !(await o.eligibility())) return false;
    } catch (err) {
      events.emit('error', new ClientError('INVALID_OPTIONS', `options.eligibility failed, so the device counts as not eligible: ${(err as Error).message}`));
      return false;
    }
    return !(await budget.exhausted());
  }

  function trainerNow(): Promise<Trainer> {
    if (!trainer) {
      ownsTrainer = true;
      trainer = Promise.resolve(platform.createTrainer({ threads: o.limits.cpuThreads }));
    }
    return trainer;
  }

  const roundPorts: RoundPorts = {
    send: (body, message) => connection.send(body, message),
    emit: events.emit,
    trainer: trainerNow,
    store,
    consent,
    personal,
    ledger,
    budget,
    participations,
    eligibleNow,
    clock,
    modelReceived: (taskId, version, weights) => modelCache.set(taskId, { version, weights }),
    ended(session) {
      if (round !== session) return;
      round = undefined;
      void checkIn();
    },
  };

  const free = () => connection.active && connection.connected && !round;

  async function checkIn(): Promise<void> {
    if (!free()) return;
    try {
      const message = await checkInMessage({ store, consent, eligibleNow, cachedModels: modelCache, knownLogSize: () => approvalGate.knownLogSize() });
      if (free()) connection.send('checkIn', message);
    } catch (err) {
      events.emit('error', err instanceof ClientError ? err : new ClientError('STORAGE_CORRUPT', `cannot read this device's examples to check in: ${(err as Error).message}`));
    }
  }

  function clearCheckInTimer(): void {
    if (checkInTimer !== undefined) clock.clearTimeout(checkInTimer);
    checkInTimer = undefined;
  }

  function scheduleCheckIn(delayMs: number): void {
    clearCheckInTimer();
    checkInTimer = clock.setTimeout(() => {
      checkInTimer = undefined;
      void checkIn();
    }, delayMs);
  }

  function onFrame(frame: Frame): void {
    switch (frame.body) {
      case 'comeBackLater':
        events.emit('comeBackLater', { retryAfterMs: frame.message.retryAfterMs ?? 0, reason: frame.message.reason ?? '' });
        return scheduleCheckIn(comeBackDelay(frame.message));
      case 'selected':
        return onSelected(frame.message);
      case 'modelChunk':
        return round?.onModelChunk(frame.message);
      case 'secagg': {
        const session = secureSessions.get(secureKey(frame.message.taskId ?? '', frame.message.round ?? 0));
        const message = serverMessageFromWire(frame.message);
        if (session && message) session.handle(message, frame.message);
        return;
      }
      case 'uploadGrant':
        return round?.onUploadGrant(frame.message);
      case 'reportAck':
        return round?.onReportAck(frame.message);
      case 'roundClosed': {
        const m = frame.message;
        // A late reply (PROTOCOL.md §6) concerns only the attempt it names; an earlier attempt's sessions already ended.
        if (m.late && !round?.matches(m.taskId, m.round, m.attemptId)) return;
        secureSessions.get(secureKey(m.taskId ?? '', m.round ?? 0))?.close();
        return round?.onRoundClosed(m);
      }
      case 'error':
        return onServerError(frame.message);
      default:
        events.emit('error', new ClientError('SERVER_ERROR', `unexpected ${frame.body} from the coordinator`));
    }
  }

  function onSelected(m: BodyOf<'selected'>): void {
    // A new Selected supersedes the round in progress, and its secure session sends nothing more:
    // a late key advertisement would carry the old round id into the new round.
    round?.secure?.close();
    round?.cancel();
    const session = new RoundSession(m, modelCache.get(m.taskId ?? ''), roundPorts, {
      maxExamplesPerRound: o.maxExamplesPerRound,
      progressIntervalMs: o.progressIntervalMs ?? Math.max(CLIENT_DEFAULTS.minProgressIntervalMs, connection.heartbeatMs / 2),
      eligibilityIntervalMs: o.eligibilityIntervalMs,
    });
    round = session;
    events.emit('selected', session.info);
    // The device policy first: malicious-server SecAgg+ and a large enough cohort, whatever the plan says.
    const terms = checkRoundTerms(m.secagg ? { secure: { consistencyCheck: m.secagg.consistencyCheck === true, cohortSize: m.secagg.cohortSize ?? 0 } } : {}, o);
    if (!terms.ok) return refuse(session, terms.code, terms.message, m.secagg != null);
    // Nothing of the round runs, not even a key advertisement, until the approval checks pass.
    const admission = approvalGate.check(m).then((d): RoundAdmission => {
      if (!d.ok) {
        // Recorded on the device even when the round has already moved on; withdrawn if it has not.
        if (round === session && !session.cancelled) refuse(session, d.code, d.message, m.secagg != null);
        else void refusals.record({ taskId: session.info.taskId, round: session.info.round, code: d.code, message: d.message });
        return d;
      }
      if (d.info) events.emit('approved', { ...session.info, approval: d.info });
      const epsilon = d.ok ? checkTaskEpsilon(d.info?.epsilon ?? null, o) : undefined;
      if (epsilon && !epsilon.ok) {
        if (round === session) refuse(session, epsilon.code, epsilon.message, m.secagg != null);
        return admissionOf(approvalGate, { ok: false, code: epsilon.code, message: epsilon.message }, session.info.modelVersion);
      }
      const admitted = admissionOf(approvalGate, d, session.info.modelVersion);
      const checkModel = admitted.ok ? admitted.checkModel : undefined;
      if (!checkModel) return admitted;
      return {
        ok: true,
        checkModel: async (topologyJson: string, weights: Uint8Array) => {
          const model = await checkModel(topologyJson, weights);
          if (!model.ok) void refusals.record({ taskId: session.info.taskId, round: session.info.round, code: model.code, message: model.message });
          return model;
        },
      };
    });
    session.admitWith(admission);
    if (m.secagg) {
      const { taskId, round: n } = session.info;
      let secure: SecureSession;
      try {
        secure = new SecureSession({ taskId, round: n, wire: m.secagg, noiseMultiplier: session.plan.noiseMultiplier ?? 0 }, { identity, policy: o, trust: cohortTrust }, securePorts(taskId, n, session.attemptId));
      } catch (err) {
        events.emit('error', new ClientError('SERVER_ERROR', `refusing the secure aggregation round: ${(err as Error).message}`));
        return session.withdraw('secure aggregation configuration refused', ReasonCode.SECURE_AGGREGATION_FAILED);
      }
      session.attachSecure(secure);
      // A retried round keeps its number: the earlier attempt's session, if any, ends here.
      secureSessions.get(secureKey(taskId, n))?.close();
      secureSessions.set(secureKey(taskId, n), secure);
      void admission.then((a) => {
        if (a.ok && !session.cancelled) secure.start();
      });
    }
    session.begin();
  }

  function securePorts(taskId: string, n: number, attemptId: Uint8Array): SecureSessionPorts {
    return {
      send: (message) => void connection.send('secagg', { ...message, attemptId }),
      failed(err) {
        if (err instanceof PolicyRefusal) {
          if (round?.matches(taskId, n)) return refuse(round, err.code, err.message);
          // Unmasking follows the upload, after the round session ended: nothing to withdraw, but the device still says why.
          void refusals.record({ taskId, round: n, code: err.code, message: err.message });
          events.emit('error', new ClientError('SERVER_ERROR', `refusing the secure aggregation round: ${err.message}`));
          return;
        }
        // A step the coordinator asked for that the protocol forbids (a split survivor set, too few signatures…).
        void refusals.record({ taskId, round: n, code: ReasonCode.SECURE_AGGREGATION_FAILED, message: err.message });
        events.emit('error', new ClientError('SERVER_ERROR', `secure aggregation step refused: ${err.message}`));
        if (round?.matches(taskId, n)) round.withdraw('secure aggregation step refused', ReasonCode.SECURE_AGGREGATION_FAILED);
      },
      closed: () => secureSessions.delete(secureKey(taskId, n)),
    };
  }

  /** The device policy refused the round: the words stay in the device's refusal log, the coordinator gets the code. */
  function refuse(session: RoundSession, code: ReasonCode, message: string, secure = true): void {
    const { taskId, round: n } = session.info;
    void refusals.record({ taskId, round: n, code, message });
    events.emit('error', new ClientError('SERVER_ERROR', `refusing the ${secure ? 'secure aggregation ' : ''}round: ${message}`));
    session.withdraw(message, code);
  }

  function onServerError(m: BodyOf<'error'>): void {
    if (m.code === 'DEVICE_REVOKED') return void onRevoked(m.message ?? '');
    if (m.code === 'UNAUTHENTICATED') {
      // Waiting does not help a device that is not enrolled: stop and say why.
      connection.halt();
      events.emit('error', new ClientError('NOT_ENROLLED', `coordinator refused this device: ${m.message}`, m.code));
      return;
    }
    const code = m.code === 'PROTOCOL_VERSION' ? 'PROTOCOL_VERSION' : 'SERVER_ERROR';
    events.emit('error', new ClientError(code, `coordinator: ${m.code}: ${m.message}`, m.code ?? undefined));
    if (!m.fatal && round?.matches(m.taskId, m.round)) round.abort();
  }

  /** A revoked device wipes what it holds and stops for good. */
  async function onRevoked(reason: string): Promise<void> {
    connection.halt();
    round?.cancel();
    round = undefined;
    await recorder.deleteAll();
    modelCache.clear();
    events.emit('revoked', { reason });
  }

  consent.on('change', (c) => {
    if (round && !consent.allows(round.info.stream)) round.withdrawForConsent();
    if (c.kind === 'resume' || c.kind === 'pause-ended' || c.kind === 'grant') void checkIn();
    // Paused or no consented stream left: tell the coordinator this device is not available.
    if ((c.kind === 'pause' || c.kind === 'revoke') && free()) void checkIn();
  });

  return {
    get deviceId() {
      return deviceId;
    },
    async record(stream, example) {
      const { stored, scrubbed, first } = await recorder.record(stream, example);
      // A stream's first example makes the device useful to tasks on it: check in again now
      // rather than when the coordinator's come-back-later delay runs out.
      if (first && free()) void checkIn();
      return { stored, scrubbed };
    },
    consent,
    ledger: {
      entries: () => ledger.entries(),
      exportText: () => ledger.exportText(),
      frames: () => frameLedger.frames(),
      rounds: () => frameLedger.rounds(),
      connectionDigest: () => frameLedger.connectionDigest(),
      refusals: () => refusals.entries(),
    },
    privacy: { spent: () => personal.spent(), setCap: (e) => personal.setCap(e), caps: () => personal.caps() },
    approvals: () => approvalGate.approvedTasks(),
    async forgetAll(opts = {}) {
      round?.withdraw('the employee wiped this device', ReasonCode.DEVICE_WIPED);
      for (const s of [...secureSessions.values()]) s.close();
      modelCache.clear();
      await recorder.deleteAll();
      if (!opts.keepLedger) await Promise.all([ledger.clear(), frameLedger.clear()]);
    },
    async start() {
      if (connection.active) return;
      wanted = true;
      deviceId ||= await deviceIdFor(identity.publicKey);
      if (wanted) connection.start();
    },
    async stop() {
      wanted = false;
      connection.halt();
      clearCheckInTimer();
      round?.withdraw('client stopped', ReasonCode.CLIENT_STOPPED);
      await connection.stop();
      if (ownsTrainer && trainer) {
        const owned = trainer;
        trainer = undefined;
        ownsTrainer = false;
        await (await owned).close();
      }
      await consent.close();
    },
    on: (event, listener) => events.on(event, listener),
    async counts() {
      return store.counts();
    },
  };
}
