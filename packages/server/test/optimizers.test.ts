/**
 * Server optimizers (FedAvg, FedAvgM, FedAdagrad, FedYogi, FedAdam) against frozen trajectories
 * from an independent implementation, fixtures/optimizer-reference.py: Python written from
 * Reddi et al. 2021, "Adaptive Federated Optimization" (ICLR; arXiv:2003.00295), Algorithm 2,
 * and Hsu, Qi & Brown 2019, "Measuring the Effects of Non-Identical Data Distribution for
 * Federated Visual Classification" (arXiv:1909.06335), §3 (server momentum). Regenerate with
 * `python3 packages/server/test/fixtures/optimizer-reference.py > packages/server/test/fixtures/optimizer-reference.json`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { applyServerOptimizer, decodeOptimizerState, encodeOptimizerState, type OptimizerState } from '../src/optimizers.ts';
import { OptimizerSpec } from '../src/task-spec.ts';

const spec = (o: Partial<OptimizerSpec>) => OptimizerSpec.parse(o);

const KINDS = ['fedavg', 'fedavgm', 'fedadagrad', 'fedyogi', 'fedadam'] as const;

interface ReferenceSetting {
  name: string;
  spec: Pick<OptimizerSpec, 'learningRate' | 'momentum' | 'beta1' | 'beta2' | 'tau'>;
  initial: number[];
  deltas: number[][];
  trajectories: Record<(typeof KINDS)[number], number[][]>;
}
const reference = JSON.parse(readFileSync(new URL('./fixtures/optimizer-reference.json', import.meta.url), 'utf8')) as {
  settings: ReferenceSetting[];
};

/**
 * The TypeScript optimizers keep weights and moments in float32 (the model's precision), the
 * reference in double: each round rounds them to float32 (relative 2^−24), so over ≤ 12 rounds
 * they agree to within {@link TOLERANCE} relative to max(1, |w|).
 */
function expectFloat32Close(got: Float32Array, want: readonly number[], label: string): void {
  expect(got).toHaveLength(want.length);
  want.forEach((x, i) => {
    expect(Math.abs((got[i] as number) - x), `${label}, weight ${i}: ${got[i]} vs ${x}`).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(x)));
  });
}

/** 2^−18 = 32 float32 ulps, relative (the largest deviation over the fixture is about 6e-7). */
const TOLERANCE = 2 ** -18;

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

  // The trajectories of fixtures/optimizer-reference.py (Reddi et al. 2021, Algorithm 2; Hsu et
  // al. 2019, §3), in double precision and without any code of ours.
  describe.each(reference.settings)('match the independent Python reference: $name', (setting) => {
    it.each(KINDS)('%s', (kind) => {
      const s = spec({ kind, ...setting.spec });
      const expected = setting.trajectories[kind];
      const w = Float32Array.from(setting.initial);
      const st: OptimizerState = {};
      setting.deltas.forEach((delta, round) => {
        applyServerOptimizer(w, Float64Array.from(delta), s, st);
        expectFloat32Close(w, expected[round] as number[], `${kind}, round ${round + 1}`);
      });
    });

    it('resume the same trajectory after the state goes through the store halfway', () => {
      for (const kind of KINDS) {
        const s = spec({ kind, ...setting.spec });
        const w = Float32Array.from(setting.initial);
        let st: OptimizerState = {};
        const half = Math.ceil(setting.deltas.length / 2);
        setting.deltas.forEach((delta, round) => {
          if (round === half) st = decodeOptimizerState(encodeOptimizerState(st), w.length);
          applyServerOptimizer(w, Float64Array.from(delta), s, st);
        });
        expectFloat32Close(w, setting.trajectories[kind].at(-1) as number[], `${kind} after a restart`);
      }
    });
  });

  it('adaptive steps are bounded by about η whatever the delta (two steps from zero)', () => {
    const setting = reference.settings[0] as ReferenceSetting;
    for (const kind of ['fedadam', 'fedyogi', 'fedadagrad'] as const) {
      const w = Float32Array.from(setting.initial);
      const st: OptimizerState = {};
      for (const delta of setting.deltas) applyServerOptimizer(w, Float64Array.from(delta), spec({ kind, ...setting.spec }), st);
      expect(setting.spec.learningRate).toBe(0.1);
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
