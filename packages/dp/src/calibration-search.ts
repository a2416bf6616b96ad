/**
 * The search every calibration shares: checking the target (rate, steps, δ, ε, orders,
 * conversion, tolerance) and finding the smallest noise multiplier that meets it. It knows
 * no mechanism, so the Gaussian (`calibration.ts`) and the distributed discrete Gaussian
 * (`distributed/calibration.ts`) calibrations both build on it without importing each other.
 */
import { DpError, formatValue } from './errors.ts';
import { type RdpConversion, checkConversion, checkDelta } from './conversion.ts';
import { DEFAULT_ORDERS, checkOrders, checkSamplingRate, checkSteps } from './rdp.ts';

/** The bracketing stops halving here. */
const MIN_SEARCHED_NOISE_MULTIPLIER = 1e-12;

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
