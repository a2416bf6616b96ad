import { describe, expect, it } from 'vitest';
import { applyServerOptimizer, decodeOptimizerState, encodeOptimizerState, type OptimizerState } from '../src/optimizers.ts';
import { OptimizerSpec } from '../src/task-spec.ts';

const spec = (o: Partial<OptimizerSpec>) => OptimizerSpec.parse(o);

// Reference values computed by hand from Reddi et al. 2021, Algorithm 2, for two steps on the
// deltas [0.5, -1] then [0.1, 0.2].
describe('server optimizers', () => {
  it('FedAvg adds η·Δ', () => {
    const w = new Float32Array([1, 2]);
    applyServerOptimizer(w, new Float64Array([0.5, -1]), spec({ kind: 'fedavg', learningRate: 0.5 }), {});
    expect(Array.from(w)).toEqual([1.25, 1.5]);
  });

  it('FedAvgM accumulates momentum', () => {
    const w = new Float32Array([0, 0]);
    const st: OptimizerState = {};
    const s = spec({ kind: 'fedavgm', learningRate: 1, momentum: 0.9 });
    applyServerOptimizer(w, new Float64Array([0.5, -1]), s, st);
    applyServerOptimizer(w, new Float64Array([0.1, 0.2]), s, st);
    // m1 = Δ1; m2 = 0.9·m1 + Δ2 = [0.55, -0.7]; w = m1 + m2
    expect(w[0]).toBeCloseTo(1.05, 6);
    expect(w[1]).toBeCloseTo(-1.7, 6);
  });

  it('FedAdam, FedYogi and FedAdagrad follow Algorithm 2', () => {
    const deltas = [new Float64Array([0.5, -1]), new Float64Array([0.1, 0.2])];
    const tau = 1e-3;
    const b1 = 0.9;
    const b2 = 0.99;
    for (const kind of ['fedadam', 'fedyogi', 'fedadagrad'] as const) {
      const w = new Float32Array([0, 0]);
      const st: OptimizerState = {};
      const s = spec({ kind, learningRate: 0.1, beta1: b1, beta2: b2, tau });
      // Independent scalar re-computation per coordinate.
      const ref = [0, 0];
      const m = [0, 0];
      const v = [tau * tau, tau * tau];
      for (const d of deltas) {
        applyServerOptimizer(w, d, s, st);
        for (let i = 0; i < 2; i++) {
          const g = d[i]!;
          m[i] = b1 * m[i]! + (1 - b1) * g;
          if (kind === 'fedadam') v[i] = b2 * v[i]! + (1 - b2) * g * g;
          if (kind === 'fedyogi') v[i] = v[i]! - (1 - b2) * g * g * Math.sign(v[i]! - g * g);
          if (kind === 'fedadagrad') v[i] = v[i]! + g * g;
          ref[i]! += (0.1 * m[i]!) / (Math.sqrt(v[i]!) + tau);
        }
      }
      expect(w[0]).toBeCloseTo(ref[0]!, 5);
      expect(w[1]).toBeCloseTo(ref[1]!, 5);
      // Adaptive steps are bounded by about η regardless of the delta's scale.
      expect(Math.abs(w[1]!)).toBeLessThan(0.3);
    }
  });

  it('refuses a delta of the wrong length', () => {
    expect(() => applyServerOptimizer(new Float32Array(3), new Float64Array(2), spec({}), {})).toThrow('update has 2 values, model has 3');
  });

  it('state survives encode/decode (so a restart resumes the same trajectory)', () => {
    const st: OptimizerState = { m: new Float32Array([1, 2, 3]), v: new Float32Array([4, 5, 6]) };
    const back = decodeOptimizerState(encodeOptimizerState(st), 3);
    expect(Array.from(back.m!)).toEqual([1, 2, 3]);
    expect(Array.from(back.v!)).toEqual([4, 5, 6]);
    expect(decodeOptimizerState(null, 3)).toEqual({});
    expect(() => decodeOptimizerState(Buffer.alloc(5), 3)).toThrow('optimizer state has 5 bytes, expected 25');
  });
});
