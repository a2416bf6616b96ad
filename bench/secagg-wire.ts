/**
 * `pnpm bench:secagg --wire`: one secure-aggregation round of the real coordinator and real SDK
 * clients over loopback WebSockets (enrollment, identity proofs, certificates, the approved
 * task, SecAgg+ frames, granted uploads, unmasking, commit). The coordinator runs in this
 * process; the devices run in `--hosts` child processes (one per core by default,
 * secagg-wire-devices.ts), so that the simulated devices use every core beside it, as real
 * devices would bring their own. What is measured is the protocol, the sockets and the
 * coordinator: devices do not train. The dropped devices, chosen at random from the seed,
 * disconnect right after they are selected (before they share keys).
 *
 * The task takes every default but the cohort: malicious-server SecAgg+ and the default phase
 * deadline (30 s). A phase closes as soon as every expected device has answered, so the
 * deadline costs nothing in a healthy round; a short one (this bench used 2 s) only aborts
 * rounds whose devices — here all simulated on two cores — need longer, and an aborted round
 * waits for the devices' next check-in (60 s here).
 *
 * Reported: round wall time, the coordinator's CPU and peak RSS (this process), the device
 * hosts' CPU and peak RSS, correctness against the plain mean of the survivors' updates.
 */
import { createHash } from 'node:crypto';
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIdentity } from '@conclave/client-sdk';
import { deviceIdFor } from '@conclave/proto';
import { LocalApprover, LocalAuthority, serve } from '@conclave/server';
import pino from 'pino';
import { updateFor, type HostMessage, type HostStats, type ParentMessage } from './secagg-wire-devices.ts';

export interface WireOptions {
  /**
   * `malicious` (the default of every task): the consistency check, the larger graph, signed key
   * adverts and the peers' certificates checked on every device. `honest`: the task's explicit
   * opt-out, and devices that accept it.
   */
  threat: 'honest' | 'malicious';
  clients: number;
  dim: number;
  dropout: number;
  seed: string;
  json: boolean;
  /** Device host processes. @default os.availableParallelism() */
  hosts?: number;
  /**
   * The SecAgg+ phase deadline. On a machine shared with other jobs the simulated devices can get
   * a fraction of a core, miss the 30 s default, and the round aborts (the cohort minimum is tight:
   * all survivors but one); a longer deadline measures how long the round takes instead. The
   * coordinator's ping interval is set to it too: a host of 1,000 simulated devices can be a phase
   * of work behind on its event loop, answer a ping late, and have a device cut off (close 1006).
   * @default the task default (30 s), and the coordinator's 15 s heartbeat
   */
  phaseMs?: number;
}

const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** A forked device host and a way to wait for its next message of one kind. */
function startHost(): { child: ChildProcess; next<K extends string>(key: K): Promise<Extract<HostMessage, Record<K, unknown>>> } {
  const file = fileURLToPath(new URL('./secagg-wire-devices.ts', import.meta.url));
  // The parent runs under tsx with --conditions=source; fork passes the same execArgv on.
  const child = fork(file, [], { env: { ...process.env, CONCLAVE_SECAGG_WIRE_HOST: '1' }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return {
    child,
    next: (key) =>
      new Promise((resolve, reject) => {
        const onMessage = (m: HostMessage) => {
          if ('failed' in m) return reject(new Error(`device host failed: ${m.failed}`));
          if (key in m) {
            child.off('message', onMessage);
            resolve(m as never);
          }
        };
        child.on('message', onMessage);
        child.once('exit', (code) => reject(new Error(`device host exited with code ${code}`)));
      }),
  };
}

export async function runWire(o: WireOptions): Promise<void> {
  const say = (s: string) => (o.json ? process.stderr : process.stdout).write(s + '\n');
  const params = o.dim - 1; // the weight entry makes up the masked vector's last value
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'conclave-secagg-wire-'));
  // Under the defaults every task is approved and every device certified (issue 10): the bench is
  // its own approver and enrollment authority, and the devices pin both keys.
  const approver = await LocalApprover.create('bench approver');
  const authority = await LocalAuthority.create('bench authority');
  const server = await serve({ dataDir, port: 0, logger: pino({ level: process.env.SECAGG_WIRE_LOG ?? 'silent' }, pino.destination(2)), poolHoldMs: 600_000, maxConcurrentUploads: 8, autoApprover: approver, ...(o.phaseMs !== undefined ? { heartbeatMs: o.phaseMs } : {}) });
  const topology = {
    class_name: 'Sequential',
    config: { name: 'bench', layers: [{ class_name: 'Dense', config: { name: 'dense', units: 1, activation: 'linear', use_bias: false, batch_input_shape: [null, params], dtype: 'float32' } }] },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };

  const { tokens } = await server.coordinator.issueEnrollmentTokens(o.clients);
  const identities = Array.from({ length: o.clients }, () => createIdentity());
  await authority.certify(server.coordinator.trust, identities.map((id) => id.publicKey));
  const byDeviceId = new Map(await Promise.all(identities.map(async (id, i) => [await deviceIdFor(id.publicKey), i] as const)));
  const dropRank = identities.map((_, i) => createHash('sha256').update(`${o.seed}\0drop\0${i}`).digest().readUInt32LE(0));
  const dropSet = new Set([...dropRank.keys()].sort((a, b) => dropRank[a]! - dropRank[b]!).slice(0, Math.round(o.dropout * o.clients)));

  const hostCount = Math.max(1, Math.min(o.clients, o.hosts ?? os.availableParallelism()));
  const hosts = Array.from({ length: hostCount }, () => startHost());
  await Promise.all(
    hosts.map((h, k) => {
      const devices = identities.flatMap((id, i) => (i % hostCount === k ? [{ index: i, enrollmentToken: tokens[i]!, publicKey: b64(id.publicKey), secretKey: b64(id.secretKey), drop: dropSet.has(i) }] : []));
      const ready = h.next('ready');
      h.child.send({ setup: { url: server.deviceUrl, seed: o.seed, params, threat: o.threat, approverKey: b64(approver.publicKey), authorityKey: b64(authority.publicKey), devices } } satisfies ParentMessage);
      return ready;
    }),
  );

  for (const h of hosts) h.child.send({ mark: true } satisfies ParentMessage);
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
    // Deadlines the bench never reaches (selection closes as soon as the whole cohort checked in):
    // on the loaded machine 2,000 devices simulated on the same cores — a fraction of a core for
    // all of them — outlasted a 60 s selection and a 10-minute round, the first attempt failed, and
    // with the dropped devices gone (they stop once selected) no later attempt could reach the
    // cohort minimum.
    timeouts: { selectionMs: 900_000, roundMs: 3_600_000 },
    evaluation: { finalRound: false },
    secureAggregation: { clipRange: 0.05, dropoutRate: Math.max(o.dropout, 0.05), maliciousServer: o.threat === 'malicious', ...(o.phaseMs !== undefined ? { phaseTimeoutMs: o.phaseMs } : {}) },
  });
  // Wait for the task to finish: its status is read once a second, and every 20 ms once one of its
  // rounds has ended. (The bench read it every 20 ms throughout before: at 1,000 devices that was
  // ~35,000 status reads, each reading every round row on the coordinator's thread, counted as
  // the coordinator's CPU and taken from the devices'.)
  // (taskStatus and the store may answer synchronously or with a promise: both are awaited.)
  await new Promise<void>((resolve) => {
    let checking = false;
    let poll: ReturnType<typeof setInterval> | undefined;
    const every = (ms: number): void => {
      clearInterval(poll);
      poll = setInterval(() => void check(), ms);
    };
    const check = async (): Promise<void> => {
      if (checking) return;
      checking = true;
      const status = (await server.coordinator.taskStatus(taskId)).status;
      checking = false;
      if (status !== 'running' && status !== 'awaiting-approval') {
        clearInterval(poll);
        off();
        resolve();
      }
    };
    const off = server.coordinator.events.on('round-end', (id, outcome) => {
      if (id !== taskId) return;
      if (outcome === 'aborted') {
        // The dropped devices stopped when they were selected, and the cohort minimum is every
        // survivor but one: no later attempt can reach it. Report the aborted round's reason now
        // instead of waiting out the selection window.
        clearInterval(poll);
        off();
        void server.coordinator.stopTask(taskId, 'bench: the round aborted').finally(resolve);
        return;
      }
      every(20);
      void check();
    });
    every(1000);
  });
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const coordinatorPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  const status = await server.coordinator.taskStatus(taskId);
  const stats: HostStats[] = await Promise.all(
    hosts.map((h) => {
      const reply = h.next('stats');
      h.child.send({ report: true } satisfies ParentMessage);
      return reply.then((m) => m.stats);
    }),
  );
  const participants = await server.coordinator.store.participation(taskId, 1);
  const survivors = participants.map((p) => byDeviceId.get(p.deviceId));
  // The committed model must be the survivors' mean update (FedAvg, η = 1), up to quantization.
  const expected = new Float64Array(params);
  for (const i of survivors) {
    const u = updateFor(o.seed, i!, params);
    for (let k = 0; k < params; k++) expected[k]! += u[k]! / survivors.length;
  }
  const weights = (await server.coordinator.latestModel(taskId)).weights;
  let maxErr = 0;
  for (let k = 0; k < params; k++) maxErr = Math.max(maxErr, Math.abs(weights[k]! - expected[k]!));
  const up = stats.flatMap((s) => s.uploaded.map(([, bytes]) => bytes));
  const hostsCpuMs = stats.reduce((a, s) => a + s.cpuMs, 0);
  const report = {
    wire: true,
    correct: status.status === 'completed' && survivors.length >= 3 && survivors.every((i) => i !== undefined) && maxErr < 1e-5,
    taskStatus: status.status,
    ...(status.status === 'completed' ? {} : { statusReason: status.statusReason, lastAbortReason: status.lastAbortReason }),
    threat: o.threat,
    clients: o.clients,
    dim: o.dim,
    dropout: o.dropout,
    survivors: survivors.length,
    maxAbsErrorVsPlainMean: maxErr,
    roundWallMs: Math.round(wallMs),
    coordinatorCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    coordinatorPeakRssMb,
    deviceHosts: hostCount,
    deviceHostsCpuMs: hostsCpuMs,
    /** (coordinator + device CPU) / cores: the wall time this round would take on this many idle cores, if the work spread perfectly. */
    cpuBoundOnIdleCoresMs: Math.round((Math.round((cpu.user + cpu.system) / 1000) + hostsCpuMs) / os.availableParallelism()),
    deviceHostsPeakRssMb: stats.map((s) => s.peakRssMb),
    maskedUploadBytesPerClient: up.length ? Math.round(up.reduce((a, b) => a + b, 0) / up.length) : 0,
    expansionVsFloat32: up.length ? Math.round((up.reduce((a, b) => a + b, 0) / up.length / (4 * params)) * 100) / 100 : 0,
    phaseDeadlineMs: status.secureAggregation.phaseTimeoutMs,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
  };
  say(
    `secure round over loopback WebSockets: ${o.clients} SDK clients in ${hostCount} processes, ${o.dim} entries, ${dropSet.size} dropped → ${survivors.length} survivors, ` +
      `${(wallMs / 1000).toFixed(1)} s wall; coordinator ${report.coordinatorCpuMs} ms CPU, peak RSS ${coordinatorPeakRssMb} MB; devices ${hostsCpuMs} ms CPU; ` +
      `max error vs the plain mean ${maxErr.toExponential(2)}`,
  );
  process.stdout.write(JSON.stringify(report) + '\n');
  await Promise.all(hosts.map((h) => new Promise((resolve) => (h.child.once('exit', resolve), h.child.send({ stop: true } satisfies ParentMessage)))));
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
}
