import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundEvaluation, decodeEvaluation, encodeEvaluation, evaluationFromVectorSum, evaluationLossScale, evaluationVector } from '../src/index.ts';

const add = (rows: ArrayLike<number>[]) => rows.reduce<number[]>((acc, r) => acc.map((x, i) => x + (r[i] as number)), [0, 0, 0]);

describe('federated evaluation through secure aggregation', () => {
  it('sums examples, loss and correct predictions exactly and decodes example-weighted means', () => {
    const opts = { maxExamples: 1000, cohortSize: 100 };
    const rows = [
      encodeEvaluation({ examples: 10, lossSum: 2.5, correct: 9 }, opts),
      encodeEvaluation({ examples: 30, lossSum: 22.5, correct: 21 }, opts),
      encodeEvaluation({ examples: 0, lossSum: 0, correct: 0 }, opts),
    ];
    expect(evaluationLossScale(100, 1000)).toBe(2048);
    const e = decodeEvaluation(add(rows), { ...opts, survivors: 3 });
    expect(e.examples).toBe(40);
    expect(e.correct).toBe(30);
    expect(e.evalLoss).toBeCloseTo(25 / 40, 3);
    expect(e.evalAccuracy).toBe(0.75);
  });

  it('bounds one device: examples to maxExamples (its sums scaled alike), losses to 16 per example, correct to the examples', () => {
    expect(boundEvaluation({ examples: 200, lossSum: 100, correct: 150 }, 100)).toEqual({ examples: 100, lossSum: 50, correct: 75 });
    expect(boundEvaluation({ examples: 4, lossSum: Infinity, correct: 9 }, 100)).toEqual({ examples: 4, lossSum: 64, correct: 4 });
    expect(boundEvaluation({ examples: 2.5, lossSum: 1, correct: 1 }, 100)).toEqual({ examples: 0, lossSum: 0, correct: 0 });
  });

  it('refuses sums the survivors cannot produce, and cohorts whose sums could wrap', () => {
    expect(() => decodeEvaluation([5, 0, 6], { maxExamples: 10, cohortSize: 3, survivors: 1 })).toThrow(/summed correct predictions 6 exceeds/);
    expect(() => decodeEvaluation([11, 0, 0], { maxExamples: 10, cohortSize: 3, survivors: 1 })).toThrow(/held-out examples 11/);
    expect(() => evaluationLossScale(10_000, 100_000)).toThrow(/can wrap modulo 2\^32; evaluate on at most 26843 examples per device/);
  });

  it('under DP: each device sends a vector of L2 norm at most 1, and the sum reads back as the cohort’s figures', () => {
    fc.assert(
      fc.property(fc.nat(5000), fc.double({ min: -10, max: 1e6, noNaN: true }), fc.double({ min: -10, max: 1e4, noNaN: true }), fc.integer({ min: 1, max: 2000 }), (n, loss, correct, max) => {
        const v = evaluationVector({ examples: n, lossSum: loss, correct }, max);
        expect(Math.hypot(...v)).toBeLessThanOrEqual(1 + 1e-12);
      }),
    );
    const devices = [
      { examples: 10, lossSum: 5, correct: 8 },
      { examples: 20, lossSum: 4, correct: 18 },
    ];
    const sum = add(devices.map((d) => evaluationVector(d, 50)));
    const e = evaluationFromVectorSum(sum, 50);
    expect(e.examples).toBeCloseTo(30, 9);
    expect(e.evalLoss).toBeCloseTo(9 / 30, 9);
    expect(e.evalAccuracy).toBeCloseTo(26 / 30, 9);
    // Noise that makes a sum negative is clamped.
    expect(evaluationFromVectorSum([-0.1, -0.1, -0.1], 50)).toEqual({ examples: 0, lossSum: 0, correct: 0, evalLoss: null, evalAccuracy: null });
  });
});
