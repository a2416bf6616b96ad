/**
 * The on-device training and evaluation step, in TensorFlow.js. It runs inside a worker (see
 * worker-trainer.ts) or, for tests and benchmarks, on the calling thread (inline-trainer.ts).
 */
import { encodeDistributedUpdate } from '@conclave/dp';
import { featurize, validateFeatureSpec } from './features.ts';
import { initTensorflow, tf, type BackendName } from './backend.ts';
import type { EvalOutput, Example, TrainJob, TrainOutput } from './types.ts';

interface WeightSpec {
  name: string;
  shape: number[];
}

interface BuiltModel {
  model: import('@tensorflow/tfjs').LayersModel;
  /** model.weights index for each entry of weightSpecs (the wire order). */
  order: number[];
  specs: WeightSpec[];
  size: number;
}

const models = new Map<string, BuiltModel>();

async function buildModel(topologyJson: string): Promise<BuiltModel> {
  const cached = models.get(topologyJson);
  if (cached) return cached;
  const { modelTopology, weightSpecs } = JSON.parse(topologyJson) as { modelTopology: object; weightSpecs: (WeightSpec & { dtype: 'float32' })[] };
  const size = weightSpecs.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology, weightSpecs, weightData: new ArrayBuffer(size * 4) }));
  const names = model.weights.map((w) => w.originalName);
  const order = weightSpecs.map((s) => {
    const i = names.indexOf(s.name);
    if (i < 0) throw new Error(`weight "${s.name}" of the plan is not in the model (model has ${names.join(', ')})`);
    return i;
  });
  if (order.length !== model.weights.length) {
    throw new Error(`plan lists ${order.length} weights, the model has ${model.weights.length}`);
  }
  const built = { model, order, specs: weightSpecs, size };
  // One topology per task in practice; keep the cache small.
  if (models.size > 8) {
    for (const m of models.values()) m.model.dispose();
    models.clear();
  }
  models.set(topologyJson, built);
  return built;
}

function setWeights(built: BuiltModel, flat: Float32Array): void {
  if (flat.length !== built.size) throw new Error(`model has ${built.size} values, received ${flat.length}`);
  const tensors = new Array<import('@tensorflow/tfjs').Tensor>(built.order.length);
  let offset = 0;
  built.specs.forEach((spec, i) => {
    const n = spec.shape.reduce((a, b) => a * b, 1);
    tensors[built.order[i]!] = tf.tensor(flat.subarray(offset, offset + n), spec.shape, 'float32');
    offset += n;
  });
  built.model.setWeights(tensors);
  for (const t of tensors) t.dispose();
}

function getWeights(built: BuiltModel): Float32Array {
  const out = new Float32Array(built.size);
  let offset = 0;
  built.specs.forEach((_, i) => {
    const values = built.model.weights[built.order[i]!]!.read().dataSync() as Float32Array;
    out.set(values, offset);
    offset += values.length;
  });
  return out;
}

/** Turns examples into an [n, dim] matrix and labels, as the plan's feature spec says. */
export function toTensors(examples: Example[], featuresJson: string): { x: Float32Array; y: Float32Array; dim: number } {
  const raw = JSON.parse(featuresJson) as { kind: string; dim?: number };
  if (raw.kind === 'dense') {
    const dim = raw.dim ?? 0;
    const x = new Float32Array(examples.length * dim);
    examples.forEach((e, i) => {
      if (!e.features || e.features.length !== dim) throw new Error(`example has ${e.features?.length ?? 0} features, the plan expects ${dim}`);
      x.set(e.features, i * dim);
    });
    return { x, y: Float32Array.from(examples, (e) => e.label), dim };
  }
  const spec = validateFeatureSpec(raw);
  const x = new Float32Array(examples.length * spec.dim);
  examples.forEach((e, i) => x.set(featurize(e.text ?? '', spec), i * spec.dim));
  return { x, y: Float32Array.from(examples, (e) => e.label), dim: spec.dim };
}

type Loss = (yTrue: import('@tensorflow/tfjs').Tensor, yPred: import('@tensorflow/tfjs').Tensor) => import('@tensorflow/tfjs').Tensor;

function lossFn(name: string): Loss {
  switch (name) {
    case 'binaryCrossentropy':
      return (t, p) => tf.metrics.binaryCrossentropy(t, p);
    case 'categoricalCrossentropy':
      return (t, p) => tf.metrics.categoricalCrossentropy(t, p);
    case 'sparseCategoricalCrossentropy':
      return (t, p) => tf.metrics.categoricalCrossentropy(tf.oneHot(t.reshape([-1]).toInt(), p.shape[1] ?? 1).toFloat(), p);
    case 'meanSquaredError':
      return (t, p) => tf.losses.meanSquaredError(t, p);
    default:
      throw new Error(`unknown loss "${name}"`);
  }
}

function labels(y: Float32Array, loss: string, outputs: number): import('@tensorflow/tfjs').Tensor {
  if (loss === 'categoricalCrossentropy') return tf.oneHot(tf.tensor1d(Int32Array.from(y), 'int32'), outputs).toFloat();
  return tf.tensor2d(y, [y.length, 1]);
}

function correct(yTrue: import('@tensorflow/tfjs').Tensor, yPred: import('@tensorflow/tfjs').Tensor, loss: string): number {
  return tf.tidy(() => {
    if (loss === 'binaryCrossentropy' || (loss === 'meanSquaredError' && yPred.shape[1] === 1)) {
      return yPred.greater(0.5).toFloat().equal(yTrue).sum().dataSync()[0]!;
    }
    const predicted = yPred.argMax(-1);
    const actual = loss === 'categoricalCrossentropy' ? yTrue.argMax(-1) : yTrue.reshape([-1]).toInt();
    return predicted.equal(actual).sum().dataSync()[0]!;
  });
}

/** Seeded shuffle (mulberry32): training order only, not a security boundary. */
function shuffled(n: number, seed: number): Int32Array {
  const idx = Int32Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0;
  for (let i = n - 1; i > 0; i--) {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const r = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    const j = Math.floor(r * (i + 1));
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx;
}

async function evaluateBuilt(built: BuiltModel, examples: Example[], job: Pick<TrainJob, 'featuresJson' | 'loss'>): Promise<EvalOutput> {
  if (examples.length === 0) return { examples: 0, loss: 0, accuracy: 0 };
  const { x, y, dim } = toTensors(examples, job.featuresJson);
  const outputs = (built.model.outputs[0]!.shape.at(-1) as number | null) ?? 1;
  const loss = lossFn(job.loss);
  return tf.tidy(() => {
    const xs = tf.tensor2d(x, [examples.length, dim]);
    const ys = labels(y, job.loss, outputs);
    const pred = built.model.predict(xs) as import('@tensorflow/tfjs').Tensor;
    const l = loss(ys, pred).mean().dataSync()[0]!;
    return { examples: examples.length, loss: l, accuracy: correct(ys, pred, job.loss) / examples.length };
  });
}

/** Evaluates the given weights on held-out examples. */
export async function evaluate(job: Omit<TrainJob, 'examples' | 'localEpochs' | 'batchSize' | 'learningRate' | 'proxMu'>): Promise<EvalOutput> {
  await initTensorflow();
  const built = await buildModel(job.topologyJson);
  setWeights(built, job.weights);
  return evaluateBuilt(built, job.evalExamples, job);
}

/**
 * Local training from the global weights: evaluates them on the held-out examples first (the
 * federated evaluation of the incoming model), then runs `localEpochs` of minibatch SGD with an
 * optional FedProx proximal term μ/2‖w − w_global‖² (Li et al. 2020, eq. 2), and returns the
 * delta (local − global) in the plan's weight order.
 */
export async function train(job: TrainJob, onProgress?: (fraction: number) => void): Promise<TrainOutput> {
  await initTensorflow();
  const built = await buildModel(job.topologyJson);
  setWeights(built, job.weights);
  const evalBefore = await evaluateBuilt(built, job.evalExamples, job);
  const n = job.examples.length;
  if (n === 0) throw new Error('no training examples for this stream');
  const { x, y, dim } = toTensors(job.examples, job.featuresJson);
  const outputs = (built.model.outputs[0]!.shape.at(-1) as number | null) ?? 1;
  const loss = lossFn(job.loss);
  const optimizer = tf.train.sgd(job.learningRate);
  const vars = built.model.trainableWeights.map((w) => w.read() as import('@tensorflow/tfjs').Variable);
  const anchors = job.proxMu > 0 ? vars.map((v) => tf.keep(v.clone())) : [];
  const xs = tf.tensor2d(x, [n, dim]);
  const ys = labels(y, job.loss, outputs);
  const batches = Math.ceil(n / job.batchSize);
  const total = batches * job.localEpochs;
  let lossSum = 0;
  let lossCount = 0;
  let step = 0;
  try {
    for (let epoch = 0; epoch < job.localEpochs; epoch++) {
      const order = tf.tensor1d(shuffled(n, (job.seed ?? 1) + epoch * 7919), 'int32');
      for (let b = 0; b < batches; b++) {
        const cost = tf.tidy(() => {
          const idx = order.slice(b * job.batchSize, Math.min(job.batchSize, n - b * job.batchSize));
          const xb = tf.gather(xs, idx);
          const yb = tf.gather(ys, idx);
          return optimizer.minimize(
            () => {
              const pred = built.model.apply(xb, { training: true }) as import('@tensorflow/tfjs').Tensor;
              let l = loss(yb, pred).mean() as import('@tensorflow/tfjs').Scalar;
              if (job.proxMu > 0) {
                const prox = tf.addN(vars.map((v, i) => v.sub(anchors[i]!).square().sum())) as import('@tensorflow/tfjs').Scalar;
                l = l.add(prox.mul(job.proxMu / 2));
              }
              return l;
            },
            true,
            vars,
          ) ?? tf.scalar(0);
        });
        // Only the last epoch's losses describe the model that is sent.
        if (epoch === job.localEpochs - 1) {
          lossSum += cost.dataSync()[0]! * Math.min(job.batchSize, n - b * job.batchSize);
          lossCount += Math.min(job.batchSize, n - b * job.batchSize);
        }
        cost.dispose();
        step += 1;
        if (onProgress && (step % 8 === 0 || step === total)) onProgress(step / total);
      }
      order.dispose();
    }
    const local = getWeights(built);
    const delta = new Float32Array(local.length);
    for (let i = 0; i < local.length; i++) delta[i] = local[i]! - job.weights[i]!;
    const encoded = job.distributedDp ? encodeDistributedUpdate(delta, job.distributedDp.plan, job.distributedDp.rotationSeed).values : undefined;
    return { delta, numExamples: n, trainLoss: lossCount ? lossSum / lossCount : 0, evalBefore, ...(encoded ? { encoded } : {}) };
  } finally {
    xs.dispose();
    ys.dispose();
    optimizer.dispose();
    for (const a of anchors) a.dispose();
  }
}

export async function backendName(): Promise<BackendName> {
  return initTensorflow();
}
