/** An evaluation round (the final model on held-out data): metrics only, the model stays. */
import { plainMetrics, type FinalizeOutcome, type PlainSums } from './types.ts';
import type { Participation } from '../../store/store.ts';

export function finalizeEvaluation(sums: PlainSums, participants: Participation[]): FinalizeOutcome {
  return { ok: true, metrics: plainMetrics(sums, participants), participants };
}
