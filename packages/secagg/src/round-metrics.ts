/**
 * Round metrics that travel masked with the update: each device appends five exact integers
 * after its weight entry, so the coordinator learns the cohort's sums — mean training loss,
 * held-out examples, mean held-out loss and accuracy — and nothing about one device.
 *
 * The means are per device (every device counts once), in fixed point: a loss is clamped to
 * [0, 16] and an accuracy to [0, 1], then scaled by 2^16 and rounded, so one device adds at
 * most 2^20 to an entry and a cohort of up to 4,095 cannot wrap modulo 2^32. Held-out example
 * counts are clamped to the round's maxWeight, like the weight entry.
 *
 * Never under differential privacy: these sums carry no noise.
 */
import { SecAggError } from './errors.ts';
import { checkHeadroom } from './quantize.ts';

/** Entries appended after the weight entry. */
export const ROUND_METRIC_ENTRIES = 5;
const SCALE = 2 ** 16;
/** Losses above this are counted as this (a diverged device cannot wrap the sum). */
export const ROUND_METRIC_LOSS_CAP = 16;

export interface DeviceRoundMetrics {
  /** The device's mean training loss. */
  trainLoss: number;
  /** Held-out examples the device evaluated the received model on (0: none). */
  evalExamples: number;
  evalLoss: number;
  /** In [0, 1]. */
  evalAccuracy: number;
}

export interface CohortRoundMetrics {
  /** Mean over the survivors of their training loss (losses capped at 16). */
  trainLoss: number;
  /** Held-out examples over the survivors (each device's count capped at maxWeight). */
  evalExamples: number;
  /** Mean over the survivors that evaluated; null when none did. */
  evalLoss: number | null;
  evalAccuracy: number | null;
  /** Survivors that had held-out examples. */
  evalDevices: number;
}

/** True when `cohortSize` devices' metric entries fit the ring (and the weights already do). */
export function roundMetricsFit(cohortSize: number, maxWeight: number): boolean {
  return cohortSize * ROUND_METRIC_LOSS_CAP * SCALE < 2 ** 32 && cohortSize * maxWeight < 2 ** 32;
}

const fixed = (x: number, cap: number): number => Math.round(Math.min(cap, Math.max(0, Number.isFinite(x) ? x : cap)) * SCALE);

/** One device's five entries. A non-finite loss counts as the cap; counts are clamped to maxWeight. */
export function encodeRoundMetrics(m: DeviceRoundMetrics, maxWeight: number): Uint32Array {
  const evaluated = Number.isInteger(m.evalExamples) && m.evalExamples > 0;
  return Uint32Array.from([
    fixed(m.trainLoss, ROUND_METRIC_LOSS_CAP),
    evaluated ? Math.min(m.evalExamples, maxWeight) : 0,
    evaluated ? fixed(m.evalLoss, ROUND_METRIC_LOSS_CAP) : 0,
    evaluated ? fixed(m.evalAccuracy, 1) : 0,
    evaluated ? 1 : 0,
  ]);
}

/**
 * The cohort's metrics from the five summed entries of `survivors` devices. Throws
 * 'OVERFLOW_RISK' when an entry is more than that many devices can produce.
 */
export function decodeRoundMetrics(sum: ArrayLike<number>, survivors: number, maxWeight: number): CohortRoundMetrics {
  if (sum.length !== ROUND_METRIC_ENTRIES) throw new SecAggError('WRONG_LENGTH', `round metrics are ${ROUND_METRIC_ENTRIES} entries, got ${sum.length}`);
  checkHeadroom(survivors, ROUND_METRIC_LOSS_CAP * SCALE, 'round metrics');
  const [loss, evalExamples, evalLoss, evalAccuracy, evalDevices] = Array.from(sum) as [number, number, number, number, number];
  const limits: [string, number, number][] = [
    ['training loss', loss, survivors * ROUND_METRIC_LOSS_CAP * SCALE],
    ['held-out examples', evalExamples, survivors * maxWeight],
    ['held-out loss', evalLoss, survivors * ROUND_METRIC_LOSS_CAP * SCALE],
    ['accuracy', evalAccuracy, survivors * SCALE],
    ['evaluating devices', evalDevices, survivors],
  ];
  for (const [what, value, limit] of limits) {
    if (value > limit) throw new SecAggError('OVERFLOW_RISK', `summed ${what} ${value} exceeds what ${survivors} devices can send (${limit})`);
  }
  return {
    trainLoss: loss / SCALE / survivors,
    evalExamples,
    evalLoss: evalDevices > 0 ? evalLoss / SCALE / evalDevices : null,
    evalAccuracy: evalDevices > 0 ? evalAccuracy / SCALE / evalDevices : null,
    evalDevices,
  };
}
