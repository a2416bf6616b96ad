/**
 * The last step of a round: from the survivors' sum to a new model, the round's metrics, the
 * privacy state after the round and the next clip norm. One strategy per aggregation mode
 * (`plain.ts`, `secure.ts`, `central-dp.ts`, `adaptive-clipping.ts`, `distributed-dp.ts`, and
 * `evaluation.ts` for evaluation rounds), each a pure function of the sum and a context: no
 * store, no clock, randomness only from the context's source.
 */
import type { DistributedDpPlan, PrivacyAccountant } from '@conclave/dp';
import type { WeightedDeltaAggregator } from '../../aggregator.ts';
import { applyServerOptimizer, type OptimizerState } from '../../optimizers.ts';
import type { FiguresPrivacy } from '../../privacy/privacy-figures.ts';
import type { RandomSource } from '../../random.ts';
import type { Participation, RoundMetrics } from '../../store/store.ts';
import type { OptimizerSpec } from '../../task-spec.ts';

/** What the reports sent in the clear add up to (no secure aggregation). */
export interface PlainSums {
  /**
   * Σ w·x of the updates: example-weighted without DP; under DP every device counts once with
   * its server-clipped update (and, with adaptive clipping, its ±½ indicator as the last entry).
   */
  aggregator: WeightedDeltaAggregator;
  /** Σ of the example counts devices claimed, and their losses and evaluation, weighted by examples. */
  examples: number;
  trainLossSum: number;
  evalExamples: number;
  evalLossSum: number;
  evalAccuracySum: number;
}

/** The survivors' sum, as the round produced it. */
export type SurvivorsSum =
  | { kind: 'plain'; sums: PlainSums; participants: Participation[] }
  /** Σ x mod 2^32 of the survivors' masked inputs (SecAgg+); `participants` are the survivors. */
  | { kind: 'secure'; sum: Uint32Array; participants: Participation[] };

export interface FinalizeContext {
  /** The global model the round trained (not modified). */
  weights: Float32Array;
  optimizer: OptimizerSpec;
  /** The server optimizer's state before the round (not modified). */
  optimizerState: OptimizerState;
  /** Central DP noise. */
  random: RandomSource;
}

/** The metrics a finalize step computes; the round adds selection size, duration and bytes. */
export type AggregateMetrics = Omit<RoundMetrics, 'selected' | 'durationMs' | 'bytesIn' | 'bytesOut'>;

export type FinalizeOutcome =
  | {
      ok: true;
      metrics: AggregateMetrics;
      participants: Participation[];
      /** Training rounds: the model after the server optimizer. */
      model?: { weights: Float32Array; optimizerState: OptimizerState };
      /** DP rounds: the accountant after this round, and the clip norm of the next. */
      privacy?: { accountant: PrivacyAccountant; nextClipNorm: number };
    }
  | {
      ok: false;
      reason: string;
      /** Set when the round released something private anyway: its ε counts. */
      spent?: PrivacyAccountant;
    };

/** Applies the server optimizer to a copy of the model and its state. */
export function applyUpdate(ctx: FinalizeContext, update: Float64Array): { weights: Float32Array; optimizerState: OptimizerState } {
  const weights = ctx.weights.slice();
  const optimizerState: OptimizerState = {};
  if (ctx.optimizerState.m) optimizerState.m = ctx.optimizerState.m.slice();
  if (ctx.optimizerState.v) optimizerState.v = ctx.optimizerState.v.slice();
  applyServerOptimizer(weights, update, ctx.optimizer, optimizerState);
  return { weights, optimizerState };
}

/** Metrics of reports sent in the clear: example-weighted means of what devices claimed. */
export function plainMetrics(sums: PlainSums, participants: Participation[]): AggregateMetrics {
  return {
    participants: participants.length,
    examples: sums.examples,
    // Devices send no loss in the clear any more: null unless a sum carries one.
    trainLoss: sums.examples > 0 && sums.trainLossSum > 0 ? sums.trainLossSum / sums.examples : null,
    evalExamples: sums.evalExamples,
    evalLoss: sums.evalExamples > 0 ? sums.evalLossSum / sums.evalExamples : null,
    evalAccuracy: sums.evalExamples > 0 ? sums.evalAccuracySum / sums.evalExamples : null,
  };
}

/** Metrics of a securely aggregated round: only the survivors' count and summed weight. */
export function secureMetrics(participants: Participation[], examples: number): AggregateMetrics {
  return { participants: participants.length, examples, trainLoss: null, evalExamples: 0, evalLoss: null, evalAccuracy: null };
}

/** Only a device outside the protocol's rules can make a secure sum undecodable: the round is lost, the task goes on. */
export function undecodable(err: unknown, spent?: PrivacyAccountant): FinalizeOutcome {
  return {
    ok: false,
    reason: `secure aggregation produced a sum that cannot be decoded: ${(err as Error).message}`,
    ...(spent ? { spent } : {}),
  };
}

/**
 * DP-FedAvg's fixed-denominator estimate: divide the noised sum by the expected cohort size
 * q·N, not the realised one (McMahan et al. 2018, §3), in place.
 */
export function divideByExpectedCohort(update: Float64Array, samplingRate: number, population: number): void {
  const denominator = samplingRate * population;
  for (let i = 0; i < update.length; i++) update[i]! /= denominator;
}

/** The first `d` entries (the model's), without copying. */
export function modelPart(sum: Float64Array, d: number): Float64Array {
  return sum.length === d ? sum : sum.subarray(0, d);
}

/** The round's full metrics: the aggregate ones with the round's cohort size, duration and bytes, in the stored order. */
export function withRoundTotals(m: AggregateMetrics, totals: Pick<RoundMetrics, 'selected' | 'durationMs' | 'bytesIn' | 'bytesOut'>): RoundMetrics {
  const { participants, examples, trainLoss, evalExamples, evalLoss, evalAccuracy, ...privacy } = m;
  return {
    participants,
    selected: totals.selected,
    examples,
    trainLoss,
    evalExamples,
    evalLoss,
    evalAccuracy,
    durationMs: totals.durationMs,
    bytesIn: totals.bytesIn,
    bytesOut: totals.bytesOut,
    ...privacy,
  };
}

/** How an evaluation round's devices encode their sums, by privacy mode. */
export type EvaluationEncoding =
  | { kind: 'exact'; maxExamples: number }
  | { kind: 'central-dp'; maxExamples: number; privacy: FiguresPrivacy & { clipNorm?: number }; accountant: PrivacyAccountant; clipNorm: number }
  | { kind: 'distributed-dp'; maxExamples: number; privacy: FiguresPrivacy; accountant: PrivacyAccountant; plan: DistributedDpPlan; rotationSeed: number; clipNorm: number };
