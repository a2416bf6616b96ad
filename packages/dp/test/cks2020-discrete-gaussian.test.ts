/**
 * The exact discrete Gaussian sampler of Canonne, Kamath & Steinke 2020 ("The Discrete
 * Gaussian for Differential Privacy", arXiv:2004.00010, Algorithms 1–3), tested against
 * the exact distribution P[X = x] = e^{−x²/(2σ²)} / Σ_y e^{−y²/(2σ²)}, whose moments and
 * tails are computed by summing the pmf. Randomness is a seeded AES-256-CTR keystream
 * (helpers/seeded-random.ts), so the runs are repeatable; bounds in helpers/statistics.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import { DpError, sampleDiscreteGaussian } from '../src/index.ts';
import {
  DiscreteGaussianSampler,
  bernoulliExpNeg,
  bernoulliExpNegAtMostOne,
  bernoulliRatio,
  bernoulliRatioBig,
  sampleDiscreteLaplace,
  toRational,
} from '../src/discrete-gaussian.ts';
import { RandomStream } from '../src/random.ts';
import { seededRandom } from './helpers/seeded-random.ts';
import { expectChiSquare, expectZ } from './helpers/statistics.ts';

/** The exact pmf on [−K, K] (the mass beyond is below 1e-300), and its moments. */
function exactDiscreteGaussian(sigma2: number) {
  const K = Math.ceil(40 * Math.sqrt(sigma2)) + 10;
  const pmf = new Float64Array(2 * K + 1);
  let z = 0;
  for (let x = -K; x <= K; x++) z += pmf[x + K] = Math.exp(-(x * x) / (2 * sigma2));
  let variance = 0;
  let fourth = 0;
  for (let x = -K; x <= K; x++) {
    pmf[x + K] = (pmf[x + K] as number) / z;
    variance += x * x * (pmf[x + K] as number);
    fourth += x * x * x * x * (pmf[x + K] as number);
  }
  const p = (x: number) => (Math.abs(x) > K ? 0 : (pmf[x + K] as number));
  /** P[|X| ≥ k]. */
  const tail = (k: number) => {
    let t = 0;
    for (let x = k; x <= K; x++) t += 2 * p(x);
    return k === 0 ? t - p(0) : t;
  };
  return { K, p, variance, fourth, tail };
}

/** Mean, second moment, tails and χ² of `samples` against N_Z(0, sigma2). */
function checkAgainstExact(samples: Int32Array, sigma2: number, label: string): void {
  const n = samples.length;
  const exact = exactDiscreteGaussian(sigma2);
  let sum = 0;
  let sumSq = 0;
  for (const x of samples) {
    sum += x;
    sumSq += x * x;
  }
  expectZ(sum / n, 0, Math.sqrt(exact.variance / n), `${label} mean`);
  expectZ(sumSq / n, exact.variance, Math.sqrt((exact.fourth - exact.variance ** 2) / n), `${label} second moment`);

  const sigma = Math.sqrt(sigma2);
  for (const k of new Set([1, 2, Math.ceil(sigma), Math.ceil(2 * sigma), Math.ceil(3 * sigma)])) {
    const p = exact.tail(k);
    if (n * p < 500) continue;
    let count = 0;
    for (const x of samples) if (Math.abs(x) >= k) count++;
    expectZ(count / n, p, Math.sqrt((p * (1 - p)) / n), `${label} P[|X| ≥ ${k}]`);
  }

  // χ²: one bin per x in (−m, m), plus "≤ −m" and "≥ m", every bin expecting ≥ 100.
  let m = 1;
  while (n * exact.p(m) >= 100 && (n * exact.tail(m + 1)) / 2 >= 100) m++;
  const probabilities: number[] = [exact.tail(m) / 2];
  for (let x = -m + 1; x <= m - 1; x++) probabilities.push(exact.p(x));
  probabilities.push(exact.tail(m) / 2);
  const counts = new Float64Array(probabilities.length);
  for (const x of samples) {
    const bin = x <= -m ? 0 : x >= m ? counts.length - 1 : x + m;
    counts[bin] = (counts[bin] as number) + 1;
  }
  expectChiSquare(counts, probabilities, n, `${label} χ²`);
}

describe('sampleDiscreteGaussian matches N_Z(0, σ²)', () => {
  const N = 1_000_000;
  for (const sigma of [0.5, 2, 10, 50]) {
    it(`σ = ${sigma}: mean, variance, tails and χ² over ${N} samples`, () => {
      const sigma2 = sigma * sigma;
      const samples = sampleDiscreteGaussian(sigma2, N, seededRandom(`discrete-gaussian σ=${sigma}`));
      expect(samples).toBeInstanceOf(Int32Array);
      expect(samples).toHaveLength(N);
      checkAgainstExact(samples, sigma2, `σ=${sigma}`);
    });
  }

  it('σ² as a Rational with a huge denominator (the BigInt path): σ² = 10 + 7e-39', () => {
    const sigma2 = { numerator: 10n ** 40n + 7n, denominator: 10n ** 39n };
    const samples = sampleDiscreteGaussian(sigma2, 300_000, seededRandom('discrete-gaussian bigint'));
    checkAgainstExact(samples, 10, 'σ²=10+7e-39');
  });

  it('σ² = 1/3 as a Rational, and σ² = 0.1 at its exact binary value', () => {
    checkAgainstExact(sampleDiscreteGaussian({ numerator: 1, denominator: 3 }, 300_000, seededRandom('1/3')), 1 / 3, 'σ²=1/3');
    checkAgainstExact(sampleDiscreteGaussian(0.1, 300_000, seededRandom('0.1')), 0.1, 'σ²=0.1');
    expect(toRational(0.1, 's')).toEqual({ numerator: 3602879701896397n, denominator: 36028797018963968n });
    expect(toRational({ numerator: 6n, denominator: 4n }, 's')).toEqual({ numerator: 3n, denominator: 2n });
  });

  it('large σ (σ² = 2^40): mean and variance', () => {
    const sigma2 = 2 ** 40;
    const samples = sampleDiscreteGaussian(sigma2, 200_000, seededRandom('2^40'));
    let sum = 0;
    let sumSq = 0;
    for (const x of samples) {
      sum += x;
      sumSq += x * x;
    }
    // At this σ the discrete Gaussian's variance is σ² to within e^{−2π²σ²}, and μ₄ = 3σ⁴.
    expectZ(sum / samples.length, 0, Math.sqrt(sigma2 / samples.length), 'mean');
    expectZ(sumSq / samples.length, sigma2, Math.sqrt((2 * sigma2 * sigma2) / samples.length), 'variance');
  });

  it('σ² = 0 gives zeros; count 0 gives an empty array', () => {
    expect(sampleDiscreteGaussian(0, 5)).toEqual(new Int32Array(5));
    expect(sampleDiscreteGaussian(4, 0)).toEqual(new Int32Array(0));
  });

  it('is repeatable with a seeded source and different across seeds', () => {
    const a = sampleDiscreteGaussian(25, 1000, seededRandom('same'));
    const b = sampleDiscreteGaussian(25, 1000, seededRandom('same'));
    const c = sampleDiscreteGaussian(25, 1000, seededRandom('other'));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('uses globalThis.crypto by default, never Math.random', () => {
    const spy = vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random must not be used');
    });
    const getRandomValues = vi.spyOn(globalThis.crypto, 'getRandomValues');
    try {
      const samples = sampleDiscreteGaussian(100, 20_000);
      expect(samples).toHaveLength(20_000);
      expect(getRandomValues).toHaveBeenCalled();
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
      getRandomValues.mockRestore();
    }
  });

  it('rejects bad arguments with INVALID_ARGUMENT and a precise message', () => {
    const bad: [() => unknown, RegExp][] = [
      [() => sampleDiscreteGaussian(-1, 1), /^sigma2 must be in \[0, 2\^48\], got -1$/],
      [() => sampleDiscreteGaussian(Number.NaN, 1), /^sigma2 must be in \[0, 2\^48\], got NaN$/],
      [() => sampleDiscreteGaussian(2 ** 48 + 1, 1), /^sigma2 must be in \[0, 2\^48\], got 281474976710657$/],
      [() => sampleDiscreteGaussian({ numerator: 1n, denominator: 0n }, 1), /^sigma2\.denominator must be > 0, got 0$/],
      [() => sampleDiscreteGaussian({ numerator: -1n, denominator: 2n }, 1), /^sigma2\.numerator must be >= 0, got -1$/],
      [() => sampleDiscreteGaussian({ numerator: 1.5, denominator: 2 }, 1), /^sigma2\.numerator must be an integer/],
      [() => sampleDiscreteGaussian(4, -1), /^count must be a non-negative integer, got -1$/],
      [() => sampleDiscreteGaussian(4, 1, 'seed' as never), /^random must be a function/],
    ];
    for (const [fn, message] of bad) {
      expect(fn).toThrow(DpError);
      expect(fn).toThrow(message);
    }
    expect(sampleDiscreteGaussian(2 ** 48, 1, seededRandom('max'))).toHaveLength(1);
  });
});

describe('the building blocks (CKS 2020, Algorithms 1 and 2)', () => {
  const N = 400_000;

  function frequency(draw: () => boolean): number {
    let hits = 0;
    for (let i = 0; i < N; i++) if (draw()) hits++;
    return hits / N;
  }

  function expectBernoulli(observed: number, p: number, label: string): void {
    if (p === 0 || p === 1) {
      expect(observed, label).toBe(p);
      return;
    }
    expectZ(observed, p, Math.sqrt((p * (1 - p)) / N), label);
  }

  it('Bernoulli(n/d) by bit comparison, in doubles and in BigInt', () => {
    const stream = new RandomStream(seededRandom('bernoulli ratio'));
    for (const [n, d] of [[0, 5], [5, 5], [1, 3], [2, 7], [1, 2], [999_999, 1_000_000], [3, 2 ** 52]] as const) {
      expectBernoulli(frequency(() => bernoulliRatio(stream, n, d)), n / d, `${n}/${d}`);
    }
    const big = 10n ** 30n;
    expectBernoulli(frequency(() => bernoulliRatioBig(stream, big / 3n, big)), 1 / 3, '10^30/3 / 10^30');
  });

  it('Bernoulli(e^−γ) for γ ∈ {0, 1/3, 1, 5/2, 7, 1 + 10^-30}', () => {
    const stream = new RandomStream(seededRandom('bernoulli exp'));
    expectBernoulli(frequency(() => bernoulliExpNegAtMostOne(stream, 0, 1)), 1, 'γ=0');
    expectBernoulli(frequency(() => bernoulliExpNegAtMostOne(stream, 1, 3)), Math.exp(-1 / 3), 'γ=1/3');
    expectBernoulli(frequency(() => bernoulliExpNegAtMostOne(stream, 1, 1)), Math.exp(-1), 'γ=1');
    expectBernoulli(frequency(() => bernoulliExpNeg(stream, 5n, 2n)), Math.exp(-2.5), 'γ=5/2');
    expectBernoulli(frequency(() => bernoulliExpNeg(stream, 7n, 1n)), Math.exp(-7), 'γ=7');
    const big = 10n ** 30n;
    expectBernoulli(frequency(() => bernoulliExpNeg(stream, big + 1n, big)), Math.exp(-1), 'γ=1+1e-30');
  });

  it('the discrete Laplace has P[Y = y] ∝ e^{−|y|/t} (t = 1, 3)', () => {
    for (const t of [1, 3]) {
      const stream = new RandomStream(seededRandom(`laplace t=${t}`));
      const r = Math.exp(-1 / t);
      const p = (y: number) => ((1 - r) / (1 + r)) * r ** Math.abs(y);
      let m = 1;
      while (N * p(m) >= 100 && (N * p(m + 1)) / (1 - r) >= 100) m++;
      const tail = p(m) / (1 - r); // P[Y ≥ m] = P[Y ≤ −m]
      const probabilities = [tail, ...Array.from({ length: 2 * m - 1 }, (_, i) => p(i - m + 1)), tail];
      const counts = new Float64Array(probabilities.length);
      for (let i = 0; i < N; i++) {
        const y = sampleDiscreteLaplace(stream, t);
        const bin = y <= -m ? 0 : y >= m ? counts.length - 1 : y + m;
        counts[bin] = (counts[bin] as number) + 1;
      }
      expectChiSquare(counts, probabilities, N, `discrete Laplace t=${t}`);
    }
  });

  it('uses t = ⌊σ⌋ + 1', () => {
    expect(new DiscreteGaussianSampler(0.25).t).toBe(1);
    expect(new DiscreteGaussianSampler(4).t).toBe(3);
    expect(new DiscreteGaussianSampler(3.99).t).toBe(2);
    expect(new DiscreteGaussianSampler({ numerator: 2 ** 48, denominator: 1 }).t).toBe(2 ** 24 + 1);
  });
});
