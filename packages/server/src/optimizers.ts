import type { OptimizerSpec } from './task-spec.ts';

/**
 * Server optimizers of Reddi et al. 2021, "Adaptive Federated Optimization", Algorithm 2.
 * `delta` is the example-weighted mean of client deltas (local − global), i.e. the negative
 * pseudo-gradient, so every rule *adds* to the weights. FedAvg with η = 1 is McMahan et al. 2017.
 */
export interface OptimizerState {
  /** First moment (FedAvgM momentum buffer, or m_t of the adaptive rules). */
  m?: Float32Array;
  /** Second moment v_t of the adaptive rules. */
  v?: Float32Array;
}

export function applyServerOptimizer(
  weights: Float32Array,
  delta: Float64Array | Float32Array,
  spec: OptimizerSpec,
  state: OptimizerState,
): void {
  if (delta.length !== weights.length) {
    throw new RangeError(`update has ${delta.length} values, model has ${weights.length}`);
  }
  const n = weights.length;
  const lr = spec.learningRate;
  switch (spec.kind) {
    case 'fedavg':
      for (let i = 0; i < n; i++) weights[i]! += lr * delta[i]!;
      return;
    case 'fedavgm': {
      const m = (state.m ??= new Float32Array(n));
      const beta = spec.momentum;
      for (let i = 0; i < n; i++) {
        m[i] = beta * m[i]! + delta[i]!;
        weights[i]! += lr * m[i]!;
      }
      return;
    }
    case 'fedadam':
    case 'fedyogi':
    case 'fedadagrad': {
      const m = (state.m ??= new Float32Array(n));
      // Reddi et al. initialise v_{-1} ≥ τ²; starting at τ² keeps the first steps bounded.
      const v = (state.v ??= new Float32Array(n).fill(spec.tau * spec.tau));
      const { beta1, beta2, tau } = spec;
      for (let i = 0; i < n; i++) {
        const d = delta[i]!;
        const d2 = d * d;
        m[i] = beta1 * m[i]! + (1 - beta1) * d;
        if (spec.kind === 'fedadagrad') v[i] = v[i]! + d2;
        else if (spec.kind === 'fedadam') v[i] = beta2 * v[i]! + (1 - beta2) * d2;
        else v[i] = v[i]! - (1 - beta2) * d2 * Math.sign(v[i]! - d2);
        weights[i]! += (lr * m[i]!) / (Math.sqrt(v[i]!) + tau);
      }
      return;
    }
  }
}

/** Serialises optimizer state for the store (moments as raw float32). */
export function encodeOptimizerState(state: OptimizerState): Buffer | null {
  if (!state.m && !state.v) return null;
  const n = (state.m ?? state.v)!.length;
  const out = Buffer.alloc(1 + 8 * n);
  out[0] = (state.m ? 1 : 0) | (state.v ? 2 : 0);
  if (state.m) Buffer.from(state.m.buffer, state.m.byteOffset, state.m.byteLength).copy(out, 1);
  if (state.v) Buffer.from(state.v.buffer, state.v.byteOffset, state.v.byteLength).copy(out, 1 + 4 * n);
  return out;
}

export function decodeOptimizerState(blob: Buffer | null | undefined, size: number): OptimizerState {
  if (!blob || blob.length === 0) return {};
  if (blob.length !== 1 + 8 * size) throw new RangeError(`optimizer state has ${blob.length} bytes, expected ${1 + 8 * size}`);
  const copy = (offset: number) => new Float32Array(blob.buffer.slice(blob.byteOffset + offset, blob.byteOffset + offset + 4 * size));
  const state: OptimizerState = {};
  if (blob[0]! & 1) state.m = copy(1);
  if (blob[0]! & 2) state.v = copy(1 + 4 * size);
  return state;
}
