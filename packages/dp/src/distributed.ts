/**
 * Distributed DP under secure aggregation: the distributed discrete Gaussian mechanism of
 * Kairouz, Liu & Steinke 2021, "The Distributed Discrete Gaussian Mechanism for Federated
 * Learning with Secure Aggregation" (ICML; arXiv:2102.06387), Algorithms 1–2.
 *
 * Each device clips its update to L2 norm C, rotates it with a public randomized Hadamard
 * transform (which spreads the energy evenly, so no coordinate of the sum is much larger
 * than its norm over √D), divides by the step γ, rounds to integers by conditional
 * randomized rounding (norm ≤ Δ₂ enforced), adds its share N_Z(0, σ_loc²) of the noise
 * and reduces mod 2^bits. Secure aggregation adds the vectors mod 2^bits; the coordinator
 * lifts the sum to centred integers, multiplies by γ and rotates back. It adds no noise:
 * any committed sum holds the shares of at least `minClients` devices, whose sum is close
 * to N_Z(0, minClients·σ_loc²) (Kairouz et al., Thm 1 and Prop. 14; τ measures how close).
 *
 * The accounting composes that bound with Poisson sampling of devices through the general
 * subsampling bound of Zhu & Wang 2019 ("Poisson Subsampled Rényi Differential Privacy",
 * ICML, Thm 6), at integer orders.
 *
 * What the per-round bound covers: two sums that differ in one device's rounded vector,
 * with at least `minClients` noise shares in both (Kairouz et al.'s neighbouring notion).
 * A device's own share is part of the noise protecting it; a device that colludes with the
 * coordinator can subtract its own share, so against c colluding devices the guarantee is
 * that of minClients − c shares. Central mode has neither caveat: its noise is added after
 * the sum, at the coordinator.
 */
import { DpError, formatValue } from './errors.ts';
import { clipL2 } from './clipping.ts';
import { type RdpConversion, rdpToEpsilon } from './conversion.ts';
import { checkCalibrationOptions, smallestMeeting } from './calibration.ts';
import { MAX_DISCRETE_GAUSSIAN_SIGMA2, sampleDiscreteGaussian } from './discrete-gaussian.ts';
import { LogSumExpAccumulator, log1pExp, logExpm1 } from './log-math.ts';
import { type RandomSource, RandomStream } from './random.ts';
import { DEFAULT_ORDERS, checkOrders, checkSamplingRate, checkSteps } from './rdp.ts';

// ---------------------------------------------------------------------------------------
// Limits and defaults
// ---------------------------------------------------------------------------------------

/** The secure-aggregation ring: values are integers mod 2^32. */
const DEFAULT_RING_BITS = 32;
const MIN_RING_BITS = 8;
const MAX_RING_BITS = 32;

/** Kairouz et al. 2021 use β = e^{−1/2}: then √(2 ln(1/β)) = 1 and rounding succeeds with probability ≥ 1 − β ≈ 0.39 per try. */
const DEFAULT_BETA = Math.exp(-0.5);

/**
 * The per-round probability of a modular wrap that the default headroom aims at (2^−40 ≈
 * 9.1e−13): the default number of standard deviations is k = √(2 ln(2D / 2^−40)), which
 * makes the union bound 2D·e^{−k²/2} of {@link DistributedDpPlan.wrapProbabilityBound}
 * equal to it (k ≈ 7.8 at D = 1, 8.6 at D = 8192, 9.2 at D = 2^24).
 */
const DEFAULT_WRAP_PROBABILITY = 2 ** -40;

/** Longest update accepted (2^28 entries: a 2 GiB Float64Array once padded). */
const MAX_DIMENSION = 2 ** 28;

/**
 * Refuse plans where rounding to the integer grid inflates the sensitivity Δ₂ above this
 * multiple of the scaled clip norm C/γ: the noise in model units, z·Δ₂·γ, would then be
 * more than twice the z·C asked for. Only reached with few bits or very many clients.
 */
const MAX_SENSITIVITY_INFLATION = 2;

/** Conditional rounding retries: each try fails with probability ≤ β, so 1000 fail together with probability ≤ β^1000 (e^−500 at the default β). */
const MAX_ROUNDING_ATTEMPTS = 1000;

/**
 * τ sums minClients − 1 terms; beyond this many the rest are bounded by the last one
 * computed (the terms decrease in k), which can only overstate τ.
 */
const MAX_TAU_TERMS = 1_000_000;

/**
 * Above this integer order the Zhu–Wang sum (one term per order) is skipped in favour of
 * the unsampled bound, which is also valid and at such orders no worse in practice.
 */
const MAX_SUBSAMPLED_ORDER = 65_536;

/** Search range of {@link noiseMultiplierForDistributed}, as {@link noiseMultiplierFor}'s default. */
const MAX_SEARCHED_NOISE_MULTIPLIER = 1e6;
const MIN_SEARCHED_NOISE_MULTIPLIER = 1e-12;

// ---------------------------------------------------------------------------------------
// Planning
// ---------------------------------------------------------------------------------------

export interface DistributedDpPlanOptions {
  /** C: the L2 clip norm of one device's update, in model units; finite and > 0. */
  clipNorm: number;
  /** d: the length of the update vector; a positive integer ≤ 2^28. */
  dimension: number;
  /** The fewest devices whose noise is in any committed sum: the guarantee holds here. */
  minClients: number;
  /** The most devices that can ever be summed in one round: sets the modular headroom. */
  maxClients: number;
  /** z: the target standard deviation of the total noise at minClients devices, over the L2 sensitivity; finite and > 0. */
  noiseMultiplier: number;
  /** Ring bits, 8 to 32. @default 32 (the secure-aggregation ring) */
  bits?: number;
  /** Conditional randomized rounding parameter β ∈ (0, 1). @default Math.exp(-0.5) */
  beta?: number;
  /**
   * k: headroom in standard deviations of the sum of maxClients devices' coordinates.
   * @default √(2 ln(2D / 2^−40)), so that the per-round wrap probability bound is 2^−40 ≈ 9.1e−13 (≈ 8.6 at D = 8192)
   */
  wrapStddevs?: number;
}

/** Everything devices and the coordinator need to encode, decode and account one configuration. */
export interface DistributedDpPlan {
  /** d, the update length. */
  dimension: number;
  /** D, the next power of two ≥ d: the length of the rotated, encoded vector. */
  paddedDimension: number;
  bits: number;
  /** C, in model units. */
  clipNorm: number;
  beta: number;
  /** γ: model units per integer step. */
  scale: number;
  /** σ_loc², in integer units: each device's discrete Gaussian variance parameter (an integer ≤ 2^48, sampled exactly). */
  localSigma2: number;
  /** Δ₂ in integer units: the L2 norm bound enforced by conditional rounding (Kairouz et al. 2021, Thm 1). */
  l2Sensitivity: number;
  /** Δ₁ in integer units: min(√D·Δ₂, Δ₂²) (Cauchy–Schwarz; and |x| ≤ x² on the integers). */
  l1Sensitivity: number;
  minClients: number;
  maxClients: number;
  /** √(minClients·σ_loc²)/Δ₂: the noise multiplier the accountant sees (≥ the requested z, up to rounding). */
  effectiveNoiseMultiplier: number;
  /** τ = 10·Σ_{k=1}^{minClients−1} e^{−2π²σ_loc²·k/(k+1)}: the distance of the summed noise from one discrete Gaussian. */
  tau: number;
  /** An upper bound on the probability that any coordinate of a sum of maxClients devices wraps mod 2^bits, per round. */
  wrapProbabilityBound: number;
}

/**
 * Chooses the integer grid and the per-device noise for one configuration.
 *
 * Rule for γ: the finest grid (smallest γ, so the largest scaled clip norm c = C/γ) that
 * leaves k standard deviations of headroom for the sum of maxClients devices:
 *
 *     k·√V + N ≤ 2^(bits−1) − 1,   V = N²c²/D + N·σ_loc²,   N = maxClients,
 *
 * where σ_loc² = ⌈z²Δ₂(c)²/minClients⌉ and Δ₂(c) is the rounded-norm bound of Kairouz et
 * al. 2021 (Thm 1, eq. 2) — and σ_loc ≤ 2^24, the sampler's limit. Why: one coordinate of
 * the sum is (signal) + (rounding) + (noise). After the rotation with random signs the
 * signal coordinate is a Rademacher sum of the summed update's entries, sub-Gaussian with
 * variance proxy ‖Σ updates‖²/D ≤ N²c²/D (Hoeffding); the noise is a sum of N discrete
 * Gaussians, each σ_loc²-sub-Gaussian (Canonne, Kamath & Steinke 2020, §2); they are
 * independent, so their sum is V-sub-Gaussian; each device's rounding moves a coordinate
 * by less than 1, so the sum's by less than N. A finer grid only helps (Δ₂/c → 1, τ → 0),
 * so γ is as small as the headroom allows. With 32 bits the grid is extremely fine.
 * The signal bound assumes updates do not depend on the (public) rotation seed: a device
 * crafting its update against the seed can waste headroom and cause a wrap — a utility
 * failure that {@link decodeDistributedSum} flags — but not weaken the privacy guarantee.
 *
 * Throws `INVALID_ARGUMENT` naming the field when an option is out of range, or when no γ
 * fits (too few bits for maxClients, or a grid so coarse that rounding would more than
 * double the sensitivity).
 */
export function planDistributedDp(options: DistributedDpPlanOptions): DistributedDpPlan {
  const checked = checkPlanOptions(options);
  const result = searchPlan(checked, options.noiseMultiplier);
  if (typeof result === 'string') throw new DpError('INVALID_ARGUMENT', result);
  return result;
}

interface CheckedPlanOptions {
  clipNorm: number;
  dimension: number;
  paddedDimension: number;
  minClients: number;
  maxClients: number;
  bits: number;
  beta: number;
  wrapStddevs: number;
}

function checkPlanOptions(options: Omit<DistributedDpPlanOptions, 'noiseMultiplier'>): CheckedPlanOptions {
  checkObject(options, 'options');
  const { clipNorm, dimension, minClients, maxClients } = options;
  checkPositiveFinite(clipNorm, 'clipNorm');
  if (typeof dimension !== 'number' || !Number.isSafeInteger(dimension) || dimension < 1 || dimension > MAX_DIMENSION) {
    throw new DpError('INVALID_ARGUMENT', `dimension must be an integer in [1, 2^28], got ${formatValue(dimension)}`);
  }
  checkPositiveInteger(minClients, 'minClients');
  checkPositiveInteger(maxClients, 'maxClients');
  if (maxClients < minClients) {
    throw new DpError('INVALID_ARGUMENT', `maxClients must be >= minClients (${minClients}), got ${maxClients}`);
  }
  const bits = options.bits ?? DEFAULT_RING_BITS;
  checkBits(bits, 'bits');
  const beta = options.beta ?? DEFAULT_BETA;
  if (typeof beta !== 'number' || !(beta > 0 && beta < 1)) {
    throw new DpError('INVALID_ARGUMENT', `beta must be in (0, 1), got ${formatValue(beta)}`);
  }
  const paddedDimension = nextPowerOfTwo(dimension);
  const wrapStddevs = options.wrapStddevs ?? defaultWrapStddevs(paddedDimension);
  checkPositiveFinite(wrapStddevs, 'wrapStddevs');
  return { clipNorm, dimension, paddedDimension, minClients, maxClients, bits, beta, wrapStddevs };
}

function defaultWrapStddevs(paddedDimension: number): number {
  return Math.sqrt(2 * Math.log((2 * paddedDimension) / DEFAULT_WRAP_PROBABILITY));
}

/** The plan for noise multiplier z, or why none exists. */
function searchPlan(o: CheckedPlanOptions, z: number): DistributedDpPlan | string {
  checkPositiveFinite(z, 'noiseMultiplier');
  const D = o.paddedDimension;
  const N = o.maxClients;
  const n = o.minClients;
  const k = o.wrapStddevs;
  const limit = 2 ** (o.bits - 1) - 1;

  const at = (c: number) => {
    const l2 = roundedL2Bound(c, D, o.beta);
    const sigma2 = Math.ceil((z * z * l2 * l2) / n);
    const spread = Math.sqrt(sumVariance(N, c, sigma2, D));
    const fits = sigma2 <= MAX_DISCRETE_GAUSSIAN_SIGMA2 && k * spread + N <= limit;
    return { l2, sigma2, spread, fits };
  };

  const why = `bits ${o.bits} cannot hold the sum of maxClients ${N} updates`;
  if (!at(0).fits) {
    const sigma2 = at(0).sigma2;
    return sigma2 > MAX_DISCRETE_GAUSSIAN_SIGMA2
      ? `noiseMultiplier ${z} needs a local variance above 2^48 (the sampler's limit) even on the coarsest grid`
      : `${why} with ${k.toFixed(2)} standard deviations of headroom at noiseMultiplier ${z}, whatever the scale; ` +
          `raise bits or lower maxClients or wrapStddevs`;
  }
  // fits(c) is monotone (everything grows with c); at cMax the signal alone fills the range.
  let lo = 0;
  let hi = (limit * Math.sqrt(D)) / (k * N);
  for (let i = 0; i < 400 && hi - lo > hi * 2 ** -50; i++) {
    const mid = lo + (hi - lo) / 2;
    if (at(mid).fits) lo = mid;
    else hi = mid;
  }
  if (!(lo > 0)) return `${why}: no grid step is fine enough to carry the updates`;
  // γ = C/c; c is recomputed from γ as devices will, and γ nudged up if that rounds c up.
  let scale = o.clipNorm / lo;
  let c = o.clipNorm / scale;
  for (let i = 0; i < 8 && !at(c).fits; i++) {
    scale *= 1 + 2 ** -50;
    c = o.clipNorm / scale;
  }
  const chosen = at(c);
  if (!chosen.fits || !(scale > 0 && scale < Infinity)) return `${why}: the grid step cannot be represented`;
  if (chosen.l2 > MAX_SENSITIVITY_INFLATION * c) {
    return (
      `${why} at a useful precision: with dimension ${o.dimension} and noiseMultiplier ${z}, rounding would ` +
      `inflate the sensitivity ${(chosen.l2 / c).toFixed(2)}x (at most ${MAX_SENSITIVITY_INFLATION}x allowed); ` +
      `raise bits or lower maxClients`
    );
  }
  const l2 = chosen.l2;
  const sigma2 = chosen.sigma2;
  // Union bound over the D coordinates of the V-sub-Gaussian tail (see above):
  // P(|S_j| > limit) ≤ P(|signal_j + noise_j| > limit − N) ≤ 2·exp(−(limit − N)²/(2V)).
  const margin = limit - N;
  const wrapProbabilityBound = Math.min(1, 2 * D * Math.exp(-(margin * margin) / (2 * chosen.spread * chosen.spread)));
  return {
    dimension: o.dimension,
    paddedDimension: D,
    bits: o.bits,
    clipNorm: o.clipNorm,
    beta: o.beta,
    scale,
    localSigma2: sigma2,
    l2Sensitivity: l2,
    l1Sensitivity: Math.min(Math.sqrt(D) * l2, l2 * l2),
    minClients: n,
    maxClients: N,
    effectiveNoiseMultiplier: Math.sqrt(n * sigma2) / l2,
    tau: distributedTau(sigma2, n),
    wrapProbabilityBound,
  };
}

/**
 * Kairouz et al. 2021, Thm 1 (eq. 2): conditional randomized rounding of x ∈ R^D with
 * ‖x‖₂ ≤ c keeps ‖x̃‖₂² ≤ min{c² + D/4 + √(2 ln(1/β))·(c + √D/2), (c + √D)²}, and an
 * unconditioned rounding meets the first bound with probability ≥ 1 − β (the second
 * always holds, since each entry moves by less than 1).
 */
function roundedL2Bound(c: number, D: number, beta: number): number {
  const s = Math.sqrt(2 * Math.log(1 / beta));
  const sqrtD = Math.sqrt(D);
  return Math.sqrt(Math.min(c * c + D / 4 + s * (c + sqrtD / 2), (c + sqrtD) ** 2));
}

/** The variance proxy of one coordinate of m devices' sum: m²c²/D (rotated signal) + m·σ_loc² (noise). */
function sumVariance(m: number, c: number, sigma2: number, D: number): number {
  return (m * m * c * c) / D + m * sigma2;
}

/**
 * τ = 10·Σ_{k=1}^{n−1} e^{−2π²σ²·k/(k+1)} (Kairouz et al. 2021, Thm 1, eq. 3): how far the
 * sum of n draws of N_Z(0, σ²) is from N_Z(0, nσ²). The terms decrease in k.
 */
export function distributedTau(sigma2: number, n: number): number {
  const a = 2 * Math.PI * Math.PI * sigma2;
  let sum = 0;
  let last = 0;
  const terms = Math.min(n - 1, MAX_TAU_TERMS);
  for (let k = 1; k <= terms; k++) {
    last = Math.exp((-a * k) / (k + 1));
    if (last === 0) break; // every later term is smaller still
    sum += last;
  }
  if (n - 1 > terms) sum += (n - 1 - terms) * last;
  return 10 * sum;
}

// ---------------------------------------------------------------------------------------
// Randomized Hadamard rotation
// ---------------------------------------------------------------------------------------

/**
 * Rotates `x`: pads it with zeros to `paddedDimension` (a power of two), flips the sign of
 * entry i when bit i of the public sign stream for `seed` is 1, then applies the
 * Walsh–Hadamard transform in Sylvester order (H_ij = (−1)^popcount(i & j)) scaled by
 * 1/√D, so the rotation is orthogonal.
 *
 * Sign stream: xoshiro128** (Blackman & Vigna, reference `xoshiro128starstar.c`) from the
 * state of four successive splitmix32 outputs of `seed` (state += 0x9E3779B9, then the
 * MurmurHash3 fmix32 finalizer); entry i takes bit (i mod 32) of output ⌊i/32⌋. The
 * rotation is public: it only has to be independent of the updates, not secret.
 */
export function randomizedHadamard(x: ArrayLike<number>, seed: number, paddedDimension: number): Float64Array {
  const n = checkFiniteVector(x, 'x');
  checkSeed(seed, 'seed');
  checkPowerOfTwo(paddedDimension, 'paddedDimension');
  if (paddedDimension < n) {
    throw new DpError('INVALID_ARGUMENT', `paddedDimension ${paddedDimension} is below the length of x (${n})`);
  }
  const out = new Float64Array(paddedDimension);
  for (let i = 0; i < n; i++) out[i] = x[i] as number;
  return rotate(out, seed);
}

/** The exact inverse of {@link randomizedHadamard} (transpose): returns the first `dimension` entries. */
export function inverseRandomizedHadamard(y: ArrayLike<number>, seed: number, dimension: number): Float64Array {
  const D = checkFiniteVector(y, 'y');
  checkPowerOfTwo(D, 'y.length');
  checkSeed(seed, 'seed');
  if (typeof dimension !== 'number' || !Number.isSafeInteger(dimension) || dimension < 0 || dimension > D) {
    throw new DpError('INVALID_ARGUMENT', `dimension must be an integer in [0, ${D}] (y.length), got ${formatValue(dimension)}`);
  }
  const v = Float64Array.from(y);
  return unrotate(v, seed).slice(0, dimension);
}

/** In place: v ← H·S·v/√D. */
function rotate(v: Float64Array, seed: number): Float64Array {
  applySigns(v, seed);
  walshHadamard(v);
  return v;
}

/** In place: v ← S·H·v/√D, the inverse of {@link rotate} (H is symmetric and H² = D·I). */
function unrotate(v: Float64Array, seed: number): Float64Array {
  walshHadamard(v);
  applySigns(v, seed);
  return v;
}

/** The fast Walsh–Hadamard transform in place, normalized by 1/√D; v.length a power of two. */
function walshHadamard(v: Float64Array): void {
  const D = v.length;
  for (let h = 1; h < D; h <<= 1) {
    for (let i = 0; i < D; i += h << 1) {
      for (let j = i; j < i + h; j++) {
        const a = v[j] as number;
        const b = v[j + h] as number;
        v[j] = a + b;
        v[j + h] = a - b;
      }
    }
  }
  const norm = 1 / Math.sqrt(D);
  for (let i = 0; i < D; i++) v[i] = (v[i] as number) * norm;
}

function applySigns(v: Float64Array, seed: number): void {
  const rng = new Xoshiro128StarStar(splitmix32State(seed));
  for (let base = 0; base < v.length; base += 32) {
    const word = rng.next();
    const end = Math.min(32, v.length - base);
    for (let b = 0; b < end; b++) {
      if ((word >>> b) & 1) v[base + b] = -(v[base + b] as number);
    }
  }
}

/** Four successive splitmix32 outputs of `seed`: never all zero (fmix32 is a bijection and the inputs differ). */
export function splitmix32State(seed: number): [number, number, number, number] {
  let x = seed >>> 0;
  const next = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  return [next(), next(), next(), next()];
}

/** xoshiro128** 1.1 (Blackman & Vigna 2018), 32-bit outputs. Public randomness only: not a CSPRNG. */
export class Xoshiro128StarStar {
  #s0: number;
  #s1: number;
  #s2: number;
  #s3: number;

  constructor(state: readonly [number, number, number, number]) {
    [this.#s0, this.#s1, this.#s2, this.#s3] = state.map((w) => w >>> 0) as [number, number, number, number];
  }

  next(): number {
    const result = Math.imul(rotl(Math.imul(this.#s1, 5), 7), 9) >>> 0;
    const t = this.#s1 << 9;
    this.#s2 ^= this.#s0;
    this.#s3 ^= this.#s1;
    this.#s1 ^= this.#s2;
    this.#s0 ^= this.#s3;
    this.#s2 ^= t;
    this.#s3 = rotl(this.#s3, 11);
    return result;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

// ---------------------------------------------------------------------------------------
// Device: encode
// ---------------------------------------------------------------------------------------

/** What a device needs from the plan to encode: the grid, the clip norm, the rounding bound and its noise share. */
export type DistributedEncoding = Pick<
  DistributedDpPlan,
  'dimension' | 'paddedDimension' | 'bits' | 'clipNorm' | 'scale' | 'localSigma2' | 'l2Sensitivity' | 'beta'
>;

export interface EncodedDistributedUpdate {
  /** paddedDimension entries: the noisy integer vector mod 2^bits (two's complement), ready for masking. */
  values: Uint32Array;
  /** The L2 norm of the update before clipping. */
  norm: number;
  /** Whether the update was scaled down to the clip norm. */
  clipped: boolean;
  /** How many randomized roundings were drawn before one met the norm bound (1 most of the time). */
  roundingAttempts: number;
}

/**
 * A device's contribution (Kairouz et al. 2021, Algorithm 1): L2-clip to C → rotate →
 * divide by γ → conditional randomized rounding (each entry rounds up with probability
 * equal to its fractional part; the whole vector is redrawn until ‖x̃‖₂ ≤ Δ₂) → add
 * N_Z(0, σ_loc²) to every entry → reduce mod 2^bits.
 *
 * `random` feeds the rounding and the noise (default: `globalThis.crypto`); it must be
 * a cryptographically secure source in production. The rotation seed is public.
 */
export function encodeDistributedUpdate(
  update: ArrayLike<number>,
  plan: DistributedEncoding,
  rotationSeed: number,
  random?: RandomSource,
): EncodedDistributedUpdate {
  checkEncoding(plan);
  checkSeed(rotationSeed, 'rotationSeed');
  const n = checkNumericVector(update, 'update');
  if (n !== plan.dimension) {
    throw new DpError('INVALID_ARGUMENT', `update has ${n} values, plan.dimension is ${plan.dimension}`);
  }
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = update[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new DpError('INVALID_ARGUMENT', `update[${i}] must be a finite number, got ${formatValue(v)}`);
    }
    x[i] = v;
  }
  const { clipped, norm } = clipL2(x, plan.clipNorm);
  const D = plan.paddedDimension;
  const scaled = new Float64Array(D);
  scaled.set(clipped);
  rotate(scaled, rotationSeed);
  for (let j = 0; j < D; j++) scaled[j] = (scaled[j] as number) / plan.scale;

  const stream = new RandomStream(random);
  const { rounded, attempts } = conditionalRandomizedRounding(scaled, plan.l2Sensitivity, plan.beta, stream);
  const noise = sampleDiscreteGaussian(plan.localSigma2, D, random);

  // x & mask is x mod 2^bits for bits < 32 (ToInt32 is x mod 2^32); at 32 bits the
  // Uint32Array store itself reduces mod 2^32. The sums are integers below 2^53: exact.
  const mask = plan.bits === 32 ? -1 : 2 ** plan.bits - 1;
  const values = new Uint32Array(D);
  for (let j = 0; j < D; j++) values[j] = ((rounded[j] as number) + (noise[j] as number)) & mask;
  return { values, norm, clipped: norm > plan.clipNorm, roundingAttempts: attempts };
}

/**
 * Conditional randomized rounding (Kairouz et al. 2021, §4): each entry rounds up with
 * probability equal to its fractional part (so each try is unbiased), and tries are
 * repeated until ‖x̃‖₂ ≤ `bound`. The conditioning adds a small bias towards the origin
 * when x is near the clip norm. The bound is checked exactly: a floating-point sum of
 * squares decides unless it is within its rounding error of the bound, then BigInts do.
 */
export function conditionalRandomizedRounding(
  x: Float64Array,
  bound: number,
  beta: number,
  stream: RandomStream,
): { rounded: Float64Array; attempts: number } {
  const D = x.length;
  const rounded = new Float64Array(D);
  for (let attempt = 1; attempt <= MAX_ROUNDING_ATTEMPTS; attempt++) {
    let sumSq = 0;
    for (let j = 0; j < D; j++) {
      const v = x[j] as number;
      const floor = Math.floor(v);
      const r = stream.openUnit() < v - floor ? floor + 1 : floor; // v − ⌊v⌋ is exact
      rounded[j] = r;
      sumSq += r * r;
    }
    if (squaredNormAtMost(rounded, sumSq, bound)) return { rounded, attempts: attempt };
  }
  throw new DpError(
    'NUMERICAL_FAILURE',
    `conditional rounding failed ${MAX_ROUNDING_ATTEMPTS} times (probability <= beta^${MAX_ROUNDING_ATTEMPTS} ` +
      `with beta = ${beta}); the random source or the plan is broken`,
  );
}

/** Whether Σ rounded_j² ≤ bound², given the floating-point sum `approx` of the squares. */
function squaredNormAtMost(rounded: Float64Array, approx: number, bound: number): boolean {
  const bound2 = bound * bound;
  // D squares and D − 1 additions each err by ≤ 2^−53 relative, bound² by one more.
  const slack = (rounded.length + 4) * 2 ** -52;
  if (approx <= bound2 * (1 - slack)) return true;
  if (approx > bound2 * (1 + slack)) return false;
  let exact = 0n;
  for (const r of rounded) {
    const b = BigInt(r);
    exact += b * b;
  }
  const { numerator, exponent } = dyadic(bound);
  return exact << BigInt(2 * exponent) <= numerator * numerator;
}

/** x ≥ 0 finite as numerator / 2^exponent, exactly. */
function dyadic(x: number): { numerator: bigint; exponent: number } {
  let scaled = x;
  let exponent = 0;
  while (!Number.isInteger(scaled)) {
    scaled *= 2;
    exponent++;
  }
  return { numerator: BigInt(scaled), exponent };
}

// ---------------------------------------------------------------------------------------
// Coordinator: decode
// ---------------------------------------------------------------------------------------

export interface DecodedDistributedSum {
  /** `dimension` entries in model units: the sum of the clipped updates plus the noise. */
  sum: Float64Array;
  /**
   * Coordinates whose centred value exceeds the planned headroom for `clients` devices:
   * a sign of modular wrap-around (without wrap, each exceeds it with probability ≤ 2e^{−k²/2}).
   */
  outOfRange: number;
}

/**
 * Decodes the modular sum of `clients` devices' encodings (Kairouz et al. 2021,
 * Algorithm 2): centred lift of each entry from [0, 2^bits) to [−2^(bits−1), 2^(bits−1))
 * → ×γ → inverse rotation. Entries of a 32-bit ring sum are first reduced mod 2^bits when
 * the plan has fewer bits (2^bits divides 2^32, so this is the sum mod 2^bits).
 *
 * `clients` must be within [minClients, maxClients]: below, the sum carries less noise
 * than the guarantee assumes and should never have been unmasked; above, it may wrap.
 */
export function decodeDistributedSum(
  sum: Uint32Array,
  plan: DistributedDpPlan,
  rotationSeed: number,
  clients: number,
): DecodedDistributedSum {
  checkEncoding(plan);
  checkPositiveInteger(plan.minClients, 'plan.minClients');
  checkPositiveInteger(plan.maxClients, 'plan.maxClients');
  checkSeed(rotationSeed, 'rotationSeed');
  if (!(sum instanceof Uint32Array)) {
    throw new DpError('INVALID_ARGUMENT', `sum must be a Uint32Array, got ${formatValue(sum)}`);
  }
  const D = plan.paddedDimension;
  if (sum.length !== D) {
    throw new DpError('INVALID_ARGUMENT', `sum has ${sum.length} values, plan.paddedDimension is ${D}`);
  }
  if (typeof clients !== 'number' || !Number.isSafeInteger(clients) || clients < plan.minClients || clients > plan.maxClients) {
    throw new DpError(
      'INVALID_ARGUMENT',
      `clients must be an integer in [${plan.minClients}, ${plan.maxClients}] (plan.minClients, plan.maxClients), got ${formatValue(clients)}`,
    );
  }
  const threshold = headroom(plan, clients);
  const modulus = 2 ** plan.bits;
  const half = modulus / 2;
  const y = new Float64Array(D);
  let outOfRange = 0;
  for (let j = 0; j < D; j++) {
    let v = (sum[j] as number) % modulus;
    if (v >= half) v -= modulus;
    if (Math.abs(v) > threshold) outOfRange++;
    y[j] = v * plan.scale;
  }
  return { sum: unrotate(y, rotationSeed).slice(0, plan.dimension), outOfRange };
}

/**
 * The planned headroom for m devices: k·√V(m) + m, with k recovered from the plan as the
 * margin it leaves at maxClients, k = (2^(bits−1) − 1 − N)/√V(N) (≥ the wrapStddevs asked
 * for), so that the headroom at maxClients is the whole range.
 */
function headroom(plan: DistributedDpPlan, m: number): number {
  const c = plan.clipNorm / plan.scale;
  const D = plan.paddedDimension;
  const N = plan.maxClients;
  const k = (2 ** (plan.bits - 1) - 1 - N) / Math.sqrt(sumVariance(N, c, plan.localSigma2, D));
  return k * Math.sqrt(sumVariance(m, c, plan.localSigma2, D)) + m;
}

// ---------------------------------------------------------------------------------------
// Accounting
// ---------------------------------------------------------------------------------------

/** One kind of round of the distributed discrete Gaussian mechanism, repeated `steps` times. */
export interface DistributedDiscreteGaussianStep {
  /** Probability q ∈ [0, 1] that each device takes part in a round (Poisson sampling). */
  samplingRate: number;
  plan: Pick<DistributedDpPlan, 'l2Sensitivity' | 'l1Sensitivity' | 'localSigma2' | 'minClients' | 'paddedDimension'>;
  /** How many such rounds; a non-negative integer. */
  steps: number;
}

/**
 * RDP of `steps` rounds, one value per order.
 *
 * One round without sampling (Kairouz et al. 2021, Prop. 14, for the sum of n = minClients
 * discrete Gaussians N_Z(0, σ_loc²) and an integer difference of norms ≤ Δ₂, Δ₁):
 *
 *     ε(α) = min{ α/2·l₂² + τD,  α/2·(l₂² + 2l₁τ + τ²D),  α/2·(l₂ + √D·τ)² },
 *     l₂ = Δ₂/√(nσ_loc²),  l₁ = Δ₁/√(nσ_loc²).
 *
 * With Poisson sampling at rate q < 1, the general bound of Zhu & Wang 2019 (Thm 6) at
 * integer α ≥ 2:
 *
 *     ε_q(α) ≤ 1/(α−1) · log( (1−q)^{α−1}(αq − q + 1) + C(α,2) q²(1−q)^{α−2} e^{ε(2)}
 *                             + 3 Σ_{l=3}^{α} C(α,l) (1−q)^{α−l} q^l e^{(l−1)ε(l)} ),
 *
 * computed as log1p of a log-sum-exp of positive terms (the first two binomial terms
 * absorb the leading 1), and capped by ε(α). A fractional order takes the bound at ⌈α⌉:
 * Rényi divergence does not decrease with the order, so ε_q(α) ≤ ε_q(⌈α⌉). Prop. 14
 * needs σ_loc ≥ 1/2.
 */
export function computeDistributedRdp(options: DistributedDiscreteGaussianStep & { orders?: readonly number[] }): number[] {
  checkDistributedStep(options);
  const orders = checkOrders(options.orders ?? DEFAULT_ORDERS, 'orders');
  const { samplingRate: q, steps, plan } = options;
  if (steps === 0 || q === 0) return orders.map(() => 0);
  const noiseStd = Math.sqrt(plan.minClients * plan.localSigma2);
  const l2 = plan.l2Sensitivity / noiseStd;
  const l1 = plan.l1Sensitivity / noiseStd;
  const tau = distributedTau(plan.localSigma2, plan.minClients);
  const D = plan.paddedDimension;
  const full = (alpha: number): number => {
    const b1 = (alpha / 2) * l2 * l2 + tau * D;
    const b2 = (alpha / 2) * (l2 * l2 + 2 * l1 * tau + tau * tau * D);
    const b3 = (alpha / 2) * (l2 + Math.sqrt(D) * tau) ** 2;
    return Math.min(b1, b2, b3);
  };
  const sampled = new Map<number, number>();
  return orders.map((alpha) => {
    let perStep = full(alpha);
    if (q < 1 && alpha !== Infinity) {
      const m = Math.max(2, Math.ceil(alpha));
      if (m <= MAX_SUBSAMPLED_ORDER) {
        let bound = sampled.get(m);
        if (bound === undefined) {
          bound = zhuWangBound(q, m, full);
          sampled.set(m, bound);
        }
        perStep = Math.min(perStep, bound);
      }
    }
    if (Number.isNaN(perStep)) {
      throw new DpError('NUMERICAL_FAILURE', `distributed RDP is NaN at order ${alpha}`);
    }
    return perStep === 0 ? 0 : steps * perStep;
  });
}

/** Zhu & Wang 2019, Thm 6, at integer order m ≥ 2 and 0 < q < 1, for the unsampled RDP curve `eps`. */
function zhuWangBound(q: number, m: number, eps: (alpha: number) => number): number {
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  // 1 = Σ_l C(m,l)(1−q)^{m−l}q^l, so the bracket is 1 plus the sum over l ≥ 2 of
  // C(m,l)(1−q)^{m−l}q^l·(coefficient − 1), every term ≥ 0: l = 2 has e^{ε(2)} − 1 and
  // l ≥ 3 has 3e^{(l−1)ε(l)} − 1 = e^y·(3 − e^{−y}).
  const sum = new LogSumExpAccumulator();
  let logBinom = Math.log(m); // log C(m, 1)
  for (let l = 2; l <= m; l++) {
    logBinom += Math.log((m - l + 1) / l);
    const logWeight = logBinom + l * logQ + (m - l) * log1mQ;
    const e = eps(l);
    if (l === 2) {
      sum.add(logWeight + logExpm1(e));
    } else {
      const y = (l - 1) * e;
      sum.add(logWeight + y + Math.log(3 - Math.exp(-y)));
    }
  }
  const result = log1pExp(sum.value()) / (m - 1);
  return result > 0 ? result : 0;
}

function checkDistributedStep(step: DistributedDiscreteGaussianStep): void {
  checkObject(step, 'options');
  checkSamplingRate(step.samplingRate, 'samplingRate');
  checkSteps(step.steps, 'steps');
  const plan = step.plan;
  checkObject(plan, 'plan');
  checkPositiveFinite(plan.l2Sensitivity, 'plan.l2Sensitivity');
  checkPositiveFinite(plan.l1Sensitivity, 'plan.l1Sensitivity');
  if (typeof plan.localSigma2 !== 'number' || !(plan.localSigma2 >= 0.25 && plan.localSigma2 < Infinity)) {
    throw new DpError(
      'INVALID_ARGUMENT',
      `plan.localSigma2 must be a finite number >= 0.25 (Kairouz et al. Prop. 14 needs sigma >= 1/2), got ${formatValue(plan.localSigma2)}`,
    );
  }
  checkPositiveInteger(plan.minClients, 'plan.minClients');
  checkPositiveInteger(plan.paddedDimension, 'plan.paddedDimension');
}

// ---------------------------------------------------------------------------------------
// Calibration
// ---------------------------------------------------------------------------------------

export interface NoiseMultiplierForDistributedOptions {
  /** Poisson sampling probability q ∈ (0, 1]. */
  samplingRate: number;
  /** Number of rounds, ≥ 1. */
  steps: number;
  /** δ ∈ [0, 1). */
  delta: number;
  /** The ε not to exceed; finite and > 0. */
  targetEpsilon: number;
  clipNorm: number;
  dimension: number;
  minClients: number;
  maxClients: number;
  /** @default 32 */
  bits?: number;
  /** @default Math.exp(-0.5) */
  beta?: number;
  /** @default as {@link DistributedDpPlanOptions.wrapStddevs} */
  wrapStddevs?: number;
  /** Use the accountant's orders. @default DEFAULT_ORDERS */
  orders?: readonly number[];
  /** @default 'improved' */
  conversion?: RdpConversion;
  /** Relative precision of the noise multiplier. @default 1e-9 */
  tolerance?: number;
}

export interface DistributedNoiseCalibration {
  /** The smallest z (to within `tolerance`) whose plan meets the target. */
  noiseMultiplier: number;
  /** {@link planDistributedDp} at that z. */
  plan: DistributedDpPlan;
  /** ε of `steps` rounds of that plan at `delta`. */
  epsilon: number;
}

/**
 * The smallest noise multiplier z whose plan keeps `steps` rounds within `targetEpsilon`
 * at `delta`, by bisection on z (as {@link noiseMultiplierFor}), evaluating each z through
 * {@link planDistributedDp}, {@link computeDistributedRdp} and {@link rdpToEpsilon}.
 *
 * More noise needs a coarser grid, so z is bounded above by what the ring holds; the
 * search first finds that bound. Throws `BUDGET_UNREACHABLE` when even the largest
 * feasible z (or 1e6) misses the target.
 */
export function noiseMultiplierForDistributed(options: NoiseMultiplierForDistributedOptions): DistributedNoiseCalibration {
  const { orders, conversion, tolerance } = checkCalibrationOptions(options);
  const { samplingRate, steps, delta, targetEpsilon } = options;
  if (samplingRate === 0) {
    throw new DpError('INVALID_ARGUMENT', 'samplingRate must be in (0, 1], got 0 (nothing to calibrate)');
  }
  if (steps === 0) throw new DpError('INVALID_ARGUMENT', 'steps must be >= 1, got 0 (nothing to calibrate)');
  const planOptions = checkPlanOptions(options);

  let lastFailure = '';
  const planAt = (z: number): DistributedDpPlan | undefined => {
    const plan = searchPlan(planOptions, z);
    if (typeof plan !== 'string') return plan;
    lastFailure = plan;
    return undefined;
  };
  const feasible = (z: number): boolean => planAt(z) !== undefined;
  const evaluate = (z: number): Evaluated | undefined => {
    const plan = planAt(z);
    if (plan === undefined) return undefined;
    const rdp = computeDistributedRdp({ samplingRate, plan, steps, orders });
    return { plan, epsilon: rdpToEpsilon({ orders, rdp, delta, conversion }).epsilon };
  };
  const meets = (r: Evaluated | undefined): boolean => r !== undefined && r.epsilon <= targetEpsilon;
  const unreachable = (detail: string) =>
    new DpError(
      'BUDGET_UNREACHABLE',
      `targetEpsilon ${targetEpsilon} is unreachable at delta ${delta} with samplingRate ${samplingRate} and ${steps} steps: ${detail}`,
    );

  // 1. The largest z that has a plan (feasibility only shrinks as z grows: more noise
  //    needs a coarser grid), capped at the search limit.
  let zMax: number;
  if (feasible(1)) {
    let ok = 1;
    let bad = 2;
    while (bad <= MAX_SEARCHED_NOISE_MULTIPLIER && feasible(bad)) {
      ok = bad;
      bad *= 2;
    }
    zMax = bad > MAX_SEARCHED_NOISE_MULTIPLIER ? ok : bisectFeasible(ok, bad, feasible, tolerance);
  } else {
    let bad = 1;
    let ok = 0.5;
    while (!feasible(ok)) {
      bad = ok;
      ok /= 2;
      if (ok < MIN_SEARCHED_NOISE_MULTIPLIER) throw unreachable(`no noise multiplier has a plan (${lastFailure})`);
    }
    zMax = bisectFeasible(ok, bad, feasible, tolerance);
  }
  const atMax = evaluate(zMax);
  if (!meets(atMax)) {
    throw unreachable(
      `even noiseMultiplier ${zMax}, the largest whose plan fits ${planOptions.bits} bits with maxClients ` +
        `${planOptions.maxClients} (or the search limit), gives epsilon ${atMax?.epsilon}; raise bits, ` +
        `targetEpsilon or delta, or take fewer steps or a lower samplingRate`,
    );
  }

  // 2. The smallest z in (0, zMax] that meets the target (the same search as noiseMultiplierFor).
  const z = smallestMeeting((candidate) => meets(evaluate(candidate)), zMax, tolerance);
  const found = evaluate(z);
  if (found === undefined) throw new DpError('NUMERICAL_FAILURE', `no plan at noiseMultiplier ${z}`);
  return { noiseMultiplier: z, plan: found.plan, epsilon: found.epsilon };
}

interface Evaluated {
  plan: DistributedDpPlan;
  epsilon: number;
}

/** The feasibility boundary between `ok` (has a plan) and `bad` (none), to relative `tolerance`. */
function bisectFeasible(ok: number, bad: number, feasible: (z: number) => boolean, tolerance: number): number {
  while (bad - ok > tolerance * ok) {
    const mid = ok + (bad - ok) / 2;
    if (mid <= ok || mid >= bad) break;
    if (feasible(mid)) ok = mid;
    else bad = mid;
  }
  return ok;
}

// ---------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------

/** The fields encode and decode rely on. */
function checkEncoding(plan: DistributedEncoding): void {
  checkObject(plan, 'plan');
  const { dimension, paddedDimension } = plan;
  if (typeof dimension !== 'number' || !Number.isSafeInteger(dimension) || dimension < 1) {
    throw new DpError('INVALID_ARGUMENT', `plan.dimension must be a positive integer, got ${formatValue(dimension)}`);
  }
  checkPowerOfTwo(paddedDimension, 'plan.paddedDimension');
  if (paddedDimension < dimension) {
    throw new DpError('INVALID_ARGUMENT', `plan.paddedDimension ${paddedDimension} is below plan.dimension ${dimension}`);
  }
  checkBits(plan.bits, 'plan.bits');
  checkPositiveFinite(plan.clipNorm, 'plan.clipNorm');
  checkPositiveFinite(plan.scale, 'plan.scale');
  checkPositiveFinite(plan.l2Sensitivity, 'plan.l2Sensitivity');
  if (typeof plan.beta !== 'number' || !(plan.beta > 0 && plan.beta < 1)) {
    throw new DpError('INVALID_ARGUMENT', `plan.beta must be in (0, 1), got ${formatValue(plan.beta)}`);
  }
  const sigma2 = plan.localSigma2;
  if (typeof sigma2 !== 'number' || !Number.isSafeInteger(sigma2) || sigma2 < 1 || sigma2 > MAX_DISCRETE_GAUSSIAN_SIGMA2) {
    throw new DpError('INVALID_ARGUMENT', `plan.localSigma2 must be an integer in [1, 2^48], got ${formatValue(sigma2)}`);
  }
}

function checkObject(value: unknown, name: string): void {
  if (typeof value !== 'object' || value === null) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be an object, got ${formatValue(value)}`);
  }
}

function checkPositiveFinite(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !(value > 0 && value < Infinity)) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be a finite number > 0, got ${formatValue(value)}`);
  }
}

function checkPositiveInteger(value: unknown, name: string): asserts value is number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be a positive integer, got ${formatValue(value)}`);
  }
}

function checkBits(bits: unknown, name: string): asserts bits is number {
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < MIN_RING_BITS || bits > MAX_RING_BITS) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be an integer in [${MIN_RING_BITS}, ${MAX_RING_BITS}], got ${formatValue(bits)}`);
  }
}

function checkSeed(seed: unknown, name: string): asserts seed is number {
  if (typeof seed !== 'number' || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be an integer in [0, 2^32), got ${formatValue(seed)}`);
  }
}

function checkPowerOfTwo(value: unknown, name: string): asserts value is number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < 1 ||
    value > MAX_DIMENSION ||
    nextPowerOfTwo(value) !== value
  ) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be a power of two in [1, 2^28], got ${formatValue(value)}`);
  }
}

function checkNumericVector(v: unknown, name: string): number {
  const ok =
    Array.isArray(v) ||
    (ArrayBuffer.isView(v) && !(v instanceof DataView) && !(v instanceof BigInt64Array) && !(v instanceof BigUint64Array));
  if (!ok) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be an array or typed array of numbers, got ${formatValue(v)}`);
  }
  return (v as ArrayLike<number>).length;
}

function checkFiniteVector(v: unknown, name: string): number {
  const n = checkNumericVector(v, name);
  const a = v as ArrayLike<unknown>;
  for (let i = 0; i < n; i++) {
    const x = a[i];
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw new DpError('INVALID_ARGUMENT', `${name}[${i}] must be a finite number, got ${formatValue(x)}`);
    }
  }
  return n;
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
