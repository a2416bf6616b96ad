/**
 * Writes `task.example.json` and the initial model it points to (`initial-model/`, a
 * TensorFlow.js model.json + weights.bin) from the demo's defaults, so an ML engineer can start
 * the same task on a running coordinator:
 *
 *   pnpm --filter @conclave/example-email-triage write-task-file
 *   pnpm conclave task create --file examples/email-triage/task.example.json
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initTensorflow } from '@conclave/client-sdk';
import { buildModel, DEFAULTS, defaultFeatureSpec, taskServerOptimizer } from './model.ts';

const root = path.resolve(import.meta.dirname, '..');
await initTensorflow();
const spec = defaultFeatureSpec();
const model = buildModel(spec, DEFAULTS.seed);
let artifacts!: tf.io.ModelArtifacts;
await model.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
mkdirSync(path.join(root, 'initial-model'), { recursive: true });
writeFileSync(path.join(root, 'initial-model/weights.bin'), Buffer.from(artifacts.weightData as ArrayBuffer));
writeFileSync(
  path.join(root, 'initial-model/model.json'),
  JSON.stringify({ format: 'layers-model', generatedBy: 'conclave email-triage', convertedBy: null, modelTopology: artifacts.modelTopology, weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs }] }) + '\n',
);
const task = {
  name: 'email triage',
  purpose: 'Learn which incoming mail is spam so the inbox can sort it for you. Only model updates leave your device, never your mail.',
  stream: 'mail',
  model: { path: 'initial-model/model.json' },
  features: spec,
  loss: 'binaryCrossentropy',
  training: { localEpochs: DEFAULTS.localEpochs, batchSize: DEFAULTS.batchSize, clientLearningRate: DEFAULTS.clientLr, proxMu: DEFAULTS.proxMu },
  serverOptimizer: taskServerOptimizer(),
  cohort: { goal: DEFAULTS.cohortGoal, minimum: Math.ceil(DEFAULTS.cohortGoal * 0.6), overSelection: 1.3 },
  rounds: DEFAULTS.rounds,
  timeouts: { selectionMs: 60_000, roundMs: 300_000 },
  evaluation: { evalFraction: DEFAULTS.clientEvalFraction, finalRound: true },
};
writeFileSync(path.join(root, 'task.example.json'), JSON.stringify(task, null, 2) + '\n');
process.stdout.write(`wrote ${path.join(root, 'task.example.json')} and initial-model/\n`);
