import { beforeAll, describe, expect, it } from 'vitest';
import { featurize, initTensorflow } from '@conclave/client-sdk';
import * as tf from '@tensorflow/tfjs';
import { trainCentralized } from '../src/centralized.ts';
import { loadCorpus, mailText, splitTrainTest, type Email } from '../src/corpus.ts';
import { DEFAULTS, buildModel, defaultFeatureSpec, equivalentEpochs, getWeights, modelTopology, setWeights, taskServerOptimizer } from '../src/model.ts';
import { dirichletPartition, spamFraction } from '../src/partition.ts';
import { averageDeltas, createServerOptimizer, prepareData, selectCohort, simulateFederated, type ExperimentConfig } from '../src/simulate.ts';

const ids = (emails: readonly Email[]) => emails.map((e) => e.id).sort((a, b) => a - b);

function stdev(xs: readonly number[]): number {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
}

let corpus: Email[];
beforeAll(async () => {
  await initTensorflow();
  corpus = loadCorpus();
});

describe('mailText', () => {
  it('keeps Subject and From, decodes MIME parts and RFC 2047 words, marks attachments', () => {
    const raw = [
      'Received: from relay.example (relay [10.0.0.1])',
      'Subject: =?utf-8?B?Q2Fmw6kgb2ZmZXI=?=',
      'From: "Shop" <deals@shop.example>',
      'Content-Type: multipart/mixed; boundary="XYZ"',
      '',
      'preamble is not content',
      '--XYZ',
      'Content-Type: text/plain; charset=iso-8859-1',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Cr=E8me br=FBl=',
      'ee for you',
      '--XYZ',
      'Content-Type: text/html; charset=utf-8',
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('<b>Buy now</b>').toString('base64'),
      '--XYZ',
      'Content-Type: image/gif',
      'Content-Transfer-Encoding: base64',
      '',
      'R0lGODlhAQABAAAAACw=',
      '--XYZ--',
      'epilogue',
    ].join('\n');
    expect(mailText(raw)).toBe('Subject: Café offer\nFrom: "Shop" <deals@shop.example>\n\nCrème brûlee for you\n<b>Buy now</b>\n[attachment image/gif]\n');
  });
});

describe('loadCorpus and splitTrainTest', () => {
  it('loads the deduplicated SpamAssassin corpus with about a third spam', () => {
    expect(corpus.length).toBeGreaterThan(5800);
    expect(corpus.length).toBeLessThanOrEqual(6046);
    expect(new Set(corpus.map((e) => e.text)).size).toBe(corpus.length);
    expect(new Set(corpus.map((e) => e.id)).size).toBe(corpus.length);
    const spam = spamFraction(corpus);
    expect(spam).toBeGreaterThan(0.28);
    expect(spam).toBeLessThan(0.34);
    expect(corpus.every((e) => /^Subject: [^\n]*\nFrom: [^\n]*\n\n/.test(e.text))).toBe(true);
    // Transport headers are dropped; the few left are quoted inside bodies (bounces, forwards).
    expect(corpus.filter((e) => /^Received:/m.test(e.text)).length).toBeLessThan(corpus.length / 100);
  });

  it('splits stratified, disjoint and reproducibly', () => {
    const a = splitTrainTest(corpus, { testFraction: 0.2, seed: 1 });
    expect(ids([...a.train, ...a.test])).toEqual(ids(corpus));
    expect(a.test.length / corpus.length).toBeCloseTo(0.2, 2);
    expect(Math.abs(spamFraction(a.test) - spamFraction(a.train))).toBeLessThan(0.005);
    const again = splitTrainTest(corpus, { testFraction: 0.2, seed: 1 });
    expect(ids(again.test)).toEqual(ids(a.test));
    expect(ids(splitTrainTest(corpus, { testFraction: 0.2, seed: 2 }).test)).not.toEqual(ids(a.test));
    expect(() => splitTrainTest(corpus, { testFraction: 1, seed: 1 })).toThrow(/testFraction is 1/);
  });
});

describe('dirichletPartition', () => {
  it('puts every training e-mail on exactly one client, with real label skew', () => {
    const { train } = splitTrainTest(corpus, { testFraction: 0.2, seed: 1 });
    const shards = dirichletPartition(train, { clients: 50, alpha: 0.5, seed: 1 });
    expect(shards).toHaveLength(50);
    expect(ids(shards.flatMap((s) => [...s.train, ...s.eval]))).toEqual(ids(train));
    for (const s of shards) {
      expect(s.train.length + s.eval.length).toBeGreaterThanOrEqual(8);
      expect(s.train.length).toBeGreaterThan(0);
    }
    const evalShare = shards.reduce((n, s) => n + s.eval.length, 0) / train.length;
    expect(evalShare).toBeGreaterThan(0.17);
    expect(evalShare).toBeLessThan(0.23);

    const fractions = shards.map((s) => spamFraction([...s.train, ...s.eval]));
    expect(Math.min(...fractions)).toBeLessThan(0.05);
    expect(Math.max(...fractions)).toBeGreaterThan(0.9);
    expect(stdev(fractions)).toBeGreaterThan(0.25);
    // Near-IID for a large α: every mailbox close to the corpus mix.
    const iid = dirichletPartition(train, { clients: 50, alpha: 1000, seed: 1 }).map((s) => spamFraction([...s.train, ...s.eval]));
    expect(stdev(iid)).toBeLessThan(0.1);
    // Mailbox sizes differ, so FedAvg's example weighting matters.
    const sizes = shards.map((s) => s.train.length + s.eval.length);
    expect(Math.max(...sizes)).toBeGreaterThan(2 * Math.min(...sizes));
  });

  it('is reproducible for a seed and differs across seeds', () => {
    const { train } = splitTrainTest(corpus, { testFraction: 0.2, seed: 3 });
    const a = dirichletPartition(train, { clients: 20, alpha: 0.5, seed: 3 });
    const b = dirichletPartition(train, { clients: 20, alpha: 0.5, seed: 3 });
    const c = dirichletPartition(train, { clients: 20, alpha: 0.5, seed: 4 });
    const key = (shards: typeof a) => shards.map((s) => [s.train.map((e) => e.id), s.eval.map((e) => e.id)]);
    expect(key(a)).toEqual(key(b));
    expect(key(a)).not.toEqual(key(c));
  });

  it('refuses impossible requests', () => {
    expect(() => dirichletPartition(corpus.slice(0, 10), { clients: 5, alpha: 1, seed: 1 })).toThrow(/10 e-mails cannot give 5 clients 8 each/);
    expect(() => dirichletPartition(corpus, { clients: 5, alpha: 0, seed: 1 })).toThrow(/alpha is 0/);
  });
});

describe('features on the corpus', () => {
  it('featurizes every e-mail deterministically to a unit vector', () => {
    const spec = defaultFeatureSpec();
    for (const e of corpus.slice(0, 200)) {
      const x = featurize(e.text, spec);
      expect(featurize(e.text, spec)).toEqual(x);
      const norm = Math.sqrt(x.reduce((s, v) => s + v * v, 0));
      expect(norm).toBeCloseTo(1, 5);
    }
  });
});

describe('model', () => {
  it('builds seeded initial weights and round-trips through its layers topology', async () => {
    const spec = defaultFeatureSpec();
    const a = buildModel(spec, 7);
    const b = buildModel(spec, 7);
    const c = buildModel(spec, 8);
    expect(getWeights(a)).toEqual(getWeights(b));
    expect(getWeights(a)).not.toEqual(getWeights(c));

    const { topology, weightSpecs, weights } = modelTopology(a);
    expect(weightSpecs.map((w) => w.shape)).toEqual([[spec.dim, 1], [1]]);
    const rebuilt = await tf.models.modelFromJSON({ modelTopology: topology });
    setWeights(rebuilt, weights);
    const x = tf.tensor2d(featurize(corpus[0]!.text, spec), [1, spec.dim]);
    const [pa, pr] = [a.predict(x) as tf.Tensor, rebuilt.predict(x) as tf.Tensor];
    expect(pr.dataSync()).toEqual(pa.dataSync());
    tf.dispose([x, pa, pr]);
    [a, b, c, rebuilt].forEach((m) => m.dispose());
  });

  it('exposes the server optimizer in the coordinator task-spec shape', () => {
    expect(taskServerOptimizer()).toEqual({ kind: 'fedadam', learningRate: 0.1, beta1: 0.5, beta2: 0.999, tau: 1e-3 });
  });
});

describe('server side of FedAvg', () => {
  it('averages deltas weighted by example count', () => {
    const avg = averageDeltas([
      { delta: [Float32Array.of(1, 0)], examples: 1 },
      { delta: [Float32Array.of(4, 8)], examples: 3 },
    ]);
    expect(Array.from(avg[0]!)).toEqual([3.25, 6]);
    expect(() => averageDeltas([{ delta: [Float32Array.of(1)], examples: 1 }, { delta: [Float32Array.of(1, 2)], examples: 1 }])).toThrow(
      /update tensor 0 has 2 values, model has 1/,
    );
  });

  it('applies FedAvg, FedAvgM and FedAdam (Reddi et al. 2021, Alg. 2)', () => {
    const g = [Float32Array.of(1)];
    const d = [Float32Array.of(0.5)];
    expect(createServerOptimizer({ kind: 'fedavg', lr: 1 }).apply(g, d)[0]![0]).toBeCloseTo(1.5, 6);
    const m = createServerOptimizer({ kind: 'fedavgm', lr: 1, momentum: 0.5 });
    const m1 = m.apply(g, d);
    expect(m.apply(m1, d)[0]![0]).toBeCloseTo(1 + 0.5 + (0.5 * 0.5 + 0.5), 6);
    const adam = createServerOptimizer({ kind: 'fedadam', lr: 0.1, beta1: 0.9, beta2: 0.99, tau: 1e-3 });
    const mt = 0.1 * 0.5;
    const vt = 0.99 * 1e-6 + 0.01 * 0.25;
    expect(adam.apply(g, d)[0]![0]).toBeCloseTo(1 + (0.1 * mt) / (Math.sqrt(vt) + 1e-3), 6);
  });

  it('selects distinct cohort members, reproducibly per round', () => {
    const c = selectCohort(50, 20, 1, 3);
    expect(new Set(c).size).toBe(20);
    expect(c.every((k) => k >= 0 && k < 50)).toBe(true);
    expect(selectCohort(50, 20, 1, 3)).toEqual(c);
    expect(selectCohort(50, 20, 1, 4)).not.toEqual(c);
  });
});

describe('short federated simulation', () => {
  it('learns well above the majority-class rate, reproducibly, and the baseline trains', () => {
    const config: ExperimentConfig = { ...DEFAULTS, serverOptimizer: { ...DEFAULTS.serverOptimizer }, clients: 10, rounds: 8, cohortGoal: 5 };
    const data = prepareData(config, corpus);
    const options = { ...config, model: { hidden: 0 } };
    const result = simulateFederated(data.clients, data.test, data.spec, options);
    const spamRate = data.test.labels.reduce<number>((s, y) => s + y, 0) / data.test.labels.length;
    const majority = Math.max(spamRate, 1 - spamRate);
    expect(result.rounds).toHaveLength(8);
    expect(result.rounds.every((r) => r.cohort.length === 5)).toBe(true);
    expect(result.accuracy).toBeGreaterThan(majority + 0.15);
    expect(result.clientEval.accuracy).toBeGreaterThan(majority + 0.1);

    const short = { ...options, rounds: 2 };
    const w1 = simulateFederated(data.clients, data.test, data.spec, short).weights;
    const w2 = simulateFederated(data.clients, data.test, data.spec, short).weights;
    expect(w2).toEqual(w1);

    const central = trainCentralized({
      train: data.pooledTrain,
      test: data.test,
      spec: data.spec,
      epochs: equivalentEpochs(config),
      batchSize: config.batchSize,
      lr: config.clientLr,
      seed: config.seed,
    });
    expect(central.accuracy).toBeGreaterThan(majority + 0.15);
    expect(tf.memory().numTensors).toBeLessThan(50);
  });
});
