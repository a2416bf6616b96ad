/**
 * Calibration: the smallest noise multiplier that keeps a training run within a target ε.
 */
import { DpError, formatValue } from './errors.ts';
import { type RdpConversion, checkConversion, checkDelta } from './conversion.ts';
import { epsilonFor } from './accountant.ts';
import { DEFAULT_ORDERS, MAX_NOISE_MULTIPLIER, checkOrders, checkSamplingRate, checkSteps } from './rdp.ts';

export interface NoiseMultiplierForOptions {
  /** Poisson sampling probability q ∈ [0, 1]. */
  samplingRate: number;
  /** Number of steps (rounds). */
  steps: number;
  /** δ ∈ [0, 1). */
  delta: number;
  /** The ε not to exceed; finite and > 0. */
  targetEpsilon: number;
  /** @default DEFAULT_ORDERS */
  orders?: readonly number[];
  /** @default 'improved' */
  conversion?: RdpConversion;
  /**
   * Relative precision: the result σ satisfies ε(σ) ≤ target and ε(σ·(1 − tolerance)) >
   * target. @default 1e-9
   */
  tolerance?: number;
  /** The search gives up (`BUDGET_UNREACHABLE`) above this multiplier. @default 1e6 */
  maxNoiseMultiplier?: number;
}

/** Default upper end of the search in {@link noiseMultiplierFor}. */
export const DEFAULT_MAX_NOISE_MULTIPLIER = 1e6;

/** The bracketing stops halving here. */
const MIN_SEARCHED_NOISE_MULTIPLIER = 1e-12;

/**
 * The smallest noise multiplier σ (to within `tolerance`, relative) such that
 * `epsilonFor({ samplingRate, noiseMultiplier: σ, steps, delta, orders, conversion })`
 * is at most `targetEpsilon`. ε is non-increasing in σ (more noise is post-processing),
 * so a bisection finds it; the returned σ has itself been evaluated and meets the target.
 *
 * Returns 0 when q = 0 or steps = 0 (nothing is revealed, with or without noise).
 * Throws `BUDGET_UNREACHABLE` when even `maxNoiseMultiplier` does not meet the target:
 * with finitely many orders ε has a floor above 0 that no amount of noise removes.
 */
export function noiseMultiplierFor(options: NoiseMultiplierForOptions): number {
  const { orders, conversion, tolerance } = checkCalibrationOptions(options);
  const { samplingRate, steps, delta, targetEpsilon } = options;
  const maxSigma = options.maxNoiseMultiplier ?? DEFAULT_MAX_NOISE_MULTIPLIER;
  if (typeof maxSigma !== 'number' || !(maxSigma > 0 && maxSigma <= MAX_NOISE_MULTIPLIER)) {
    throw new DpError(
      'INVALID_ARGUMENT',
      `maxNoiseMultiplier must be in (0, ${MAX_NOISE_MULTIPLIER}], got ${formatValue(maxSigma)}`,
    );
  }

  if (samplingRate === 0 || steps === 0) return 0;

  const epsilon = (noiseMultiplier: number): number =>
    epsilonFor({ samplingRate, noiseMultiplier, steps, delta, orders, conversion }).epsilon;

  const atMax = epsilon(maxSigma);
  if (!(atMax <= targetEpsilon)) {
    throw new DpError(
      'BUDGET_UNREACHABLE',
      `targetEpsilon ${targetEpsilon} is unreachable at delta ${delta} with samplingRate ${samplingRate} and ` +
        `${steps} steps: even noiseMultiplier ${maxSigma} gives epsilon ${atMax}; raise targetEpsilon or delta, ` +
        `take fewer steps or a lower samplingRate, or track higher orders`,
    );
  }
  return smallestMeeting((z) => epsilon(z) <= targetEpsilon, maxSigma, tolerance);
}

/** What every calibration shares: the target, δ, steps, rate, orders, conversion and tolerance. */
export interface CalibrationTarget {
  samplingRate: number;
  steps: number;
  delta: number;
  targetEpsilon: number;
  orders?: readonly number[];
  conversion?: RdpConversion;
  tolerance?: number;
}

/** Checks a {@link CalibrationTarget}, naming the bad field; returns the defaulted knobs. */
export function checkCalibrationOptions(options: CalibrationTarget): { orders: readonly number[]; conversion: RdpConversion; tolerance: number } {
  if (typeof options !== 'object' || options === null) {
    throw new DpError('INVALID_ARGUMENT', `options must be an object, got ${formatValue(options)}`);
  }
  const { samplingRate, steps, delta, targetEpsilon } = options;
  checkSamplingRate(samplingRate, 'samplingRate');
  checkSteps(steps, 'steps');
  checkDelta(delta, 'delta');
  if (typeof targetEpsilon !== 'number' || !(targetEpsilon > 0 && targetEpsilon < Infinity)) {
    throw new DpError('INVALID_ARGUMENT', `targetEpsilon must be a finite number > 0, got ${formatValue(targetEpsilon)}`);
  }
  const orders = checkOrders(options.orders ?? DEFAULT_ORDERS, 'orders');
  const conversion = checkConversion(options.conversion ?? 'improved');
  const tolerance = options.tolerance ?? 1e-9;
  if (typeof tolerance !== 'number' || !(tolerance >= 1e-15 && tolerance < 1)) {
    throw new DpError('INVALID_ARGUMENT', `tolerance must be in [1e-15, 1), got ${formatValue(tolerance)}`);
  }
  return { orders, conversion, tolerance };
}

/**
 * The smallest z in (0, max] with `meets(z)` (to relative `tolerance`), for a predicate that
 * holds from some point on (ε is non-increasing in the noise); `meets(max)` must hold. Brackets
 * by doubling or halving from 1, then bisects; the returned z itself meets it.
 */
export function smallestMeeting(meets: (z: number) => boolean, max: number, tolerance: number): number {
  let lo: number;
  let hi = Math.min(1, max);
  if (meets(hi)) {
    lo = hi / 2;
    while (meets(lo)) {
      hi = lo;
      lo /= 2;
      // Unreachable in practice (for q > 0, ε at σ = 1e-12 is astronomically large).
      if (lo < MIN_SEARCHED_NOISE_MULTIPLIER) return hi;
    }
  } else {
    lo = hi;
    hi = Math.min(2 * lo, max);
    // Terminates: meets(max) holds.
    while (!meets(hi)) {
      lo = hi;
      hi = Math.min(2 * hi, max);
    }
  }
  while (hi - lo > tolerance * hi) {
    const mid = lo + (hi - lo) / 2;
    if (mid <= lo || mid >= hi) break;
    if (meets(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
