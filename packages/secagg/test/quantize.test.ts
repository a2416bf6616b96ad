import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecAggError } from '../src/errors.ts';
import { dequantizeSum, dequantizeWeightedMean, maxQuantizationBits, quantize, quantizeWeighted } from '../src/quantize.ts';
import { SeededRandom } from './helpers/seeded-random.ts';

const finite = fc.double({ min: -10, max: 10, noNaN: true });

function errorOf(fn: () => unknown): SecAggError {
  try {
    fn();
  } catch (e) {
    return e as SecAggError;
  }
  throw new Error('expected an error');
}

describe('quantization', () => {
  it('stays in [0, 2^b − 1] and decodes within one step of the clipped value (property)', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 1, maxLength: 50 }), fc.integer({ min: 1, max: 20 }), fc.double({ min: 0.01, max: 5, noNaN: true }), fc.string(), (values, bits, c, seed) => {
        const rng = new SeededRandom(seed);
        const q = quantize(values, { clipRange: c, bits, cohortSize: 10, random: rng.fill });
        const step = (2 * c) / (2 ** bits - 1);
        const back = dequantizeSum(q, { clipRange: c, bits, survivors: 1 });
        values.forEach((x, i) => {
          expect(q[i]).toBeLessThanOrEqual(2 ** bits - 1);
          const clipped = Math.min(c, Math.max(-c, x));
          expect(Math.abs((back[i] as number) - clipped)).toBeLessThanOrEqual(step * (1 + 1e-9));
        });
      }),
    );
  });

  it('sums of a cohort decode to the sum of the clipped values, within n steps (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(finite, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 30 }), fc.string(), (vectors, seed) => {
        const rng = new SeededRandom(seed);
        const options = { clipRange: 2, bits: 12, cohortSize: 30, random: rng.fill };
        const sum = new Uint32Array(8);
        const expected = new Float64Array(8);
        for (const v of vectors) {
          const q = quantize(v, options);
          for (let i = 0; i < 8; i++) {
            sum[i] = (sum[i] as number) + (q[i] as number);
            expected[i] = (expected[i] as number) + Math.min(2, Math.max(-2, v[i] as number));
          }
        }
        const decoded = dequantizeSum(sum, { clipRange: 2, bits: 12, survivors: vectors.length });
        const step = 4 / (2 ** 12 - 1);
        for (let i = 0; i < 8; i++) expect(Math.abs((decoded[i] as number) - (expected[i] as number))).toBeLessThanOrEqual(vectors.length * step + 1e-9);
      }),
      { numRuns: 100 },
    );
  });

  it('stochastic rounding is unbiased', () => {
    const rng = new SeededRandom('unbiased');
    const x = 0.3; // scaled: (0.3 + 1) / 2 · 3 = 1.95 with 2 bits → 2 w.p. 0.95, 1 w.p. 0.05
    const values = new Float64Array(200_000).fill(x);
    const q = quantize(values, { clipRange: 1, bits: 2, cohortSize: 1, random: rng.fill });
    const mean = q.reduce((a, b) => a + b, 0) / q.length;
    expect(Math.abs(mean - 1.95)).toBeLessThan(0.005); // sd of the mean ≈ 0.0005
    expect(new Set(q)).toEqual(new Set([1, 2]));
  });

  it("refuses configurations whose full cohort's sum could wrap, naming the numbers", () => {
    const e = errorOf(() => quantize([0], { clipRange: 1, bits: 16, cohortSize: 70_000 }));
    expect(e.code).toBe('OVERFLOW_RISK');
    expect(e.message).toBe(
      '70000 clients × 16-bit values up to 65535 can sum to 4587450000, which wraps modulo 2^32 (max 4294967295); use at most 15 bits or at most 65537 clients',
    );
    expect(() => quantize([0], { clipRange: 1, bits: 16, cohortSize: 65_537 })).not.toThrow();
    expect(maxQuantizationBits(1000)).toBe(22);
    expect(() => quantize([0], { clipRange: 1, bits: 22, cohortSize: 1000 })).not.toThrow();
    expect(errorOf(() => quantize([0], { clipRange: 1, bits: 23, cohortSize: 1000 })).code).toBe('OVERFLOW_RISK');
  });

  it('the decoder counts survivors: it refuses a sum larger than the survivors could produce', () => {
    const sum = Uint32Array.from([3 * 255 + 1]);
    expect(errorOf(() => dequantizeSum(sum, { clipRange: 1, bits: 8, survivors: 3 })).code).toBe('OVERFLOW_RISK');
    expect(() => dequantizeSum(sum, { clipRange: 1, bits: 8, survivors: 4 })).not.toThrow();
  });

  it('rejects non-finite values and bad options', () => {
    expect(errorOf(() => quantize([1, Number.NaN], { clipRange: 1, cohortSize: 2 })).code).toBe('INVALID_INPUT');
    expect(errorOf(() => quantize([1], { clipRange: 0, cohortSize: 2 })).code).toBe('INVALID_CONFIG');
    expect(errorOf(() => quantize([1], { clipRange: 1, bits: 32, cohortSize: 2 })).code).toBe('INVALID_CONFIG');
  });
});

describe('weighted quantization (the example count travels masked, as the last entry)', () => {
  it('recovers the weighted mean Σ w x / Σ w', () => {
    const rng = new SeededRandom('weighted');
    const options = { clipRange: 1, bits: 16, cohortSize: 50, maxWeight: 1000, random: rng.fill };
    const clients = Array.from({ length: 50 }, () => ({ w: rng.int(0, 1200), x: Array.from({ length: 4 }, () => rng.float() * 2 - 1) }));
    const sum = new Uint32Array(5);
    for (const { w, x } of clients) {
      const q = quantizeWeighted(x, w, options);
      expect(q.length).toBe(5);
      expect(q[4]).toBe(Math.min(w, 1000));
      for (let i = 0; i < 5; i++) sum[i] = (sum[i] as number) + (q[i] as number);
    }
    const { mean, totalWeight } = dequantizeWeightedMean(sum, { clipRange: 1, bits: 16, survivors: 50, maxWeight: 1000 });
    const wSum = clients.reduce((a, c) => a + Math.min(c.w, 1000), 0);
    expect(totalWeight).toBe(wSum);
    for (let i = 0; i < 4; i++) {
      const exact = clients.reduce((a, c) => a + Math.min(c.w, 1000) * (c.x[i] as number), 0) / wSum;
      expect(Math.abs((mean[i] as number) - exact)).toBeLessThan(1e-3);
    }
  });

  it('checks the weight headroom too', () => {
    const e = errorOf(() => quantizeWeighted([0], 1, { clipRange: 1, bits: 8, cohortSize: 1000, maxWeight: 5_000_000 }));
    expect(e.code).toBe('OVERFLOW_RISK');
    expect(e.message).toContain('weights up to 5000000');
    expect(errorOf(() => quantizeWeighted([0], -1, { clipRange: 1, cohortSize: 10, maxWeight: 10 })).code).toBe('INVALID_INPUT');
    expect(errorOf(() => quantizeWeighted([0], 1.5, { clipRange: 1, cohortSize: 10, maxWeight: 10 })).code).toBe('INVALID_INPUT');
  });
});
