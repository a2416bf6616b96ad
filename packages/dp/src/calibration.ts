/**
 * Calibration: the smallest noise multiplier that keeps a training run within a target ε.
 */
import { DpError, formatValue } from './errors.ts';
import type { RdpConversion } from './conversion.ts';
import { epsilonFor } from './accountant.ts';
import { checkCalibrationOptions, smallestMeeting } from './calibration-search.ts';
import { MAX_NOISE_MULTIPLIER } from './rdp.ts';

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
