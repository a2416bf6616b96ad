/**
 * Loads a model exported by `conclave model export` (issue 12, item 5) and predicts with it as
 * the devices' training did: the export's metadata carries the task's feature recipe, and texts
 * go through the same `featurize` the devices ran, so a prediction here sees the very vectors a
 * device trained on. Loading uses an in-memory TensorFlow.js IO handler (`tf.io.fromMemory`),
 * so it needs neither tfjs-node nor a file:// handler, and runs on any backend.
 *
 * Isomorphic: it takes the export's files as bytes. The Node face's `loadConclaveModel(dir)`
 * (model-loader-node.ts) reads them from a directory.
 */
import { featurize, validateFeatureSpec, type FeatureSpec } from './train/features.ts';
import { initTensorflow, tf } from './train/backend.ts';

/** File names of an export directory. */
export const MODEL_EXPORT_FILES = { modelJson: 'model.json', weights: 'weights.bin', metadata: 'conclave-model.json' } as const;

/** What `conclave model export` writes to `conclave-model.json` (and into model.json's `userDefinedMetadata.conclave`). */
export interface ConclaveModelMetadata {
  format: 'conclave-model';
  formatVersion: 1;
  taskId: string;
  taskName?: string;
  stream: string;
  version: number;
  /** The training round that made this version (null for the initial model). */
  round: number | null;
  createdAt: number;
  /** That round's metrics; evaluation figures measure the model that came into the round. */
  metrics: Record<string, unknown> | null;
  /** ε spent when this version was released (DP tasks), against the coordinator and for whoever sees only the model. */
  epsilon: { againstCoordinator: number | null; forReleasedModel: number | null; delta: number | null } | null;
  /** The feature recipe devices applied: `{ kind: 'hashed-bow', … }` (texts) or `{ kind: 'dense', dim }`. */
  features: { kind: string; dim?: number } & Record<string, unknown>;
  loss?: string;
}

/** The three files of an export, as bytes or parsed JSON. */
export interface ConclaveModelArtifacts {
  modelJson: Record<string, unknown> | string;
  weights: ArrayBuffer | Uint8Array;
  /** `conclave-model.json`; when absent, model.json's `userDefinedMetadata.conclave` is used. */
  metadata?: ConclaveModelMetadata | string;
}

export interface ConclaveModel {
  readonly metadata: ConclaveModelMetadata;
  /** The TensorFlow.js model itself, for anything beyond `predict`. */
  readonly model: import('@tensorflow/tfjs').LayersModel;
  /** The input vector the devices computed for this text (hashed-bow tasks) or the given features (dense tasks). */
  features(input: string | ArrayLike<number>): Float32Array;
  /** The model's output row for one input (e.g. `[p]` for a sigmoid classifier). */
  predict(input: string | ArrayLike<number>): Float32Array;
  /** Output rows for several inputs, in one batch. */
  predictBatch(inputs: readonly (string | ArrayLike<number>)[]): Float32Array[];
  dispose(): void;
}

interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

function parseJson<T>(value: T | string, what: string): T {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as T;
  } catch (err) {
    throw new Error(`${what} is not valid JSON: ${(err as Error).message}`);
  }
}

function toArrayBuffer(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** Builds a predictor from an export's files. Throws naming what does not fit (sizes, recipe, format). */
export async function loadConclaveModelFrom(artifacts: ConclaveModelArtifacts): Promise<ConclaveModel> {
  const modelJson = parseJson(artifacts.modelJson, MODEL_EXPORT_FILES.modelJson);
  const manifest = modelJson.weightsManifest as { weights: WeightSpec[] }[] | undefined;
  if (!modelJson.modelTopology || !Array.isArray(manifest)) throw new Error(`${MODEL_EXPORT_FILES.modelJson} has no modelTopology or weightsManifest: not a TensorFlow.js layers model`);
  const metadata = parseJson(
    artifacts.metadata ?? ((modelJson.userDefinedMetadata as { conclave?: ConclaveModelMetadata } | undefined)?.conclave as ConclaveModelMetadata),
    MODEL_EXPORT_FILES.metadata,
  );
  if (metadata?.format !== 'conclave-model') throw new Error(`${MODEL_EXPORT_FILES.metadata} is missing or not a Conclave export (format ${JSON.stringify(metadata?.format)}); export with \`conclave model export\``);
  const weightSpecs = manifest.flatMap((group) => group.weights);
  const weightData = toArrayBuffer(artifacts.weights);
  const values = weightSpecs.reduce((n, w) => n + w.shape.reduce((a, b) => a * b, 1), 0);
  if (weightData.byteLength !== values * 4) {
    throw new Error(`${MODEL_EXPORT_FILES.weights} has ${weightData.byteLength} bytes, the model's weights need ${values} float32 values (${values * 4} bytes)`);
  }
  const recipe = metadata.features;
  const textSpec: FeatureSpec | undefined = recipe.kind === 'hashed-bow' ? validateFeatureSpec(recipe) : undefined;
  if (!textSpec && recipe.kind !== 'dense') throw new Error(`feature recipe kind "${recipe.kind}" is unknown; this SDK knows "hashed-bow" and "dense"`);
  const dim = textSpec?.dim ?? recipe.dim;
  if (typeof dim !== 'number') throw new Error('the feature recipe has no dim');

  await initTensorflow();
  const model = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: modelJson.modelTopology as object, weightSpecs, weightData }));
  const inputDim = model.inputs[0]?.shape.at(-1);
  if (inputDim !== dim) {
    model.dispose();
    throw new Error(`the model takes ${inputDim} inputs, the feature recipe makes ${dim}`);
  }

  const features = (input: string | ArrayLike<number>): Float32Array => {
    if (typeof input === 'string') {
      if (!textSpec) throw new Error(`this model takes ${dim} dense features, not text (its recipe is "${recipe.kind}")`);
      return featurize(input, textSpec);
    }
    if (input.length !== dim) throw new Error(`input has ${input.length} features, the model expects ${dim}`);
    return Float32Array.from(input);
  };
  const predictBatch = (inputs: readonly (string | ArrayLike<number>)[]): Float32Array[] => {
    if (inputs.length === 0) return [];
    const x = new Float32Array(inputs.length * dim);
    inputs.forEach((input, i) => x.set(features(input), i * dim));
    const out = tf.tidy(() => (model.predict(tf.tensor2d(x, [inputs.length, dim])) as import('@tensorflow/tfjs').Tensor).dataSync() as Float32Array);
    const width = out.length / inputs.length;
    return inputs.map((_, i) => out.slice(i * width, (i + 1) * width));
  };
  return {
    metadata,
    model,
    features,
    predict: (input) => predictBatch([input])[0]!,
    predictBatch,
    dispose: () => model.dispose(),
  };
}
