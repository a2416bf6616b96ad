/**
 * Picks the finalize strategy of a round's mode. Each mode has exactly one; a sum of the wrong
 * kind for its mode (a plain sum in a secure round) is a coordinator bug, refused loudly.
 */
import type { RoundMode } from '../plan.ts';
import { finalizeAdaptiveClipping } from './adaptive-clipping.ts';
import { finalizeCentralDp } from './central-dp.ts';
import { finalizeDistributedDp } from './distributed-dp.ts';
import { finalizePlain } from './plain.ts';
import { finalizeSecure } from './secure.ts';
import { finalizeSecureEvaluation } from './secure-evaluation.ts';
import type { FinalizeContext, FinalizeOutcome, SurvivorsSum } from './types.ts';

export { withRoundTotals } from './types.ts';
export type { AggregateMetrics, FinalizeContext, FinalizeOutcome, PlainSums, SurvivorsSum } from './types.ts';

export function finalizeRound(mode: RoundMode, sum: SurvivorsSum, ctx: FinalizeContext): FinalizeOutcome {
  const mismatch = (): never => {
    throw new Error(`a ${sum.kind} sum cannot finalize a ${mode.kind} round`);
  };
  switch (mode.kind) {
    case 'evaluate':
      return sum.kind === 'secure' ? finalizeSecureEvaluation(sum.sum, sum.participants, mode, ctx) : mismatch();
    case 'plain':
      return sum.kind === 'plain' ? finalizePlain(sum.sums, sum.participants, ctx) : mismatch();
    case 'secure':
      return sum.kind === 'secure' ? finalizeSecure(sum.sum, sum.participants, mode.secure, ctx) : mismatch();
    case 'central-dp':
      return finalizeCentralDp(sum, mode, ctx);
    case 'adaptive-clipping':
      return finalizeAdaptiveClipping(sum, mode, ctx);
    case 'distributed-dp':
      return sum.kind === 'secure' ? finalizeDistributedDp(sum.sum, sum.participants, mode, ctx) : mismatch();
  }
}
