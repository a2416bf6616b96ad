/**
 * 1,000 connected devices on one coordinator, for many secure rounds, then a restart
 * (issue 15 item 2).
 *
 * `conclave serve` runs as its own process. Real SDK clients (the Node face: ws, the handshake,
 * check-in, SecAgg+ with malicious-server protection, the ledger) connect over real loopback
 * WebSockets from a few worker processes; their trainer is a lightweight one (logistic
 * regression on 8 dense features in plain JavaScript: training is not what is measured). Each
 * round a cohort is selected from all connected devices. Per round this records the round's time
 * and the coordinator's resident memory (VmRSS), and checks that memory stays flat: the mean of
 * the last 10 rounds within 10 % of the mean of rounds 5–15 (PASS/FAIL).
 *
 * Then the coordinator is stopped (SIGTERM, as a deploy would) and started again on the same
 * port and data directory: every device comes back on its own, through its jittered back-off
 * and, where the coordinator refuses for load, the back-off close codes and the check-in delays
 * the coordinator suggests (ComeBackLater.retry_after_ms); no committed round is lost and rounds
 * go on.
 *
 *   pnpm bench:soak [--devices 1000] [--workers 4] [--rounds 50] [--cohort 100] [--json]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient, createIdentity, type ConclaveClient, type Trainer } from '@conclave/client-sdk';
import { fromBase64, toBase64 } from '@conclave/proto';
import { LocalApprover, LocalAuthority } from '@conclave/server';
import { adminApi, freePort, STOP_GRACE_MS, startServe, stopServe, until } from './serve-process.ts';

const SELF = fileURLToPath(import.meta.url);
const Database = createRequire(new URL('../packages/server/package.json', import.meta.url))('better-sqlite3') as new (file: string) => {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
  close(): void;
};
const DIM = 8;

// ---- the device workers ---------------------------------------------------------------------

/** Messages between the bench and its device workers. */
type ToWorker = { kind: 'start'; url: string; tokens: string[]; secretKeys: string[]; approverKey: string; authorityKey: string } | { kind: 'stop' };
type FromWorker =
  | { kind: 'connected'; device: number; at: number }
  | { kind: 'disconnected'; device: number; code: number }
  | { kind: 'comeBackLater'; retryAfterMs: number }
  | { kind: 'error'; code: string }
  | { kind: 'stopped' };

/**
 * Logistic regression by plain gradient descent: a device's training at the smallest cost, so
 * that a thousand of them fit on the bench machine beside the coordinator.
 */
function lightweightTrainer(): Trainer {
  const predict = (w: Float32Array, x: number[]) => 1 / (1 + Math.exp(-(x.reduce((a, v, i) => a + v * w[i]!, 0) + w[DIM]!)));
  return {
    async train(job) {
      const w = Float32Array.from(job.weights);
      let loss = 0;
      for (let epoch = 0; epoch < job.localEpochs; epoch++) {
        for (const e of job.examples) {
          const x = e.features ?? [];
          const p = predict(w, x);
          loss += -(e.label * Math.log(p + 1e-7) + (1 - e.label) * Math.log(1 - p + 1e-7));
          const g = p - e.label;
          for (let i = 0; i < DIM; i++) w[i]! -= (job.learningRate * g * x[i]!) / job.examples.length;
          w[DIM]! -= (job.learningRate * g) / job.examples.length;
        }
      }
      const delta = new Float32Array(w.length);
      for (let i = 0; i < w.length; i++) delta[i] = w[i]! - job.weights[i]!;
      return { delta, numExamples: job.examples.length, trainLoss: loss / Math.max(1, job.examples.length * job.localEpochs), evalBefore: { examples: 0, loss: 0, accuracy: 0 } };
    },
    async evaluate() {
      return { examples: 0, loss: 0, accuracy: 0 };
    },
    async close() {},
  };
}

async function runWorker(): Promise<void> {
  const send = (m: FromWorker) => process.send!(m);
  const clients: ConclaveClient[] = [];
  const trainer = lightweightTrainer();
  process.on('message', async (m: ToWorker) => {
    if (m.kind === 'stop') {
      await Promise.all(clients.map((c) => c.stop()));
      send({ kind: 'stopped' });
      return;
    }
    for (let i = 0; i < m.tokens.length; i++) {
      const secretKey = fromBase64(m.secretKeys[i]!);
      const client = createClient({
        url: m.url,
        enrollmentToken: m.tokens[i]!,
        identity: { secretKey, publicKey: secretKey.slice(32) },
        approverKeys: [fromBase64(m.approverKey)],
        authorityKeys: [fromBase64(m.authorityKey)],
        trainer,
        reconnect: { initialDelayMs: 500, maxDelayMs: 15_000 },
      });
      client.on('connected', () => send({ kind: 'connected', device: i, at: Date.now() }));
      client.on('disconnected', (e) => send({ kind: 'disconnected', device: i, code: e.code }));
      client.on('comeBackLater', (e) => send({ kind: 'comeBackLater', retryAfterMs: e.retryAfterMs }));
      client.on('error', (e) => send({ kind: 'error', code: e.code }));
      await client.consent.grant('points');
      for (let k = 0; k < 20; k++) {
        const features = Array.from({ length: DIM }, (_, j) => Math.sin(i * 13 + k * 7 + j));
        await client.record('points', { features, label: features[0]! + features[1]! > 0 ? 1 : 0 });
      }
      clients.push(client);
    }
    // All at once: the coordinator's caps on unauthenticated sockets and its back-off close codes pace them.
    await Promise.all(clients.map((c) => c.start()));
  });
}

// ---- the bench ------------------------------------------------------------------------------

function rssMb(pid: number): number {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      devices: { type: 'string', default: '1000' },
      workers: { type: 'string', default: '4' },
      rounds: { type: 'string', default: '50' },
      cohort: { type: 'string', default: '100' },
      'after-restart': { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
    },
    args: process.argv.slice(2).filter((a) => a !== '--'),
  });
  const devices = Number(values.devices);
  const workers = Math.max(1, Number(values.workers));
  const rounds = Number(values.rounds);
  const cohort = Number(values.cohort);
  const afterRestart = Number(values['after-restart']);
  const say = (s: string) => (values.json ? process.stderr : process.stdout).write(s + '\n');

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'conclave-soak-'));
  const port = await freePort();
  let coordinator = await startServe(port, dataDir);
  const api = adminApi(() => coordinator);
  const children: ChildProcess[] = [];
  try {
    const approver = await LocalApprover.create('soak approver');
    const authority = await LocalAuthority.create('soak authority');
    const identities = Array.from({ length: devices }, () => createIdentity());
    const tokens: string[] = [];
    for (let i = 0; i < devices; i += 1000) tokens.push(...((await api('POST', '/api/enrollment-tokens', { count: Math.min(1000, devices - i) })) as { tokens: string[] }).tokens);
    for (let i = 0; i < devices; i += 250) {
      await authority.certify({ storeCertificates: (body) => api('POST', '/api/certificates', body) }, identities.slice(i, i + 250).map((id) => id.publicKey));
    }

    // Device workers: the same file, forked with the loader flags this process runs under.
    const connectedAt = new Map<string, number>();
    const closeCodes = new Map<number, number>();
    const errors = new Map<string, number>();
    const retryAfter: number[] = [];
    const perWorker = Math.ceil(devices / workers);
    for (let w = 0; w < workers; w++) {
      const child = fork(SELF, ['--worker'], { execArgv: process.execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      children.push(child);
      child.on('message', (m: FromWorker) => {
        if (m.kind === 'connected') connectedAt.set(`${w}/${m.device}`, m.at);
        else if (m.kind === 'disconnected') closeCodes.set(m.code, (closeCodes.get(m.code) ?? 0) + 1);
        else if (m.kind === 'comeBackLater') retryAfter.push(m.retryAfterMs);
        else if (m.kind === 'error') errors.set(m.code, (errors.get(m.code) ?? 0) + 1);
      });
      const slice = identities.slice(w * perWorker, (w + 1) * perWorker);
      child.send({
        kind: 'start',
        url: coordinator.deviceUrl,
        tokens: tokens.slice(w * perWorker, (w + 1) * perWorker),
        secretKeys: slice.map((id) => toBase64(id.secretKey)),
        approverKey: toBase64(approver.publicKey),
        authorityKey: toBase64(authority.publicKey),
      } satisfies ToWorker);
    }
    const t0 = Date.now();
    await until(() => connectedAt.size === devices, 600_000, `all ${devices} devices to connect`);
    say(`soak: ${devices} devices connected in ${((Date.now() - t0) / 1000).toFixed(1)} s from ${workers} worker processes; coordinator RSS ${rssMb(coordinator.child.pid!).toFixed(0)} MB`);

    const topology = {
      class_name: 'Sequential',
      config: { name: 'soak', layers: [{ class_name: 'Dense', config: { name: 'dense', units: 1, activation: 'sigmoid', use_bias: true, batch_input_shape: [null, DIM], dtype: 'float32' } }] },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    };
    const task = (await api('POST', '/api/tasks', {
      name: 'soak',
      purpose: 'A thousand devices for fifty secure rounds.',
      stream: 'points',
      model: {
        modelTopology: topology,
        weightSpecs: [
          { name: 'dense/kernel', shape: [DIM, 1], dtype: 'float32' },
          { name: 'dense/bias', shape: [1], dtype: 'float32' },
        ],
        weightsBase64: Buffer.from(new Float32Array(DIM + 1).buffer).toString('base64'),
      },
      features: { kind: 'dense', dim: DIM },
      training: { clientLearningRate: 0.5 },
      cohort: { goal: cohort, minimum: Math.ceil(cohort * 0.8), overSelection: 1.1 },
      // Never finishes during the bench: rounds go on while it measures, stops and restarts.
      rounds: 100_000,
      timeouts: { selectionMs: 60_000, roundMs: 120_000 },
      evaluation: { finalRound: false },
      secureAggregation: { phaseTimeoutMs: 20_000 },
    })) as { id: string };
    const taskId = task.id;
    await approver.approve({ approvalRequest: (id) => api('GET', `/api/tasks/${id}/approval-request`), acceptApproval: (id, body) => api('POST', `/api/tasks/${id}/approval`, body) }, taskId);

    // One row per committed round: its time (from the previous commit) and the RSS then.
    const perRound: { round: number; ms: number; rssMb: number }[] = [];
    let last = Date.now();
    let seen = 0;
    while (seen < rounds) {
      await sleep(100);
      const done = ((await api('GET', `/api/tasks/${taskId}`)) as { roundsDone: number; status: string; statusReason: string });
      if (done.status !== 'running') throw new Error(`the task stopped: ${done.status} — ${done.statusReason}`);
      while (seen < done.roundsDone && seen < rounds) {
        seen += 1;
        const now = Date.now();
        perRound.push({ round: seen, ms: now - last, rssMb: rssMb(coordinator.child.pid!) });
        last = now;
        say(`round ${String(seen).padStart(3)}: ${((perRound.at(-1)!.ms) / 1000).toFixed(1)} s, coordinator RSS ${perRound.at(-1)!.rssMb.toFixed(0)} MB`);
      }
    }
    const early = perRound.filter((r) => r.round >= 5 && r.round <= 15).map((r) => r.rssMb);
    const late = perRound.slice(-10).map((r) => r.rssMb);
    const drift = mean(late) / mean(early) - 1;
    const flat = Math.abs(drift) <= 0.1;

    // A restart: SIGTERM, as a deploy would stop it; then the same port and data directory.
    // What was committed when the coordinator was stopped: all of it must still be there after.
    const committedBefore = ((await api('GET', `/api/tasks/${taskId}`)) as { roundsDone: number }).roundsDone;
    closeCodes.clear();
    retryAfter.length = 0;
    errors.clear();
    const stoppedAt = Date.now();
    const stop = await stopServe(coordinator, 'SIGTERM');
    if (stop === 'killed') say(`the coordinator did not exit within ${STOP_GRACE_MS / 1000} s of SIGTERM: killed`);
    coordinator = await startServe(port, dataDir);
    const restartedAt = Date.now();
    await until(() => [...connectedAt.values()].filter((t) => t > stoppedAt).length === devices, 600_000, `all ${devices} devices to reconnect`);
    const back = [...connectedAt.values()].filter((t) => t > stoppedAt).map((t) => t - restartedAt).sort((a, b) => a - b);
    const quantile = (q: number) => back[Math.min(back.length - 1, Math.floor(q * back.length))]!;
    const resumedFrom = ((await api('GET', `/api/tasks/${taskId}`)) as { roundsDone: number }).roundsDone;
    const restartT0 = Date.now();
    await until(async () => ((await api('GET', `/api/tasks/${taskId}`)) as { roundsDone: number }).roundsDone >= resumedFrom + afterRestart, 900_000, `${afterRestart} rounds after the restart`);
    const afterMs = (Date.now() - restartT0) / afterRestart;
    const db = new Database(path.join(dataDir, 'conclave.db'));
    const committed = (db.prepare(`SELECT round FROM rounds WHERE task_id = ? AND status = 'committed' ORDER BY id`).all(taskId) as { round: number }[]).map((r) => r.round);
    db.close();
    const noneLost = committed.length >= committedBefore + afterRestart && committed.every((r, i) => r === i + 1);

    const times = perRound.map((r) => r.ms / 1000).sort((a, b) => a - b);
    const summary = {
      devices,
      workers,
      rounds: perRound.length,
      cohort,
      roundSeconds: { median: times[Math.floor(times.length / 2)], max: times.at(-1) },
      rssMb: { rounds5to15: mean(early), last10: mean(late), drift },
      memoryFlat: flat,
      restart: {
        stop,
        reconnectMs: { p50: quantile(0.5), p90: quantile(0.9), max: back.at(-1) },
        closeCodes: Object.fromEntries(closeCodes),
        comeBackLater: { count: retryAfter.length, medianRetryAfterMs: [...retryAfter].sort((a, b) => a - b)[Math.floor(retryAfter.length / 2)] ?? null },
        secondsPerRoundAfter: afterMs / 1000,
        committedRounds: committed.length,
        noRoundLost: noneLost,
      },
      deviceErrorsAfterRestart: Object.fromEntries(errors),
      perRound,
    };
    say(`\nround time median ${summary.roundSeconds.median?.toFixed(1)} s, max ${summary.roundSeconds.max?.toFixed(1)} s (cohort ${cohort} of ${devices} connected)`);
    say(`coordinator RSS: rounds 5–15 mean ${mean(early).toFixed(0)} MB, last 10 mean ${mean(late).toFixed(0)} MB (${(drift * 100).toFixed(1)} %): ${flat ? 'PASS' : 'FAIL'} (memory flat within 10 %)`);
    say(
      `restart: all ${devices} devices back in p50 ${(quantile(0.5) / 1000).toFixed(1)} s, p90 ${(quantile(0.9) / 1000).toFixed(1)} s, max ${((back.at(-1) ?? 0) / 1000).toFixed(1)} s; ` +
        `close codes ${JSON.stringify(summary.restart.closeCodes)}; ComeBackLater ${retryAfter.length}× (median ${summary.restart.comeBackLater.medianRetryAfterMs} ms); ` +
        `device errors ${JSON.stringify(summary.deviceErrorsAfterRestart)}; ${afterRestart} rounds after it at ${(afterMs / 1000).toFixed(1)} s each; ${noneLost ? 'PASS' : 'FAIL'} (no round lost: ${committed.length} committed, numbered 1..${committed.length})`,
    );
    if (values.json) process.stdout.write(JSON.stringify(summary) + '\n');
    process.exitCode = flat && noneLost ? 0 : 1;
  } finally {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            const t = setTimeout(() => (c.kill('SIGKILL'), resolve()), 10_000);
            c.once('message', () => (clearTimeout(t), c.kill(), resolve()));
            c.send({ kind: 'stop' } satisfies ToWorker);
          }),
      ),
    );
    await stopServe(coordinator, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--worker')) await runWorker();
  else await main();
}
