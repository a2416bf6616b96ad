/**
 * The degree/threshold rule (src/params.ts): compared with Google's published parameters, and
 * its correctness guarantee MEASURED on the graph alone — random dropout sets of the configured
 * size, counting clients left with fewer than t surviving neighbours (no cryptography needed:
 * a round completes exactly when no such client exists, see simulation.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { NeighbourGraph } from '../src/graph.ts';
import { chooseGraphParameters, hypergeometricLogPmf } from '../src/params.ts';
import { SeededRandom } from './helpers/seeded-random.ts';

/** Fraction of `trials` random sets of `dropouts` clients after which every client keeps ≥ t surviving neighbours. */
function measureSuccess(n: number, k: number, t: number, dropouts: number, trials: number, seed: string): number {
  const rng = new SeededRandom(seed);
  const graph = new NeighbourGraph(n, k, rng.bytes(32));
  const adjacency = new Int32Array(n * k);
  for (let u = 1; u <= n; u++) adjacency.set(graph.neighbours(u), (u - 1) * k);
  const ids = new Int32Array(n);
  const alive = new Uint8Array(n + 1);
  let successes = 0;
  for (let trial = 0; trial < trials; trial++) {
    for (let i = 0; i < n; i++) ids[i] = i + 1;
    alive.fill(1);
    for (let i = 0; i < dropouts; i++) {
      const j = i + rng.below(n - i);
      const tmp = ids[i] as number;
      ids[i] = ids[j] as number;
      ids[j] = tmp;
      alive[ids[i] as number] = 0;
    }
    let ok = true;
    for (let u = 0; u < n && ok; u++) {
      let live = 0;
      const base = u * k;
      for (let j = 0; j < k; j++) live += alive[adjacency[base + j] as number] as number;
      if (live < t) ok = false;
    }
    if (ok) successes++;
  }
  return successes / trials;
}

describe('chooseGraphParameters', () => {
  it('hypergeometric pmf sums to 1 and matches a direct count', () => {
    const pmf = hypergeometricLogPmf(20, 7, 5);
    expect(pmf.reduce((a, l) => a + Math.exp(l), 0)).toBeCloseTo(1, 12);
    // P[X = 2] = C(7,2)·C(13,3)/C(20,5) = 21·286/15504
    expect(Math.exp(pmf[2] as number)).toBeCloseTo((21 * 286) / 15504, 12);
  });

  it("lands in the region of Google's table at 1,000 clients (30/17 at 5%/5%, 72/24 at 33%/5%)", () => {
    const low = chooseGraphParameters({ cohortSize: 1000, dropoutRate: 0.05, corruptionRate: 0.05 });
    expect(low.degree).toBeGreaterThanOrEqual(24);
    expect(low.degree).toBeLessThanOrEqual(34);
    expect(low.threshold).toBeGreaterThanOrEqual(14);
    expect(low.threshold).toBeLessThanOrEqual(20);
    const high = chooseGraphParameters({ cohortSize: 1000, dropoutRate: 0.33, corruptionRate: 0.05 });
    expect(high.degree).toBeGreaterThanOrEqual(56);
    expect(high.degree).toBeLessThanOrEqual(80);
    expect(high.threshold).toBeGreaterThanOrEqual(18);
    expect(high.threshold).toBeLessThanOrEqual(30);
    // With Google's correctness target (2^-20 instead of our 1e-4) the same rule gives their table exactly.
    const strictLow = chooseGraphParameters({ cohortSize: 1000, dropoutRate: 0.05, corruptionRate: 0.05, maxFailureProbability: 2 ** -20 });
    expect([strictLow.degree, strictLow.threshold]).toEqual([30, 17]);
    const strictHigh = chooseGraphParameters({ cohortSize: 1000, dropoutRate: 0.33, corruptionRate: 0.05, maxFailureProbability: 2 ** -20 });
    expect([strictHigh.degree, strictHigh.threshold]).toEqual([72, 24]);
    for (const p of [low, high, strictLow, strictHigh]) expect(p.securityLog2).toBeLessThanOrEqual(-40);
  });

  it('uses the complete graph for small cohorts, with t > corrupt clients and t ≤ survivors', () => {
    for (const n of [5, 10, 40, 64]) {
      const p = chooseGraphParameters({ cohortSize: n, dropoutRate: 0.3 });
      expect(p.complete).toBe(true);
      expect(p.degree).toBe(n - 1);
      expect(p.threshold).toBeGreaterThan(p.corrupt);
      expect(p.threshold).toBeLessThanOrEqual(n - 1 - p.dropouts);
    }
    expect(chooseGraphParameters({ cohortSize: 500, dropoutRate: 0.3 }).complete).toBe(false);
  });

  it('against a malicious server, 2t > k + (the 2^-41 bound on corrupt neighbours)', () => {
    const p = chooseGraphParameters({ cohortSize: 1000, dropoutRate: 0.1, corruptionRate: 0.05, maliciousServer: true });
    expect(2 * p.threshold).toBeGreaterThan(p.degree);
    expect(p.securityLog2).toBeLessThanOrEqual(-40);
  });

  it('refuses infeasible settings with the numbers', () => {
    expect(() => chooseGraphParameters({ cohortSize: 5, dropoutRate: 0.8 })).toThrow(/no degree\/threshold secures a cohort of 5 with 4 dropouts/);
    expect(() => chooseGraphParameters({ cohortSize: 100, dropoutRate: 1.2 })).toThrow(/dropoutRate must be in/);
  });

  it('MEASURED: ≥ 99.9% of 10,000 random 30% dropout sets leave every client ≥ t surviving neighbours at n = 1,000', () => {
    const p = chooseGraphParameters({ cohortSize: 1000, dropoutRate: 0.3 });
    const success = measureSuccess(1000, p.degree, p.threshold, p.dropouts, 10_000, 'dropout-1000');
    expect(p.failureProbability).toBeLessThanOrEqual(1e-4);
    expect(success).toBeGreaterThanOrEqual(0.999);
  });

  it('MEASURED: the same holds at other sizes and rates (2,000 sets each)', () => {
    for (const [n, delta] of [[500, 0.3], [200, 0.1], [1000, 0.05], [100, 0.33]] as const) {
      const p = chooseGraphParameters({ cohortSize: n, dropoutRate: delta });
      expect(measureSuccess(n, p.degree, p.threshold, p.dropouts, 2000, `dropout-${n}-${delta}`)).toBeGreaterThanOrEqual(0.999);
    }
  });

  it("MEASURED: Flower's 31/17 at 1,000 clients fails most random 30% dropout sets", () => {
    // Our Harary graph needs an even degree: 30 and 32 bracket Flower's 31 neighbours.
    for (const k of [30, 32]) {
      expect(measureSuccess(1000, k, 17, 300, 1000, `flower-${k}`)).toBeLessThan(0.5);
    }
  });
});
