/**
 * Aggregation in the clear (no secure aggregation): each update is folded into one running
 * sum as soon as it is complete (`WeightedDeltaAggregator`: O(model) memory), with the
 * claimed example counts summed beside it (devices send no loss or evaluation in the clear).
 *
 * Under DP the coordinator clips every update again on arrival (DP-FedAvg, McMahan et al.
 * 2018, Alg. 1): the device clips too, but clipping here keeps the sensitivity bound whatever
 * a device sends. Every device then counts once (weight 1), not by its example count.
 */
import { clipL2 } from '@conclave/dp';
import { WeightedDeltaAggregator } from '../aggregator.ts';
import type { PlainSums } from './finalize/types.ts';
import type { UpdateReport } from './reports.ts';

/** What the coordinator does to an update before summing it. */
export type ServerClipping =
  | { kind: 'none' }
  /** Clip the model part to `clipNorm`; with `indicator`, the last entry is the device's unclipped indicator, clamped to ±½. */
  | { kind: 'clip'; clipNorm: number; indicator: boolean };

export class PlainAggregation {
  readonly sums: PlainSums;

  constructor(
    /** Entries of the model. */
    private readonly modelSize: number,
    private readonly clipping: ServerClipping,
  ) {
    const entries = clipping.kind === 'clip' && clipping.indicator ? modelSize + 1 : modelSize;
    this.sums = { aggregator: new WeightedDeltaAggregator(entries), examples: 0, trainLossSum: 0, evalExamples: 0, evalLossSum: 0, evalAccuracySum: 0 };
  }

  /** Folds in one complete, finite update. `update` may be overwritten (it is the upload's receive buffer). */
  addUpdate(update: Float32Array, report: UpdateReport): void {
    const { aggregator } = this.sums;
    const c = this.clipping;
    if (c.kind === 'clip') {
      const d = this.modelSize;
      const { clipped } = clipL2(update.subarray(0, d), c.clipNorm);
      if (c.indicator) {
        // The clipped update and the clamped indicator, written back into the receive buffer,
        // which nothing reads after this.
        update[d] = Math.max(-0.5, Math.min(0.5, update[d]!));
        update.set(clipped);
        aggregator.add(update, 1);
      } else {
        aggregator.add(clipped, 1);
      }
    } else {
      aggregator.add(update, report.numExamples);
    }
    this.sums.examples += report.numExamples;
  }
}
