/**
 * The distributed discrete Gaussian mechanism (Kairouz, Liu & Steinke 2021, "The
 * Distributed Discrete Gaussian Mechanism for Federated Learning with Secure Aggregation",
 * ICML; arXiv:2102.06387): the randomized Hadamard rotation, conditional randomized
 * rounding, planning, encode → modular sum → decode, and the RDP with Poisson sampling
 * (Zhu & Wang 2019, Thm 6).
 *
 * Reference values come from fixtures/distributed-reference.py: the rotation as a dense
 * scipy Hadamard product with signs from a separate Python xoshiro128**, and the RDP summed
 * directly with 50-digit mpmath. Randomness is a seeded AES-256-CTR keystream
 * (helpers/seeded-random.ts); statistical bounds are those of helpers/statistics.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ORDERS,
  DpError,
  PrivacyAccountant,
  computeDistributedRdp,
  computeRdp,
  decodeDistributedSum,
  encodeDistributedUpdate,
  inverseRandomizedHadamard,
  noiseMultiplierFor,
  noiseMultiplierForDistributed,
  planDistributedDp,
  randomizedHadamard,
  rdpToEpsilon,
  type DistributedDpPlan,
  type DistributedDpPlanOptions,
  type DistributedEncoding,
} from '../src/index.ts';
import {
  Xoshiro128StarStar,
  conditionalRandomizedRounding,
  distributedTau,
  splitmix32State,
} from '../src/distributed.ts';
import { RandomStream } from '../src/random.ts';
import { seededRandom } from './helpers/seeded-random.ts';
import { Z_BOUND, expectZ } from './helpers/statistics.ts';

interface Reference {
  generator: string;
  rotations: { x: number[]; seed: number; paddedDimension: number; signWords: number[]; y: number[] }[];
  rdp: {
    plan: { l2Sensitivity: number; l1Sensitivity: number; localSigma2: number; minClients: number; paddedDimension: number };
    samplingRate: number;
    tau: string;
    orders: number[];
    rdp: string[];
  }[];
}
const reference = JSON.parse(
  readFileSync(new URL('./fixtures/distributed-reference.json', import.meta.url), 'utf8'),
) as Reference;

function expectDpError(fn: () => unknown, code: string, message: RegExp): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(DpError);
  expect((thrown as DpError).code).toBe(code);
  expect((thrown as DpError).message).toMatch(message);
}

function norm(v: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] as number) ** 2;
  return Math.sqrt(s);
}

/** Deterministic test vectors with entries of both signs. */
function vector(length: number, salt: number, amplitude = 1): Float64Array {
  return Float64Array.from({ length }, (_, i) => amplitude * Math.sin(1.7 * i + salt) * Math.cos(0.31 * i * salt + 1));
}

/** The default headroom in standard deviations (2D·e^{−k²/2} = 2^−40), as documented. */
const defaultK = (D: number) => Math.sqrt(2 * Math.log((2 * D) / 2 ** -40));

/** The plan of the brief's realistic configuration. */
const REALISTIC = { clipNorm: 1, dimension: 4097, minClients: 60, maxClients: 1000, noiseMultiplier: 1 };

describe('randomized Hadamard rotation', () => {
  it('xoshiro128** reproduces the reference implementation from state {1, 2, 3, 4}', () => {
    // Blackman & Vigna, xoshiro128starstar.c (v1.1); the same vector is rand_xoshiro's test.
    const rng = new Xoshiro128StarStar([1, 2, 3, 4]);
    expect(Array.from({ length: 10 }, () => rng.next())).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('matches a dense Hadamard product with independently generated signs (fixture)', () => {
    for (const r of reference.rotations) {
      const rng = new Xoshiro128StarStar(splitmix32State(r.seed));
      expect([rng.next(), rng.next()], `sign words for seed ${r.seed}`).toEqual(r.signWords);
      const y = randomizedHadamard(r.x, r.seed, r.paddedDimension);
      expect(y).toHaveLength(r.paddedDimension);
      y.forEach((v, j) => expect(Math.abs(v - (r.y[j] as number)), `seed ${r.seed}, y[${j}]`).toBeLessThan(1e-14));
    }
  });

  it('is orthogonal and exactly inverted, at every power of two and padded lengths', () => {
    const cases: [number, number][] = [[1, 1], [4097, 8192], [3, 4], [1000, 1024]];
    for (let D = 1; D <= 4096; D *= 2) cases.push([D, D]);
    for (const [d, D] of cases) {
      const x = vector(d, d);
      const y = randomizedHadamard(x, 0xdeadbeef, D);
      expect(y).toHaveLength(D);
      expect(Math.abs(norm(y) - norm(x)) / norm(x), `norm at d=${d}, D=${D}`).toBeLessThan(1e-9);
      const back = inverseRandomizedHadamard(y, 0xdeadbeef, d);
      expect(back).toHaveLength(d);
      back.forEach((v, i) => expect(Math.abs(v - (x[i] as number)), `d=${d}, x[${i}]`).toBeLessThan(1e-12));
    }
  });

  it('spreads a one-hot vector evenly: every |coordinate| is 1/√D', () => {
    for (const D of [1, 2, 64, 8192]) {
      for (const hot of [0, D - 1, D >> 1]) {
        const x = new Float64Array(D);
        x[hot] = 1;
        const y = randomizedHadamard(x, 12345, D);
        for (const v of y) expect(Math.abs(Math.abs(v) - 1 / Math.sqrt(D))).toBeLessThan(1e-15);
      }
    }
  });

  it('the seed picks the rotation: the same seed repeats it, different seeds differ', () => {
    const x = vector(100, 3);
    const a = randomizedHadamard(x, 1, 128);
    expect(randomizedHadamard(x, 1, 128)).toEqual(a);
    for (const seed of [0, 2, 0xffffffff]) {
      const b = randomizedHadamard(x, seed, 128);
      let differing = 0;
      for (let j = 0; j < 128; j++) if (Math.abs((a[j] as number) - (b[j] as number)) > 1e-9) differing++;
      expect(differing, `seed ${seed}`).toBeGreaterThan(64);
    }
  });

  it('rejects bad arguments, naming them', () => {
    expectDpError(() => randomizedHadamard([1, 2, 3], 0, 2), 'INVALID_ARGUMENT', /^paddedDimension 2 is below the length of x \(3\)$/);
    expectDpError(() => randomizedHadamard([1], 0, 6), 'INVALID_ARGUMENT', /^paddedDimension must be a power of two/);
    expectDpError(() => randomizedHadamard([1, Number.NaN], 0, 2), 'INVALID_ARGUMENT', /^x\[1\] must be a finite number, got NaN$/);
    expectDpError(() => randomizedHadamard([1], -1, 1), 'INVALID_ARGUMENT', /^seed must be an integer in \[0, 2\^32\), got -1$/);
    expectDpError(() => randomizedHadamard([1], 2 ** 32, 1), 'INVALID_ARGUMENT', /^seed must be an integer/);
    expectDpError(() => inverseRandomizedHadamard([1, 2, 3], 0, 1), 'INVALID_ARGUMENT', /^y\.length must be a power of two/);
    expectDpError(() => inverseRandomizedHadamard([1, 2], 0, 3), 'INVALID_ARGUMENT', /^dimension must be an integer in \[0, 2\]/);
  });
});

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

describe('planDistributedDp', () => {
  it('with 32 bits and realistic numbers the grid is so fine that rounding and τ vanish', () => {
    const plan = planDistributedDp(REALISTIC);
    const c = plan.clipNorm / plan.scale;
    expect(plan.paddedDimension).toBe(8192);
    expect(plan.bits).toBe(32);
    expect(plan.tau).toBeLessThan(1e-12);
    expect(Math.abs(plan.l2Sensitivity / c - 1)).toBeLessThan(1e-3);
    expect(Math.abs(plan.effectiveNoiseMultiplier - 1)).toBeLessThan(1e-3);
    expect(plan.effectiveNoiseMultiplier).toBeGreaterThanOrEqual(1 - 1e-12);
    expect(plan.wrapProbabilityBound).toBeLessThan(1e-6);
    expect(Number.isSafeInteger(plan.localSigma2)).toBe(true);
    expect(plan.localSigma2).toBeLessThanOrEqual(2 ** 48);
  });

  it('follows the paper: Δ₂ (Thm 1, eq. 2), σ_loc², Δ₁, τ (eq. 3) and z_eff from the chosen γ', () => {
    for (const options of [REALISTIC, { ...REALISTIC, bits: 16, maxClients: 100 }, { ...REALISTIC, beta: 0.1, noiseMultiplier: 0.7 }]) {
      const plan = planDistributedDp(options);
      const D = plan.paddedDimension;
      const c = plan.clipNorm / plan.scale;
      const s = Math.sqrt(2 * Math.log(1 / plan.beta));
      const l2 = Math.sqrt(Math.min(c * c + D / 4 + s * (c + Math.sqrt(D) / 2), (c + Math.sqrt(D)) ** 2));
      expect(plan.l2Sensitivity / l2).toBeCloseTo(1, 12);
      expect(plan.localSigma2).toBe(Math.ceil((options.noiseMultiplier ** 2 * plan.l2Sensitivity ** 2) / options.minClients));
      expect(plan.l1Sensitivity).toBe(Math.min(Math.sqrt(D) * plan.l2Sensitivity, plan.l2Sensitivity ** 2));
      expect(plan.tau).toBe(distributedTau(plan.localSigma2, plan.minClients));
      expect(plan.effectiveNoiseMultiplier).toBe(Math.sqrt(plan.minClients * plan.localSigma2) / plan.l2Sensitivity);
    }
  });

  it('γ is the finest grid leaving k standard deviations of headroom at maxClients', () => {
    const cases: DistributedDpPlanOptions[] = [REALISTIC, { ...REALISTIC, bits: 16, maxClients: 100 }, { ...REALISTIC, bits: 24, wrapStddevs: 6 }];
    for (const options of cases) {
      const plan = planDistributedDp(options);
      const D = plan.paddedDimension;
      const N = plan.maxClients;
      const k = options.wrapStddevs ?? defaultK(D);
      const limit = 2 ** (plan.bits - 1) - 1;
      const used = (c: number, sigma2: number) => k * Math.sqrt((N * N * c * c) / D + N * sigma2) + N;
      const c = plan.clipNorm / plan.scale;
      expect(used(c, plan.localSigma2)).toBeLessThanOrEqual(limit);
      // A grid 0.1% finer would not fit.
      const finer = c * 1.001;
      const s = Math.sqrt(2 * Math.log(1 / plan.beta));
      const l2 = Math.sqrt(finer * finer + D / 4 + s * (finer + Math.sqrt(D) / 2));
      expect(used(finer, Math.ceil((options.noiseMultiplier * l2) ** 2 / plan.minClients))).toBeGreaterThan(limit);
      // The wrap bound is the union bound over D coordinates of the sub-Gaussian tail.
      expect(plan.wrapProbabilityBound).toBeLessThanOrEqual(2 * D * Math.exp(-(k * k) / 2) * (1 + 1e-9));
    }
  });

  it('the default headroom aims at a 2^−40 wrap probability per round', () => {
    const plan = planDistributedDp({ ...REALISTIC, bits: 20, maxClients: 200 });
    expect(plan.wrapProbabilityBound).toBeLessThanOrEqual(2 ** -40 * (1 + 1e-6));
    expect(plan.wrapProbabilityBound).toBeGreaterThan(2 ** -41);
    expect(defaultK(8192)).toBeGreaterThan(6);
  });

  it('keeps σ_loc within the sampler limit 2^24 when that binds before the headroom', () => {
    const plan = planDistributedDp({ clipNorm: 1, dimension: 1, minClients: 1, maxClients: 1, noiseMultiplier: 1 });
    expect(plan.localSigma2).toBeLessThanOrEqual(2 ** 48);
    expect(plan.localSigma2).toBeGreaterThan(2 ** 47.9);
    expect(plan.effectiveNoiseMultiplier).toBeCloseTo(1, 9);
  });

  it('rejects bad options and impossible rings, naming the field', () => {
    const bad: [Partial<Record<string, unknown>>, RegExp][] = [
      [{ clipNorm: 0 }, /^clipNorm must be a finite number > 0, got 0$/],
      [{ clipNorm: Infinity }, /^clipNorm must be/],
      [{ dimension: 0 }, /^dimension must be an integer in \[1, 2\^28\], got 0$/],
      [{ dimension: 2.5 }, /^dimension must be/],
      [{ minClients: 0 }, /^minClients must be a positive integer, got 0$/],
      [{ maxClients: 59 }, /^maxClients must be >= minClients \(60\), got 59$/],
      [{ noiseMultiplier: 0 }, /^noiseMultiplier must be a finite number > 0, got 0$/],
      [{ bits: 7 }, /^bits must be an integer in \[8, 32\], got 7$/],
      [{ bits: 33 }, /^bits must be/],
      [{ beta: 1 }, /^beta must be in \(0, 1\), got 1$/],
      [{ wrapStddevs: -1 }, /^wrapStddevs must be a finite number > 0, got -1$/],
      [{ bits: 8 }, /^bits 8 cannot hold the sum of maxClients 1000 updates/],
      [{ bits: 13, dimension: 2 ** 18, maxClients: 150 }, /^bits 13 cannot hold the sum of maxClients 150 updates at a useful precision: .*inflate the sensitivity 2\.\d\dx/],
    ];
    for (const [patch, message] of bad) {
      expectDpError(() => planDistributedDp({ ...REALISTIC, ...patch } as never), 'INVALID_ARGUMENT', message);
    }
    expectDpError(() => planDistributedDp(null as never), 'INVALID_ARGUMENT', /^options must be an object/);
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

describe('computeDistributedRdp', () => {
  it('matches the 50-digit mpmath reference (Prop. 14; Zhu & Wang Thm 6 at ⌈α⌉)', () => {
    for (const c of reference.rdp) {
      expect(distributedTau(c.plan.localSigma2, c.plan.minClients) / Math.max(Number(c.tau), 1e-300)).toBeCloseTo(
        Number(c.tau) > 1e-300 ? 1 : 0,
        12,
      );
      const got = computeDistributedRdp({ samplingRate: c.samplingRate, plan: c.plan, steps: 1, orders: c.orders });
      got.forEach((r, k) => {
        const want = Number(c.rdp[k]);
        expect(Math.abs(r - want) / want, `q=${c.samplingRate} σ²=${c.plan.localSigma2} α=${c.orders[k]}`).toBeLessThan(1e-12);
      });
    }
  });

  it('at q = 1 and τ ≈ 0 is the Gaussian mechanism α/(2·z_eff²)', () => {
    const plan = planDistributedDp(REALISTIC);
    const rdp = computeDistributedRdp({ samplingRate: 1, plan, steps: 3 });
    rdp.forEach((r, k) => {
      const alpha = DEFAULT_ORDERS[k] as number;
      expect(r / ((3 * alpha) / (2 * plan.effectiveNoiseMultiplier ** 2))).toBeCloseTo(1, 12);
    });
  });

  it('at q < 1 lies between the exact sampled Gaussian and the unsampled mechanism', () => {
    const plan = planDistributedDp(REALISTIC);
    for (const q of [1e-4, 0.01, 0.2, 0.9]) {
      const sampled = computeDistributedRdp({ samplingRate: q, plan, steps: 1 });
      const exact = computeRdp({ samplingRate: q, noiseMultiplier: plan.effectiveNoiseMultiplier, steps: 1 });
      const unsampled = computeDistributedRdp({ samplingRate: 1, plan, steps: 1 });
      sampled.forEach((r, k) => {
        const label = `q=${q} α=${DEFAULT_ORDERS[k]}`;
        expect(r, label).toBeGreaterThanOrEqual((exact[k] as number) * (1 - 1e-9));
        expect(r, label).toBeLessThanOrEqual(unsampled[k] as number);
      });
    }
  });

  it('at α = 2 is log((1 − q)(1 + q) + q²·e^{ε(2)})', () => {
    // l₂ = Δ₂/√(nσ²) = 20/√(4·100) = 1 and τ underflows, so ε(2) = 1.
    const plan = { l2Sensitivity: 20, l1Sensitivity: 80, localSigma2: 100, minClients: 4, paddedDimension: 16 };
    const [r] = computeDistributedRdp({ samplingRate: 0.1, plan, steps: 1, orders: [2] });
    expect(r).toBeCloseTo(Math.log(0.99 + 0.01 * Math.E), 15);
    expect(r).toBeCloseTo(0.01703686323617655, 15); // mpmath, 30 digits: 0.017036863236176549786
  });

  it('multiplies by steps; is 0 for q = 0 or no steps; ∞ at α = ∞', () => {
    const plan = planDistributedDp(REALISTIC);
    const one = computeDistributedRdp({ samplingRate: 0.05, plan, steps: 1, orders: [2, 8.5, 32] });
    const many = computeDistributedRdp({ samplingRate: 0.05, plan, steps: 250, orders: [2, 8.5, 32] });
    many.forEach((r, k) => expect(r).toBeCloseTo(250 * (one[k] as number), 12));
    expect(computeDistributedRdp({ samplingRate: 0, plan, steps: 5, orders: [2, Infinity] })).toEqual([0, 0]);
    expect(computeDistributedRdp({ samplingRate: 0.5, plan, steps: 0, orders: [2] })).toEqual([0]);
    expect(computeDistributedRdp({ samplingRate: 0.5, plan, steps: 1, orders: [Infinity] })).toEqual([Infinity]);
  });

  it('a fractional order takes the bound at the next integer up, capped by the unsampled value', () => {
    const plan = planDistributedDp(REALISTIC);
    const [frac, ceil] = computeDistributedRdp({ samplingRate: 0.01, plan, steps: 1, orders: [7.2, 8] });
    const [unsampled] = computeDistributedRdp({ samplingRate: 1, plan, steps: 1, orders: [7.2] });
    expect(frac).toBe(Math.min(ceil as number, unsampled as number));
  });

  it('rejects bad steps and plans, naming the field', () => {
    const plan = planDistributedDp(REALISTIC);
    expectDpError(() => computeDistributedRdp({ samplingRate: 2, plan, steps: 1 }), 'INVALID_ARGUMENT', /^samplingRate must be in \[0, 1\], got 2$/);
    expectDpError(() => computeDistributedRdp({ samplingRate: 0.1, plan, steps: -1 }), 'INVALID_ARGUMENT', /^steps must be a non-negative integer/);
    expectDpError(
      () => computeDistributedRdp({ samplingRate: 0.1, plan: { ...plan, localSigma2: 0.2 }, steps: 1 }),
      'INVALID_ARGUMENT',
      /^plan\.localSigma2 must be a finite number >= 0\.25/,
    );
    expectDpError(
      () => computeDistributedRdp({ samplingRate: 0.1, plan: { ...plan, l2Sensitivity: Number.NaN }, steps: 1 }),
      'INVALID_ARGUMENT',
      /^plan\.l2Sensitivity must be a finite number > 0, got NaN$/,
    );
    expectDpError(
      () => computeDistributedRdp({ samplingRate: 0.1, plan: { ...plan, minClients: 0 }, steps: 1 }),
      'INVALID_ARGUMENT',
      /^plan\.minClients must be a positive integer, got 0$/,
    );
    expectDpError(() => computeDistributedRdp({ samplingRate: 0.1, plan, steps: 1, orders: [1] }), 'INVALID_ARGUMENT', /^orders\[0\] must be a number > 1/);
  });
});

describe('noiseMultiplierForDistributed', () => {
  const target = { samplingRate: 0.01, steps: 1000, delta: 1e-6, targetEpsilon: 3 };

  it('meets the target ε, and needs at least the noise of the central sampled Gaussian', () => {
    const { noiseMultiplier, plan, epsilon } = noiseMultiplierForDistributed({ ...target, ...REALISTIC });
    expect(epsilon).toBeLessThanOrEqual(3);
    expect(Math.abs(epsilon / 3 - 1)).toBeLessThan(1e-3);
    expect(noiseMultiplier).toBeGreaterThanOrEqual(noiseMultiplierFor(target));
    // The plan is the one planDistributedDp gives, and the accountant agrees on ε.
    expect(plan).toEqual(planDistributedDp({ ...REALISTIC, noiseMultiplier }));
    const accountant = new PrivacyAccountant().composeDistributed({ samplingRate: 0.01, plan, steps: 1000 });
    expect(accountant.epsilon(1e-6)).toBe(epsilon);
    // Slightly less noise misses the target.
    const less = planDistributedDp({ ...REALISTIC, noiseMultiplier: noiseMultiplier * (1 - 1e-6) });
    const rdp = computeDistributedRdp({ samplingRate: 0.01, plan: less, steps: 1000 });
    expect(rdpToEpsilon({ orders: DEFAULT_ORDERS, rdp, delta: 1e-6 }).epsilon).toBeGreaterThan(3);
  });

  it('works at full participation and with a smaller ring', () => {
    const full = noiseMultiplierForDistributed({ samplingRate: 1, steps: 4, delta: 1e-3, targetEpsilon: 5, clipNorm: 1, dimension: 9, minClients: 3, maxClients: 12 });
    expect(Math.abs(full.epsilon / 5 - 1)).toBeLessThan(1e-3);
    const small = noiseMultiplierForDistributed({ ...target, ...REALISTIC, maxClients: 200, bits: 20 });
    expect(small.plan.bits).toBe(20);
    expect(Math.abs(small.epsilon / 3 - 1)).toBeLessThan(1e-3);
  });

  it('BUDGET_UNREACHABLE when the ring cannot hold the noise the target needs', () => {
    expectDpError(
      () => noiseMultiplierForDistributed({ ...target, targetEpsilon: 0.01, steps: 100_000, ...REALISTIC, bits: 12, maxClients: 100 }),
      'BUDGET_UNREACHABLE',
      /^targetEpsilon 0\.01 is unreachable .*the largest whose plan fits 12 bits/,
    );
  });

  it('rejects bad options, naming the field', () => {
    expectDpError(() => noiseMultiplierForDistributed({ ...target, ...REALISTIC, samplingRate: 0 }), 'INVALID_ARGUMENT', /^samplingRate must be in \(0, 1\]/);
    expectDpError(() => noiseMultiplierForDistributed({ ...target, ...REALISTIC, targetEpsilon: -1 }), 'INVALID_ARGUMENT', /^targetEpsilon must be a finite number > 0/);
    expectDpError(() => noiseMultiplierForDistributed({ ...target, ...REALISTIC, delta: 1 }), 'INVALID_ARGUMENT', /^delta must be in \[0, 1\)/);
    expectDpError(() => noiseMultiplierForDistributed({ ...target, ...REALISTIC, maxClients: 10 }), 'INVALID_ARGUMENT', /^maxClients must be >= minClients/);
  });
});

describe('PrivacyAccountant.composeDistributed', () => {
  const plan = planDistributedDp(REALISTIC);

  it('adds computeDistributedRdp to the per-order totals, with Gaussian steps alike', () => {
    const accountant = new PrivacyAccountant()
      .composeDistributed({ samplingRate: 0.01, plan, steps: 10 })
      .compose({ samplingRate: 0.02, noiseMultiplier: 1.1, steps: 5 });
    const distributed = computeDistributedRdp({ samplingRate: 0.01, plan, steps: 10 });
    const gaussian = computeRdp({ samplingRate: 0.02, noiseMultiplier: 1.1, steps: 5 });
    accountant.rdp().forEach((r, k) => expect(r).toBe((distributed[k] as number) + (gaussian[k] as number)));
    expect(accountant.steps).toBe(15);
  });

  it('round-trips through JSON and keeps composing identically', () => {
    const accountant = new PrivacyAccountant({ orders: [1.5, 2, 4, 16, 256] }).composeDistributed({ samplingRate: 0.05, plan, steps: 7 });
    const restored = PrivacyAccountant.fromJSON(JSON.parse(JSON.stringify(accountant)));
    expect(restored.rdp()).toEqual(accountant.rdp());
    expect(restored.orders).toEqual(accountant.orders);
    expect(restored.steps).toBe(7);
    expect(restored.epsilon(1e-5)).toBe(accountant.epsilon(1e-5));
    accountant.composeDistributed({ samplingRate: 0.05, plan, steps: 1 });
    restored.composeDistributed({ samplingRate: 0.05, plan, steps: 1 });
    expect(restored.toJSON()).toEqual(accountant.toJSON());
  });

  it('a rejected composeDistributed leaves the accountant unchanged', () => {
    const accountant = new PrivacyAccountant().composeDistributed({ samplingRate: 0.01, plan, steps: 1 });
    const before = accountant.toJSON();
    expectDpError(
      () => accountant.composeDistributed({ samplingRate: 0.01, plan: { ...plan, l1Sensitivity: -1 }, steps: 1 }),
      'INVALID_ARGUMENT',
      /^plan\.l1Sensitivity must be a finite number > 0, got -1$/,
    );
    expectDpError(() => accountant.composeDistributed(undefined as never), 'INVALID_ARGUMENT', /^step must be an object, got undefined$/);
    expect(accountant.toJSON()).toEqual(before);
  });
});
