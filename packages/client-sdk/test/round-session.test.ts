/**
 * One round on the device, driven by decoded messages and nothing else: no socket, a fake clock
 * for the eligibility re-checks, and the real trainer, stores, consent, ledger and privacy
 * account. Each test walks the round through its phases and checks what it sends.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { PlanKind, encodeFrame, reasonCodeName, type BodyName, type BodyOf, type IPlan } from '@conclave/proto';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClientEvents } from '../src/client-api.ts';
import { ConsentManager } from '../src/consent.ts';
import { MemoryExampleStore, type ExampleStore } from '../src/example-store.ts';
import { MemoryKeyValueStore } from '../src/kv-store.ts';
import { Ledger, sha256Hex, type LedgerEntry } from '../src/ledger.ts';
import { ParticipationCounter } from '../src/participation-counter.ts';
import { PersonalPrivacyAccount } from '../src/privacy-ledger.ts';
import { RoundSession, type RoundPorts } from '../src/round-session.ts';
import { SqliteExampleStore } from '../src/sqlite-example-store.ts';
import { TrainingBudget } from '../src/training-budget.ts';
import { createInlineTrainer } from '../src/train/inline-trainer.ts';
import { FakeClock } from './fake-clock.ts';

const trainer = createInlineTrainer();
afterAll(() => trainer.close());

const TASK = 'task-1';
const ROUND = 7;
const VERSION = 3;
const CHECK_MS = 2_000;

/** Logistic regression over 4 dense features, zero-initialised: 5 weights, 20 bytes. */
async function model(): Promise<{ topologyJson: string; weights: Float32Array }> {
  const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 1, activation: 'sigmoid', kernelInitializer: 'zeros' })] });
  let artifacts!: tf.io.ModelArtifacts;
  await m.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  m.dispose();
  return { topologyJson: JSON.stringify({ modelTopology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs }), weights: new Float32Array(artifacts.weightData as ArrayBuffer) };
}

interface Sent {
  body: BodyName;
  message: Record<string, unknown>;
  bytes: Uint8Array;
}

/** A round with real collaborators; `sent`, `events` and `ended` record what it did. */
async function setup(
  options: { plan?: IPlan; examples?: number; cached?: boolean; organisationCap?: number; participations?: ParticipationCounter; store?: ExampleStore } = {},
) {
  const { topologyJson, weights } = await model();
  const kv = new MemoryKeyValueStore();
  const clock = new FakeClock();
  const store = options.store ?? new MemoryExampleStore();
  for (let i = 0; i < (options.examples ?? 60); i++) {
    const features = [((i * 37) % 17) / 8 - 1, ((i * 11) % 13) / 6 - 1, (i % 5) / 2 - 1, ((i * 7) % 3) - 1];
    store.add('points', { features, label: features[0]! - features[1]! > 0 ? 1 : 0 }, clock.now());
  }
  const consent = await ConsentManager.open({ kv, now: () => clock.now() });
  await consent.grant('points');
  const ledger = new Ledger({ kv });
  const personal = new PersonalPrivacyAccount({ kv, organisationCap: options.organisationCap ?? Infinity });
  const participations = options.participations ?? new ParticipationCounter({ kv });
  const sent: Sent[] = [];
  const events: { event: keyof ClientEvents; payload: unknown }[] = [];
  const ended: RoundSession[] = [];
  const received: Float32Array[] = [];
  const waiters: (() => void)[] = [];
  // Checked after the round's synchronous step has finished (a send is often followed by a phase change).
  const changed = () => queueMicrotask(() => waiters.splice(0).forEach((w) => w()));
  let appended: LedgerEntry | undefined;
  const state = { eligible: true };
  const ports: RoundPorts = {
    send<K extends BodyName>(body: K, message: BodyOf<K>) {
      const bytes = encodeFrame(body, message);
      sent.push({ body, message: message as Record<string, unknown>, bytes });
      changed();
      return bytes;
    },
    emit: (event, payload) => (events.push({ event, payload }), changed()),
    trainer: async () => trainer,
    store,
    consent,
    personal,
    ledger: { append: async (e) => ((appended = await ledger.append(e)), changed(), appended) },
    budget: new TrainingBudget({ kv, now: () => clock.now() }),
    participations,
    eligibleNow: async () => state.eligible,
    clock,
    modelReceived: (_t, _v, w) => received.push(w),
    ended: (s) => (ended.push(s), changed()),
  };
  const plan: IPlan = {
    kind: PlanKind.TRAIN,
    stream: 'points',
    purpose: 'Testing one round.',
    localEpochs: 1,
    batchSize: 8,
    clientLearningRate: 0.5,
    featuresJson: JSON.stringify({ kind: 'dense', dim: 4 }),
    topologyJson,
    loss: 'binaryCrossentropy',
    evalFraction: 0.2,
    ...options.plan,
  };
  const selected: BodyOf<'selected'> = { taskId: TASK, round: ROUND, modelVersion: VERSION, plan, modelBytes: weights.byteLength, modelCached: !!options.cached };
  const session = new RoundSession(selected, options.cached ? { version: VERSION, weights } : undefined, ports, {
    maxExamplesPerRound: 10_000,
    progressIntervalMs: 60_000,
    eligibilityIntervalMs: CHECK_MS,
  });
  const bytes = new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength);
  /** Resolves once `test` holds (checked after every send, event, ledger entry and end). */
  const until = (test: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (test() ? resolve() : waiters.push(check));
      check();
    });
  const bodies = () => sent.map((s) => s.body);
  const eventsOf = <K extends keyof ClientEvents>(k: K) => events.filter((e) => e.event === k).map((e) => e.payload as ClientEvents[K]);
  const download = () => {
    session.onModelChunk({ taskId: TASK, modelVersion: VERSION, offset: 0, data: bytes.subarray(0, 12) });
    session.onModelChunk({ taskId: TASK, modelVersion: VERSION, offset: 12, data: bytes.subarray(12) });
  };
  return { session, sent, events, ended, received, clock, consent, personal, participations, ledger, state, until, bodies, eventsOf, download, weights, appended: () => appended };
}

type Setup = Awaited<ReturnType<typeof setup>>;
/** What each Withdraw told the coordinator: a reason code only (its name), never words or numbers. */
const withdrawReason = (r: Setup) =>
  r.sent
    .filter((s) => s.body === 'withdraw')
    .map((s) => {
      // The round's ids (task, round, attempt) and the code: nothing else about the device.
      expect(Object.keys(s.message).sort()).toEqual(['attemptId', 'code', 'round', 'taskId']);
      return reasonCodeName(s.message.code as number);
    });

describe('RoundSession', () => {
  it('downloads, trains, announces, uploads once granted, writes the ledger, and ends on ReportAck', async () => {
    const r = await setup();
    r.session.begin();
    expect(r.session.phase).toBe('downloading');
    expect(r.clock.pending().map((t) => [t.ms, t.unref])).toEqual([[CHECK_MS, true]]);
    r.download();
    expect(r.received).toHaveLength(1);
    expect(Array.from(r.received[0]!)).toEqual(Array.from(r.weights));
    await r.until(() => r.session.phase === 'awaiting-grant');
    const start = r.sent.find((s) => s.body === 'uploadStart')!;
    const [trained] = r.eventsOf('trained');
    expect(start.message).toMatchObject({ taskId: TASK, round: ROUND, modelVersion: VERSION, updateBytes: 20, numExamples: trained!.numExamples });
    expect(trained!.numExamples).toBeGreaterThan(30);
    // Nothing more leaves before the coordinator grants the upload.
    expect(r.bodies().filter((b) => b !== 'progress')).toEqual(['uploadStart']);

    r.session.onUploadGrant({ taskId: TASK, round: ROUND });
    await r.until(() => r.appended() !== undefined);
    expect(r.session.phase).toBe('reported');
    const upload = r.sent.filter((s) => s.body === 'uploadStart' || s.body === 'uploadChunk');
    const entry = r.appended()!;
    expect(entry).toMatchObject({ taskId: TASK, modelVersion: VERSION, streams: ['points'], examples: trained!.numExamples, bytesSent: upload.reduce((n, s) => n + s.bytes.byteLength, 0) });
    expect(entry.sha256).toBe(await sha256Hex(upload.map((s) => s.bytes)));
    expect(entry.privacy).toBeUndefined();
    const chunks = r.sent.filter((s) => s.body === 'uploadChunk').map((s) => s.message.data as Uint8Array);
    expect(chunks.reduce((n, c) => n + c.byteLength, 0)).toBe(20);

    r.session.onReportAck({ taskId: TASK, round: ROUND, accepted: true });
    expect(r.session.outcome).toBe('acknowledged');
    expect(r.ended).toEqual([r.session]);
    expect(r.eventsOf('uploaded')).toEqual([expect.objectContaining({ taskId: TASK, bytes: entry.bytesSent, accepted: true, updateNorm: entry.updateNorm })]);
    // The eligibility re-check stopped with the round.
    expect(r.clock.pending()).toEqual([]);
    expect(withdrawReason(r)).toEqual([]);
  });

  it('trains at once on the model it already holds when Selected says it is cached', async () => {
    const r = await setup({ cached: true });
    r.session.begin();
    await r.until(() => r.session.phase === 'awaiting-grant');
    expect(r.received).toEqual([]);
  });

  it('withdraws when the model arrives out of order or too long, and ignores frames once it ended', async () => {
    const r = await setup();
    r.session.begin();
    r.session.onModelChunk({ taskId: TASK, modelVersion: VERSION, offset: 4, data: new Uint8Array(4) });
    expect(r.eventsOf('error').map((e) => e.message)).toEqual(['model chunk at byte 4, expected 0']);
    expect(withdrawReason(r)).toEqual(['MODEL_DOWNLOAD_FAILED']);
    expect(r.session.outcome).toBe('withdrawn');
    expect(r.ended).toHaveLength(1);
    r.session.onModelChunk({ taskId: TASK, modelVersion: VERSION, offset: 0, data: new Uint8Array(20) });
    r.session.onUploadGrant({ taskId: TASK, round: ROUND });
    expect(r.sent).toHaveLength(1);

    const long = await setup();
    long.session.begin();
    long.session.onModelChunk({ taskId: TASK, modelVersion: VERSION, offset: 0, data: new Uint8Array(24) });
    expect(withdrawReason(long)).toEqual(['MODEL_DOWNLOAD_FAILED']);
  });

  it('withdraws, naming the task’s minimum, when the device has too few training examples', async () => {
    const r = await setup({ examples: 3, cached: true, plan: { minExamples: 5 } });
    r.session.begin();
    await r.until(() => r.session.outcome !== undefined);
    expect(withdrawReason(r)).toEqual(['NOT_ENOUGH_EXAMPLES']);
  });

  it('re-checks eligibility on the injected clock while it runs, and leaves when the device stops being eligible', async () => {
    const r = await setup();
    r.session.begin();
    // Still eligible: the check re-arms.
    const rearmed = r.clock.nextTimer();
    r.clock.advance(CHECK_MS);
    expect((await rearmed).ms).toBe(CHECK_MS);
    expect(withdrawReason(r)).toEqual([]);
    // Unplugged: at the next check the device leaves the round as a dropout.
    r.state.eligible = false;
    r.clock.advance(CHECK_MS);
    await r.until(() => r.session.outcome !== undefined);
    expect(r.eventsOf('withdrawn')).toEqual([expect.objectContaining({ taskId: TASK, round: ROUND, reason: 'the device stopped being eligible' })]);
    expect(withdrawReason(r)).toEqual(['INELIGIBLE']);
    expect(r.clock.pending()).toEqual([]);
  });

  it('ends on RoundClosed; a late UploadGrant sends nothing', async () => {
    const r = await setup({ cached: true });
    r.session.begin();
    await r.until(() => r.session.phase === 'awaiting-grant');
    r.session.onRoundClosed({ taskId: TASK, round: ROUND, reason: 'too few reports' });
    expect(r.session.outcome).toBe('closed');
    expect(r.eventsOf('roundClosed')).toEqual([expect.objectContaining({ taskId: TASK, reason: 'too few reports' })]);
    const before = r.sent.length;
    r.session.onUploadGrant({ taskId: TASK, round: ROUND });
    expect(r.sent).toHaveLength(before);
    expect(r.ended).toHaveLength(1);
  });

  it('leaves instead of uploading when consent was withdrawn while it waited for the grant', async () => {
    const r = await setup({ cached: true });
    r.session.begin();
    await r.until(() => r.session.phase === 'awaiting-grant');
    await r.consent.revoke('points');
    r.session.onUploadGrant({ taskId: TASK, round: ROUND });
    await r.until(() => r.session.outcome !== undefined);
    expect(withdrawReason(r)).toEqual(['CONSENT_WITHDRAWN']);
    expect(r.eventsOf('withdrawn').map((e) => e.reason)).toEqual(['the employee paused or withdrew consent']);
    expect(r.bodies()).not.toContain('uploadChunk');
    expect(r.appended()).toBeUndefined();
  });

  it('an evaluation round without secure aggregation sends nothing about the device: it withdraws with a code', async () => {
    const r = await setup({ cached: true, plan: { kind: PlanKind.EVALUATE } });
    r.session.begin();
    await r.until(() => r.session.outcome !== undefined);
    expect(withdrawReason(r)).toEqual(['SECURE_AGGREGATION_REQUIRED']);
    expect(r.eventsOf('evaluated')).toEqual([]);
    expect(r.bodies()).not.toContain('uploadStart');
  });

  it('refuses a training round once the device took part in the plan’s participation limit', async () => {
    const r = await setup({ cached: true, plan: { participationLimit: 1 } });
    r.session.begin();
    await r.until(() => r.session.phase === 'awaiting-grant');
    r.session.onUploadGrant({ taskId: TASK, round: ROUND });
    await r.until(() => r.appended() !== undefined);
    expect(await r.participations.count(TASK)).toBe(1);
    const again = await setup({ cached: true, plan: { participationLimit: 1 }, participations: r.participations });
    again.session.begin();
    await again.until(() => again.session.outcome !== undefined);
    expect(withdrawReason(again)).toEqual(['PARTICIPATION_LIMIT_REACHED']);
    expect(again.eventsOf('trained')).toEqual([]);
  });

  it('a DP round clips the update, is charged to the privacy account before it leaves, and says so in the ledger', async () => {
    const r = await setup({ cached: true, plan: { clipNorm: 0.05, noiseMultiplier: 1.1, samplingRate: 0.01 } });
    r.session.begin();
    await r.until(() => r.session.phase === 'awaiting-grant');
    expect(await r.personal.spent()).toBe(0);
    r.session.onUploadGrant({ taskId: TASK, round: ROUND });
    await r.until(() => r.appended() !== undefined);
    const entry = r.appended()!;
    expect(entry.updateNorm).toBeLessThanOrEqual(0.05 + 1e-6);
    expect(entry.privacy).toEqual({ noiseMultiplier: 1.1, samplingRate: 0.01, clipNorm: 0.05, epsilonShare: expect.any(Number) });
    expect(entry.privacy!.epsilonShare).toBeGreaterThan(0);
    expect(await r.personal.spent()).toBeCloseTo(entry.privacy!.epsilonShare, 9);
  });

  it('declines a round that would take the device over its privacy cap, before training', async () => {
    const r = await setup({ cached: true, organisationCap: 0.01, plan: { clipNorm: 0.05, noiseMultiplier: 1.1, samplingRate: 0.01 } });
    r.session.begin();
    await r.until(() => r.session.outcome !== undefined);
    expect(withdrawReason(r)).toEqual(['PRIVACY_CAP_REACHED']);
    expect(r.eventsOf('trained')).toEqual([]);
  });

  it('refuses distributed DP in a round without secure aggregation', async () => {
    const r = await setup({ cached: true, plan: { noiseMultiplier: 1, distributedDp: { dimension: 5, paddedDimension: 8, bits: 18, clipNorm: 1, scale: 10, localSigma2: 1, l2Sensitivity: 10 } } });
    r.session.begin();
    await r.until(() => r.session.outcome !== undefined);
    expect(withdrawReason(r)).toEqual(['SECURE_AGGREGATION_REQUIRED']);
  });

  it('reports a training failure and withdraws', async () => {
    const r = await setup({ cached: true, plan: { topologyJson: '{"not":"a model"}' } });
    r.session.begin();
    await r.until(() => r.session.outcome !== undefined);
    expect(r.eventsOf('error').map((e) => e.code)).toEqual(['TRAINING_FAILED']);
    expect(r.eventsOf('error')[0]!.message).toMatch(new RegExp(`^training for ${TASK} round ${ROUND} failed: `));
    expect(withdrawReason(r)).toEqual(['TRAINING_FAILED']);
  });

  it('says why training failed with a code for its cause, never the message', async () => {
    // A feature recipe wider than the model's input: TensorFlow.js refuses the shape.
    const wide = await setup({ cached: true, plan: { featuresJson: JSON.stringify({ kind: 'hashed-bow', dim: 16 }) } });
    wide.session.begin();
    await wide.until(() => wide.session.outcome !== undefined);
    expect(wide.eventsOf('error')[0]!.message).toMatch(/to have shape \[null,4\] but got array with shape \[\d+,16\]/);
    expect(withdrawReason(wide)).toEqual(['MODEL_MISMATCH']);
    // Nothing but the round's ids and the code: the message stays on the device.
    const withdraw = wide.sent.find((s) => s.body === 'withdraw')!;
    expect(Object.keys(withdraw.message).filter((k) => !['taskId', 'round', 'attemptId', 'code'].includes(k))).toEqual([]);
    // The device's example store fails (a closed SQLite database).
    const dir = mkdtempSync(path.join(tmpdir(), 'conclave-round-store-'));
    const store = new SqliteExampleStore(dir);
    store.close();
    const broken = await setup({ cached: true, store, examples: 0 });
    broken.session.begin();
    await broken.until(() => broken.session.outcome !== undefined);
    rmSync(dir, { recursive: true, force: true });
    expect(withdrawReason(broken)).toEqual(['STORAGE_ERROR']);
  });

  it('cancel() stops the round without a word to the coordinator', async () => {
    const r = await setup();
    r.session.begin();
    r.session.cancel();
    r.download();
    expect(r.session.outcome).toBe('cancelled');
    expect(r.sent).toEqual([]);
    expect(r.ended).toEqual([]);
    expect(r.clock.pending()).toEqual([]);
  });
});
