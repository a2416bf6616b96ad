/**
 * Quantization into the ring Z_{2^32} (src/quantize.ts): round trips, bounds and the headroom
 * that keeps a full cohort's sum from wrapping, as fast-check properties over values, clip
 * ranges, bit widths, cohorts and the rounding's random words; the statistical checks use a
 * seeded CSPRNG (helpers/seeded-random.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SecAggError } from '../src/errors.ts';
import { dequantizeSum, dequantizeWeightedMean, maxQuantizationBits, quantize, quantizeWeighted } from '../src/quantize.ts';
import { cyclingSource, randomWordsArb } from './helpers/arbitraries.ts';
import { SeededRandom } from './helpers/seeded-random.ts';

function errorOf(fn: () => unknown): SecAggError {
  try {
    fn();
  } catch (e) {
    return e as SecAggError;
  }
  throw new Error('expected an error');
}

/** Values near and beyond the clip range, zeros and the extremes included. */
const finite = fc.double({ min: -10, max: 10, noNaN: true });

/** Values for clip range c at b bits: anywhere (mostly clipped), inside [−c, c], and within a level of each level. */
function valueArb(c: number, bits: number): fc.Arbitrary<number> {
  const step = (2 * c) / (2 ** bits - 1);
  return fc.oneof(
    finite,
    fc.double({ min: -1.2, max: 1.2, noNaN: true }).map((f) => f * c),
    fc.tuple(fc.integer({ min: 0, max: 2 ** bits - 1 }), fc.double({ min: -1, max: 1, noNaN: true })).map(([k, d]) => -c + (k + d) * step),
  );
}

describe('quantization', () => {
  it('stays in [0, 2^b − 1], rounds to a neighbouring level and decodes within one step of the clipped value (property)', () => {
    fc.assert(
      fc.property(
        fc
          .record({ bits: fc.integer({ min: 1, max: 20 }), c: fc.double({ min: 0.01, max: 5, noNaN: true }) })
          .chain(({ bits, c }) => fc.tuple(fc.constant(bits), fc.constant(c), fc.array(valueArb(c, bits), { minLength: 1, maxLength: 50 }))),
        randomWordsArb,
        ([bits, c, values], words) => {
          const q = quantize(values, { clipRange: c, bits, cohortSize: 10, random: cyclingSource(words) });
          const maxLevel = 2 ** bits - 1;
          const step = (2 * c) / maxLevel;
          const back = dequantizeSum(q, { clipRange: c, bits, survivors: 1 });
          expect(q).toHaveLength(values.length);
          values.forEach((x, i) => {
            const clipped = Math.min(c, Math.max(-c, x));
            const level = (clipped + c) / step; // where the clipped value sits between levels
            expect(q[i]).toBeLessThanOrEqual(maxLevel);
            expect(Math.abs((q[i] as number) - level)).toBeLessThan(1 + 1e-9);
            expect(Math.abs((back[i] as number) - clipped)).toBeLessThanOrEqual(step * (1 + 1e-9));
          });
        },
      ),
    );
  });

  it('sums of a cohort decode to the sum of the clipped values, within n steps (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(finite, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 30 }), randomWordsArb, (vectors, words) => {
        const options = { clipRange: 2, bits: 12, cohortSize: 30, random: cyclingSource(words) };
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

  it("accepts exactly the configurations whose full cohort's sum cannot wrap, and that sum never wraps (property)", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 2 ** 31 })),
        fc.integer({ min: 1, max: 31 }),
        (cohortSize, bits) => {
          const maxLevel = 2 ** bits - 1;
          const fits = cohortSize * maxLevel <= 2 ** 32 - 1;
          // maxQuantizationBits is the largest b that fits.
          const best = maxQuantizationBits(cohortSize);
          expect(cohortSize * (2 ** best - 1)).toBeLessThanOrEqual(2 ** 32 - 1);
          if (best < 31) expect(cohortSize * (2 ** (best + 1) - 1)).toBeGreaterThan(2 ** 32 - 1);
          expect(fits).toBe(bits <= best);
          const options = { clipRange: 1, bits, cohortSize };
          if (!fits) {
            expect(errorOf(() => quantize([0], options)).code).toBe('OVERFLOW_RISK');
            expect(errorOf(() => dequantizeSum(new Uint32Array(1), { clipRange: 1, bits, survivors: cohortSize })).code).toBe('OVERFLOW_RISK');
            return;
          }
          // The worst case: every device sends the top level in every entry.
          const top = quantize([1, 5, Number.MAX_VALUE], options);
          expect(Array.from(top)).toEqual([maxLevel, maxLevel, maxLevel]);
          expect(cohortSize * maxLevel).toBeLessThan(2 ** 32);
          if (cohortSize > 3000) return; // summing in the ring below is for cohorts small enough to loop over
          const sum = new Uint32Array(3);
          for (let u = 0; u < cohortSize; u++) for (let i = 0; i < 3; i++) sum[i] = (sum[i] as number) + (top[i] as number);
          expect(Array.from(sum)).toEqual([cohortSize * maxLevel, cohortSize * maxLevel, cohortSize * maxLevel]);
          const decoded = dequantizeSum(sum, { clipRange: 1, bits, survivors: cohortSize });
          decoded.forEach((v) => expect(Math.abs(v - cohortSize)).toBeLessThanOrEqual(cohortSize * 1e-12 + 1e-9));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a random full cohort sums in the ring exactly as in the integers (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }).chain((cohortSize) =>
          fc.record({
            cohortSize: fc.constant(cohortSize),
            bits: fc.integer({ min: 1, max: maxQuantizationBits(cohortSize) }),
            vectors: fc.array(fc.array(finite, { minLength: 4, maxLength: 4 }), { minLength: cohortSize, maxLength: cohortSize }),
            words: randomWordsArb,
          }),
        ),
        ({ cohortSize, bits, vectors, words }) => {
          const options = { clipRange: 3, bits, cohortSize, random: cyclingSource(words) };
          const ring = new Uint32Array(4);
          const exact = [0, 0, 0, 0];
          for (const v of vectors) {
            const q = quantize(v, options);
            for (let i = 0; i < 4; i++) {
              ring[i] = (ring[i] as number) + (q[i] as number);
              exact[i] = (exact[i] as number) + (q[i] as number);
            }
          }
          expect(Array.from(ring)).toEqual(exact);
          expect(() => dequantizeSum(ring, { clipRange: 3, bits, survivors: cohortSize })).not.toThrow();
        },
      ),
      { numRuns: 200 },
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

  it('the example count travels exactly and the weighted mean is within the rounding bound, for any cohort (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ w: fc.integer({ min: 0, max: 1500 }), x: fc.array(finite, { minLength: 3, maxLength: 3 }) }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 8, max: 16 }),
        randomWordsArb,
        (clients, maxWeight, bits, words) => {
          const n = clients.length;
          const options = { clipRange: 1, bits, cohortSize: n, maxWeight, random: cyclingSource(words) };
          const sum = new Uint32Array(4);
          for (const { w, x } of clients) {
            const q = quantizeWeighted(x, w, options);
            expect(q).toHaveLength(4);
            expect(q[3]).toBe(Math.min(w, maxWeight));
            for (let i = 0; i < 4; i++) sum[i] = (sum[i] as number) + (q[i] as number);
          }
          const { mean, totalWeight } = dequantizeWeightedMean(sum, { clipRange: 1, bits, survivors: n, maxWeight });
          const weights = clients.map(({ w }) => Math.min(w, maxWeight));
          const wSum = weights.reduce((a, b) => a + b, 0);
          expect(totalWeight).toBe(wSum);
          if (wSum === 0) {
            expect(Array.from(mean)).toEqual([0, 0, 0]);
            return;
          }
          // Each device's entry is (w'/W)·clip(x) rounded to a neighbouring level: off by less
          // than one step, so the mean is off by less than n·step·W/Σw'.
          const bound = (n * (2 / (2 ** bits - 1)) * maxWeight) / wSum;
          for (let i = 0; i < 3; i++) {
            const exact = clients.reduce((a, { x }, u) => a + (weights[u] as number) * Math.min(1, Math.max(-1, x[i] as number)), 0) / wSum;
            expect(Math.abs((mean[i] as number) - exact)).toBeLessThanOrEqual(bound * (1 + 1e-9) + 1e-12);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('checks the weight headroom too', () => {
    const e = errorOf(() => quantizeWeighted([0], 1, { clipRange: 1, bits: 8, cohortSize: 1000, maxWeight: 5_000_000 }));
    expect(e.code).toBe('OVERFLOW_RISK');
    expect(e.message).toContain('weights up to 5000000');
    expect(errorOf(() => quantizeWeighted([0], -1, { clipRange: 1, cohortSize: 10, maxWeight: 10 })).code).toBe('INVALID_INPUT');
    expect(errorOf(() => quantizeWeighted([0], 1.5, { clipRange: 1, cohortSize: 10, maxWeight: 10 })).code).toBe('INVALID_INPUT');
  });
});
