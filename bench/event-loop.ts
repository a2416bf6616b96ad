/**
 * Does SDK training get in the host's way? The host's event-loop delay (p50/p99/max, from
 * `perf_hooks.monitorEventLoopDelay`) while the SDK trains the email-triage model in the
 * background (worker thread), against the same training run on the main thread. A blocked loop
 * yields few histogram samples (one per stall), so the longest gap between the host's own 1 ms
 * ticks is reported too: that is the stall a user of the host would feel.
 *
 *   pnpm bench:event-loop [--jobs 6] [--json]
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import os from 'node:os';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { createInlineTrainer, createWorkerTrainer, initTensorflow, type Trainer, type TrainJob } from '@conclave/client-sdk';
import { loadCorpus } from '@conclave/example-email-triage/corpus';
import { buildModel, DEFAULTS, defaultFeatureSpec } from '@conclave/example-email-triage/model';

const { values } = parseArgs({
  options: { jobs: { type: 'string', default: '6' }, json: { type: 'boolean', default: false } },
  args: process.argv.slice(2).filter((a) => a !== '--'),
});
const jobs = Number(values.jobs);
const say = (s: string) => (values.json ? process.stderr : process.stdout).write(s + '\n');

const backend = await initTensorflow();
const spec = defaultFeatureSpec();
const model = buildModel(spec, 1);
let artifacts!: tf.io.ModelArtifacts;
await model.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
// One employee's mailbox: 300 real e-mails, as in the demo's larger mailboxes.
const mail = loadCorpus().slice(0, 300);
const job: TrainJob = {
  topologyJson: JSON.stringify({ modelTopology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs }),
  featuresJson: JSON.stringify(spec),
  loss: 'binaryCrossentropy',
  weights: new Float32Array(artifacts.weightData as ArrayBuffer),
  examples: mail.slice(0, 240).map((m) => ({ text: m.text, label: m.label })),
  evalExamples: mail.slice(240).map((m) => ({ text: m.text, label: m.label })),
  localEpochs: 3,
  batchSize: DEFAULTS.batchSize,
  learningRate: DEFAULTS.clientLr,
  proxMu: 0,
};

async function measure(name: string, trainer: Trainer): Promise<{ p50: number; p99: number; max: number; ms: number; samples: number; longestGap: number }> {
  await trainer.train(job); // warm-up: load TensorFlow.js and build the model
  const h = monitorEventLoopDelay({ resolution: 1 });
  // The host's own work: a 1 ms timer tick, like a UI or a server answering requests.
  let last = performance.now();
  let longest = 0;
  const tick = setInterval(() => {
    const t = performance.now();
    longest = Math.max(longest, t - last);
    last = t;
  }, 1);
  h.enable();
  const t0 = performance.now();
  for (let i = 0; i < jobs; i++) await trainer.train({ ...job, seed: i });
  const ms = performance.now() - t0;
  // Let the starved timers fire, so a blocked loop's delay is recorded at all.
  await new Promise((r) => setTimeout(r, 20));
  h.disable();
  clearInterval(tick);
  await trainer.close();
  const r = { p50: h.percentile(50) / 1e6, p99: h.percentile(99) / 1e6, max: h.max / 1e6, ms, samples: h.count, longestGap: longest };
  say(`${name.padEnd(12)} event-loop delay p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms (${r.samples} samples; longest gap between 1 ms ticks ${r.longestGap.toFixed(0)} ms); ${jobs} training jobs in ${(ms / 1000).toFixed(1)} s`);
  return r;
}

say(`event-loop bench: ${jobs} local training jobs (240 e-mails, 3 epochs, batch ${DEFAULTS.batchSize}), TensorFlow.js ${backend}`);
const worker = await measure('worker', createWorkerTrainer({ threads: 1 }));
const main = await measure('main thread', createInlineTrainer());
const report = {
  jobs,
  backend,
  workerP99Ms: Math.round(worker.p99 * 10) / 10,
  workerMaxMs: Math.round(worker.max * 10) / 10,
  workerLongestStallMs: Math.round(worker.longestGap),
  mainThreadP99Ms: Math.round(main.p99 * 10) / 10,
  mainThreadMaxMs: Math.round(main.max * 10) / 10,
  mainThreadLongestStallMs: Math.round(main.longestGap),
  stallRatio: Math.round((main.longestGap / worker.longestGap) * 10) / 10,
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
};
process.stdout.write(JSON.stringify(report) + '\n');
process.exit(0);
