/**
 * Evaluation rounds under secure aggregation: from the survivors' sum of the devices'
 * evaluation vectors (encoded as the SDK does) to the round's metrics, and under DP the ε of a
 * revealed sum charged even when it cannot be decoded.
 */
import { PrivacyAccountant, encodeDistributedUpdate, planDistributedDp } from '@conclave/dp';
import { createRoundConfig, encodeEvaluation, evaluationVector, quantizationSafeClipNorm, quantizeWeighted } from '@conclave/secagg';
import { describe, expect, it } from 'vitest';
import { evaluationPlan, type FiguresPrivacy } from '../src/privacy/privacy-figures.ts';
import { finalizeSecureEvaluation } from '../src/round/finalize/secure-evaluation.ts';
import type { FinalizeContext } from '../src/round/finalize/types.ts';
import type { SecureSetup } from '../src/round/plan.ts';
import { OptimizerSpec } from '../src/task-spec.ts';
import { seededRandom } from './helpers/seeded-random.ts';

const ctx: FinalizeContext = { weights: new Float32Array(2), optimizer: OptimizerSpec.parse({ kind: 'fedavg', learningRate: 1 }), optimizerState: {}, random: seededRandom(1) };
const devices = [
  { examples: 4, lossSum: 2, correct: 3 },
  { examples: 2, lossSum: 3, correct: 1 },
  { examples: 3, lossSum: 1.5, correct: 3 },
];
const participants = devices.map((_, i) => ({ deviceId: `d${i}`, numExamples: 0 }));
const add = (rows: Uint32Array[]) => rows.reduce((acc, r) => acc.map((x, i) => (x + r[i]!) >>> 0), new Uint32Array(rows[0]!.length));
const setup = (maxWeight: number, vectorLength: number): SecureSetup => ({
  config: createRoundConfig({ cohortSize: 3, vectorLength, minSurvivors: 3, dropoutRate: 0, random: (b) => b.fill(7) }),
  quant: { clipRange: 1, bits: 20, maxWeight },
  metricsEntries: 0,
  dropouts: { tolerated: 0, requested: 0 },
});

describe('evaluation rounds under secure aggregation', () => {
  it('without DP: the exact sums; example-weighted loss and accuracy', () => {
    const sum = add(devices.map((d) => encodeEvaluation(d, { maxExamples: 16, cohortSize: 3 })));
    const out = finalizeSecureEvaluation(sum, participants, { secure: setup(1000, 3), evaluation: { kind: 'exact', maxExamples: 16 } }, ctx);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.metrics).toMatchObject({ participants: 3, evalExamples: 9, evalAccuracy: 7 / 9 });
    expect(out.metrics.evalLoss).toBeCloseTo(6.5 / 9, 3);
    expect(out.privacy).toBeUndefined();
  });

  it('central DP: noise σ = z on the unit vectors’ sum, and one more round accounted', () => {
    const privacy: FiguresPrivacy = { kind: 'central', samplingRate: 0.5, noiseMultiplier: 0.01, delta: 1e-5 };
    const safe = quantizationSafeClipNorm(1, { clipRange: 1, bits: 20, maxWeight: 1, weight: 1, dimension: 3 });
    const rows = devices.map((d) => quantizeWeighted(evaluationVector(d, 4).map((x) => x * safe), 1, { clipRange: 1, bits: 20, maxWeight: 1, cohortSize: 3 }));
    const out = finalizeSecureEvaluation(add(rows), participants, { secure: setup(1, 4), evaluation: { kind: 'central-dp', maxExamples: 4, privacy, accountant: new PrivacyAccountant(), clipNorm: 0.1 } }, ctx);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.metrics.evalExamples).toBe(9);
    expect(out.metrics.evalAccuracy!).toBeCloseTo(7 / 9, 1);
    expect(out.privacy!.accountant.steps).toBe(1);
    expect(out.metrics.epsilonSpent).toBeGreaterThan(0);
  });

  it('distributed DP: the devices’ own noise decoded; a revealed sum that cannot be decoded is still charged', () => {
    const train = planDistributedDp({ clipNorm: 0.1, dimension: 2, minClients: 3, maxClients: 10, noiseMultiplier: 0.005 });
    const privacy: FiguresPrivacy = { kind: 'distributed', samplingRate: 0.5, noiseMultiplier: 0.005, delta: 1e-5, plan: train, participationLimit: 2, evaluationRounds: 1 };
    const plan = evaluationPlan(train, 0.005);
    const rows = devices.map((d) => {
      const v = encodeDistributedUpdate(evaluationVector(d, 4), plan, 11).values;
      const out = new Uint32Array(v.length + 1);
      out.set(v);
      out[v.length] = 1;
      return out;
    });
    const round = { secure: setup(1, plan.paddedDimension + 1), evaluation: { kind: 'distributed-dp' as const, maxExamples: 4, privacy, accountant: new PrivacyAccountant(), plan, rotationSeed: 11, clipNorm: 0.1 } };
    const out = finalizeSecureEvaluation(add(rows), participants, round, ctx);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.metrics.evalExamples).toBe(9);
    expect(out.metrics.evalAccuracy!).toBeCloseTo(7 / 9, 1);
    expect(out.privacy!.accountant.steps).toBe(1);
    // A sum the decoder refuses (a wrong-length vector): the round is lost, but its ε counts.
    const bad = finalizeSecureEvaluation(new Uint32Array(2), participants, round, ctx);
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.spent?.steps).toBe(1);
  });
});
