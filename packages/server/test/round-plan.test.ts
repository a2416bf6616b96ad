import { PrivacyAccountant, planDistributedDp } from '@conclave/dp';
import { PlanKind } from '@conclave/proto';
import { ROUND_METRIC_ENTRIES, chooseGraphParameters } from '@conclave/secagg';
import { describe, expect, it } from 'vitest';
import type { PrivacyState } from '../src/privacy/task-privacy.ts';
import { devicePlan, planRoundMode, secureSetup, uploadWords, type RoundMode } from '../src/round/plan.ts';
import { parseTaskSpec, type TaskSpec } from '../src/task-spec.ts';
import { seededRandom } from './helpers/seeded-random.ts';

function spec(over: Record<string, unknown> = {}): TaskSpec {
  return parseTaskSpec({
    name: 'plan test',
    purpose: 'p',
    stream: 'points',
    model: { modelTopology: {}, weightSpecs: [{ name: 'w', shape: [8], dtype: 'float32' }] },
    features: { kind: 'dense', dim: 8 },
    training: { clientLearningRate: 0.1 },
    cohort: { goal: 5, minimum: 3 },
    rounds: 3,
    ...over,
  });
}

const central: PrivacyState = {
  privacy: { kind: 'central', targetEpsilon: 5, delta: 1e-3, population: 10, samplingRate: 0.5, noiseMultiplier: 0.8, clipNorm: 0.25, participationLimit: 3, evaluationRounds: 1 },
  accountant: new PrivacyAccountant(),
  clipNorm: 0.25,
};

describe('secure-aggregation configuration: @conclave/secagg\'s rule only', () => {
  it('takes degree and threshold from chooseGraphParameters at the task\'s dropout rate when the rule serves it', () => {
    const s = spec({ secureAggregation: { dropoutRate: 0.3, maliciousServer: false } });
    const setup = secureSetup(s, 100, 9, 0, seededRandom(1));
    const rule = chooseGraphParameters({ cohortSize: 100, dropoutRate: 0.3 });
    expect([setup.config.degree, setup.config.threshold]).toEqual([rule.degree, rule.threshold]);
    expect(setup.dropouts).toEqual({ tolerated: 30, requested: 30 });
    expect(setup.config).toMatchObject({ cohortSize: 100, vectorLength: 9, minSurvivors: 3, consistencyCheck: false });
  });

  it('for a cohort too small for that rate, asks the same rule for the most dropouts it can tolerate', () => {
    for (const [n, malicious] of [[3, false], [4, false], [5, true], [7, true]] as const) {
      const setup = secureSetup(spec({ secureAggregation: { dropoutRate: 0.3, maliciousServer: malicious } }), n, 9, 0, seededRandom(n));
      expect(() => chooseGraphParameters({ cohortSize: n, dropoutRate: 0.3, maliciousServer: malicious })).toThrow(/no degree\/threshold secures/);
      expect(setup.dropouts.tolerated).toBeLessThan(setup.dropouts.requested);
      const rule = chooseGraphParameters({ cohortSize: n, dropoutRate: setup.dropouts.tolerated / n, maliciousServer: malicious });
      expect([setup.config.degree, setup.config.threshold]).toEqual([rule.degree, rule.threshold]);
      // The next dropout more is beyond the rule.
      expect(() => chooseGraphParameters({ cohortSize: n, dropoutRate: (setup.dropouts.tolerated + 1) / n, maliciousServer: malicious })).toThrow();
    }
  });

  it('draws round id and graph seed from the injected source', () => {
    const a = secureSetup(spec(), 10, 9, 0, seededRandom('same'));
    const b = secureSetup(spec(), 10, 9, 0, seededRandom('same'));
    const c = secureSetup(spec(), 10, 9, 0, seededRandom('other'));
    expect(a.config.roundId).toEqual(b.config.roundId);
    expect(a.config.graphSeed).toEqual(b.config.graphSeed);
    expect(a.config.roundId).not.toEqual(c.config.roundId);
  });
});

describe('round mode and device plan', () => {
  const plan = (s: TaskSpec, privacy: PrivacyState | undefined, kind: 'train' | 'evaluate' = 'train', n = 5): RoundMode => {
    const out = planRoundMode({ spec: s, kind, privacy, cohortSize: n, modelSize: 8, random: seededRandom(3) });
    if (!out.ok) throw new Error(out.reason);
    return out.mode;
  };

  it('one variant per mode, each with only what it needs', () => {
    // Evaluation always runs under SecAgg+: three exact sums without DP.
    expect(plan(spec(), undefined, 'evaluate')).toMatchObject({ kind: 'evaluate', evaluation: { kind: 'exact', maxExamples: 16 }, secure: { config: { vectorLength: 3 } } });
    expect(plan(spec({ secureAggregation: { enabled: false } }), undefined)).toEqual({ kind: 'plain' });
    const secure = plan(spec(), undefined);
    expect(secure.kind).toBe('secure');
    // Without DP the cohort's losses and evaluation travel masked after the weight entry.
    expect(secure.kind === 'secure' && secure.secure.metricsEntries).toBe(ROUND_METRIC_ENTRIES);
    const dp = plan(spec({ secureAggregation: { enabled: false } }), central);
    expect(dp).toMatchObject({ kind: 'central-dp', clipNorm: 0.25, secure: null });
    const dpSecure = plan(spec(), central);
    expect(dpSecure.kind === 'central-dp' && dpSecure.secure?.metricsEntries).toBe(0);
  });

  it('sizes uploads per mode: model, + indicator with adaptive clipping, + weight and metrics under SecAgg+', () => {
    const adaptive: PrivacyState = {
      privacy: { kind: 'adaptive', targetEpsilon: 5, delta: 1e-3, population: 10, samplingRate: 0.5, noiseMultiplier: 0.8, initialClipNorm: 0.1, targetQuantile: 0.5, learningRate: 0.2, countStddev: 1, updateNoiseMultiplier: 0.9, participationLimit: 3, evaluationRounds: 1 },
      accountant: new PrivacyAccountant(),
      clipNorm: 0.1,
    };
    expect(uploadWords(plan(spec({ secureAggregation: { enabled: false } }), undefined), undefined, 8)).toBe(8);
    expect(uploadWords(plan(spec(), undefined), undefined, 8)).toBe(8 + 1 + ROUND_METRIC_ENTRIES);
    expect(uploadWords(plan(spec({ secureAggregation: { enabled: false } }), adaptive), adaptive.privacy, 8)).toBe(9);
    expect(uploadWords(plan(spec(), adaptive), adaptive.privacy, 8)).toBe(9 + 1);
  });

  it('tells devices the DP settings of the round, and a distributed plan with this round\'s rotation seed', () => {
    const s = spec({ secureAggregation: { enabled: false } });
    const p = devicePlan(s, plan(s, central));
    expect(p).toMatchObject({ kind: PlanKind.TRAIN, stream: 'points', clipNorm: 0.25, noiseMultiplier: 0.8, samplingRate: 0.5, clipIndicator: false });
    expect(p.participationLimit).toBe(3);
    const evaluate = planRoundMode({ spec: s, kind: 'evaluate', privacy: undefined, cohortSize: 5, modelSize: 8, random: seededRandom(2) });
    if (!evaluate.ok) throw new Error(evaluate.reason);
    expect(devicePlan(s, evaluate.mode)).not.toHaveProperty('clipNorm');
    expect(devicePlan(s, evaluate.mode)).toMatchObject({ kind: PlanKind.EVALUATE, maxEvalExamples: 16 });
    const distributedPlan = planDistributedDp({ clipNorm: 1, dimension: 8, minClients: 3, maxClients: 40, noiseMultiplier: 0.5 });
    const distributed: PrivacyState = {
      privacy: { kind: 'distributed', targetEpsilon: 50, delta: 1e-3, population: 10, samplingRate: 0.5, noiseMultiplier: 0.5, clipNorm: 1, plan: distributedPlan, participationLimit: 3, evaluationRounds: 1 },
      accountant: new PrivacyAccountant(),
      clipNorm: 1,
    };
    const mode = plan(spec(), distributed);
    if (mode.kind !== 'distributed-dp') throw new Error(mode.kind);
    expect(devicePlan(spec(), mode).distributedDp).toMatchObject({ paddedDimension: distributedPlan.paddedDimension, rotationSeed: mode.rotationSeed });
    expect(uploadWords(mode, distributed.privacy, 8)).toBe(distributedPlan.paddedDimension + 1);
  });
});
