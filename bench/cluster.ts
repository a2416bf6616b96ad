/**
 * Several coordinator nodes on one PostgreSQL (issue 14 item 4): 1, 2 and 3 `conclave serve`
 * nodes on this machine, 1,500 devices spread evenly over them (device i connects to node
 * i mod N and knows the others' endpoints), one secure task (malicious-server SecAgg+, a
 * cohort of 100 of the 1,500). One node leads the task; the others relay their devices to it
 * and sum their devices' masked inputs themselves (partial sums).
 *
 * Per configuration: round time (the rounds' own durations as stored, and wall time between
 * commits), CPU time per node (utime + stime from /proc over the measured rounds), and bytes
 * between nodes (the node bus's payload bytes, read from each node on SIGUSR2 at the start and
 * end of the measured rounds). The devices are real SDK clients over loopback WebSockets in a
 * few worker processes with a lightweight trainer (as bench:soak: training is not measured).
 *
 *   pnpm bench:cluster [--devices 1500] [--nodes 1,2,3] [--rounds 5] [--cohort 100] [--workers 3] [--json]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient, createIdentity, type ConclaveClient, type Trainer } from '@conclave/client-sdk';
import { fromBase64, toBase64 } from '@conclave/proto';
import { LocalApprover, LocalAuthority, PostgresStore } from '@conclave/server';
import { startNode, until, type ClusterNode } from '../test/support/cluster-node.ts';
import { startPostgresCluster } from '../test/support/postgres-cluster.ts';

const SELF = fileURLToPath(import.meta.url);
const DIM = 8;

// ---- the device workers ---------------------------------------------------------------------

type ToWorker = { kind: 'start'; endpoints: string[][]; tokens: string[]; secretKeys: string[]; approverKey: string; authorityKey: string } | { kind: 'stop' };
type FromWorker = { kind: 'connected'; device: number } | { kind: 'stopped' };

/** Logistic regression by plain gradient descent, as bench:soak's devices train. */
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
      const [url, ...urls] = m.endpoints[i]!;
      const client = createClient({
        url: url!,
        urls,
        enrollmentToken: m.tokens[i]!,
        identity: { secretKey, publicKey: secretKey.slice(32) },
        approverKeys: [fromBase64(m.approverKey)],
        authorityKeys: [fromBase64(m.authorityKey)],
        trainer,
        reconnect: { initialDelayMs: 500, maxDelayMs: 15_000 },
      });
      client.on('connected', () => send({ kind: 'connected', device: i }));
      await client.consent.grant('points');
      for (let k = 0; k < 20; k++) {
        const features = Array.from({ length: DIM }, (_, j) => Math.sin(i * 13 + k * 7 + j));
        await client.record('points', { features, label: features[0]! + features[1]! > 0 ? 1 : 0 });
      }
      clients.push(client);
    }
    await Promise.all(clients.map((c) => c.start()));
  });
}

// ---- the bench ------------------------------------------------------------------------------

/** CPU seconds (user + system) a process has used, from /proc/PID/stat. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface BusStats {
  node: string;
  bytesSent: number;
  bytesReceived: number;
  messagesSent: number;
  messagesReceived: number;
  tableBatches: number;
}

/** The node's bus counters: it prints them on SIGUSR2. */
function busStats(node: ClusterNode): Promise<BusStats> {
  return new Promise((resolve) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const line = /node bus (\{.*\})\n/.exec(out)?.[1];
      if (!line) return;
      node.child.stdout!.off('data', onData);
      resolve(JSON.parse(line) as BusStats);
    };
    node.child.stdout!.on('data', onData);
    node.child.kill('SIGUSR2');
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : Number.NaN;
};

interface ConfigResult {
  nodes: number;
  devices: number;
  cohort: number;
  rounds: number;
  roundMsMedian: number;
  roundMsMean: number;
  wallMsPerRound: number;
  cpuSecondsPerNode: { node: string; leader: boolean; cpuSeconds: number; cpuPerRound: number }[];
  busBytesPerRound: number;
  busMessagesPerRound: number;
  tableBatches: number;
  connectSeconds: number;
}

async function runConfig(url: string, n: number, o: { devices: number; rounds: number; cohort: number; workers: number; say: (s: string) => void }): Promise<ConfigResult> {
  const nodes: ClusterNode[] = [];
  const children: ChildProcess[] = [];
  const store = await PostgresStore.open({ url, poolSize: 2 });
  try {
    for (let i = 0; i < n; i++) nodes.push(await startNode({ nodeId: `node-${i + 1}`, store: url, leaseMs: 10_000 }));
    const first = nodes[0]!;
    const approver = await LocalApprover.create('cluster bench approver');
    const authority = await LocalAuthority.create('cluster bench authority');
    const identities = Array.from({ length: o.devices }, () => createIdentity());
    const tokens: string[] = [];
    for (let i = 0; i < o.devices; i += 1000) tokens.push(...((await first.api('POST', '/api/enrollment-tokens', { count: Math.min(1000, o.devices - i) })) as { tokens: string[] }).tokens);
    for (let i = 0; i < o.devices; i += 250) {
      await authority.certify({ storeCertificates: (body) => first.api('POST', '/api/certificates', body) }, identities.slice(i, i + 250).map((id) => id.publicKey));
    }
    // Device i connects to node i mod n first and knows every other node.
    const endpoints = identities.map((_, i) => nodes.map((_, k) => nodes[(i + k) % n]!.deviceUrl));
    let connected = 0;
    const perWorker = Math.ceil(o.devices / o.workers);
    const t0 = Date.now();
    for (let w = 0; w < o.workers; w++) {
      const child = fork(SELF, ['--worker'], { execArgv: process.execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      children.push(child);
      const seen = new Set<number>();
      child.on('message', (m: FromWorker) => {
        if (m.kind === 'connected' && !seen.has(m.device)) {
          seen.add(m.device);
          connected += 1;
        }
      });
      const slice = identities.slice(w * perWorker, (w + 1) * perWorker);
      child.send({
        kind: 'start',
        endpoints: endpoints.slice(w * perWorker, (w + 1) * perWorker),
        tokens: tokens.slice(w * perWorker, (w + 1) * perWorker),
        secretKeys: slice.map((id) => toBase64(id.secretKey)),
        approverKey: toBase64(approver.publicKey),
        authorityKey: toBase64(authority.publicKey),
      } satisfies ToWorker);
    }
    await until(() => connected === o.devices, 600_000, `all ${o.devices} devices to connect`);
    const connectSeconds = (Date.now() - t0) / 1000;
    o.say(`cluster: ${n} node(s), ${o.devices} devices connected in ${connectSeconds.toFixed(1)} s`);

    const topology = {
      class_name: 'Sequential',
      config: { name: 'cluster', layers: [{ class_name: 'Dense', config: { name: 'dense', units: 1, activation: 'sigmoid', use_bias: true, batch_input_shape: [null, DIM], dtype: 'float32' } }] },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    };
    const { id: taskId } = (await first.api('POST', '/api/tasks', {
      name: 'cluster bench',
      purpose: 'Rounds across several coordinator nodes.',
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
      cohort: { goal: o.cohort, minimum: Math.ceil(o.cohort * 0.8), overSelection: 1.1 },
      rounds: 100_000,
      timeouts: { selectionMs: 60_000, roundMs: 120_000 },
      evaluation: { finalRound: false },
      secureAggregation: { phaseTimeoutMs: 20_000 },
    })) as { id: string };
    await approver.approve({ approvalRequest: (id) => first.api('GET', `/api/tasks/${id}/approval-request`), acceptApproval: (id, body) => first.api('POST', `/api/tasks/${id}/approval`, body) }, taskId);
    const committed = async () => (await store.listRounds(taskId)).filter((r) => r.status === 'committed');
    // Round 1 warms up (model downloads, first check-ins through the relay); rounds 2 … rounds + 1 are measured.
    let told = 0;
    await until(
      async () => {
        const rounds = await store.listRounds(taskId);
        for (const r of rounds.filter((x) => x.status === 'aborted').slice(told)) o.say(`  round ${r.round} aborted: ${r.reason}`), (told += 1);
        return rounds.some((r) => r.status === 'committed');
      },
      600_000,
      'round 1 to commit',
    );
    const leader = (await store.leases.list()).find((l) => l.taskId === taskId)!.nodeId;
    const cpu0 = nodes.map((x) => cpuSeconds(x.child.pid!));
    const bus0 = n > 1 ? await Promise.all(nodes.map(busStats)) : [];
    const w0 = Date.now();
    await until(async () => (await committed()).length >= 1 + o.rounds, 1_800_000, `${o.rounds} measured rounds to commit`);
    const wall = Date.now() - w0;
    const cpu1 = nodes.map((x) => cpuSeconds(x.child.pid!));
    const bus1 = n > 1 ? await Promise.all(nodes.map(busStats)) : [];
    const measured = (await committed()).slice(1, 1 + o.rounds);
    const durations = measured.map((r) => r.metrics!.durationMs);
    const aborted = (await store.listRounds(taskId)).filter((r) => r.status === 'aborted');
    if (aborted.length) o.say(`  aborted rounds: ${aborted.map((r) => `${r.round}: ${r.reason}`).join('; ')}`);
    const sent = bus1.reduce((a, s, i) => a + s.bytesSent - bus0[i]!.bytesSent, 0);
    const messages = bus1.reduce((a, s, i) => a + s.messagesSent - bus0[i]!.messagesSent, 0);
    const result: ConfigResult = {
      nodes: n,
      devices: o.devices,
      cohort: o.cohort,
      rounds: o.rounds,
      roundMsMedian: median(durations),
      roundMsMean: mean(durations),
      wallMsPerRound: wall / o.rounds,
      cpuSecondsPerNode: nodes.map((x, i) => ({ node: x.nodeId, leader: x.nodeId === leader, cpuSeconds: cpu1[i]! - cpu0[i]!, cpuPerRound: (cpu1[i]! - cpu0[i]!) / o.rounds })),
      busBytesPerRound: sent / o.rounds,
      busMessagesPerRound: messages / o.rounds,
      tableBatches: bus1.reduce((a, s, i) => a + s.tableBatches - bus0[i]!.tableBatches, 0),
      connectSeconds,
    };
    o.say(
      `  ${n} node(s): round ${(result.roundMsMedian / 1000).toFixed(2)} s median (${(result.roundMsMean / 1000).toFixed(2)} s mean, ${(result.wallMsPerRound / 1000).toFixed(2)} s between commits); ` +
        `CPU per round ${result.cpuSecondsPerNode.map((c) => `${c.node}${c.leader ? ' (leader)' : ''} ${c.cpuPerRound.toFixed(2)} s`).join(', ')}; ` +
        `between nodes ${(result.busBytesPerRound / 1024).toFixed(1)} KiB / ${result.busMessagesPerRound.toFixed(0)} messages per round`,
    );
    return result;
  } finally {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            c.once('message', () => resolve());
            c.once('exit', () => resolve());
            c.send({ kind: 'stop' } satisfies ToWorker);
            setTimeout(() => (c.kill('SIGKILL'), resolve()), 20_000).unref();
          }),
      ),
    );
    await Promise.all(nodes.map((x) => x.stop()));
    await store.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      devices: { type: 'string', default: '1500' },
      nodes: { type: 'string', default: '1,2,3' },
      rounds: { type: 'string', default: '5' },
      cohort: { type: 'string', default: '100' },
      workers: { type: 'string', default: '3' },
      json: { type: 'boolean', default: false },
    },
    args: process.argv.slice(2).filter((a) => a !== '--'),
  });
  const say = (s: string) => (values.json ? process.stderr : process.stdout).write(s + '\n');
  const o = { devices: Number(values.devices), rounds: Number(values.rounds), cohort: Number(values.cohort), workers: Math.max(1, Number(values.workers)), say };
  const pg = await startPostgresCluster();
  // Stopped from outside (a timeout, Ctrl-C): the throwaway cluster goes too.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void pg.stop().finally(() => process.exit(1)));
  const results: ConfigResult[] = [];
  try {
    say(`bench:cluster on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    for (const n of values.nodes.split(',').map(Number)) {
      results.push(await runConfig(await pg.createDatabase(`cluster_bench_${n}`), n, o));
      say(`  load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    }
  } finally {
    await pg.stop();
  }
  if (values.json) process.stdout.write(JSON.stringify({ machine: { cores: os.cpus().length, loadavg: os.loadavg() }, results }, null, 2) + '\n');
  process.exit(0);
}

if (process.argv.includes('--worker')) void runWorker();
else
  main().catch((err: unknown) => {
    process.stderr.write(`bench:cluster failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
