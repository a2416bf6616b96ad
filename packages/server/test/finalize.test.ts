/**
 * The finalize step of each aggregation mode, as a function: the survivors' sum in; the new
 * model, the metrics, the privacy state and the next clip norm out. The server optimizer is
 * FedAvg with η = 1 and the model starts at 0, so the new weights are the update itself.
 */
import { PrivacyAccountant, encodeDistributedUpdate, planDistributedDp } from '@conclave/dp';
import { ROUND_METRIC_ENTRIES, encodeRoundMetrics, evaluationLossScale, quantizeWeighted } from '@conclave/secagg';
import { describe, expect, it } from 'vitest';
import { WeightedDeltaAggregator } from '../src/aggregator.ts';
import type { AdaptivePrivacy, CentralPrivacy, DistributedPrivacy } from '../src/privacy/task-privacy.ts';
import { accountRound, privacyFigures } from '../src/privacy/privacy-figures.ts';
import { nextAdaptiveClipNorm } from '../src/round/finalize/adaptive-clipping.ts';
import { finalizeRound, type FinalizeContext, type PlainSums, type SurvivorsSum } from '../src/round/finalize/index.ts';
import type { SecureSetup } from '../src/round/plan.ts';
import { OptimizerSpec } from '../src/task-spec.ts';
import { seededRandom } from './helpers/seeded-random.ts';

const ctx = (d: number, seed: string | number = 1): FinalizeContext => ({
  weights: new Float32Array(d),
  optimizer: OptimizerSpec.parse({ kind: 'fedavg', learningRate: 1 }),
  optimizerState: {},
  random: seededRandom(seed),
});
const devices = (n: number) => Array.from({ length: n }, (_, i) => ({ deviceId: `d${i}`, numExamples: 0 }));

function plainSums(updates: { x: number[]; weight: number; examples?: number; loss?: number }[], size = updates[0]!.x.length): PlainSums {
  const aggregator = new WeightedDeltaAggregator(size);
  const sums = { aggregator, examples: 0, trainLossSum: 0, evalExamples: 0, evalLossSum: 0, evalAccuracySum: 0 };
  for (const u of updates) {
    aggregator.add(Float32Array.from(u.x), u.weight);
    const n = u.examples ?? u.weight;
    sums.examples += n;
    sums.trainLossSum += (u.loss ?? 0) * n;
  }
  return sums;
}

/** Σ of the devices' vectors mod 2^32, as unmasking yields it. */
function modularSum(vectors: Uint32Array[]): Uint32Array {
  const out = new Uint32Array(vectors[0]!.length);
  for (const v of vectors) for (let i = 0; i < v.length; i++) out[i] = (out[i]! + v[i]!) >>> 0;
  return out;
}

const setup = (metricsEntries: number, survivors: number): SecureSetup => ({
  config: { roundId: new Uint8Array(32), cohortSize: survivors, vectorLength: 0, degree: survivors - 1, threshold: 2, graphSeed: new Uint8Array(32), consistencyCheck: false, minSurvivors: 3 },
  quant: { clipRange: 1, bits: 20, maxWeight: 1000 },
  metricsEntries,
  dropouts: { tolerated: 0, requested: 0 },
});

function sampleStddev(v: ArrayLike<number>): number {
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < v.length; i++) {
    s += v[i]!;
    s2 += v[i]! * v[i]!;
  }
  const mean = s / v.length;
  return Math.sqrt(s2 / v.length - mean * mean);
}

const common = { targetEpsilon: 50, delta: 1e-3, population: 8, samplingRate: 0.5, participationLimit: 2, evaluationRounds: 0 };

describe('plain FedAvg', () => {
  it('the example-weighted mean of the updates, through the optimizer, with the claimed metrics', () => {
    const sums = plainSums([
      { x: [1, 0, 2], weight: 1, loss: 0.5 },
      { x: [0, 4, 2], weight: 3, loss: 0.1 },
    ]);
    const out = finalizeRound({ kind: 'plain' }, { kind: 'plain', sums, participants: devices(2) }, ctx(3));
    if (!out.ok) throw new Error(out.reason);
    expect(Array.from(out.model!.weights)).toEqual([0.25, 3, 2]);
    expect(out.metrics).toMatchObject({ participants: 2, examples: 4, trainLoss: expect.closeTo((0.5 + 0.3) / 4, 12) });
    expect(out.privacy).toBeUndefined();
  });

  it('an evaluation round gives metrics and no model, from a secure sum only (secure-evaluation.test.ts has each mode)', () => {
    const s = setup(0, 3);
    const secureEvaluate = { kind: 'evaluate' as const, secure: s, evaluation: { kind: 'exact' as const, maxExamples: 16 } };
    const scale = evaluationLossScale(s.config.cohortSize, 16);
    const out = finalizeRound(secureEvaluate, { kind: 'secure', sum: Uint32Array.from([10, 3 * scale, 9]), participants: devices(2) }, ctx(3));
    expect(out).toMatchObject({ ok: true, metrics: { evalExamples: 10, evalLoss: 0.3, evalAccuracy: 0.9, trainLoss: null } });
    expect(out.ok && out.model).toBeUndefined();
    // Evaluation sums in the clear no longer exist: a plain sum here is a coordinator bug.
    const sums = { ...plainSums([{ x: [], weight: 1 }], 0), examples: 0, evalExamples: 10, evalLossSum: 3, evalAccuracySum: 9 };
    expect(() => finalizeRound(secureEvaluate, { kind: 'plain', sums, participants: devices(2) }, ctx(3))).toThrow(/a plain sum cannot finalize a evaluate round/);
  });
});

describe('FedAvg under secure aggregation', () => {
  const updates = [
    { x: [0.5, -0.25, 0.1], weight: 10, loss: 0.4 },
    { x: [-0.5, 0.75, 0.3], weight: 30, loss: 0.2 },
    { x: [0.25, 0.25, -0.9], weight: 20, loss: 0.6 },
  ];
  const s = setup(ROUND_METRIC_ENTRIES, 3);
  const vectors = updates.map((u) => {
    const q = quantizeWeighted(u.x, u.weight, { ...s.quant, cohortSize: 3 });
    const m = encodeRoundMetrics({ trainLoss: u.loss, evalExamples: 5, evalLoss: u.loss * 2, evalAccuracy: 0.8 }, s.quant.maxWeight);
    const v = new Uint32Array(q.length + m.length);
    v.set(q);
    v.set(m, q.length);
    return v;
  });

  it('decodes the survivors\' weighted mean and their masked metrics, never one device\'s', () => {
    const out = finalizeRound({ kind: 'secure', secure: s }, { kind: 'secure', sum: modularSum(vectors), participants: devices(3) }, ctx(3));
    if (!out.ok) throw new Error(out.reason);
    const total = 60;
    // Stochastic rounding moves each device's weighted value by less than one quantization step
    // (2c / (2^bits − 1), in units of maxWeight): the decoded mean is within n such steps × maxWeight
    // / total of the exact one, ≈ 9.5e-5 here, plus float32's rounding of the model (< 1e-7). (Four
    // decimals, the bound before, failed now and then: CI saw 5.4e-5.)
    const { clipRange, bits = 16, maxWeight } = s.quant;
    const bound = (updates.length * ((2 * clipRange) / (2 ** bits - 1)) * maxWeight) / total + 1e-7;
    updates[0]!.x.forEach((_, i) => {
      const mean = updates.reduce((a, u) => a + u.x[i]! * u.weight, 0) / total;
      expect(Math.abs(out.model!.weights[i]! - mean)).toBeLessThanOrEqual(bound);
    });
    expect(out.metrics).toMatchObject({ participants: 3, examples: total, evalExamples: 15, evalAccuracy: expect.closeTo(0.8, 4) });
    expect(out.metrics.trainLoss).toBeCloseTo((0.4 + 0.2 + 0.6) / 3, 4);
  });

  it('a sum no honest cohort can produce loses the round with the reason, and spends nothing', () => {
    const bad = modularSum(vectors);
    bad[3] = 0xffffffff; // the weight entry: far above 3 survivors × max weight
    const out = finalizeRound({ kind: 'secure', secure: s }, { kind: 'secure', sum: bad, participants: devices(3) }, ctx(3));
    expect(out).toEqual({ ok: false, reason: expect.stringMatching(/^secure aggregation produced a sum that cannot be decoded: summed weight 4294967295 exceeds 3 survivors/) });
  });
});

describe('central DP with a fixed clip norm', () => {
  const privacy: CentralPrivacy = { kind: 'central', ...common, noiseMultiplier: 1.2, clipNorm: 0.5 };
  const d = 20_000;

  it('noise of σ = z·C on the sum, divided by the expected cohort q·N, and one round accounted', () => {
    const sums = plainSums([{ x: new Array<number>(d).fill(0), weight: 1 }]);
    const mode = { kind: 'central-dp' as const, privacy, accountant: new PrivacyAccountant(), clipNorm: 0.5, secure: null };
    const out = finalizeRound(mode, { kind: 'plain', sums, participants: devices(1) }, ctx(d, 'central'));
    if (!out.ok) throw new Error(out.reason);
    // σ/(qN) = 1.2 · 0.5 / 4 = 0.15; the sample σ of 20,000 draws is within 2% (≈ 7σ of its own spread).
    expect(sampleStddev(out.model!.weights)).toBeGreaterThan(0.15 * 0.98);
    expect(sampleStddev(out.model!.weights)).toBeLessThan(0.15 * 1.02);
    const expected = new PrivacyAccountant().compose({ samplingRate: 0.5, noiseMultiplier: 1.2, steps: 1 });
    expect(out.metrics).toMatchObject({ clipNorm: 0.5, epsilonSpent: expected.epsilon(1e-3) });
    expect(out.privacy?.accountant.epsilon(1e-3)).toBe(expected.epsilon(1e-3));
    expect(out.privacy?.nextClipNorm).toBe(0.5);
    // The accountant the round started from is untouched.
    expect(mode.accountant.steps).toBe(0);
  });

  it('under SecAgg+ the devices sent weight 1: mean × total weight is the sum of clipped updates', () => {
    const s = setup(0, 3);
    const xs = [[0.1, 0.2], [0.3, -0.1], [-0.2, 0.05]];
    const sum = modularSum(xs.map((x) => quantizeWeighted(x, 1, { ...s.quant, cohortSize: 3 })));
    const quiet: CentralPrivacy = { ...privacy, noiseMultiplier: 1e-9 };
    const out = finalizeRound({ kind: 'central-dp', privacy: quiet, accountant: new PrivacyAccountant(), clipNorm: 0.5, secure: s }, { kind: 'secure', sum, participants: devices(3) }, ctx(2));
    if (!out.ok) throw new Error(out.reason);
    // Weight 1 of a maximum 1000 leaves each device's values 1000 quantization steps coarser.
    expect(out.model!.weights[0]).toBeCloseTo((0.1 + 0.3 - 0.2) / 4, 2);
    expect(out.model!.weights[1]).toBeCloseTo((0.2 - 0.1 + 0.05) / 4, 2);
    expect(out.metrics.examples).toBe(3);
  });
});

describe('adaptive clipping', () => {
  it('moves the clip norm by the noised unclipped fraction toward the target quantile', () => {
    const privacy: AdaptivePrivacy = {
      kind: 'adaptive',
      ...common,
      noiseMultiplier: 1,
      initialClipNorm: 0.1,
      targetQuantile: 0.5,
      learningRate: 0.2,
      countStddev: 1e-9,
      updateNoiseMultiplier: 1e-9,
    };
    // Four devices, the last entry ±½: three unclipped, one clipped.
    const sums = plainSums([{ x: [0.1, 0, 0.5], weight: 1 }, { x: [0, 0.1, 0.5], weight: 1 }, { x: [0.1, 0.1, 0.5], weight: 1 }, { x: [0, 0, -0.5], weight: 1 }]);
    const out = finalizeRound({ kind: 'adaptive-clipping', privacy, accountant: new PrivacyAccountant(), clipNorm: 0.25, secure: null }, { kind: 'plain', sums, participants: devices(4) }, ctx(2));
    if (!out.ok) throw new Error(out.reason);
    // b̃ = Σ indicator / (qN) + ½ = 1/4 + ½.
    expect(out.metrics.unclippedFraction).toBeCloseTo(0.75, 9);
    const next = Math.fround(0.25 * Math.exp(-0.2 * (0.75 - 0.5)));
    expect(nextAdaptiveClipNorm(0.25, 0.75, privacy)).toBe(next);
    expect(out.metrics).toMatchObject({ clipNorm: 0.25, nextClipNorm: expect.closeTo(next, 6) });
    expect(out.privacy?.nextClipNorm).toBe(out.metrics.nextClipNorm);
    expect(Array.from(out.model!.weights).map((w) => Number(w.toFixed(6)))).toEqual([0.05, 0.05]);
    expect(out.metrics.epsilonSpent).toBe(new PrivacyAccountant().compose({ samplingRate: 0.5, noiseMultiplier: 1, steps: 1 }).epsilon(1e-3));
  });
});

describe('distributed DP', () => {
  const d = 8;
  const plan = planDistributedDp({ clipNorm: 1, dimension: d, minClients: 3, maxClients: 40, noiseMultiplier: 0.5 });
  const privacy: DistributedPrivacy = { kind: 'distributed', ...common, noiseMultiplier: 0.5, clipNorm: 1, plan };
  const mode = { kind: 'distributed-dp' as const, privacy, accountant: new PrivacyAccountant(), rotationSeed: 1234, secure: setup(0, 3) };
  const xs = [0, 1, 2].map((k) => Array.from({ length: d }, (_, i) => 0.2 * Math.sin(i + k)));
  const sum = modularSum(
    xs.map((x, k) => {
      const { values } = encodeDistributedUpdate(x, plan, 1234, seededRandom(`device ${k}`));
      const v = new Uint32Array(values.length + 1);
      v.set(values);
      v[values.length] = 1; // the survivor count
      return v;
    }),
  );
  // The released model's figure composes the round amplified under zero-out neighbours; the
  // metrics' ε spent is the coordinator's figure (no amplification).
  const accounted = accountRound(privacy, new PrivacyAccountant(), 'train');
  const against = privacyFigures(privacy, accounted).epsilonAgainstCoordinator;

  it('decodes the noised sum, adds no noise, divides by q·N and accounts at the plan\'s minimum', () => {
    const out = finalizeRound(mode, { kind: 'secure', sum, participants: devices(3) }, ctx(d));
    if (!out.ok) throw new Error(out.reason);
    // The devices' noise: σ = √(3 σ_loc²)·γ on the sum, over q·N = 4.
    const sigma = (Math.sqrt(3 * plan.localSigma2) * plan.scale) / 4;
    for (let i = 0; i < d; i++) {
      const expected = (xs[0]![i]! + xs[1]![i]! + xs[2]![i]!) / 4;
      expect(Math.abs(out.model!.weights[i]! - expected)).toBeLessThan(6 * sigma + 1e-6);
    }
    expect(out.metrics).toMatchObject({ participants: 3, examples: 3, clipNorm: 1, outOfRangeCoordinates: 0, epsilonSpent: against, epsilonForReleasedModel: accounted.epsilon(1e-3) });
    expect(against).toBeGreaterThan(accounted.epsilon(1e-3));
  });

  it('an undecodable sum loses the round but its ε is spent: the sum was revealed', () => {
    const out = finalizeRound(mode, { kind: 'secure', sum, participants: devices(41) }, ctx(d));
    if (out.ok) throw new Error('expected the round to be lost');
    expect(out.reason).toMatch(/^secure aggregation produced a sum that cannot be decoded: clients must be an integer in \[3, 40\]/);
    expect(out.spent?.epsilon(1e-3)).toBe(accounted.epsilon(1e-3));
  });
});

describe('a sum of the wrong kind for its mode', () => {
  it('is refused as the coordinator bug it would be', () => {
    const secure: SurvivorsSum = { kind: 'secure', sum: new Uint32Array(4), participants: devices(3) };
    expect(() => finalizeRound({ kind: 'plain' }, secure, ctx(3))).toThrow('a secure sum cannot finalize a plain round');
  });
});
