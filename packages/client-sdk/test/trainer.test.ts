import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createInlineTrainer, createWorkerTrainer, SqliteExampleStore, createClient, ClientError } from '../src/index.ts';
import type { TrainJob } from '../src/index.ts';

async function job(): Promise<TrainJob> {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 1, activation: 'sigmoid', kernelInitializer: 'zeros' })] });
  let artifacts!: tf.io.ModelArtifacts;
  await model.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  const examples = Array.from({ length: 64 }, (_, i) => {
    const features = [((i * 37) % 17) / 8 - 1, ((i * 11) % 13) / 6 - 1, (i % 5) / 2 - 1, ((i * 7) % 3) - 1];
    return { features, label: features[0]! - features[1]! > 0 ? 1 : 0 };
  });
  return {
    topologyJson: JSON.stringify({ modelTopology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs }),
    featuresJson: JSON.stringify({ kind: 'dense', dim: 4 }),
    loss: 'binaryCrossentropy',
    weights: new Float32Array(artifacts.weightData as ArrayBuffer),
    examples,
    evalExamples: examples.slice(0, 16),
    localEpochs: 3,
    batchSize: 8,
    learningRate: 0.5,
    proxMu: 0,
    seed: 1,
  };
}

const worker = createWorkerTrainer({ threads: 1 });
afterAll(() => worker.close());

describe('trainers', () => {
  it('the worker trainer computes the same update as the inline trainer', async () => {
    const j = await job();
    const inline = await createInlineTrainer().train(j);
    const progress: number[] = [];
    const off = await worker.train(j, (f) => progress.push(f));
    expect(off.numExamples).toBe(64);
    expect(off.delta.length).toBe(5);
    for (let i = 0; i < 5; i++) expect(off.delta[i]).toBeCloseTo(inline.delta[i]!, 4);
    expect(progress.at(-1)).toBe(1);
    // The weights moved toward the labelling rule: +x0, −x1.
    expect(off.delta[0]!).toBeGreaterThan(0);
    expect(off.delta[1]!).toBeLessThan(0);
    expect(off.evalBefore).toEqual({ examples: 16, loss: expect.closeTo(Math.log(2), 4), accuracy: expect.any(Number) });
  });

  it('FedProx (μ > 0) keeps the local model closer to the global one', async () => {
    const j = await job();
    const plain = await worker.train(j);
    const prox = await worker.train({ ...j, proxMu: 1 });
    const norm = (d: Float32Array) => Math.hypot(...d);
    expect(norm(prox.delta)).toBeLessThan(norm(plain.delta));
  });

  it('reports a clear error for a plan that does not fit the model', async () => {
    const j = await job();
    await expect(worker.train({ ...j, featuresJson: JSON.stringify({ kind: 'dense', dim: 3 }) })).rejects.toThrow('example has 4 features, the plan expects 3');
  });
});

describe('example store and record()', () => {
  it('keeps examples durably, within retention limits', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'conclave-examples-'));
    try {
      const store = new SqliteExampleStore(dir, { maxPerStream: 3 });
      for (let i = 0; i < 5; i++) store.add('mail', { text: `m${i}`, label: i % 2 }, i);
      store.close();
      const again = new SqliteExampleStore(dir);
      expect(again.list('mail').map((e) => e.text)).toEqual(['m2', 'm3', 'm4']);
      expect(again.counts()).toEqual({ mail: 3 });
      again.deleteStream('mail');
      expect(again.counts()).toEqual({});
      again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses bad examples, naming what is wrong', async () => {
    const client = createClient({ url: 'ws://127.0.0.1:1/v1/devices' });
    await expect(client.record('Mail Box', { text: 'x', label: 0 })).rejects.toThrow(/stream must be lowercase/);
    await expect(client.record('mail', { text: 'x', label: Number.NaN })).rejects.toThrow('example.label must be a finite number, got null');
    await expect(client.record('mail', { label: 1 })).rejects.toBeInstanceOf(ClientError);
    expect(() => createClient({ url: 'http://x' })).toThrow('url must be a ws:// or wss:// URL, got "http://x"');
    expect(() => createClient({ url: 'ws://x', limits: { cpuThreads: 0 } })).toThrow('limits.cpuThreads must be a positive integer, got 0');
  });
});
