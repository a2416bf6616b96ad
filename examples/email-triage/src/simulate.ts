/**
 * In-process FedAvg simulation: the exact training schedule the coordinator runs, without
 * sockets, used to choose `DEFAULTS` and to prove federated ≈ centralized accuracy.
 *
 * Each round (McMahan et al., "Communication-Efficient Learning of Deep Networks from
 * Decentralized Data", AISTATS 2017, Algorithm 1):
 *   1. the server picks a cohort of `cohortGoal` clients uniformly without replacement (seeded);
 *   2. each starts from the global weights and runs `localEpochs` of minibatch SGD on its own
 *      training e-mails (`trainLocal`, optionally with the FedProx term);
 *   3. each reports delta = local − global and its example count n_k;
 *   4. the server averages deltas weighted by n_k and applies its optimizer (FedAvg: global +=
 *      lr · avg; FedAvgM and FedAdam per `ServerOptimizerSpec`).
 *
 * Run `pnpm exec tsx src/simulate.ts [--seeds 1,2,3] [--rounds N] [--server '{"kind":...}']
 * [--dropoutRate p] ...` from examples/email-triage for the federated-vs-centralized table.
 *
 * Measured with `DEFAULTS` (wasm backend, one thread; the 2-core machine was shared, so times
 * are pessimistic). "fed train" is the summed local-training wall time of all clients, i.e.
 * the compute the demo spreads over its two training workers:
 *
 *   seed  federated  centralized (12 epochs)  gap      fed train
 *   1     97.98 %    97.90 %                  −0.08 pt  3.5–5.1 s
 *   2     98.07 %    97.39 %                  −0.67 pt  3.5–5.0 s
 *   3     98.15 %    97.56 %                  −0.59 pt  3.5–5.1 s
 *   4     98.57 %    97.73 %                  −0.84 pt  5.8 s
 *   5     97.39 %    97.98 %                  +0.59 pt  5.5 s
 *
 * The federated model edges out the baseline because the server's Adam step is an adaptive
 * optimizer on top of the clients' SGD; the baseline uses the clients' plain SGD by design.
 * For scale: the same logistic regression tuned centrally (lr 5, 30 epochs) reaches 98.1–98.5 %.
 */
import { pathToFileURL } from 'node:url';
import { featurizeSparse, initTensorflow, type FeatureSpec } from '@conclave/client-sdk';
import { OptimizerSpec, applyServerOptimizer, type OptimizerState } from '@conclave/server';
import * as tf from '@tensorflow/tfjs';
import { trainCentralized, type CentralizedResult } from './centralized.ts';
import { loadCorpus, splitTrainTest, type Email } from './corpus.ts';
import {
  DEFAULTS,
  buildModel,
  defaultFeatureSpec,
  equivalentEpochs,
  evaluateModel,
  getWeights,
  setWeights,
  trainLocal,
  type Dataset,
  type Evaluation,
  type ModelOptions,
  taskServerOptimizer,
  type ServerOptimizerSpec,
} from './model.ts';
import { dirichletPartition, type ClientShard } from './partition.ts';
import { deriveSeed, mulberry32, shuffled } from './random.ts';

// ---------------------------------------------------------------------------------------------
// Server side: aggregation and server optimizers (plain Float32Array math, no TensorFlow).

export interface ClientUpdate {
  /** local − global, per weight tensor. */
  delta: Float32Array[];
  /** Training examples behind the update (FedAvg weight n_k). */
  examples: number;
}

/** Σ n_k · delta_k / Σ n_k, per weight tensor. */
export function averageDeltas(updates: readonly ClientUpdate[]): Float32Array[] {
  const first = updates[0];
  if (!first) throw new Error('cannot average zero updates');
  const total = updates.reduce((s, u) => s + u.examples, 0);
  if (!(total > 0)) throw new Error(`updates carry ${total} examples, expected > 0`);
  const sums = first.delta.map((t) => new Float64Array(t.length));
  for (const u of updates) {
    if (u.delta.length !== sums.length) throw new Error(`update has ${u.delta.length} tensors, model has ${sums.length}`);
    const w = u.examples / total;
    u.delta.forEach((t, i) => {
      const s = sums[i]!;
      if (t.length !== s.length) throw new Error(`update tensor ${i} has ${t.length} values, model has ${s.length}`);
      for (let j = 0; j < t.length; j++) s[j]! += w * t[j]!;
    });
  }
  return sums.map((s) => Float32Array.from(s));
}

/** Stateful server optimizer: next global weights from the current ones and the averaged delta. */
export interface ServerOptimizer {
  apply(global: readonly Float32Array[], avgDelta: readonly Float32Array[]): Float32Array[];
}

/**
 * The coordinator's own optimizer (`applyServerOptimizer` of @conclave/server) over the
 * simulation's per-tensor weights, so the simulation trains exactly what the server runs.
 */
export function createServerOptimizer(spec: ServerOptimizerSpec): ServerOptimizer {
  const serverSpec = OptimizerSpec.parse(taskServerOptimizer(spec));
  const state: OptimizerState = {};
  const flatten = (tensors: readonly Float32Array[]): Float32Array => {
    const out = new Float32Array(tensors.reduce((n, t) => n + t.length, 0));
    let offset = 0;
    for (const t of tensors) {
      out.set(t, offset);
      offset += t.length;
    }
    return out;
  };
  return {
    apply(global, avgDelta) {
      const weights = flatten(global);
      applyServerOptimizer(weights, flatten(avgDelta), serverSpec, state);
      let offset = 0;
      return global.map((t) => weights.slice(offset, (offset += t.length)));
    },
  };
}

/** The round's cohort: `goal` distinct client indices, uniformly at random from (seed, round). */
export function selectCohort(clients: number, goal: number, seed: number, round: number): number[] {
  const all = Array.from({ length: clients }, (_, i) => i);
  return shuffled(all, mulberry32(deriveSeed(seed, 0xc0, round))).slice(0, Math.min(goal, clients));
}

// ---------------------------------------------------------------------------------------------
// The simulation.

/** One employee's featurized mailbox (features computed "on the device"). */
export interface FederatedClient {
  train: Dataset;
  eval: Dataset;
}

export interface FederatedOptions {
  rounds: number;
  cohortGoal: number;
  localEpochs: number;
  batchSize: number;
  clientLr: number;
  /** FedProx μ. @default 0 */
  proxMu?: number;
  /** Probability that a selected client never reports this round (seeded). @default 0 */
  dropoutRate?: number;
  serverOptimizer: ServerOptimizerSpec;
  seed: number;
  model?: ModelOptions;
  /** Evaluate the global model on the test set every this many rounds (and after the last). @default 0 (last only) */
  evalEvery?: number;
  onRound?: (report: RoundReport) => void;
}

export interface RoundReport {
  round: number;
  cohort: number[];
  /** Cohort members whose update arrived (the rest dropped out). */
  reported: number;
  /** Example-weighted mean of the clients' last-epoch training loss. */
  clientLoss: number;
  examples: number;
  /** Wall time of the cohort's local training this round. */
  trainMs: number;
  test?: Evaluation;
}

export interface FederatedResult {
  /** Final global model on the held-out test set. */
  accuracy: number;
  loss: number;
  /** Final global model on the union of the clients' own eval sets (what clients would report). */
  clientEval: Evaluation;
  rounds: RoundReport[];
  /** Sum of all clients' local training wall time (the compute the demo spreads over workers). */
  trainMs: number;
  /** Aggregation and server-optimizer time. */
  serverMs: number;
  /** Example-gradients computed by all clients. */
  examplesSeen: number;
  weights: Float32Array[];
}

export function simulateFederated(clients: readonly FederatedClient[], test: Dataset, spec: FeatureSpec, o: FederatedOptions): FederatedResult {
  const model = buildModel(spec, o.seed, o.model ?? {});
  let global = getWeights(model);
  const server = createServerOptimizer(o.serverOptimizer);
  const rounds: RoundReport[] = [];
  let trainMs = 0;
  let serverMs = 0;
  let examplesSeen = 0;
  for (let round = 0; round < o.rounds; round++) {
    const cohort = selectCohort(clients.length, o.cohortGoal, o.seed, round);
    const updates: ClientUpdate[] = [];
    let lossSum = 0;
    const roundStart = performance.now();
    const dropouts = mulberry32(deriveSeed(o.seed, 0xd209, round));
    for (const k of cohort) {
      const data = clients[k]!.train;
      if (dropouts() < (o.dropoutRate ?? 0) || data.features.length === 0) continue;
      setWeights(model, global);
      const r = trainLocal(model, data, {
        epochs: o.localEpochs,
        batchSize: o.batchSize,
        lr: o.clientLr,
        seed: deriveSeed(o.seed, 0x10ca1, round, k),
        proxMu: o.proxMu ?? 0,
      });
      const local = getWeights(model);
      updates.push({ delta: local.map((t, i) => t.map((x, j) => x - global[i]![j]!)), examples: data.features.length });
      lossSum += r.loss * data.features.length;
      examplesSeen += r.examplesSeen;
    }
    const roundTrainMs = performance.now() - roundStart;
    trainMs += roundTrainMs;
    const serverStart = performance.now();
    const examples = updates.reduce((s, u) => s + u.examples, 0);
    if (updates.length > 0) global = server.apply(global, averageDeltas(updates));
    serverMs += performance.now() - serverStart;
    const reported = updates.length;
    const report: RoundReport = { round, cohort, reported, clientLoss: lossSum / examples, examples, trainMs: roundTrainMs };
    const last = round === o.rounds - 1;
    if (last || (o.evalEvery && (round + 1) % o.evalEvery === 0)) {
      setWeights(model, global);
      report.test = evaluateModel(model, test);
    }
    rounds.push(report);
    o.onRound?.(report);
  }
  setWeights(model, global);
  const final = rounds.at(-1)?.test ?? evaluateModel(model, test);
  const clientEval = evaluateModel(model, concatDatasets(clients.map((c) => c.eval)));
  model.dispose();
  return { accuracy: final.accuracy, loss: final.loss, clientEval, rounds, trainMs, serverMs, examplesSeen, weights: global };
}

function concatDatasets(parts: readonly Dataset[]): Dataset {
  return { features: parts.flatMap((p) => p.features), labels: parts.flatMap((p) => p.labels) };
}

function featurizeAll(emails: readonly Email[], spec: FeatureSpec): Dataset {
  return { features: emails.map((e) => featurizeSparse(e.text, spec)), labels: emails.map((e) => e.label) };
}

// ---------------------------------------------------------------------------------------------
// Experiment: corpus → split → partition → featurize → federated and centralized runs.

/** `DEFAULTS` made mutable, plus simulation-only knobs. */
export type ExperimentConfig = {
  -readonly [K in keyof typeof DEFAULTS]: K extends 'serverOptimizer' ? ServerOptimizerSpec : number;
} & {
  /** See {@link FederatedOptions.dropoutRate}. @default 0 */
  dropoutRate?: number;
};

export interface PreparedData {
  spec: FeatureSpec;
  shards: ClientShard[];
  clients: FederatedClient[];
  test: Dataset;
  /** The union of the clients' training e-mails: the centralized baseline's training set. */
  pooledTrain: Dataset;
}

export function prepareData(config: ExperimentConfig, corpus: readonly Email[] = loadCorpus()): PreparedData {
  const spec = defaultFeatureSpec(config.featureDim);
  const { train, test } = splitTrainTest(corpus, { testFraction: config.testFraction, seed: config.seed });
  const shards = dirichletPartition(train, {
    clients: config.clients,
    alpha: config.dirichletAlpha,
    seed: config.seed,
    evalFraction: config.clientEvalFraction,
  });
  const clients = shards.map((s) => ({ train: featurizeAll(s.train, spec), eval: featurizeAll(s.eval, spec) }));
  return { spec, shards, clients, test: featurizeAll(test, spec), pooledTrain: concatDatasets(clients.map((c) => c.train)) };
}

export interface ExperimentResult {
  seed: number;
  federated: FederatedResult;
  centralized: CentralizedResult;
  centralizedEpochs: number;
}

export function runExperiment(config: ExperimentConfig, onRound?: (r: RoundReport) => void): ExperimentResult {
  const data = prepareData(config);
  const model = { hidden: config.hidden };
  const federated = simulateFederated(data.clients, data.test, data.spec, {
    rounds: config.rounds,
    cohortGoal: config.cohortGoal,
    localEpochs: config.localEpochs,
    batchSize: config.batchSize,
    clientLr: config.clientLr,
    proxMu: config.proxMu,
    dropoutRate: config.dropoutRate ?? 0,
    serverOptimizer: config.serverOptimizer,
    seed: config.seed,
    model,
    evalEvery: 5,
    ...(onRound ? { onRound } : {}),
  });
  const centralizedEpochs = equivalentEpochs(config);
  const centralized = trainCentralized({
    train: data.pooledTrain,
    test: data.test,
    spec: data.spec,
    epochs: centralizedEpochs,
    batchSize: config.batchSize,
    lr: config.clientLr,
    seed: config.seed,
    model,
  });
  return { seed: config.seed, federated, centralized, centralizedEpochs };
}

// ---------------------------------------------------------------------------------------------
// CLI

function parseArgs(argv: readonly string[]): { config: ExperimentConfig; seeds: number[]; verbose: boolean } {
  const config: ExperimentConfig = { ...DEFAULTS, serverOptimizer: { ...DEFAULTS.serverOptimizer } };
  let seeds = [1, 2, 3];
  let verbose = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = argv[i + 1];
    if (arg === '--verbose') {
      verbose = true;
      continue;
    }
    if (!arg.startsWith('--') || value === undefined) throw new Error(`bad argument ${arg}`);
    i++;
    const key = arg.slice(2);
    if (key === 'seeds') seeds = value.split(',').map(Number);
    else if (key === 'dropoutRate') config.dropoutRate = Number(value);
    else if (key === 'server') config.serverOptimizer = JSON.parse(value) as ServerOptimizerSpec;
    else if (key in config && typeof config[key as keyof ExperimentConfig] === 'number') {
      (config as unknown as Record<string, number>)[key] = Number(value);
    } else throw new Error(`unknown option ${arg}`);
  }
  return { config, seeds, verbose };
}

async function main(): Promise<void> {
  const { config, seeds, verbose } = parseArgs(process.argv.slice(2));
  const backend = await initTensorflow();
  console.log(`backend ${backend}; config ${JSON.stringify(config)}; centralized epochs ${equivalentEpochs(config)}`);
  const rows: string[] = [];
  for (const seed of seeds) {
    const r = runExperiment({ ...config, seed }, (round) => {
      if (verbose && round.test) {
        console.log(`  seed ${seed} round ${round.round + 1}: test acc ${(100 * round.test.accuracy).toFixed(2)} loss ${round.test.loss.toFixed(4)} client loss ${round.clientLoss.toFixed(4)}`);
      }
    });
    const f = r.federated;
    const row =
      `seed ${seed}: federated ${(100 * f.accuracy).toFixed(2)}% (client-eval ${(100 * f.clientEval.accuracy).toFixed(2)}%) | ` +
      `centralized ${(100 * r.centralized.accuracy).toFixed(2)}% | gap ${(100 * (r.centralized.accuracy - f.accuracy)).toFixed(2)} pt | ` +
      `fed train ${(f.trainMs / 1000).toFixed(1)} s (server ${(f.serverMs / 1000).toFixed(2)} s, ${f.examplesSeen} example-steps) | ` +
      `central train ${(r.centralized.ms / 1000).toFixed(1)} s`;
    rows.push(row);
    console.log(row);
  }
  console.log(`\n${rows.join('\n')}\ntf memory: ${JSON.stringify(tf.memory().numTensors)} tensors`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
