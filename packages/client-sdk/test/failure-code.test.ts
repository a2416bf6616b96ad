/**
 * The code a device sends when a round fails on it, from real failures: TensorFlow.js shape
 * errors from the real trainer, a real allocation failure, a closed SQLite example store, a
 * real TypeError — and a worker's flattening of each to its bare message.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { ReasonCode, reasonCodeName } from '@conclave/proto';
import { afterAll, describe, expect, it } from 'vitest';
import { DeviceFailure, failureCode, trainerFailure } from '../src/failure-code.ts';
import { SqliteExampleStore } from '../src/sqlite-example-store.ts';
import { createInlineTrainer } from '../src/train/inline-trainer.ts';
import type { TrainJob } from '../src/train/types.ts';

const trainer = createInlineTrainer();
afterAll(() => trainer.close());

async function caught(f: () => unknown): Promise<unknown> {
  try {
    await f();
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

/** As a worker trainer passes it on: a plain Error with the message only. */
const flattened = (err: unknown) => new Error((err as Error).message);

async function job(featuresJson: string, examples: TrainJob['examples']): Promise<TrainJob> {
  const m = tf.sequential({ layers: [tf.layers.dense({ inputShape: [8], units: 1, activation: 'sigmoid', kernelInitializer: 'zeros' })] });
  let a!: tf.io.ModelArtifacts;
  await m.save(tf.io.withSaveHandler(async (x) => ((a = x), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  m.dispose();
  return {
    topologyJson: JSON.stringify({ modelTopology: a.modelTopology, weightSpecs: a.weightSpecs }),
    weights: new Float32Array(a.weightData as ArrayBuffer),
    featuresJson,
    loss: 'binaryCrossentropy',
    localEpochs: 1,
    batchSize: 4,
    learningRate: 0.1,
    proxMu: 0,
    examples,
    evalExamples: [],
  };
}

const name = (err: unknown, kind: 'train' | 'evaluate' = 'train') => reasonCodeName(failureCode(err, kind));

describe('failureCode', () => {
  it('MODEL_MISMATCH: a feature recipe wider or narrower than the model, examples that do not fit the recipe, weights that do not fit the topology', async () => {
    const text = { text: 'hello world', label: 1 };
    const wide = await caught(async () => trainer.train(await job(JSON.stringify({ kind: 'hashed-bow', dim: 16 }), [text, text])));
    const narrowData = await caught(async () => trainer.train(await job(JSON.stringify({ kind: 'dense', dim: 8 }), [{ features: [1, 2, 3, 4], label: 1 }])));
    const weights = await caught(async () => trainer.train({ ...(await job(JSON.stringify({ kind: 'dense', dim: 8 }), [{ features: [1, 2, 3, 4, 5, 6, 7, 8], label: 1 }])), weights: new Float32Array(3) }));
    for (const err of [wide, narrowData, weights]) {
      expect(name(err)).toBe('MODEL_MISMATCH');
      expect(name(flattened(err))).toBe('MODEL_MISMATCH');
    }
  });

  it('OUT_OF_MEMORY: an allocation the engine refuses', async () => {
    const err = await caught(() => new Float64Array(2 ** 42));
    expect(err).toBeInstanceOf(RangeError);
    expect(name(err)).toBe('OUT_OF_MEMORY');
    expect(name(flattened(err))).toBe('OUT_OF_MEMORY');
    expect(name(Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }))).toBe('OUT_OF_MEMORY');
  });

  it('STORAGE_ERROR: the example store failing, as the round session marks it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'conclave-failure-code-'));
    try {
      const store = new SqliteExampleStore(dir);
      store.close();
      const err = await caught(() => store.list('points'));
      expect(name(new DeviceFailure(ReasonCode.STORAGE_ERROR, 'reading the examples failed', { cause: err }))).toBe('STORAGE_ERROR');
      // The SQLite driver's own codes and a full disk are storage failures wherever they surface.
      expect(name(Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' }))).toBe('STORAGE_ERROR');
      expect(name(new Error('ENOSPC: no space left on device, write'))).toBe('STORAGE_ERROR');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('TIMEOUT and INTERNAL, and the stage’s own code for anything else', async () => {
    expect(name(Object.assign(new Error('The operation timed out.'), { name: 'TimeoutError' }))).toBe('TIMEOUT');
    const bug = await caught(() => (undefined as unknown as { x: { y: number } }).x.y);
    expect(bug).toBeInstanceOf(TypeError);
    expect(name(bug)).toBe('INTERNAL');
    expect(name(flattened(bug))).toBe('INTERNAL');
    expect(name(new Error('no training examples for this stream'))).toBe('TRAINING_FAILED');
    expect(name(new Error('something else'), 'evaluate')).toBe('EVALUATION_FAILED');
    expect(name('not an error')).toBe('TRAINING_FAILED');
    // Inside the trainer a TypeError is TensorFlow.js failing on the plan's model, not an SDK bug.
    const topology = await caught(async () => trainer.train({ ...(await job(JSON.stringify({ kind: 'dense', dim: 8 }), [{ features: [1, 2, 3, 4, 5, 6, 7, 8], label: 1 }])), topologyJson: '{"not":"a model"}' }));
    expect(reasonCodeName(trainerFailure(topology, 'train').code)).toBe('TRAINING_FAILED');
    expect(reasonCodeName(trainerFailure(topology, 'evaluate').code)).toBe('EVALUATION_FAILED');
    expect(reasonCodeName(trainerFailure(new Error('Array buffer allocation failed'), 'train').code)).toBe('OUT_OF_MEMORY');
  });
});
