/**
 * Calibration of the distributed discrete Gaussian mechanism: the smallest noise multiplier
 * whose plan keeps a training run within a target ε, searched as the central Gaussian's
 * (`../calibration-search.ts`).
 */
import { DpError } from '../errors.ts';
import { type RdpConversion, rdpToEpsilon } from '../conversion.ts';
import { checkCalibrationOptions, smallestMeeting } from '../calibration-search.ts';
import { computeDistributedRdp } from './accounting.ts';
import { type DistributedDpPlan, checkPlanOptions, searchPlan } from './plan.ts';

/** Search range of {@link noiseMultiplierForDistributed}, as {@link noiseMultiplierFor}'s default. */
const MAX_SEARCHED_NOISE_MULTIPLIER = 1e6;
const MIN_SEARCHED_NOISE_MULTIPLIER = 1e-12;

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
