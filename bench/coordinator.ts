/**
 * Coordinator cost per round at 100 clients and a 1M-parameter model.
 *
 * The coordinator runs as its own process (`conclave serve`), exactly as deployed. 100 devices
 * in this process speak the wire protocol over real loopback WebSockets with precomputed
 * updates (training is not what is measured). For each round we read the coordinator's CPU
 * time (from its /metrics) around the reporting phase — receive, decode, aggregate, apply the
 * server optimizer, commit to SQLite — and compare it with a tight loop in one process summing
 * the same 100 Float32Arrays with their weights. Wire bytes per client are counted on the
 * devices' sockets, both ways, against the model's float32 size.
 *
 *   pnpm bench:coordinator [--clients 100] [--params 1000000] [--rounds 3] [--json]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RawDevice } from '@conclave/e2e/raw-device';

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '100' },
    params: { type: 'string', default: '1000000' },
    rounds: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
  },
  args: process.argv.slice(2).filter((a) => a !== '--'),
});
const clients = Number(values.clients);
const rows = 1000;
const cols = Math.max(1, Math.round(Number(values.params) / rows));
const params = rows * cols + cols;
const rounds = Number(values.rounds);
const say = (s: string) => (values.json ? process.stderr : process.stdout).write(s + '\n');

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'conclave-bench-'));
const cli = path.resolve(import.meta.dirname, '../packages/server/bin/conclave.mjs');
const child = spawn(process.execPath, [cli, 'serve', '--port', '0', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
const { url, token } = await new Promise<{ url: string; token: string }>((resolve, reject) => {
  let out = '';
  child.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    const u = /admin API\s+(\S+)/.exec(out);
    const t = /admin token\s+(\S+)/.exec(out);
    if (u && t) resolve({ url: u[1]!, token: t[1]! });
  });
  child.once('exit', (code) => reject(new Error(`coordinator exited with ${code}: ${out}`)));
});
const deviceUrl = url.replace(/^http/, 'ws') + '/v1/devices';
const auth = { authorization: `Bearer ${token}` };

async function api(method: string, route: string, body?: unknown): Promise<any> {
  const res = await fetch(url + route, { method, headers: { ...auth, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
  if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return route === '/metrics' ? res.text() : res.json();
}

async function cpuSeconds(): Promise<number> {
  const text = (await (await fetch(url + '/metrics')).text()) as string;
  return Number(/^conclave_process_cpu_seconds_total (\S+)/m.exec(text)![1]);
}

function rssMb(field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)![1]) / 1024;
}

// A dense layer 1000 → cols: 1M parameters. Topology written out as TensorFlow.js would.
const modelTopology = {
  class_name: 'Sequential',
  config: { name: 'bench', layers: [{ class_name: 'Dense', config: { name: 'dense', units: cols, activation: 'linear', use_bias: true, batch_input_shape: [null, rows], dtype: 'float32' } }] },
  keras_version: 'tfjs-layers 4.22.0',
  backend: 'tensor_flow.js',
};
const init = new Float32Array(params);
const task = await api('POST', '/api/tasks', {
  name: 'coordinator bench',
  purpose: 'benchmark',
  stream: 'bench',
  model: {
    modelTopology,
    weightSpecs: [
      { name: 'dense/kernel', shape: [rows, cols], dtype: 'float32' },
      { name: 'dense/bias', shape: [cols], dtype: 'float32' },
    ],
    weightsBase64: Buffer.from(init.buffer).toString('base64'),
  },
  features: { kind: 'dense', dim: rows },
  // A linear layer rows → cols: task create checks the loss against the output layer.
  loss: 'meanSquaredError',
  training: { clientLearningRate: 0.1 },
  serverOptimizer: { kind: 'fedadam', learningRate: 0.01 },
  cohort: { goal: clients, minimum: clients, overSelection: 1 },
  // The plaintext aggregation path; secure aggregation's own cost is `pnpm bench:secagg`.
  secureAggregation: { enabled: false },
  rounds,
  timeouts: { selectionMs: 120_000, roundMs: 600_000 },
  evaluation: { finalRound: false },
});
const taskId: string = task.id;

// Ten distinct updates, reused across devices: enough that nothing is trivially cached.
const updates = Array.from({ length: 10 }, (_, k) => {
  const u = new Float32Array(params);
  for (let i = 0; i < params; i++) u[i] = Math.sin(i * 0.001 + k) * 1e-3;
  return u;
});

say(`coordinator bench: ${clients} clients, ${params.toLocaleString()} parameters (${(params * 4 / 1e6).toFixed(1)} MB float32), ${rounds} rounds`);
const { tokens } = await api('POST', '/api/enrollment-tokens', { count: clients });
const devices = await Promise.all((tokens as string[]).map((token) => RawDevice.enrolled(deviceUrl, token, ['bench'])));
const bytesIn = new Array<number>(clients).fill(0);
const bytesOut = new Array<number>(clients).fill(0);
devices.forEach((d, i) => d.ws.on('message', (data: Buffer) => (bytesIn[i]! += data.length)));

const perRound: { cpuMs: number; wallMs: number; rssBeforeMb: number; rssPeakMb: number }[] = [];
for (let round = 1; round <= rounds; round++) {
  for (const d of devices) if (round > 1) d.send('checkIn', { streams: ['bench'], eligible: true });
  const selected = await Promise.all(devices.map((d) => d.next('selected')));
  // Wait for every device to hold the whole model (configuration phase).
  await Promise.all(
    devices.map(async (d, i) => {
      let got = 0;
      while (got < selected[i]!.modelBytes!) got += (await d.next('modelChunk')).data!.byteLength;
    }),
  );
  const version: number = selected[0]!.modelVersion!;
  const cpu0 = await cpuSeconds();
  const rssBeforeMb = rssMb('VmRSS');
  let rssPeakMb = rssBeforeMb;
  const sampler = setInterval(() => (rssPeakMb = Math.max(rssPeakMb, rssMb('VmRSS'))), 10);
  const t0 = performance.now();
  await Promise.all(
    devices.map(async (d, i) => {
      const start = { taskId, round, modelVersion: version, numExamples: 10 + i, updateBytes: params * 4 };
      d.send('uploadStart', start);
      bytesOut[i]! += 64;
      await d.next('uploadGrant');
      const bytes = new Uint8Array(updates[i % 10]!.buffer);
      for (let off = 0; off < bytes.length; off += 256 * 1024) {
        const data = bytes.subarray(off, Math.min(off + 256 * 1024, bytes.length));
        d.send('uploadChunk', { taskId, round, offset: off, data });
        bytesOut[i]! += data.byteLength + 24;
      }
      await d.next('reportAck');
    }),
  );
  // The round commits right after the last accepted report.
  while ((await api('GET', `/api/tasks/${taskId}`)).modelVersion < version + 1) await new Promise((r) => setTimeout(r, 5));
  const wallMs = performance.now() - t0;
  const cpuMs = ((await cpuSeconds()) - cpu0) * 1000;
  clearInterval(sampler);
  perRound.push({ cpuMs, wallMs, rssBeforeMb, rssPeakMb });
  say(`round ${round}: coordinator CPU ${cpuMs.toFixed(0)} ms, wall ${wallMs.toFixed(0)} ms, RSS ${rssBeforeMb.toFixed(0)} → peak ${rssPeakMb.toFixed(0)} MB while receiving`);
}
const peak = rssMb('VmHWM');
for (const d of devices) d.close();
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
rmSync(dataDir, { recursive: true, force: true });

// The floor: one process summing the same 100 weighted Float32Arrays into a Float64Array.
function tightLoop(): number {
  const sum = new Float64Array(params);
  const t = performance.now();
  for (let c = 0; c < clients; c++) {
    const u = updates[c % 10]!;
    const w = 10 + c;
    for (let i = 0; i < params; i++) sum[i]! += w * u[i]!;
  }
  return performance.now() - t;
}
const loopMs = Math.min(tightLoop(), tightLoop(), tightLoop());
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpuMs = median(perRound.map((r) => r.cpuMs));
const wallMs = median(perRound.map((r) => r.wallMs));
// Per round: download = model chunks received, upload = the update frames sent.
const modelBytes = params * 4;
const downPerClient = bytesIn.reduce((a, b) => a + b, 0) / clients / rounds;
const upPerClient = bytesOut.reduce((a, b) => a + b, 0) / clients / rounds;
const report = {
  clients,
  params,
  rounds,
  coordinatorCpuMsPerRound: Math.round(cpuMs),
  coordinatorWallMsPerRound: Math.round(wallMs),
  tightLoopMs: Math.round(loopMs * 10) / 10,
  ratioCpuToTightLoop: Math.round((cpuMs / loopMs) * 100) / 100,
  coordinatorPeakRssMb: Math.round(peak),
  reportingRssGrowthMb: Math.round(median(perRound.map((r) => r.rssPeakMb - r.rssBeforeMb))),
  cohortTimesModelMb: Math.round((clients * modelBytes) / 2 ** 20),
  downloadBytesPerClientPerRound: Math.round(downPerClient),
  uploadBytesPerClientPerRound: Math.round(upPerClient),
  downloadVsFloat32: Math.round((downPerClient / modelBytes) * 10_000) / 10_000,
  uploadVsFloat32: Math.round((upPerClient / modelBytes) * 10_000) / 10_000,
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
};
say(
  `\ncoordinator per round: ${report.coordinatorCpuMsPerRound} ms CPU (${report.ratioCpuToTightLoop}× a ${report.tightLoopMs} ms tight summing loop), ` +
    `RSS grows ${report.reportingRssGrowthMb} MB while receiving (cohort × model would be ${report.cohortTimesModelMb} MB; peak over the whole run ${report.coordinatorPeakRssMb} MB); ` +
    `wire per client: down ${report.downloadVsFloat32}×, up ${report.uploadVsFloat32}× the float32 model`,
);
process.stdout.write(JSON.stringify(report) + '\n');
process.exit(0);
