/**
 * Federated evaluation through secure aggregation: each device adds its held-out example count,
 * loss sum and correct-prediction count to the masked vector, so the coordinator learns only
 * the cohort's sums and never one device's figures.
 *
 * Every device's contribution is bounded first: at most `maxExamples` examples count (a device
 * with more scales its loss sum and correct count to that many), a loss per example counts at
 * most {@link EVALUATION_LOSS_CAP}, and correct predictions at most the examples.
 *
 * - Without differential privacy the three sums travel as exact integers
 *   ({@link encodeEvaluation}); the loss sum in fixed point with the largest power-of-two scale
 *   the cohort's headroom allows.
 * - With differential privacy they travel as a real vector of L2 norm at most 1
 *   ({@link evaluationVector}: the three bounded sums over maxExamples·√3), which the device
 *   encodes like an update (quantized with central noise added by the coordinator, or with its
 *   own discrete Gaussian share); the coordinator reads the noised sums back with
 *   {@link evaluationFromVectorSum}. A device's vector changes by at most 1 in L2 when its data
 *   is replaced by zeros: sensitivity 1.
 */
import { SecAggError } from './errors.ts';

/** Entries of the masked evaluation vector: examples, loss sum, correct predictions. */
export const EVALUATION_ENTRIES = 3;
/** A loss per example above this counts as this (a diverged model cannot swamp the sum). */
export const EVALUATION_LOSS_CAP = 16;

/** One device's evaluation of the received model on its held-out examples. */
export interface DeviceEvaluation {
  /** Held-out examples evaluated (0: none). */
  examples: number;
  /** Σ loss over those examples. */
  lossSum: number;
  /** Examples predicted correctly. */
  correct: number;
}

/** The cohort's evaluation, from the sums (noised under DP). */
export interface CohortEvaluation {
  examples: number;
  lossSum: number;
  correct: number;
  /** lossSum / examples; null when no example was evaluated. */
  evalLoss: number | null;
  /** correct / examples in [0, 1]; null when no example was evaluated. */
  evalAccuracy: number | null;
}

function checkMaxExamples(maxExamples: number): void {
  if (!(Number.isInteger(maxExamples) && maxExamples >= 1)) throw new SecAggError('INVALID_CONFIG', `maxExamples must be a positive integer, got ${maxExamples}`);
}

/** The device's figures bounded as the module comment says; non-finite losses count as the cap. */
export function boundEvaluation(e: DeviceEvaluation, maxExamples: number): DeviceEvaluation {
  checkMaxExamples(maxExamples);
  const n = Number.isInteger(e.examples) && e.examples > 0 ? e.examples : 0;
  if (n === 0) return { examples: 0, lossSum: 0, correct: 0 };
  const kept = Math.min(n, maxExamples);
  const share = kept / n;
  const loss = Number.isFinite(e.lossSum) ? Math.max(0, e.lossSum) * share : Infinity;
  const correct = Number.isFinite(e.correct) ? Math.max(0, e.correct) * share : 0;
  return { examples: kept, lossSum: Math.min(loss, EVALUATION_LOSS_CAP * kept), correct: Math.min(correct, kept) };
}

/**
 * The fixed-point scale of the loss-sum entry: the largest power of two such that `cohortSize`
 * devices' entries stay below 2^32. Throws 'OVERFLOW_RISK' when even a scale of 1 does not fit.
 */
export function evaluationLossScale(cohortSize: number, maxExamples: number): number {
  checkMaxExamples(maxExamples);
  if (!(Number.isInteger(cohortSize) && cohortSize >= 1)) throw new SecAggError('INVALID_CONFIG', `cohort size must be a positive integer, got ${cohortSize}`);
  const perDevice = EVALUATION_LOSS_CAP * maxExamples;
  const room = Math.floor((2 ** 32 - 1) / (cohortSize * perDevice));
  if (room < 1) {
    throw new SecAggError('OVERFLOW_RISK', `${cohortSize} devices × loss sums up to ${perDevice} can wrap modulo 2^32; evaluate on at most ${Math.floor((2 ** 32 - 1) / (cohortSize * EVALUATION_LOSS_CAP))} examples per device`);
  }
  return 2 ** Math.floor(Math.log2(room));
}

/** Exact entries (rounds without DP): [examples, round(lossSum·scale), round(correct)]. */
export function encodeEvaluation(e: DeviceEvaluation, options: { maxExamples: number; cohortSize: number }): Uint32Array {
  const scale = evaluationLossScale(options.cohortSize, options.maxExamples);
  const b = boundEvaluation(e, options.maxExamples);
  return Uint32Array.from([b.examples, Math.floor(b.lossSum * scale), Math.min(b.examples, Math.round(b.correct))]);
}

function cohort(examples: number, lossSum: number, correct: number): CohortEvaluation {
  return {
    examples,
    lossSum,
    correct,
    evalLoss: examples > 0 ? lossSum / examples : null,
    evalAccuracy: examples > 0 ? Math.min(1, Math.max(0, correct / examples)) : null,
  };
}

/** The cohort's evaluation from the summed exact entries of `survivors` devices; refuses sums they cannot produce. */
export function decodeEvaluation(sum: ArrayLike<number>, options: { maxExamples: number; cohortSize: number; survivors: number }): CohortEvaluation {
  if (sum.length !== EVALUATION_ENTRIES) throw new SecAggError('WRONG_LENGTH', `an evaluation sum has ${EVALUATION_ENTRIES} entries, got ${sum.length}`);
  const scale = evaluationLossScale(options.cohortSize, options.maxExamples);
  const [examples, loss, correct] = Array.from(sum) as [number, number, number];
  const limits: [string, number, number][] = [
    ['held-out examples', examples, options.survivors * options.maxExamples],
    ['loss sum', loss, examples * EVALUATION_LOSS_CAP * scale],
    ['correct predictions', correct, examples],
  ];
  for (const [what, value, limit] of limits) {
    if (value > limit) throw new SecAggError('OVERFLOW_RISK', `summed ${what} ${value} exceeds what ${options.survivors} devices can send (${limit})`);
  }
  return cohort(examples, loss / scale, correct);
}

/** The real vector a device encodes under DP: its bounded sums over maxExamples·√3 (L2 norm ≤ 1). */
export function evaluationVector(e: DeviceEvaluation, maxExamples: number): Float64Array {
  const b = boundEvaluation(e, maxExamples);
  const unit = maxExamples * Math.sqrt(EVALUATION_ENTRIES);
  return Float64Array.from([b.examples / unit, b.lossSum / EVALUATION_LOSS_CAP / unit, b.correct / unit]);
}

/**
 * The cohort's evaluation from the (noised) sum of {@link evaluationVector}s. Noise can make a
 * sum negative or the accuracy leave [0, 1]; the figures are clamped (post-processing).
 */
export function evaluationFromVectorSum(sum: ArrayLike<number>, maxExamples: number): CohortEvaluation {
  checkMaxExamples(maxExamples);
  if (sum.length !== EVALUATION_ENTRIES) throw new SecAggError('WRONG_LENGTH', `an evaluation sum has ${EVALUATION_ENTRIES} entries, got ${sum.length}`);
  const unit = maxExamples * Math.sqrt(EVALUATION_ENTRIES);
  const [n, loss, correct] = Array.from(sum, (x) => Math.max(0, x * unit)) as [number, number, number];
  return cohort(n, loss * EVALUATION_LOSS_CAP, Math.min(correct, n));
}
