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
 * The accounting (`accounting.ts`) composes that bound with Poisson sampling of devices through the general
 * subsampling bound of Zhu & Wang 2019 ("Poisson Subsampled Rényi Differential Privacy",
 * ICML, Thm 6), at integer orders.
 *
 * What the per-round bound covers: two sums that differ in one device's rounded vector,
 * with at least `minClients` noise shares in both (Kairouz et al.'s neighbouring notion).
 * A device's own share is part of the noise protecting it; a device that colludes with the
 * coordinator can subtract its own share, so against c colluding devices the guarantee is
 * that of minClients − c shares. Central mode has neither caveat: its noise is added after
 * the sum, at the coordinator.
 *
 * This module plans the grid and each device's noise share; beside it, `rotation.ts` is the
 * public rotation, `codec.ts` (with `rounding.ts`) encodes and decodes, `accounting.ts` gives
 * the RDP and `calibration.ts` searches the noise multiplier for a target ε.
 */
import { DpError, formatValue } from '../errors.ts';
import { MAX_DISCRETE_GAUSSIAN_SIGMA2 } from '../discrete-gaussian.ts';
import {
  MAX_DIMENSION,
  checkBits,
  checkObject,
  checkPositiveFinite,
  checkPositiveInteger,
  nextPowerOfTwo,
} from './checks.ts';
import { distributedTau } from './tau.ts';

/** The secure-aggregation ring: values are integers mod 2^32. */
const DEFAULT_RING_BITS = 32;

/** Kairouz et al. 2021 use β = e^{−1/2}: then √(2 ln(1/β)) = 1 and rounding succeeds with probability ≥ 1 − β ≈ 0.39 per try. */
const DEFAULT_BETA = Math.exp(-0.5);

/**
 * The per-round probability of a modular wrap that the default headroom aims at (2^−40 ≈
 * 9.1e−13): the default number of standard deviations is k = √(2 ln(2D / 2^−40)), which
 * makes the union bound 2D·e^{−k²/2} of {@link DistributedDpPlan.wrapProbabilityBound}
 * equal to it (k ≈ 7.8 at D = 1, 8.6 at D = 8192, 9.2 at D = 2^24).
 */
const DEFAULT_WRAP_PROBABILITY = 2 ** -40;

/**
 * Refuse plans where rounding to the integer grid inflates the sensitivity Δ₂ above this
 * multiple of the scaled clip norm C/γ: the noise in model units, z·Δ₂·γ, would then be
 * more than twice the z·C asked for. Only reached with few bits or very many clients.
 */
const MAX_SENSITIVITY_INFLATION = 2;

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

/** Plan options with their defaults applied, checked once and searched at many z by `calibration.ts`. */
export interface CheckedPlanOptions {
  clipNorm: number;
  dimension: number;
  paddedDimension: number;
  minClients: number;
  maxClients: number;
  bits: number;
  beta: number;
  wrapStddevs: number;
}

/** Checks every plan option but z, naming the bad field, and applies the defaults. */
export function checkPlanOptions(options: Omit<DistributedDpPlanOptions, 'noiseMultiplier'>): CheckedPlanOptions {
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
export function searchPlan(o: CheckedPlanOptions, z: number): DistributedDpPlan | string {
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
export function sumVariance(m: number, c: number, sigma2: number, D: number): number {
  return (m * m * c * c) / D + m * sigma2;
}
