import { describe, expect, it } from 'vitest';
import { ROUND_METRIC_ENTRIES, SecAggError, decodeRoundMetrics, encodeRoundMetrics, roundMetricsFit } from '../src/index.ts';

const sumOf = (rows: Uint32Array[]) => rows.reduce((acc, r) => acc.map((x, i) => x + r[i]!), new Array<number>(ROUND_METRIC_ENTRIES).fill(0));

describe('round metrics travelling masked', () => {
  it('decodes per-device means from the summed fixed-point entries', () => {
    const rows = [
      encodeRoundMetrics({ trainLoss: 0.5, evalExamples: 10, evalLoss: 0.25, evalAccuracy: 0.9 }, 1000),
      encodeRoundMetrics({ trainLoss: 1.5, evalExamples: 30, evalLoss: 0.75, evalAccuracy: 0.7 }, 1000),
      encodeRoundMetrics({ trainLoss: 1, evalExamples: 0, evalLoss: 0, evalAccuracy: 0 }, 1000),
    ];
    const m = decodeRoundMetrics(sumOf(rows), 3, 1000);
    expect(m.trainLoss).toBeCloseTo(1, 4);
    expect(m.evalExamples).toBe(40);
    // Only the two devices that evaluated count in the held-out means.
    expect(m.evalDevices).toBe(2);
    expect(m.evalLoss).toBeCloseTo(0.5, 4);
    expect(m.evalAccuracy).toBeCloseTo(0.8, 4);
  });

  it('clamps what one device can add: losses to 16 (∞ and NaN too), accuracy to 1, counts to maxWeight', () => {
    expect(Array.from(encodeRoundMetrics({ trainLoss: Infinity, evalExamples: 5000, evalLoss: NaN, evalAccuracy: 2 }, 1000))).toEqual([
      16 * 65536, 1000, 16 * 65536, 65536, 1,
    ]);
    expect(Array.from(encodeRoundMetrics({ trainLoss: -3, evalExamples: 2.5, evalLoss: 1, evalAccuracy: 1 }, 1000))).toEqual([0, 0, 0, 0, 0]);
    const m = decodeRoundMetrics(sumOf([encodeRoundMetrics({ trainLoss: 7, evalExamples: 0, evalLoss: 0, evalAccuracy: 0 }, 10)]), 1, 10);
    expect(m.evalLoss).toBeNull();
    expect(m.evalAccuracy).toBeNull();
  });

  it('refuses sums that the survivors cannot have produced, naming the entry', () => {
    expect(() => decodeRoundMetrics([0, 0, 0, 0, 4], 3, 1000)).toThrow(SecAggError);
    expect(() => decodeRoundMetrics([0, 0, 0, 0, 4], 3, 1000)).toThrow('summed evaluating devices 4 exceeds what 3 devices can send (3)');
    expect(() => decodeRoundMetrics([3 * 16 * 65536 + 1, 0, 0, 0, 0], 3, 1000)).toThrow(/^summed training loss/);
    expect(() => decodeRoundMetrics([0, 0, 0, 0], 3, 1000)).toThrow('round metrics are 5 entries, got 4');
  });

  it('fit cohorts up to 4,095 devices', () => {
    expect(roundMetricsFit(4095, 1000)).toBe(true);
    expect(roundMetricsFit(4096, 1000)).toBe(false);
  });
});
