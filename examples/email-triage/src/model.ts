/**
 * The spam classifier and the one local-training routine both the federated clients and the
 * centralized baseline use, plus the demo's chosen defaults.
 *
 * Model: hashed bag-of-words features → Dense(1, sigmoid), i.e. logistic regression
 * (optionally one ReLU hidden layer). Output is p(spam); threshold 0.5.
 * Training: plain minibatch SGD on binary cross-entropy, seeded shuffling, optional FedProx
 * proximal term (Li et al., "Federated Optimization in Heterogeneous Networks", MLSys 2020,
 * eq. 2). The same code path trains a client for `localEpochs` and the baseline for all epochs.
 */
import type { FeatureSpec, SparseFeatures } from '@conclave/client-sdk';
import * as tf from '@tensorflow/tfjs';
import { deriveSeed, mulberry32, shuffled } from './random.ts';

/**
 * How the server turns the cohort's averaged delta into the next global model. Mirrors the
 * server's `OptimizerSpec` (packages/server/src/task-spec.ts), whose η is called `learningRate`;
 * {@link taskServerOptimizer} converts.
 */
export type ServerOptimizerSpec =
  /** McMahan et al. 2017: global += lr · avgDelta (lr = 1 is classic FedAvg). */
  | { kind: 'fedavg'; lr: number }
  /** Hsu et al. 2019 (FedAvgM): m = momentum · m + avgDelta; global += lr · m. */
  | { kind: 'fedavgm'; lr: number; momentum: number }
  /**
   * Reddi et al. 2021, "Adaptive Federated Optimization", Algorithm 2 (FedAdam): no bias
   * correction, v starts at τ². Because v starts near 0, the per-coordinate step shrinks
   * roughly like 1/√t over the first rounds when β2 is close to 1 — a built-in decay.
   */
  | { kind: 'fedadam'; lr: number; beta1: number; beta2: number; tau: number };

/** The server optimizer in the coordinator's task-spec shape (`learningRate` for η). */
export function taskServerOptimizer(spec: ServerOptimizerSpec = DEFAULTS.serverOptimizer): Record<string, string | number> {
  const { lr, ...rest } = spec;
  return { ...rest, learningRate: lr };
}

/**
 * Defaults for the demo, chosen with `simulate.ts` (measurements in its header comment).
 *
 * Centralized baseline epochs = rounds · localEpochs · cohortGoal / clients = 12: each round
 * the cohort (cohortGoal of the clients' mailboxes, so that fraction of the data in
 * expectation) makes localEpochs passes over its own data.
 *
 * Plain FedAvg (server lr 1) oscillates under this label skew — most mailboxes are nearly all
 * ham or all spam, so each cohort pulls the decision threshold its own way — and ends 5–9
 * points below the baseline; FedAvgM (η 0.5, momentum 0.9) 2–4 points. FedAdam (Reddi et al.
 * 2021) with a short first-moment memory (β1 = 0.5) converges smoothly and lands within
 * about half a point of it (the server's default β1 0.9 / β2 0.99 is within a point).
 */
export const DEFAULTS = {
  clients: 50,
  rounds: 30,
  cohortGoal: 20,
  localEpochs: 1,
  batchSize: 16,
  clientLr: 2,
  /** FedProx μ; 0 is plain local SGD. clientLr · μ must stay below 2 (at 2 local SGD diverged). */
  proxMu: 0,
  serverOptimizer: { kind: 'fedadam', lr: 0.1, beta1: 0.5, beta2: 0.999, tau: 1e-3 } satisfies ServerOptimizerSpec,
  /** Hsu et al. α; at 0.5 about 30 of 50 mailboxes are over 95 % one label. */
  dirichletAlpha: 0.5,
  testFraction: 0.2,
  /** Per-client hold-out for federated evaluation (the client SDK's default, 0.2). */
  clientEvalFraction: 0.2,
  /** 4096 buckets: a 16 KiB float32 update; 8192 gained ≈ 0.2 points for twice the bytes. */
  featureDim: 4096,
  /** 0 = logistic regression; > 0 adds a ReLU hidden layer of this width. */
  hidden: 0,
  seed: 1,
} as const;

/** The feature recipe the coordinator sends with the task. */
export function defaultFeatureSpec(dim: number = DEFAULTS.featureDim): FeatureSpec {
  return { kind: 'hashed-bow', dim, lowercase: true, ngrams: 1, stripHtml: true, signed: true, weighting: 'log', normalize: 'l2' };
}

/** Centralized epochs making the same number of passes over the data as a federated run. */
export function equivalentEpochs(o: { rounds: number; localEpochs: number; cohortGoal: number; clients: number }): number {
  return (o.rounds * o.localEpochs * o.cohortGoal) / o.clients;
}

export interface ModelOptions {
  /** Width of a ReLU hidden layer; 0 for logistic regression. @default 0 */
  hidden?: number;
}

/** A fresh classifier for `spec` with weights drawn from `seed` (Glorot-uniform kernels, zero biases). */
export function buildModel(spec: FeatureSpec, seed: number, options: ModelOptions = {}): tf.Sequential {
  const hidden = options.hidden ?? 0;
  const model = tf.sequential();
  if (hidden > 0) {
    model.add(
      tf.layers.dense({
        inputShape: [spec.dim],
        units: hidden,
        activation: 'relu',
        kernelInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(seed, 1) }),
      }),
    );
  }
  model.add(
    tf.layers.dense({
      ...(hidden > 0 ? {} : { inputShape: [spec.dim] }),
      units: 1,
      activation: 'sigmoid',
      kernelInitializer: tf.initializers.glorotUniform({ seed: deriveSeed(seed, 2) }),
    }),
  );
  return model;
}

/** A Keras-style layers config as `LayersModel.toJSON` returns it (tfjs-layers' PyJsonDict). */
export type LayersTopology = Exclude<ReturnType<tf.LayersModel['toJSON']>, string>;

/** What the coordinator is given: a TensorFlow.js layers topology plus initial weights. */
export interface ModelTopology {
  /** `model.toJSON()`: the Keras-style layers config, as in a model.json's `modelTopology`. */
  topology: LayersTopology;
  /** Weight names, shapes and dtype in `model.getWeights()` order, as in a weightsManifest. */
  weightSpecs: { name: string; shape: number[]; dtype: 'float32' }[];
  weights: Float32Array[];
}

export function modelTopology(model: tf.LayersModel): ModelTopology {
  const tensors = model.getWeights();
  return {
    topology: model.toJSON(undefined, false) as LayersTopology,
    weightSpecs: model.weights.map((w, i) => ({ name: w.originalName, shape: tensors[i]!.shape.slice(), dtype: 'float32' as const })),
    weights: getWeights(model),
  };
}

/** Copies of the model's weights, in `model.getWeights()` order. */
export function getWeights(model: tf.LayersModel): Float32Array[] {
  return model.getWeights().map((w) => w.dataSync() as Float32Array).map((a) => a.slice());
}

export function setWeights(model: tf.LayersModel, weights: readonly Float32Array[]): void {
  const current = model.getWeights();
  if (current.length !== weights.length) throw new Error(`got ${weights.length} weight tensors, model has ${current.length}`);
  const tensors = current.map((w, i) => {
    const values = weights[i]!;
    if (values.length !== w.size) throw new Error(`weight ${i} has ${values.length} values, model has ${w.size}`);
    return tf.tensor(values, w.shape, 'float32');
  });
  model.setWeights(tensors);
  tf.dispose(tensors);
}

/** Featurized examples as the trainer consumes them. */
export interface Dataset {
  features: readonly SparseFeatures[];
  labels: readonly (0 | 1)[];
}

/** Dense [rows, dim] batch from sparse rows. */
function denseBatch(data: Dataset, rows: readonly number[], dim: number): { xs: tf.Tensor2D; ys: tf.Tensor2D } {
  const x = new Float32Array(rows.length * dim);
  const y = new Float32Array(rows.length);
  rows.forEach((r, i) => {
    const f = data.features[r]!;
    const base = i * dim;
    for (let j = 0; j < f.indices.length; j++) x[base + f.indices[j]!] = f.values[j]!;
    y[i] = data.labels[r]!;
  });
  return { xs: tf.tensor2d(x, [rows.length, dim]), ys: tf.tensor2d(y, [rows.length, 1]) };
}

export interface LocalTrainingOptions {
  epochs: number;
  batchSize: number;
  /** SGD learning rate. */
  lr: number;
  /** Seed of the per-epoch shuffles. */
  seed: number;
  /** FedProx μ: adds μ/2 · ‖w − w_start‖² to the loss. @default 0 */
  proxMu?: number;
}

export interface LocalTrainingResult {
  /** Mean training loss over the last epoch's batches. */
  loss: number;
  /** SGD steps taken. */
  steps: number;
  /** Example-gradients computed (epochs × examples). */
  examplesSeen: number;
}

/**
 * Minibatch SGD on binary cross-entropy over `data`, in place on `model`. Each epoch visits
 * every example once in a fresh seeded order; the last batch may be short.
 */
export function trainLocal(model: tf.LayersModel, data: Dataset, options: LocalTrainingOptions): LocalTrainingResult {
  const n = data.features.length;
  if (n === 0) return { loss: NaN, steps: 0, examplesSeen: 0 };
  if (!(options.lr > 0)) throw new RangeError(`lr is ${options.lr}, expected > 0`);
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1) throw new RangeError(`batchSize is ${options.batchSize}, expected a positive integer`);
  const dim = inputDim(model);
  const mu = options.proxMu ?? 0;
  const optimizer = tf.train.sgd(options.lr);
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const anchors = mu > 0 ? vars.map((v) => tf.keep(v.clone())) : [];
  const rng = mulberry32(options.seed);
  const indices = Array.from({ length: n }, (_, i) => i);
  let steps = 0;
  let lastEpochLoss = NaN;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const order = shuffled(indices, rng);
    const costs: tf.Scalar[] = [];
    for (let start = 0; start < n; start += options.batchSize) {
      const rows = order.slice(start, start + options.batchSize);
      const cost = tf.tidy(() => {
        const { xs, ys } = denseBatch(data, rows, dim);
        return optimizer.minimize(
          () => {
            const p = model.apply(xs, { training: true }) as tf.Tensor;
            let loss = tf.mean(tf.metrics.binaryCrossentropy(ys, p)) as tf.Scalar;
            if (mu > 0) {
              const prox = tf.addN(vars.map((v, i) => tf.sum(tf.square(tf.sub(v, anchors[i]!)))));
              loss = tf.add(loss, tf.mul(mu / 2, prox));
            }
            return loss;
          },
          true,
          vars,
        )!;
      });
      costs.push(cost);
      steps++;
    }
    const costSum = tf.addN(costs);
    lastEpochLoss = costSum.dataSync()[0]! / costs.length;
    tf.dispose([costSum, ...costs]);
  }
  optimizer.dispose();
  tf.dispose(anchors);
  return { loss: lastEpochLoss, steps, examplesSeen: n * options.epochs };
}

export interface Evaluation {
  accuracy: number;
  /** Mean binary cross-entropy. */
  loss: number;
  examples: number;
}

/** Accuracy (threshold 0.5) and mean log-loss of `model` on `data`. */
export function evaluateModel(model: tf.LayersModel, data: Dataset, batchSize = 512): Evaluation {
  const n = data.features.length;
  if (n === 0) return { accuracy: NaN, loss: NaN, examples: 0 };
  const dim = inputDim(model);
  let correct = 0;
  let lossSum = 0;
  const all = Array.from({ length: n }, (_, i) => i);
  for (let start = 0; start < n; start += batchSize) {
    const rows = all.slice(start, start + batchSize);
    const [p, l] = tf.tidy(() => {
      const { xs, ys } = denseBatch(data, rows, dim);
      const probs = model.predict(xs) as tf.Tensor;
      return [probs.dataSync(), tf.metrics.binaryCrossentropy(ys, probs).dataSync()] as const;
    });
    rows.forEach((r, i) => {
      if ((p[i]! >= 0.5 ? 1 : 0) === data.labels[r]) correct++;
      lossSum += l[i]!;
    });
  }
  return { accuracy: correct / n, loss: lossSum / n, examples: n };
}

function inputDim(model: tf.LayersModel): number {
  const shape = model.inputs[0]?.shape;
  const dim = shape?.[1];
  if (typeof dim !== 'number') throw new Error(`model input shape is ${JSON.stringify(shape)}, expected [null, dim]`);
  return dim;
}
