/**
 * What a task's TensorFlow.js layers topology says about its input and output, read at
 * `task create` so that a model that can never train on the task's features, or never fit its
 * loss, is refused with the reason instead of failing on every device. Only what the topology
 * states for certain is checked: a topology this reader does not follow (custom layers, several
 * inputs) is left to the devices.
 */

/** The model's single input and output as the topology declares them. */
export interface ModelShape {
  /** Shape of one batch of inputs, e.g. `[null, 4096]`; undefined when the topology does not say. */
  inputShape: (number | null)[] | undefined;
  /** The output layer's width (units) and activation; undefined when the topology does not say. */
  output: { units: number | undefined; activation: string | undefined } | undefined;
}

type Layer = { class_name?: unknown; name?: unknown; config?: Record<string, unknown> | undefined; inbound_nodes?: unknown };

function record(x: unknown): Record<string, unknown> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}

function layersOf(config: unknown): Layer[] | undefined {
  if (Array.isArray(config)) return config as Layer[]; // old Sequential format: config is the layer list
  const layers = record(config)?.layers;
  return Array.isArray(layers) ? (layers as Layer[]) : undefined;
}

function batchInputShape(layer: Layer | undefined): (number | null)[] | undefined {
  const c = layer?.config;
  const shape = c?.batch_input_shape ?? c?.batchInputShape;
  if (Array.isArray(shape)) return shape as (number | null)[];
  const input = c?.input_shape ?? c?.inputShape;
  return Array.isArray(input) ? [null, ...(input as number[])] : undefined;
}

function layerName(layer: Layer): unknown {
  return layer.name ?? layer.config?.name;
}

/** Layers that pass their input's width through unchanged. */
const PASS_THROUGH = new Set(['Dropout', 'GaussianNoise', 'GaussianDropout', 'AlphaDropout', 'BatchNormalization', 'LayerNormalization', 'ActivityRegularization']);

/**
 * The output's units and activation, walking back from the last layer over an `Activation`
 * layer and width-preserving layers to the one that sets the width.
 */
function outputOf(chain: Layer[]): ModelShape['output'] {
  let activation: string | undefined;
  for (let i = chain.length - 1; i >= 0; i--) {
    const layer = chain[i]!;
    const kind = layer.class_name;
    const c = layer.config ?? {};
    if (kind === 'Activation' || kind === 'Softmax') {
      activation ??= kind === 'Softmax' ? 'softmax' : typeof c.activation === 'string' ? c.activation : undefined;
      continue;
    }
    if (typeof kind === 'string' && PASS_THROUGH.has(kind)) continue;
    if (typeof c.units === 'number') {
      activation ??= typeof c.activation === 'string' ? c.activation : 'linear';
      return { units: c.units, activation };
    }
    return undefined;
  }
  return undefined;
}

/** A functional model's layers from its single output back along first inbound nodes. */
function functionalChain(layers: Layer[], outputName: unknown): Layer[] {
  const byName = new Map(layers.map((l) => [layerName(l), l]));
  const chain: Layer[] = [];
  let current = byName.get(outputName);
  while (current && chain.length < layers.length) {
    chain.unshift(current);
    const nodes = current.inbound_nodes;
    const first = Array.isArray(nodes) && Array.isArray(nodes[0]) && Array.isArray(nodes[0][0]) ? (nodes[0][0] as unknown[])[0] : undefined;
    current = first === undefined ? undefined : byName.get(first);
  }
  return chain;
}

/** Reads the input shape and output layer of a layers topology (a model.json's `modelTopology`). */
export function modelShape(topology: unknown): ModelShape {
  let t = record(topology);
  if (t && record(t.model_config)) t = record(t.model_config); // Keras-converted model.json
  const layers = layersOf(t?.config);
  if (!t || !layers || layers.length === 0) return { inputShape: undefined, output: undefined };
  if (t.class_name === 'Sequential') return { inputShape: batchInputShape(layers[0]), output: outputOf(layers) };
  const c = record(t.config)!;
  const inputs = c.input_layers;
  const outputs = c.output_layers;
  if (!Array.isArray(inputs) || inputs.length !== 1 || !Array.isArray(outputs) || outputs.length !== 1) return { inputShape: undefined, output: undefined };
  const input = layers.find((l) => layerName(l) === (inputs[0] as unknown[])[0]);
  return { inputShape: batchInputShape(input), output: outputOf(functionalChain(layers, (outputs[0] as unknown[])[0])) };
}

/** What a loss needs of the output layer; undefined when the output fits. */
function lossMismatch(loss: string, output: NonNullable<ModelShape['output']>): string | undefined {
  const { units, activation } = output;
  const has = `the model's output layer has ${units ?? 'an unknown number of'} unit${units === 1 ? '' : 's'} with activation "${activation ?? 'unknown'}"`;
  if (loss === 'binaryCrossentropy' && (units !== 1 || activation !== 'sigmoid')) return `loss binaryCrossentropy needs one sigmoid output unit; ${has}`;
  if ((loss === 'categoricalCrossentropy' || loss === 'sparseCategoricalCrossentropy') && ((units !== undefined && units < 2) || activation !== 'softmax')) {
    return `loss ${loss} needs a softmax output with one unit per class (at least 2); ${has}`;
  }
  return undefined;
}

/**
 * Problems between a task's model, its feature recipe and its loss, each naming what was found
 * and what was expected (empty when none is certain).
 */
export function modelTaskMismatches(topology: unknown, featureWidth: number | undefined, loss: string): { path: string[]; message: string }[] {
  const { inputShape, output } = modelShape(topology);
  const out: { path: string[]; message: string }[] = [];
  if (inputShape) {
    const width = inputShape.at(-1);
    if (inputShape.length !== 2) {
      out.push({ path: ['model', 'modelTopology'], message: `the model takes inputs of shape ${JSON.stringify(inputShape)}; devices feed it [batch, features] (rank 2)` });
    } else if (featureWidth !== undefined && typeof width === 'number' && width !== featureWidth) {
      out.push({ path: ['features', 'dim'], message: `the feature recipe makes ${featureWidth} features per example, the model's input takes ${width}` });
    }
  }
  const loose = output && lossMismatch(loss, output);
  if (loose) out.push({ path: ['loss'], message: loose });
  return out;
}
