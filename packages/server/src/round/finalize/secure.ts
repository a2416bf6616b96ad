/**
 * FedAvg under SecAgg+ (Bonawitz et al. 2017; Bell et al. 2020): the coordinator learns only
 * the survivors' sums, Σ w·x and Σ w, never one device's update, and divides. Without DP the
 * devices' losses and evaluation travel masked after the weight entry, so the round's metrics
 * are cohort means too.
 */
import { decodeRoundMetrics, dequantizeWeightedMean } from '@conclave/secagg';
import type { Participation } from '../../store/store.ts';
import type { SecureSetup } from '../plan.ts';
import { applyUpdate, secureMetrics, undecodable, type AggregateMetrics, type FinalizeContext, type FinalizeOutcome } from './types.ts';

export function finalizeSecure(sum: Uint32Array, participants: Participation[], secure: SecureSetup, ctx: FinalizeContext): FinalizeOutcome {
  const survivors = participants.length;
  const k = secure.metricsEntries;
  let mean: Float64Array;
  let metrics: AggregateMetrics;
  try {
    const weighted = dequantizeWeightedMean(k ? sum.subarray(0, sum.length - k) : sum, { ...secure.quant, survivors });
    mean = weighted.mean;
    metrics = secureMetrics(participants, weighted.totalWeight);
    if (k) {
      // The survivors' losses and evaluation, summed under the same masks: device means.
      const m = decodeRoundMetrics(sum.subarray(sum.length - k), survivors, secure.quant.maxWeight);
      metrics = { ...metrics, trainLoss: m.trainLoss, evalExamples: m.evalExamples, evalLoss: m.evalLoss, evalAccuracy: m.evalAccuracy };
    }
  } catch (err) {
    return undecodable(err);
  }
  return { ok: true, metrics, participants, model: applyUpdate(ctx, mean) };
}
