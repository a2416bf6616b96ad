/**
 * Central Gaussian noise (Box–Muller over a cryptographic source) against N(0, σ²):
 * mean, variance (μ₄ = 3σ⁴), tail frequencies P[|X| > kσ] = erfc(k/√2) and a binned χ².
 * Seeded AES-256-CTR randomness; bounds in helpers/statistics.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { DpError, addGaussianNoise, gaussianNoise } from '../src/index.ts';
import { seededRandom } from './helpers/seeded-random.ts';
import { expectChiSquare, expectZ } from './helpers/statistics.ts';

/** P[|Z| > k] for k = 1, 2, 3 (erfc(k/√2), mpmath). */
const TWO_SIDED_TAIL: [number, number][] = [
  [1, 0.31731050786291410283],
  [2, 0.045500263896358417171],
  [3, 0.0026997960632601866142],
];

/** Φ(x) by Simpson's rule on the density from −12 (error far below what χ² can see). */
function normalCdf(x: number): number {
  const steps = 4000;
  const a = -12;
  const h = (x - a) / steps;
  let s = 0;
  for (let i = 0; i <= steps; i++) {
    const z = a + i * h;
    const w = i === 0 || i === steps ? 1 : i % 2 === 1 ? 4 : 2;
    s += w * Math.exp(-(z * z) / 2);
  }
  return (s * h) / 3 / Math.sqrt(2 * Math.PI);
}

describe('gaussianNoise', () => {
  const N = 1_000_000;

  for (const sigma of [1, 3.5]) {
    it(`σ = ${sigma}: mean, variance, tails and χ² over ${N} samples`, () => {
      const x = gaussianNoise(N, sigma, seededRandom(`gaussian σ=${sigma}`));
      expect(x).toBeInstanceOf(Float64Array);
      let sum = 0;
      let sumSq = 0;
      for (const v of x) {
        sum += v;
        sumSq += v * v;
      }
      const s2 = sigma * sigma;
      expectZ(sum / N, 0, Math.sqrt(s2 / N), 'mean');
      expectZ(sumSq / N, s2, Math.sqrt((2 * s2 * s2) / N), 'second moment');
      for (const [k, p] of TWO_SIDED_TAIL) {
        let count = 0;
        for (const v of x) if (Math.abs(v) > k * sigma) count++;
        expectZ(count / N, p, Math.sqrt((p * (1 - p)) / N), `P[|X| > ${k}σ]`);
      }
      // χ² over 14 bins of width σ/2 in (−3.5σ, 3.5σ) plus the two tails.
      const edges = Array.from({ length: 15 }, (_, i) => -3.5 + i / 2);
      const cdf = edges.map(normalCdf);
      const probabilities = [cdf[0] as number, ...cdf.slice(1).map((c, i) => c - (cdf[i] as number)), 1 - (cdf[14] as number)];
      const counts = new Float64Array(probabilities.length);
      for (const v of x) {
        const u = v / sigma;
        const bin = u < -3.5 ? 0 : u >= 3.5 ? 15 : 1 + Math.floor((u + 3.5) * 2);
        counts[bin] = (counts[bin] as number) + 1;
      }
      expectChiSquare(counts, probabilities, N, 'χ²');
    });
  }

  it('addGaussianNoise adds in place to Float32Array and Float64Array', () => {
    const base = Float32Array.from({ length: 100_001 }, (_, i) => i % 7);
    const noisy = addGaussianNoise(Float32Array.from(base), 0.5, seededRandom('f32'));
    expect(noisy).toBeInstanceOf(Float32Array);
    let sum = 0;
    let sumSq = 0;
    noisy.forEach((v, i) => {
      const d = v - (base[i] as number);
      sum += d;
      sumSq += d * d;
    });
    expectZ(sum / base.length, 0, Math.sqrt(0.25 / base.length), 'mean');
    expectZ(sumSq / base.length, 0.25, Math.sqrt((2 * 0.0625) / base.length), 'variance');
    const f64 = new Float64Array(3);
    expect(addGaussianNoise(f64, 1, seededRandom('f64'))).toBe(f64);
    expect(f64.every((v) => v !== 0)).toBe(true);
  });

  it('σ = 0 gives zeros; is repeatable with a seed; uses globalThis.crypto, never Math.random', () => {
    expect(gaussianNoise(4, 0)).toEqual(new Float64Array(4));
    expect(gaussianNoise(9, 2, seededRandom('s'))).toEqual(gaussianNoise(9, 2, seededRandom('s')));
    const spy = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random must not be used');
    });
    try {
      const x = gaussianNoise(40_000, 1);
      expect(new Set(x).size).toBe(40_000);
    } finally {
      spy.mockRestore();
    }
  });

  it('rejects bad arguments', () => {
    expect(() => gaussianNoise(-1, 1)).toThrow(/^n must be a non-negative integer, got -1$/);
    expect(() => gaussianNoise(3, -2)).toThrow(/^sigma must be a finite number >= 0, got -2$/);
    expect(() => gaussianNoise(3, Infinity)).toThrow(DpError);
    expect(() => addGaussianNoise([1, 2] as never, 1)).toThrow(/^values must be a Float32Array or Float64Array/);
  });
});
