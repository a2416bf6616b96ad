/**
 * The codec of the distributed discrete Gaussian mechanism (Kairouz, Liu & Steinke 2021,
 * arXiv:2102.06387, Algorithms 1–2): conditional randomized rounding (§4, Thm 1), and
 * encode → modular sum → decode. Randomness is a seeded AES-256-CTR keystream
 * (helpers/seeded-random.ts); statistical bounds are those of helpers/statistics.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  DpError,
  decodeDistributedSum,
  encodeDistributedUpdate,
  planDistributedDp,
  type DistributedDpPlan,
  type DistributedEncoding,
} from '../../src/index.ts';
import { conditionalRandomizedRounding } from '../../src/distributed/rounding.ts';
import { RandomStream } from '../../src/random.ts';
import { expectDpError, norm, vector } from '../helpers/distributed.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { Z_BOUND, expectZ } from '../helpers/statistics.ts';

describe('conditional randomized rounding', () => {
  const D = 16;
  const beta = Math.exp(-0.5);
  /** Kairouz et al. 2021, Thm 1 (eq. 2), with √(2 ln(1/β)) = 1. */
  const bound = (c: number) => Math.sqrt(Math.min(c * c + D / 4 + (c + Math.sqrt(D) / 2), (c + Math.sqrt(D)) ** 2));

  function run(x: Float64Array, trials: number, seed: string) {
    const stream = new RandomStream(seededRandom(seed));
    const l2 = bound(norm(x));
    const sum = new Float64Array(D);
    let attempts = 0;
    let maxNorm = 0;
    let offGrid = 0; // entries that are not ⌊x_j⌋ or ⌈x_j⌉
    for (let t = 0; t < trials; t++) {
      const r = conditionalRandomizedRounding(x, l2, beta, stream);
      attempts += r.attempts;
      maxNorm = Math.max(maxNorm, norm(r.rounded));
      for (let j = 0; j < D; j++) {
        const v = r.rounded[j] as number;
        if (!Number.isInteger(v) || !(Math.abs(v - (x[j] as number)) < 1)) offGrid++;
        sum[j] = (sum[j] as number) + v;
      }
    }
    expect(offGrid).toBe(0);
    return { l2, mean: sum.map((s) => s / trials), acceptance: trials / attempts, maxNorm };
  }

  it('never exceeds Δ₂, redrawing the vectors that would', () => {
    // Every entry fractional, norm 4.3: the bound binds often.
    const v = vector(D, 5);
    const x = v.map((e) => (e * 4.3) / norm(v));
    const { l2, acceptance, maxNorm } = run(x, 20_000, 'rounding-bound');
    expect(maxNorm).toBeLessThanOrEqual(l2);
    expect(acceptance).toBeLessThan(1); // the conditioning was exercised...
    expect(acceptance).toBeGreaterThanOrEqual(1 - beta); // ...and succeeds as often as Thm 1 promises
  });

  it('is unbiased where the bound does not bind', () => {
    // c² ≈ 4.64, so Δ₂² ≈ 4.64 + 4 + 2.15 + 2 = 12.8 ≥ 12, the largest ‖x̃‖² any rounding gives.
    const x = new Float64Array(D);
    x.set([0.3, -0.7, 0.45, 0.2, 1.5, -1.25]);
    const trials = 20_000;
    const { mean, acceptance } = run(x, trials, 'rounding-unbiased');
    expect(acceptance).toBe(1);
    mean.forEach((m, j) => {
      const p = (x[j] as number) - Math.floor(x[j] as number);
      expectZ(m, x[j] as number, Math.sqrt((p * (1 - p)) / trials) || 1e-300, `E[x̃_${j}]`);
    });
  });

  it('decides the norm bound exactly, also where a floating-point sum of squares cannot', () => {
    const stream = new RandomStream(seededRandom('rounding-exact'));
    // Integer entries round to themselves: ‖x̃‖ = ‖x‖ every time.
    const x = Float64Array.from([3, 4]);
    expect(conditionalRandomizedRounding(x, 5, beta, stream).attempts).toBe(1);
    expectDpError(() => conditionalRandomizedRounding(x, 5 - 2 ** -50, beta, stream), 'NUMERICAL_FAILURE', /^conditional rounding failed 1000 times/);
    // Squares above 2^53: the double sum is inexact, the BigInt comparison is not.
    const big = Float64Array.from([94906267, 94906267, 1]);
    const exact = 2n * 94906267n ** 2n + 1n;
    for (const bound of [Math.sqrt(Number(exact)), Math.sqrt(Number(exact)) * (1 - 2 ** -52), Math.sqrt(Number(exact)) * (1 + 2 ** -52)]) {
      let num = bound;
      let shift = 0n;
      while (!Number.isInteger(num)) {
        num *= 2;
        shift++;
      }
      const fits = exact << (2n * shift) <= BigInt(num) ** 2n;
      if (fits) expect(conditionalRandomizedRounding(big, bound, beta, stream).attempts).toBe(1);
      else expect(() => conditionalRandomizedRounding(big, bound, beta, stream)).toThrow(DpError);
    }
  });

  it('biases a vector at the clip norm by no more than the conditioning allows', () => {
    // E[x̃ − x | A] = −E[r·1_{not A}]/P(A), and |E[r_j·1_{not A}]| ≤ √(p_j(1−p_j))·√(1 − P(A)).
    const v = vector(D, 2);
    const x = v.map((e) => (e * 6) / norm(v));
    const trials = 20_000;
    const { mean, acceptance } = run(x, trials, 'rounding-bias');
    mean.forEach((m, j) => {
      const p = (x[j] as number) - Math.floor(x[j] as number);
      const sd = Math.sqrt(p * (1 - p));
      const allowed = (sd * Math.sqrt(1 - acceptance)) / acceptance + Z_BOUND * (sd / Math.sqrt(trials));
      expect(Math.abs(m - (x[j] as number)), `bias of x̃_${j}`).toBeLessThanOrEqual(allowed + 1e-12);
    });
  });
});

describe('encode, modular sum, decode', () => {
  /** The secure aggregation's job: the sum mod 2^32 of the devices' vectors. */
  function ringSum(vectors: Uint32Array[]): Uint32Array {
    const sum = new Uint32Array((vectors[0] as Uint32Array).length);
    for (const v of vectors) for (let j = 0; j < v.length; j++) sum[j] = ((sum[j] as number) + (v[j] as number)) >>> 0;
    return sum;
  }

  function simulate(plan: DistributedDpPlan, devices: number, seed: string, rotationSeed: number) {
    const random = seededRandom(seed);
    const truth = new Float64Array(plan.dimension);
    const encoded: Uint32Array[] = [];
    let clippedCount = 0;
    for (let i = 0; i < devices; i++) {
      // Norms from 0.2 to 3× the clip norm: some are clipped.
      const update = vector(plan.dimension, i + 1);
      const target = plan.clipNorm * (0.2 + (2.8 * i) / Math.max(1, devices - 1));
      const u = update.map((v) => (v * target) / norm(update));
      const e = encodeDistributedUpdate(u, plan, rotationSeed, random);
      expect(e.values).toHaveLength(plan.paddedDimension);
      expect(e.norm).toBeCloseTo(target, 9);
      expect(e.clipped).toBe(target > plan.clipNorm);
      expect(e.roundingAttempts).toBeGreaterThanOrEqual(1);
      if (e.clipped) clippedCount++;
      const scale = Math.min(1, plan.clipNorm / e.norm);
      u.forEach((v, j) => (truth[j] = (truth[j] as number) + v * scale));
      encoded.push(e.values);
    }
    expect(clippedCount).toBeGreaterThan(0);
    return { truth, sum: ringSum(encoded) };
  }

  it('n devices summed mod 2^32 decode to the sum of their clipped updates plus noise of std √(nσ²)·γ', () => {
    const n = 12;
    const plan = planDistributedDp({ clipNorm: 1, dimension: 4097, minClients: n, maxClients: 100, noiseMultiplier: 1 });
    const { truth, sum } = simulate(plan, n, 'distributed-sum', 0x5eed);
    const decoded = decodeDistributedSum(sum, plan, 0x5eed, n);
    expect(decoded.sum).toHaveLength(4097);
    expect(decoded.outOfRange).toBe(0);
    let s = 0;
    let s2 = 0;
    decoded.sum.forEach((v, j) => {
      const e = v - (truth[j] as number);
      s += e;
      s2 += e * e;
    });
    const d = plan.dimension;
    const expectedStd = Math.sqrt(n * plan.localSigma2) * plan.scale; // ≈ z·C = 1
    const std = Math.sqrt(s2 / d - (s / d) ** 2);
    expect(Math.abs(std / expectedStd - 1)).toBeLessThan(0.1);
    expectZ(s / d, 0, expectedStd / Math.sqrt(d), 'mean decoding error');
  });

  it('with little noise the decoded sum is the sum of the clipped updates to within the grid', () => {
    const n = 5;
    const plan = planDistributedDp({ clipNorm: 2, dimension: 300, minClients: n, maxClients: 50, noiseMultiplier: 1e-6 });
    const { truth, sum } = simulate(plan, n, 'distributed-exact', 77);
    const decoded = decodeDistributedSum(sum, plan, 77, n);
    // Rounding moves each device's rotated entry by < γ, the noise is ~1e-6: far below 1e-4.
    decoded.sum.forEach((v, j) => expect(Math.abs(v - (truth[j] as number)), `entry ${j}`).toBeLessThan(1e-4));
    expect(decoded.outOfRange).toBe(0);
  });

  it('a smaller ring (16 bits) round-trips through a 32-bit secure sum', () => {
    const n = 4;
    const plan = planDistributedDp({ clipNorm: 1, dimension: 50, minClients: n, maxClients: 10, noiseMultiplier: 0.01, bits: 16 });
    const { truth, sum } = simulate(plan, n, 'distributed-16', 3);
    const decoded = decodeDistributedSum(sum, plan, 3, n);
    // Per coordinate: noise variance nσ²γ², rounding (rotated back) at most n/4·γ².
    const errorStd = Math.sqrt(n * plan.localSigma2 + n / 4) * plan.scale;
    decoded.sum.forEach((v, j) => expect(Math.abs(v - (truth[j] as number))).toBeLessThan(Z_BOUND * errorStd));
    expect(decoded.outOfRange).toBe(0);
  });

  it('encodes into [0, 2^bits)', () => {
    const plan = planDistributedDp({ clipNorm: 1, dimension: 200, minClients: 2, maxClients: 4, noiseMultiplier: 1, bits: 12 });
    const { values } = encodeDistributedUpdate(vector(200, 1), plan, 9, seededRandom('ring-12'));
    expect(Math.max(...values)).toBeLessThan(4096);
  });

  it('flags a sum that wrapped around the ring', () => {
    const plan = planDistributedDp({ clipNorm: 1, dimension: 64, minClients: 2, maxClients: 8, noiseMultiplier: 1 });
    const { sum } = simulate(plan, 2, 'distributed-wrap', 11);
    expect(decodeDistributedSum(sum, plan, 11, 2).outOfRange).toBe(0);
    sum[3] = ((sum[3] as number) + 2 ** 31) >>> 0;
    sum[9] = ((sum[9] as number) + 2 ** 30) >>> 0;
    expect(decodeDistributedSum(sum, plan, 11, 2).outOfRange).toBe(2);
  });

  it('a device needs only its part of the plan', () => {
    const plan = planDistributedDp({ clipNorm: 1, dimension: 10, minClients: 2, maxClients: 4, noiseMultiplier: 1 });
    const { dimension, paddedDimension, bits, clipNorm, scale, localSigma2, l2Sensitivity, beta } = plan;
    const wire: DistributedEncoding = { dimension, paddedDimension, bits, clipNorm, scale, localSigma2, l2Sensitivity, beta };
    const a = encodeDistributedUpdate(vector(10, 1), wire, 5, seededRandom('device-plan'));
    const b = encodeDistributedUpdate(vector(10, 1), plan, 5, seededRandom('device-plan'));
    expect(a).toEqual(b);
  });

  it('rejects bad updates, sums and counts, naming them', () => {
    const plan = planDistributedDp({ clipNorm: 1, dimension: 4, minClients: 2, maxClients: 5, noiseMultiplier: 1 });
    expectDpError(() => encodeDistributedUpdate([1, 2, 3], plan, 0), 'INVALID_ARGUMENT', /^update has 3 values, plan\.dimension is 4$/);
    expectDpError(() => encodeDistributedUpdate([1, 2, Infinity, 4], plan, 0), 'INVALID_ARGUMENT', /^update\[2\] must be a finite number, got Infinity$/);
    expectDpError(() => encodeDistributedUpdate([1, 2, 3, 4], plan, 1.5), 'INVALID_ARGUMENT', /^rotationSeed must be an integer/);
    expectDpError(() => encodeDistributedUpdate([1, 2, 3, 4], { ...plan, localSigma2: 0.5 }, 0), 'INVALID_ARGUMENT', /^plan\.localSigma2 must be an integer/);
    expectDpError(() => encodeDistributedUpdate([1, 2, 3, 4], { ...plan, paddedDimension: 2 }, 0), 'INVALID_ARGUMENT', /^plan\.paddedDimension 2 is below plan\.dimension 4$/);
    const sum = new Uint32Array(4);
    expectDpError(() => decodeDistributedSum(new Uint32Array(8), plan, 0, 2), 'INVALID_ARGUMENT', /^sum has 8 values, plan\.paddedDimension is 4$/);
    expectDpError(() => decodeDistributedSum([0, 0, 0, 0] as never, plan, 0, 2), 'INVALID_ARGUMENT', /^sum must be a Uint32Array/);
    expectDpError(() => decodeDistributedSum(sum, plan, 0, 1), 'INVALID_ARGUMENT', /^clients must be an integer in \[2, 5\] \(plan\.minClients, plan\.maxClients\), got 1$/);
    expectDpError(() => decodeDistributedSum(sum, plan, 0, 6), 'INVALID_ARGUMENT', /^clients must be an integer in \[2, 5\]/);
  });
});
