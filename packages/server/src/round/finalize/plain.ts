/**
 * Plain FedAvg (McMahan et al. 2017): the example-weighted mean of the updates, sent in the
 * clear, through the server optimizer.
 */
import { applyUpdate, plainMetrics, type FinalizeContext, type FinalizeOutcome, type PlainSums } from './types.ts';
import type { Participation } from '../../store/store.ts';

export function finalizePlain(sums: PlainSums, participants: Participation[], ctx: FinalizeContext): FinalizeOutcome {
  const metrics = plainMetrics(sums, participants);
  // The aggregator divides its running sum in place: it is spent afterwards.
  const model = applyUpdate(ctx, sums.aggregator.mean());
  return { ok: true, metrics, participants, model };
}
