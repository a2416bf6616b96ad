/**
 * The codec of the distributed discrete Gaussian mechanism (Kairouz, Liu & Steinke 2021,
 * Algorithms 1–2): a device encodes its update (clip → rotate → scale → round → add its
 * noise share → reduce mod 2^bits); the coordinator decodes the modular sum of a cohort's
 * encodings (centred lift → rescale → rotate back) and flags coordinates that wrapped.
 */
import { DpError, formatValue } from '../errors.ts';
import { clipL2 } from '../clipping.ts';
import { MAX_DISCRETE_GAUSSIAN_SIGMA2, sampleDiscreteGaussian } from '../discrete-gaussian.ts';
import { type RandomSource, RandomStream } from '../random.ts';
import {
  checkBits,
  checkNumericVector,
  checkObject,
  checkPositiveFinite,
  checkPositiveInteger,
  checkPowerOfTwo,
  checkSeed,
} from './checks.ts';
import { type DistributedDpPlan, sumVariance } from './plan.ts';
import { rotate, unrotate } from './rotation.ts';
import { conditionalRandomizedRounding } from './rounding.ts';

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
