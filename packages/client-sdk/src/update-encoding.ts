/**
 * What a trained update becomes before it leaves the device, as pure functions: clipping (and
 * adaptive clipping's indicator), the distributed-DP encoding check, quantization with its weight
 * for secure aggregation, the masked round metrics, and the noise the device's own privacy
 * account charges for it.
 */
import type { IPlan } from '@conclave/proto';
import { clipL2, l2Norm, type DistributedEncoding } from '@conclave/dp';
import { ROUND_METRIC_ENTRIES, encodeRoundMetrics, quantizeWeighted } from '@conclave/secagg';
import type { TrainOutput } from './train/types.ts';

export type WireDistributedDp = NonNullable<IPlan['distributedDp']>;

/** Adaptive clipping's unclipped indicator (Andrew et al. 2021): ±1/2, so a cohort's sum stays centred. */
export const CLIP_INDICATOR = { unclipped: 0.5, clipped: -0.5 } as const;

/** The update with one value appended (adaptive clipping's unclipped indicator). */
export function withIndicator(update: Float32Array, indicator: number): Float32Array {
  const out = new Float32Array(update.length + 1);
  out.set(update);
  out[update.length] = indicator;
  return out;
}

/** The encoded update and the survivor-count entry 1. */
export function withCount(encoded: Uint32Array): Uint32Array {
  const out = new Uint32Array(encoded.length + 1);
  out.set(encoded);
  out[encoded.length] = 1;
  return out;
}

export interface ClippedUpdate {
  /** What is sent: clipped to the plan's norm, plus the indicator when the plan asks for it. */
  update: Float32Array;
  /** L2 norm of the update as sent, without the indicator (after clipping). */
  norm: number;
}

/** Differential privacy: the update leaves the device clipped to the task's L2 norm (0: no clipping). */
export function clipUpdate(delta: Float32Array, clipNorm: number, clipIndicator: boolean): ClippedUpdate {
  const clipped = clipNorm > 0 ? clipL2(delta, clipNorm).clipped : delta;
  const norm = l2Norm(clipped);
  if (!clipIndicator) return { update: clipped, norm };
  // Adaptive clipping: one more value, +1/2 when the update fit under the clip norm.
  const fits = l2Norm(delta) <= clipNorm;
  return { update: withIndicator(clipped, fits ? CLIP_INDICATOR.unclipped : CLIP_INDICATOR.clipped), norm };
}

function distributedPlanFromWire(w: WireDistributedDp): DistributedEncoding {
  return {
    dimension: w.dimension ?? 0,
    paddedDimension: w.paddedDimension ?? 0,
    bits: w.bits ?? 0,
    clipNorm: w.clipNorm ?? 0,
    scale: w.scale ?? 0,
    localSigma2: w.localSigma2 ?? 0,
    l2Sensitivity: w.l2Sensitivity ?? 0,
    beta: w.beta ?? 0,
  };
}

/**
 * Distributed DP (Kairouz, Liu & Steinke 2021): the round's encoding, checked against the model
 * before any training. The trainer then clips, rotates, scales, rounds and adds this device's
 * discrete Gaussian noise share off the host's thread.
 */
export function distributedEncoding(wire: WireDistributedDp, modelSize: number): DistributedEncoding {
  const plan = distributedPlanFromWire(wire);
  if (plan.dimension !== modelSize) throw new Error(`the plan encodes ${plan.dimension} values, the model has ${modelSize}`);
  // The rotation pads to the next power of two, never further (a larger one only costs memory).
  if (!(plan.paddedDimension >= plan.dimension && plan.paddedDimension < 2 * plan.dimension)) {
    throw new Error(`the plan pads ${plan.dimension} values to ${plan.paddedDimension}, expected the next power of two`);
  }
  return plan;
}

export interface SecureEncoding {
  quant: { clipRange: number; bits: number; maxWeight: number };
  cohortSize: number;
  /** Masked round metrics appended after the weight entry (0 or ROUND_METRIC_ENTRIES). */
  metricsEntries: number;
}

/**
 * The vector this device masks under secure aggregation: the quantized update with its weight
 * (the example count, or 1 under DP) as the last entry, so the coordinator sees neither in the
 * clear; with distributed DP the trainer's encoding plus the survivor-count entry instead. Round
 * metrics, when asked for, follow in fixed point. Throws an Error naming what does not fit.
 */
export function secureInput(result: TrainOutput, update: Float32Array, weight: number, encoding: SecureEncoding, distributed: boolean): Uint32Array {
  if (distributed && !result.encoded) throw new Error('the trainer did not encode the update for distributed DP');
  const input = result.encoded ? withCount(result.encoded) : quantizeWeighted(update, weight, { ...encoding.quant, cohortSize: encoding.cohortSize });
  if (encoding.metricsEntries === 0) return input;
  // This round's loss and the received model's held-out evaluation, masked like the update.
  const metrics = encodeRoundMetrics(
    { trainLoss: result.trainLoss, evalExamples: result.evalBefore.examples, evalLoss: result.evalBefore.loss, evalAccuracy: result.evalBefore.accuracy },
    encoding.quant.maxWeight,
  );
  const withMetrics = new Uint32Array(input.length + metrics.length);
  withMetrics.set(input);
  withMetrics.set(metrics, input.length);
  return withMetrics;
}

/**
 * Checks the round metrics a secure round asks for: this SDK sends 0 or ROUND_METRIC_ENTRIES,
 * and never in a differentially private round, where they would travel without noise.
 */
export function checkRoundMetrics(metricsEntries: number, noiseMultiplier: number): void {
  if (metricsEntries !== 0 && metricsEntries !== ROUND_METRIC_ENTRIES) throw new Error(`${metricsEntries} round-metric entries asked for; this SDK sends 0 or ${ROUND_METRIC_ENTRIES}`);
  if (metricsEntries > 0 && noiseMultiplier > 0) throw new Error('round metrics asked for in a differentially private round, where they would travel without noise');
}

/**
 * The noise on this round's update over its sensitivity: what the device's own privacy account
 * charges. With distributed DP the device works it out from the encoding itself: only the noise
 * shares of the fewest survivors the round can commit with (`minSurvivors`) count.
 */
export function chargedNoiseMultiplier(plan: Pick<IPlan, 'noiseMultiplier' | 'distributedDp'>, minSurvivors: number | undefined): number {
  const z = plan.noiseMultiplier ?? 0;
  const dd = plan.distributedDp;
  if (!dd || minSurvivors === undefined || z <= 0) return z;
  const own = Math.sqrt(minSurvivors * (dd.localSigma2 ?? 0)) / (dd.l2Sensitivity || Infinity);
  return Math.min(z, own);
}
