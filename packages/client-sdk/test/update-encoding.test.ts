import { l2Norm } from '@conclave/dp';
import { ROUND_METRIC_ENTRIES, decodeRoundMetrics, dequantizeWeightedMean } from '@conclave/secagg';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TrainOutput } from '../src/train/types.ts';
import {
  CLIP_INDICATOR,
  chargedNoiseMultiplier,
  checkRoundMetrics,
  clipUpdate,
  distributedEncoding,
  secureInput,
  withCount,
} from '../src/update-encoding.ts';

const output = (delta: number[], extra: Partial<TrainOutput> = {}): TrainOutput => ({
  delta: Float32Array.from(delta),
  numExamples: 40,
  trainLoss: 0.5,
  evalBefore: { examples: 10, loss: 0.7, accuracy: 0.6 },
  ...extra,
});

describe('clipUpdate', () => {
  it('leaves the update alone without a clip norm, and reports its norm', () => {
    const { update, norm } = clipUpdate(Float32Array.from([3, 4]), 0, false);
    expect(Array.from(update)).toEqual([3, 4]);
    expect(norm).toBeCloseTo(5, 6);
  });

  it('scales an update above the clip norm down to it, in direction unchanged', () => {
    const { update, norm } = clipUpdate(Float32Array.from([3, 4]), 1, false);
    expect(norm).toBeCloseTo(1, 6);
    expect(update[0]! / update[1]!).toBeCloseTo(0.75, 6);
  });

  it('appends adaptive clipping’s indicator: +1/2 when the update fit, −1/2 when it was clipped; the norm excludes it', () => {
    const fits = clipUpdate(Float32Array.from([0.3, 0.4]), 1, true);
    expect(fits.update).toHaveLength(3);
    expect(fits.update[2]).toBe(CLIP_INDICATOR.unclipped);
    expect(fits.norm).toBeCloseTo(0.5, 6);
    const clipped = clipUpdate(Float32Array.from([3, 4]), 1, true);
    expect(clipped.update[2]).toBe(CLIP_INDICATOR.clipped);
    expect(clipped.norm).toBeCloseTo(1, 6);
  });

  it('never sends an update above the clip norm (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.float({ min: -100, max: 100, noNaN: true }), { minLength: 1, maxLength: 32 }), fc.double({ min: 0.01, max: 10, noNaN: true }), (values, c) => {
        const { update, norm } = clipUpdate(Float32Array.from(values), c, false);
        return norm <= c * (1 + 1e-6) && Math.abs(l2Norm(update) - norm) < 1e-9;
      }),
    );
  });
});

describe('secureInput', () => {
  const encoding = { quant: { clipRange: 1, bits: 16, maxWeight: 1_000 }, cohortSize: 3, metricsEntries: 0 };

  it('quantizes the update with its weight as the last entry; the coordinator’s decoder gets both back', () => {
    const update = Float32Array.from([0.25, -0.5, 0.75]);
    const input = secureInput(output([0.25, -0.5, 0.75]), update, 40, encoding, false);
    expect(input).toHaveLength(4);
    const { mean, totalWeight } = dequantizeWeightedMean(input, { ...encoding.quant, survivors: 1 });
    expect(totalWeight).toBe(40);
    // Stochastic rounding moves a weighted value by less than one level: 2·clipRange·maxWeight / (2^bits − 1), over the weight.
    const level = (2 * encoding.quant.clipRange * encoding.quant.maxWeight) / (2 ** encoding.quant.bits - 1) / 40;
    for (let i = 0; i < 3; i++) expect(Math.abs(mean[i]! - update[i]!)).toBeLessThanOrEqual(level);
  });

  it('appends the masked round metrics after the weight entry when the round asks for them', () => {
    const input = secureInput(output([0.1, 0.2]), Float32Array.from([0.1, 0.2]), 40, { ...encoding, metricsEntries: ROUND_METRIC_ENTRIES }, false);
    expect(input).toHaveLength(3 + ROUND_METRIC_ENTRIES);
    const metrics = decodeRoundMetrics(input.subarray(3), 1, encoding.quant.maxWeight);
    expect(metrics.trainLoss).toBeCloseTo(0.5, 3);
    expect(metrics.evalExamples).toBe(10);
    expect(metrics.evalAccuracy).toBeCloseTo(0.6, 3);
  });

  it('takes the trainer’s distributed-DP encoding with the survivor-count entry 1, and refuses a missing one', () => {
    const encoded = Uint32Array.from([7, 8, 9, 10]);
    expect(Array.from(secureInput(output([0], { encoded }), Float32Array.from([0]), 1, encoding, true))).toEqual([7, 8, 9, 10, 1]);
    expect(Array.from(withCount(Uint32Array.from([5])))).toEqual([5, 1]);
  });

  it('names what does not fit: a missing encoding, an update outside the clip range', () => {
    expect(() => secureInput(output([0]), Float32Array.from([0]), 1, encoding, true)).toThrow('the trainer did not encode the update for distributed DP');
    expect(() => secureInput(output([0]), Float32Array.from([0]), 1.5, encoding, false)).toThrow(/weight must be a non-negative integer/);
  });
});

describe('distributedEncoding', () => {
  const wire = { dimension: 5, paddedDimension: 8, bits: 18, clipNorm: 1, scale: 100, localSigma2: 4, l2Sensitivity: 120, beta: Math.exp(-0.5), rotationSeed: 3 };

  it('reads the plan when it encodes exactly the model, padded to the next power of two', () => {
    expect(distributedEncoding(wire, 5)).toEqual({ dimension: 5, paddedDimension: 8, bits: 18, clipNorm: 1, scale: 100, localSigma2: 4, l2Sensitivity: 120, beta: Math.exp(-0.5) });
  });

  it('refuses a plan for another model size, or padded beyond the next power of two', () => {
    expect(() => distributedEncoding(wire, 6)).toThrow('the plan encodes 5 values, the model has 6');
    expect(() => distributedEncoding({ ...wire, paddedDimension: 16 }, 5)).toThrow('the plan pads 5 values to 16, expected the next power of two');
    expect(() => distributedEncoding({ ...wire, paddedDimension: 4 }, 5)).toThrow('the plan pads 5 values to 4');
  });
});

describe('checkRoundMetrics', () => {
  it('accepts none or the SDK’s count, never in a differentially private round', () => {
    expect(() => checkRoundMetrics(0, 1.2)).not.toThrow();
    expect(() => checkRoundMetrics(ROUND_METRIC_ENTRIES, 0)).not.toThrow();
    expect(() => checkRoundMetrics(3, 0)).toThrow(`3 round-metric entries asked for; this SDK sends 0 or ${ROUND_METRIC_ENTRIES}`);
    expect(() => checkRoundMetrics(ROUND_METRIC_ENTRIES, 0.8)).toThrow('round metrics asked for in a differentially private round');
  });
});

describe('chargedNoiseMultiplier', () => {
  it('is the plan’s noise multiplier, or none', () => {
    expect(chargedNoiseMultiplier({ noiseMultiplier: 1.1 }, undefined)).toBe(1.1);
    expect(chargedNoiseMultiplier({}, 5)).toBe(0);
  });

  it('with distributed DP counts only the noise shares of the fewest survivors, never more than the plan claims', () => {
    const dd = { localSigma2: 4, l2Sensitivity: 10 };
    // √(4 survivors × σ² 4) / Δ 10 = 0.4 < 1.1
    expect(chargedNoiseMultiplier({ noiseMultiplier: 1.1, distributedDp: dd }, 4)).toBeCloseTo(0.4, 12);
    // √(100 × 4) / 10 = 2 > 1.1: the plan's figure stands.
    expect(chargedNoiseMultiplier({ noiseMultiplier: 1.1, distributedDp: dd }, 100)).toBe(1.1);
    // No secure round (no survivor count): the plan's figure.
    expect(chargedNoiseMultiplier({ noiseMultiplier: 1.1, distributedDp: dd }, undefined)).toBe(1.1);
  });
});
