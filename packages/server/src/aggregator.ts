/**
 * Weighted federated averaging that folds each device's update into one running sum as soon
 * as it is complete: memory is O(model size) for the sum plus one receive buffer per upload
 * in flight, never O(cohort × model).
 */
export class WeightedDeltaAggregator {
  private readonly sum: Float64Array;
  private totalWeight = 0;
  private count = 0;

  constructor(readonly size: number) {
    this.sum = new Float64Array(size);
  }

  /** Adds `weight × delta`. The caller has validated length and finiteness. */
  add(delta: Float32Array, weight: number): void {
    if (delta.length !== this.size) throw new RangeError(`update has ${delta.length} values, model has ${this.size}`);
    const sum = this.sum;
    for (let i = 0; i < sum.length; i++) sum[i]! += weight * delta[i]!;
    this.totalWeight += weight;
    this.count += 1;
  }

  get contributors(): number {
    return this.count;
  }

  get weight(): number {
    return this.totalWeight;
  }

  /** The running weighted sum itself (DP adds noise to it before dividing). */
  rawSum(): Float64Array {
    return this.sum;
  }

  /** The example-weighted mean delta (in place: the aggregator is spent afterwards). */
  mean(): Float64Array {
    if (this.totalWeight <= 0) throw new RangeError('no updates to average');
    const inv = 1 / this.totalWeight;
    for (let i = 0; i < this.sum.length; i++) this.sum[i]! *= inv;
    return this.sum;
  }
}

/** True when every value is finite (a NaN or ∞ from one device would poison the model). */
export function allFinite(values: Float32Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return false;
  return true;
}
