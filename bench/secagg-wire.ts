/**
 * `pnpm bench:secagg --wire`: one secure-aggregation round of the real coordinator and real SDK
 * clients over loopback WebSockets (enrollment, identity proofs, SecAgg+ frames, granted
 * uploads, unmasking, commit). Devices do not train: each holds a precomputed update through a
 * `Trainer` that returns it, so what is measured is the protocol, the sockets and the
 * coordinator. The dropped devices, chosen at random from the seed, disconnect right after they
 * are selected (before they share keys).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, createIdentity, type ConclaveClient, type Trainer } from '@conclave/client-sdk';
import { LocalApprover, LocalAuthority, serve } from '@conclave/server';
import pino from 'pino';

export interface WireOptions {
  clients: number;
  dim: number;
  dropout: number;
  seed: string;
  json: boolean;
}

export async function runWire(o: WireOptions): Promise<void> {
  const say = (s: string) => (o.json ? process.stderr : process.stdout).write(s + '\n');
  const params = o.dim - 1; // the weight entry makes up the masked vector's last value
  // Deterministic per-device updates and dropouts from the seed.
  const stream = (label: string, n: number) => {
    const out = new Float32Array(n);
    let block = Buffer.alloc(0);
    let used = 0;
    let counter = 0;
    for (let i = 0; i < n; i++) {
      if (used + 4 > block.length) {
        block = createHash('sha512').update(`${o.seed}\0${label}\0${counter++}`).digest();
        used = 0;
      }
      out[i] = (block.readUInt32LE(used) / 2 ** 32 - 0.5) * 0.02;
      used += 4;
    }
    return out;
  };
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'conclave-secagg-wire-'));
  // Under the defaults every task is approved and every device certified (issue 10): the bench is
  // its own approver and enrollment authority, and the devices pin both keys.
  const approver = await LocalApprover.create('bench approver');
  const authority = await LocalAuthority.create('bench authority');
  const server = await serve({ dataDir, port: 0, logger: pino({ level: process.env.SECAGG_WIRE_LOG ?? 'silent' }, pino.destination(2)), poolHoldMs: 600_000, maxConcurrentUploads: 8, autoApprover: approver });
  const topology = {
    class_name: 'Sequential',
    config: { name: 'bench', layers: [{ class_name: 'Dense', config: { name: 'dense', units: 1, activation: 'linear', use_bias: false, batch_input_shape: [null, params], dtype: 'float32' } }] },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
  const updates = new Map<number, Float32Array>();
  const byDevice = new Map<string, number>();
  const trainerFor = (i: number): Trainer => ({
    train: async (job) => ({ delta: updates.get(i)!.slice(), numExamples: 10, trainLoss: 0, evalBefore: { examples: 0, loss: 0, accuracy: 0 } }),
    evaluate: async () => ({ examples: 0, loss: 0, accuracy: 0 }),
    close: async () => {},
  });
  const { tokens } = await server.coordinator.issueEnrollmentTokens(o.clients);
  const identities = Array.from({ length: o.clients }, () => createIdentity());
  await authority.certify(server.coordinator.trust, identities.map((id) => id.publicKey));
  const devices: ConclaveClient[] = [];
  for (let i = 0; i < o.clients; i++) {
    updates.set(i, stream(`update ${i}`, params));
    const c = createClient({
      url: server.deviceUrl,
      enrollmentToken: tokens[i]!,
      identity: identities[i]!,
      approverKeys: [approver.publicKey],
      authorityKeys: [authority.publicKey],
      trainer: trainerFor(i),
      eligibilityIntervalMs: 60_000,
    });
    await c.consent.grant('bench');
    await c.record('bench', { features: [0], label: 0 });
    await c.record('bench', { features: [0], label: 0 });
    devices.push(c);
  }
  await Promise.all(devices.map((d) => new Promise<void>((resolve) => {
    const off = d.on('connected', () => (off(), resolve()));
    void d.start();
  })));
  devices.forEach((d, i) => byDevice.set(d.deviceId, i));
  const dropRank = devices.map((_, i) => createHash('sha256').update(`${o.seed}\0drop\0${i}`).digest().readUInt32LE(0));
  const dropSet = new Set([...dropRank.keys()].sort((a, b) => dropRank[a]! - dropRank[b]!).slice(0, Math.round(o.dropout * o.clients)));
  for (const i of dropSet) devices[i]!.on('selected', () => void devices[i]!.stop());
  const bytesOut = new Map<number, number>();
  devices.forEach((d, i) => d.on('uploaded', (u) => bytesOut.set(i, u.bytes)));

  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const taskId = await server.coordinator.createTask({
    name: 'secagg wire bench',
    purpose: 'benchmark',
    stream: 'bench',
    model: { modelTopology: topology, weightSpecs: [{ name: 'dense/kernel', shape: [params, 1], dtype: 'float32' }], weightsBase64: Buffer.from(new Float32Array(params).buffer).toString('base64') },
    // The model is one Dense layer params → 1 (the trainers above are synthetic); task create checks both.
    features: { kind: 'dense', dim: params },
    loss: 'meanSquaredError',
    training: { clientLearningRate: 0.1 },
    serverOptimizer: { kind: 'fedavg', learningRate: 1 },
    cohort: { goal: o.clients, minimum: Math.max(3, Math.floor(o.clients * (1 - o.dropout)) - 1), overSelection: 1 },
    rounds: 1,
    timeouts: { selectionMs: 60_000, roundMs: 600_000 },
    evaluation: { finalRound: false },
    secureAggregation: { clipRange: 0.05, dropoutRate: Math.max(o.dropout, 0.05), phaseTimeoutMs: 2_000 },
  });
  // (taskStatus and the store may answer synchronously or with a promise: both are awaited.)
  await new Promise<void>((resolve) => {
    const poll = setInterval(async () => {
      const status = (await server.coordinator.taskStatus(taskId)).status;
      if (status !== 'running' && status !== 'awaiting-approval') {
        clearInterval(poll);
        resolve();
      }
    }, 20);
  });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const status = await server.coordinator.taskStatus(taskId);
  const survivors = (await server.coordinator.store.participation(taskId, 1)).map((p) => byDevice.get(p.deviceId)!);
  // The committed model must be the survivors' mean update (FedAvg, η = 1), up to quantization.
  const expected = new Float64Array(params);
  for (const i of survivors) {
    const u = updates.get(i)!;
    for (let k = 0; k < params; k++) expected[k]! += u[k]! / survivors.length;
  }
  const weights = (await server.coordinator.latestModel(taskId)).weights;
  let maxErr = 0;
  for (let k = 0; k < params; k++) maxErr = Math.max(maxErr, Math.abs(weights[k]! - expected[k]!));
  const up = [...bytesOut.values()];
  const report = {
    wire: true,
    correct: status.status === 'completed' && survivors.length >= 3 && maxErr < 1e-5,
    clients: o.clients,
    dim: o.dim,
    dropout: o.dropout,
    survivors: survivors.length,
    maxAbsErrorVsPlainMean: maxErr,
    roundWallMs: Math.round(wallMs),
    processCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    maskedUploadBytesPerClient: up.length ? Math.round(up.reduce((a, b) => a + b, 0) / up.length) : 0,
    expansionVsFloat32: up.length ? Math.round((up.reduce((a, b) => a + b, 0) / up.length / (4 * params)) * 100) / 100 : 0,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  };
  say(
    `secure round over loopback WebSockets: ${o.clients} SDK clients, ${o.dim} entries, ${dropSet.size} dropped → ${survivors.length} survivors, ` +
      `${(wallMs / 1000).toFixed(1)} s wall (${report.processCpuMs} ms CPU for coordinator and every client together), max error vs the plain mean ${maxErr.toExponential(2)}`,
  );
  process.stdout.write(JSON.stringify(report) + '\n');
  await Promise.all(devices.map((d) => d.stop()));
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
