import { describe, expect, it } from 'vitest';
import { modelShape } from '../src/task-model-shape.ts';
import { parseStoredTaskSpec, parseTaskSpec } from '../src/task-spec.ts';

/** A Dense layer as TensorFlow.js writes it in a model.json topology. */
function dense(units: number, activation: string, inputWidth?: number) {
  return { class_name: 'Dense', config: { name: `d${units}`, units, activation, ...(inputWidth ? { batch_input_shape: [null, inputWidth] } : {}) } };
}
function sequential(...layers: object[]) {
  return { class_name: 'Sequential', config: { name: 's', layers }, keras_version: 'tfjs-layers 4.22.0', backend: 'tensor_flow.js' };
}

function task(overrides: Record<string, unknown> = {}) {
  return {
    name: 't',
    purpose: 'p',
    stream: 's',
    model: { modelTopology: sequential(dense(1, 'sigmoid', 8)), weightSpecs: [{ name: 'w', shape: [9], dtype: 'float32' }] },
    features: { kind: 'dense', dim: 8 },
    training: { clientLearningRate: 0.1 },
    cohort: { goal: 3, minimum: 3 },
    rounds: 1,
    ...overrides,
  };
}

describe('task bounds', () => {
  it('accepts a model whose input and output fit the features and the loss', () => {
    expect(parseTaskSpec(task()).features).toEqual({ kind: 'dense', dim: 8 });
  });

  it('bounds every timeout by a sane maximum below 2^31 ms', () => {
    expect(() => parseTaskSpec(task({ timeouts: { roundMs: 2 ** 31 } }))).toThrow('timeouts.roundMs: timeouts.roundMs must be at most 86400000 ms (24 h)');
    expect(() => parseTaskSpec(task({ timeouts: { selectionMs: 8 * 86_400_000 } }))).toThrow(/timeouts.selectionMs must be at most 604800000 ms/);
    expect(() => parseTaskSpec(task({ secureAggregation: { phaseTimeoutMs: 3_600_001 } }))).toThrow(/phaseTimeoutMs must be at most 3600000 ms \(1 h\)/);
  });

  it('bounds maxConsecutiveFailures and the other open-ended counters', () => {
    expect(() => parseTaskSpec(task({ maxConsecutiveFailures: 1e9 }))).toThrow(/maxConsecutiveFailures must be at most 100/);
    expect(() => parseTaskSpec(task({ training: { clientLearningRate: 0.1, maxExamples: 1e12 } }))).toThrow(/training.maxExamples must be at most/);
    expect(() => parseTaskSpec(task({ serverOptimizer: { tau: 1e9 } }))).toThrow(/serverOptimizer.tau must be at most 1/);
  });

  it('reads back a stored task that predates the bounds', () => {
    const { model: _model, ...rest } = task({ maxConsecutiveFailures: 1e9 });
    const stored = parseStoredTaskSpec({ ...rest, model: { modelTopology: {}, weightSpecs: [{ name: 'w', shape: [9], dtype: 'float32' }] } });
    expect(stored.maxConsecutiveFailures).toBe(1e9);
  });

  it('caps the features, the topology and the model at what the wire carries', () => {
    expect(() => parseTaskSpec(task({ features: { kind: 'dense', dim: 8, pad: 'x'.repeat(300_000) } }))).toThrow(/features: features is \d+ characters as JSON; a plan carries at most 262144/);
    const huge = sequential({ ...dense(1, 'sigmoid', 8), pad: 'x'.repeat(300_000) });
    expect(() => parseTaskSpec(task({ model: { modelTopology: huge, weightSpecs: [{ name: 'w', shape: [9], dtype: 'float32' }] } }))).toThrow(/model.modelTopology: .* a plan carries at most 262144/);
    const tooMany = { modelTopology: {}, weightSpecs: [{ name: 'w', shape: [80_000_000], dtype: 'float32' }] };
    expect(() => parseTaskSpec(task({ model: tooMany }))).toThrow(/declare 80000000 float32 values \(320000000 bytes\); devices accept at most 268435456 bytes/);
  });

  it('refuses a feature recipe devices cannot build', () => {
    expect(() => parseTaskSpec(task({ features: { kind: 'tf-idf', dim: 8 } }))).toThrow(/features.kind is "tf-idf", devices know "hashed-bow" and "dense"/);
    expect(() => parseTaskSpec(task({ features: { kind: 'hashed-bow', dim: 100 } }))).toThrow(/needs a power of two/);
    expect(() => parseTaskSpec(task({ features: { kind: 'dense' } }))).toThrow(/features.dim must be an integer from 1 to 1048576/);
  });

  it("refuses a model whose input width is not the feature recipe's", () => {
    expect(() => parseTaskSpec(task({ features: { kind: 'hashed-bow', dim: 16 } }))).toThrow(
      "features.dim: the feature recipe makes 16 features per example, the model's input takes 8",
    );
    const image = sequential({ class_name: 'Conv2D', config: { name: 'c', batch_input_shape: [null, 28, 28, 1] } }, dense(10, 'softmax'));
    expect(() => parseTaskSpec(task({ loss: 'categoricalCrossentropy', model: { modelTopology: image, weightSpecs: [{ name: 'w', shape: [9], dtype: 'float32' }] } }))).toThrow(
      /the model takes inputs of shape \[null,28,28,1\]; devices feed it \[batch, features\]/,
    );
  });

  it('refuses a loss the output layer cannot serve', () => {
    const softmax3 = sequential(dense(4, 'relu', 8), dense(3, 'linear'), { class_name: 'Activation', config: { activation: 'softmax' } });
    const spec = (topology: object, loss: string) => task({ loss, model: { modelTopology: topology, weightSpecs: [{ name: 'w', shape: [9], dtype: 'float32' }] } });
    expect(() => parseTaskSpec(spec(softmax3, 'binaryCrossentropy'))).toThrow(
      'loss: loss binaryCrossentropy needs one sigmoid output unit; the model\'s output layer has 3 units with activation "softmax"',
    );
    expect(parseTaskSpec(spec(softmax3, 'categoricalCrossentropy')).loss).toBe('categoricalCrossentropy');
    expect(() => parseTaskSpec(spec(sequential(dense(1, 'sigmoid', 8)), 'categoricalCrossentropy'))).toThrow(/needs a softmax output with one unit per class \(at least 2\)/);
    expect(() => parseTaskSpec(spec(sequential(dense(1, 'linear', 8)), 'binaryCrossentropy'))).toThrow(/needs one sigmoid output unit; .* 1 unit with activation "linear"/);
    expect(parseTaskSpec(spec(sequential(dense(1, 'linear', 8)), 'meanSquaredError')).loss).toBe('meanSquaredError');
  });
});

describe('modelShape', () => {
  it('reads a functional model through its output layer back to its input', () => {
    // As TensorFlow.js saves tf.model({ inputs: tf.input({ shape: [5] }), outputs: dense(1, sigmoid) }).
    const functional = {
      class_name: 'Model',
      config: {
        name: 'm',
        layers: [
          { name: 'input1', class_name: 'InputLayer', config: { batch_input_shape: [null, 5], name: 'input1' }, inbound_nodes: [] },
          { name: 'dense', class_name: 'Dense', config: { units: 1, activation: 'sigmoid', name: 'dense' }, inbound_nodes: [[['input1', 0, 0, {}]]] },
        ],
        input_layers: [['input1', 0, 0]],
        output_layers: [['dense', 0, 0]],
      },
    };
    expect(modelShape(functional)).toEqual({ inputShape: [null, 5], output: { units: 1, activation: 'sigmoid' } });
  });

  it('leaves alone what it cannot read', () => {
    expect(modelShape({})).toEqual({ inputShape: undefined, output: undefined });
    expect(modelShape({ class_name: 'Sequential' })).toEqual({ inputShape: undefined, output: undefined });
  });
});
