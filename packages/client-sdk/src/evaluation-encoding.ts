/**
 * Federated evaluation leaves the device only inside the secure-aggregation sum (PROTOCOL.md §4):
 * its held-out example count, loss sum and correct predictions, bounded per device
 * (`@conclave/secagg` evaluation metrics). Without DP they are exact integers; with central DP a
 * vector of L2 norm at most 1, clipped further so that quantization cannot take it past 1
 * (`quantizationSafeClipNorm`), to which the coordinator adds noise; with distributed DP the same
 * vector encoded with this device's own discrete Gaussian share, like an update.
 */
import { encodeDistributedUpdate } from '@conclave/dp';
import type { IPlan } from '@conclave/proto';
import { EVALUATION_ENTRIES, encodeEvaluation, evaluationVector, quantizationSafeClipNorm, quantizeWeighted, type DeviceEvaluation } from '@conclave/secagg';
import { distributedEncoding, withCount, type SecureEncoding } from './update-encoding.ts';

/** What the trainer's evaluation of the received model gives (mean loss and accuracy over the held-out examples). */
export interface HeldOutEvaluation {
  examples: number;
  loss: number;
  accuracy: number;
}

/** The sums a device adds: examples, Σ loss, correct predictions. */
export function deviceEvaluation(e: HeldOutEvaluation): DeviceEvaluation {
  const n = Number.isInteger(e.examples) && e.examples > 0 ? e.examples : 0;
  return { examples: n, lossSum: n * e.loss, correct: Math.round(n * e.accuracy) };
}

/** Entries of the masked evaluation vector for this plan: exact, quantized with its weight entry, or the padded distributed encoding with its count entry. */
export function evaluationWords(plan: Pick<IPlan, 'noiseMultiplier' | 'distributedDp' | 'maxEvalExamples'>): number {
  if (plan.distributedDp) return (plan.distributedDp.paddedDimension ?? 0) + 1;
  return (plan.noiseMultiplier ?? 0) > 0 ? EVALUATION_ENTRIES + 1 : EVALUATION_ENTRIES;
}

/**
 * The vector this device masks in an evaluation round. `maxExamples` bounds what one device
 * adds (the plan's `max_eval_examples`). Throws an Error naming what does not fit.
 */
export function evaluationInput(e: HeldOutEvaluation, plan: Pick<IPlan, 'noiseMultiplier' | 'distributedDp' | 'maxEvalExamples'>, encoding: SecureEncoding): Uint32Array {
  const maxExamples = plan.maxEvalExamples ?? 0;
  if (!(maxExamples >= 1)) throw new Error('the evaluation plan names no max_eval_examples');
  const sums = deviceEvaluation(e);
  const wire = plan.distributedDp;
  if (wire) {
    const dd = distributedEncoding(wire, EVALUATION_ENTRIES);
    return withCount(encodeDistributedUpdate(evaluationVector(sums, maxExamples), dd, wire.rotationSeed ?? 0).values);
  }
  if ((plan.noiseMultiplier ?? 0) > 0) {
    const { clipRange, bits, maxWeight } = encoding.quant;
    if (maxWeight !== 1) throw new Error(`a differentially private evaluation is quantized with max weight 1, the round asks for ${maxWeight}`);
    const safe = quantizationSafeClipNorm(1, { clipRange, bits, maxWeight, weight: 1, dimension: EVALUATION_ENTRIES });
    const v = evaluationVector(sums, maxExamples).map((x) => x * safe);
    return quantizeWeighted(v, 1, { ...encoding.quant, cohortSize: encoding.cohortSize });
  }
  return encodeEvaluation(sums, { maxExamples, cohortSize: encoding.cohortSize });
}
