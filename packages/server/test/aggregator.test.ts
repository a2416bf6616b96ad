import { describe, expect, it } from 'vitest';
import { WeightedDeltaAggregator } from '../src/aggregator.ts';

describe('WeightedDeltaAggregator', () => {
  it('computes the example-weighted mean while holding only the running sum', () => {
    const agg = new WeightedDeltaAggregator(2);
    agg.add(new Float32Array([1, 0]), 1);
    agg.add(new Float32Array([0, 3]), 3);
    expect(Array.from(agg.mean())).toEqual([0.25, 2.25]);
    expect(agg.contributors).toBe(2);
    expect(() => agg.add(new Float32Array(3), 1)).toThrow('update has 3 values, model has 2');
  });
});
