import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import pino from 'pino';
import { expect } from 'vitest';
import { createClient, createIdentity, createInlineTrainer, type ConclaveClient, type ClientEvents, type ClientOptions, type Trainer } from '@conclave/client-sdk';
import { certificateToJson, fromBase64, generateSigningKeyPair, issueCertificate, type SigningKeyPair } from '@conclave/proto';
import { LocalApprover, serve, type RunningServer, type ServeOptions } from '@conclave/server';

/** A TensorFlow.js model as a task's `model` field (topology, weight specs, base64 weights). */
export async function modelSpec(model: tf.LayersModel): Promise<{ modelTopology: object; weightSpecs: unknown[]; weightsBase64: string }> {
  let out: { modelTopology: object; weightSpecs: unknown[]; weightsBase64: string } | undefined;
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      out = {
        modelTopology: artifacts.modelTopology as object,
        weightSpecs: artifacts.weightSpecs!,
        weightsBase64: Buffer.from(artifacts.weightData as ArrayBuffer).toString('base64'),
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return out!;
}

/** Logistic regression over `dim` dense features, seeded. */
export function logisticModel(dim: number, seed = 1): tf.LayersModel {
  return tf.sequential({
    layers: [tf.layers.dense({ inputShape: [dim], units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed }) })],
  });
}

/** A task definition over dense features with short timeouts for tests. */
export async function denseTask(dim: number, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  return {
    name: 'test task',
    purpose: 'Testing federated averaging end to end.',
    stream: 'points',
    model: await modelSpec(logisticModel(dim)),
    features: { kind: 'dense', dim },
    loss: 'binaryCrossentropy',
    training: { localEpochs: 2, batchSize: 16, clientLearningRate: 0.5 },
    cohort: { goal: 3, minimum: 3 },
    rounds: 3,
    timeouts: { selectionMs: 5_000, roundMs: 20_000 },
    evaluation: { evalFraction: 0.2, finalRound: true },
    ...overrides,
  };
}

/** Linearly separable points: label = [w·x > 0] for a fixed w, drawn from a seeded generator. */
export function separablePoints(n: number, dim: number, seed: number): { features: number[]; label: number }[] {
  let s = seed >>> 0 || 1;
  const rand = () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
  const w = Array.from({ length: dim }, (_, i) => (i % 2 === 0 ? 1 : -1));
  return Array.from({ length: n }, () => {
    const features = Array.from({ length: dim }, () => rand() * 2 - 1);
    const dot = features.reduce((a, x, i) => a + x * w[i]!, 0);
    return { features, label: dot > 0 ? 1 : 0 };
  });
}

/**
 * Accuracy of logistic weights (kernel, then bias) on 2,000 separable points none of the
 * devices holds: a model's quality without the noise of a DP evaluation round.
 */
function heldOutAccuracy(weights: Float32Array, dim: number): number {
  const points = separablePoints(2000, dim, 0x5eed);
  let correct = 0;
  for (const { features, label } of points) {
    const logit = features.reduce((a, x, i) => a + x * weights[i]!, weights[dim]!);
    if ((logit > 0 ? 1 : 0) === label) correct++;
  }
  return correct / points.length;
}

/**
 * A DP task over `denseTask(8)` learned: its committed model, measured without noise on points
 * no device holds, is clearly better than the initial one. The evaluation round's figure is
 * itself noised, over about 20 held-out points (a few correct predictions of noise move it by a
 * tenth), so it is checked for range only. Runs of the DP e2e tests: initial 0.48, learned
 * 0.88–0.95, the noised figure 0.45–1 (0.65 had been its bar).
 */
export async function expectLearnedUnderDp(server: RunningServer, taskId: string, noisedAccuracy: number | null): Promise<void> {
  const initial = heldOutAccuracy((await server.coordinator.store.getModel(taskId, 0))!, 8);
  const learned = heldOutAccuracy((await server.coordinator.latestModel(taskId)).weights, 8);
  expect(learned).toBeGreaterThan(0.75);
  expect(learned).toBeGreaterThan(initial + 0.2);
  expect(noisedAccuracy).toBeGreaterThanOrEqual(0);
  expect(noisedAccuracy).toBeLessThanOrEqual(1);
}

export interface Harness {
  server: RunningServer;
  /** Signs every task the harness's coordinator creates; its key is pinned by `addClient` devices. */
  approver: LocalApprover;
  /** The enrollment authority of this harness (held by the test, not by the coordinator). */
  authority: SigningKeyPair;
  /**
   * What every `addClient` device is given besides the approver key: the authority pinned, and
   * the explicit options small test cohorts need under the SDK's safe defaults (at least 2
   * certified peers instead of 10; a task's explicit opt-out of the malicious-server setting
   * accepted, for the tests of plain and honest-but-curious rounds).
   */
  clientOptions: Partial<ClientOptions>;
  /** The authority certifies every enrolled device the coordinator lists as pending (`conclave authority sign --all-pending`). */
  certifyPending(): Promise<string[]>;
  dataDir: string;
  trainer: Trainer;
  clients: ConclaveClient[];
  addClient(opts?: { examples?: { features: number[]; label: number }[]; options?: Partial<ClientOptions> }): Promise<ConclaveClient>;
  /** A fresh single-use enrollment token. */
  token(): string;
  close(): Promise<void>;
}

export async function startHarness(opts: Partial<ServeOptions> & { dataDir?: string } = {}): Promise<Harness> {
  const dataDir = opts.dataDir ?? mkdtempSync(path.join(tmpdir(), 'conclave-e2e-'));
  // The harness is its own approver: every task is signed as it is created, and devices pin the key.
  const approver = await LocalApprover.create('Test approver');
  const server = await serve({ port: 0, logger: pino({ level: process.env.CONCLAVE_TEST_LOG ?? 'silent' }), poolHoldMs: 60_000, autoApprover: approver, ...opts, dataDir });
  const trainer = createInlineTrainer();
  const clients: ConclaveClient[] = [];
  const authority = await generateSigningKeyPair();
  const clientOptions: Partial<ClientOptions> = { authorityKeys: [authority.publicKey], minCertifiedPeers: 2, requireMaliciousServerProtection: false };
  const certifyPending = async () => {
    const now = Date.now();
    const pending = await server.coordinator.trust.pending();
    if (pending.length === 0) return [];
    const certificates = await Promise.all(
      pending.map(async (p) => certificateToJson(await issueCertificate(authority, { publicKey: fromBase64(p.publicKey), issuedAtMs: now - 60_000, expiresAtMs: now + 24 * 3600 * 1000 }))),
    );
    return (await server.coordinator.trust.storeCertificates({ certificates })).stored;
  };
  const certify = async (publicKey: Uint8Array) => {
    const now = Date.now();
    const cert = await issueCertificate(authority, { publicKey, issuedAtMs: now - 60_000, expiresAtMs: now + 24 * 3600 * 1000 });
    await server.coordinator.trust.storeCertificates({ certificates: [certificateToJson(cert)] });
  };
  let n = 0;
  // Issued up front so that `token()` stays synchronous (the store is asynchronous); each is single-use.
  const spareTokens = (await server.coordinator.issueEnrollmentTokens(64)).tokens;
  return {
    server,
    approver,
    authority,
    clientOptions,
    certifyPending,
    dataDir,
    trainer,
    clients,
    token: () => {
      const token = spareTokens.pop();
      if (!token) throw new Error('the harness issued 64 enrollment tokens up front and all are spent; issue more with server.coordinator.issueEnrollmentTokens');
      return token;
    },
    async addClient(o = {}) {
      n += 1;
      const enrollmentToken = (await server.coordinator.issueEnrollmentTokens(1)).tokens[0]!;
      // The authority certifies the device's key before the device ever connects.
      const identity = createIdentity();
      await certify(identity.publicKey);
      const client = createClient({ url: server.deviceUrl, trainer, enrollmentToken, identity, approverKeys: [approver.publicKey], reconnect: { initialDelayMs: 50, maxDelayMs: 500 }, ...clientOptions, ...o.options });
      // The employee opts in to the stream (consent is opt-in by default).
      await client.consent.grant('points');
      for (const e of o.examples ?? separablePoints(60, 8, n)) await client.record('points', e);
      clients.push(client);
      // Resolve once the device has enrolled and is connected, so callers can count on it.
      const connected = nextEvent(client, 'connected');
      await client.start();
      await connected;
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.stop()));
      await server.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Resolves with the first event of that kind the client emits that passes `pred`. */
export function nextEvent<K extends keyof ClientEvents>(client: ConclaveClient, event: K, pred: (e: ClientEvents[K]) => boolean = () => true): Promise<ClientEvents[K]> {
  return new Promise((resolve) => {
    const off = client.on(event, (e) => {
      if (pred(e)) {
        off();
        resolve(e);
      }
    });
  });
}

/** Waits until the coordinator reports the task in a state matching `pred`; rejects after `timeoutMs`. */
export function waitForTask(
  server: RunningServer,
  taskId: string,
  pred: (s: Awaited<ReturnType<RunningServer['coordinator']['taskStatus']>>) => boolean,
  timeoutMs = 45_000,
): Promise<Awaited<ReturnType<RunningServer['coordinator']['taskStatus']>>> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const check = async () => {
      let s;
      try {
        s = await server.coordinator.taskStatus(taskId);
      } catch (err) {
        clearInterval(timer);
        reject(err);
        return;
      }
      // A task waits for the harness's approver for a moment after it is created: that is not
      // yet a state worth matching (`s.status !== 'running'` would match it at once).
      if (s.status !== 'awaiting-approval' && pred(s)) {
        clearInterval(timer);
        resolve(s);
      } else if (Date.now() > deadline) {
        clearInterval(timer);
        reject(new Error(`task ${taskId} did not reach the expected state in ${timeoutMs} ms: ${JSON.stringify(s)}`));
      }
    };
    // Polling the in-memory status is cheap and keeps tests independent of log output.
    const timer = setInterval(() => void check(), 20);
    void check();
  });
}
