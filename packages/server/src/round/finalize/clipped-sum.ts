/**
 * Central DP's input: the sum of the survivors' clipped updates, each device counting once.
 * In the clear it is the aggregator's running sum (the coordinator clipped each update again
 * on arrival); under SecAgg+ devices sent weight 1, so mean × total weight is that sum.
 */
import { dequantizeWeightedMean } from '@conclave/secagg';
import type { SecureSetup } from '../plan.ts';
import { plainMetrics, secureMetrics, type AggregateMetrics, type SurvivorsSum } from './types.ts';

export type ClippedSum = { ok: true; sum: Float64Array; metrics: AggregateMetrics } | { ok: false; error: unknown };

export function clippedSum(input: SurvivorsSum, secure: SecureSetup | null): ClippedSum {
  if (input.kind === 'plain') return { ok: true, sum: input.sums.aggregator.rawSum(), metrics: plainMetrics(input.sums, input.participants) };
  if (!secure) return { ok: false, error: new Error('a securely aggregated sum in a round configured without secure aggregation') };
  try {
    const weighted = dequantizeWeightedMean(input.sum, { ...secure.quant, survivors: input.participants.length });
    const sum = weighted.mean;
    for (let i = 0; i < sum.length; i++) sum[i]! *= weighted.totalWeight;
    return { ok: true, sum, metrics: secureMetrics(input.participants, weighted.totalWeight) };
  } catch (error) {
    return { ok: false, error };
  }
}
