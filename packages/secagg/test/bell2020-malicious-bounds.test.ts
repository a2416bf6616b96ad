/**
 * The malicious-server degree/threshold rule against the bounds of Bell et al., "Secure
 * Single-Server Aggregation with (Poly)Logarithmic Overhead", CCS 2020 (the conditions as
 * docs/parameters.md states them, and as Google's fcp/secagg/server/graph_parameter_finder.cc
 * implements them for SEMI_MALICIOUS_SERVER), recomputed here independently of src/params.ts:
 * hypergeometric tails as exact sums of binomial ratios in log space, with log-gamma from
 * Stirling's series. For each setting the test checks that the rule's (k, t) meets every bound
 * and that no smaller even k meets them with any threshold, even when condition (2) may spend
 * the whole 2^-σ (the connectivity event is far below it here).
 */
import { describe, expect, it } from 'vitest';
import { chooseGraphParameters } from '../src/params.ts';

/** ln Γ(x) for x ≥ 1 by Stirling's series after shifting x above 10 (error < 1e-13 there). */
function logGamma(x: number): number {
  let shift = 0;
  while (x < 10) {
    shift -= Math.log(x);
    x += 1;
  }
  const inv = 1 / x;
  const inv2 = inv * inv;
  return shift + (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
}
const logBinomial = (n: number, r: number): number => (r < 0 || r > n ? -Infinity : logGamma(n + 1) - logGamma(r + 1) - logGamma(n - r + 1));

/** ln P[X ≥ x] and ln P[X ≤ x], X ~ Hypergeometric(population, successes, draws). */
function tails(population: number, successes: number, draws: number): { atLeast(x: number): number; atMost(x: number): number } {
  const log = (x: number) => logBinomial(successes, x) + logBinomial(population - successes, draws - x) - logBinomial(population, draws);
  const sum = (from: number, to: number): number => {
    let m = -Infinity;
    for (let x = from; x <= to; x++) m = Math.max(m, log(x));
    if (m === -Infinity) return -Infinity;
    let s = 0;
    for (let x = from; x <= to; x++) s += Math.exp(log(x) - m);
    return m + Math.log(s);
  };
  return { atLeast: (x) => sum(Math.max(0, x), draws), atMost: (x) => sum(0, Math.min(draws, x)) };
}

interface Setting {
  n: number;
  dropout: number;
  corruption: number;
  sigma: number;
  eta: number;
}

/** Whether (k, t) meets conditions (2) and (3) against a malicious server; `securityLog2` is the budget for (2). */
function meets(s: Setting, k: number, t: number, securityLog2: number): boolean {
  const C = Math.ceil(s.corruption * s.n - 1e-9);
  const D = Math.ceil(s.dropout * s.n - 1e-9);
  const corrupt = tails(s.n - 1, C, k);
  const surviving = tails(s.n - 1, s.n - 1 - D, k);
  // (2) malicious server: both secrets of an honest client reach t shares only if X ≥ 2t − k.
  const secure = Math.log(s.n) + corrupt.atLeast(2 * t - k) <= securityLog2 * Math.LN2;
  // (3) every needed secret reaches t responders: n · P[S ≤ t − 1] ≤ η.
  const correct = Math.log(s.n) + surviving.atMost(t - 1) <= Math.log(s.eta);
  return secure && correct && 2 * t > k && t <= k;
}

/** The smallest t meeting (2) at degree k, if any meets (3) too. */
function bestThreshold(s: Setting, k: number, securityLog2: number): number | undefined {
  for (let t = Math.floor(k / 2) + 1; t <= k; t++) {
    const C = Math.ceil(s.corruption * s.n - 1e-9);
    if (Math.log(s.n) + tails(s.n - 1, C, k).atLeast(2 * t - k) > securityLog2 * Math.LN2) continue;
    return meets(s, k, t, securityLog2) ? t : undefined;
  }
  return undefined;
}

const settings: Setting[] = [
  { n: 1000, dropout: 0.3, corruption: 0.05, sigma: 40, eta: 1e-4 },
  { n: 1000, dropout: 0.1, corruption: 0.05, sigma: 40, eta: 1e-4 },
  { n: 500, dropout: 0.2, corruption: 0.05, sigma: 40, eta: 1e-4 },
];

describe('malicious-server parameters against Bell et al. 2020', () => {
  for (const s of settings) {
    it(`n = ${s.n}, δ = ${s.dropout}, γ = ${s.corruption}: the rule meets the bounds, and no smaller k does`, () => {
      const p = chooseGraphParameters({ cohortSize: s.n, dropoutRate: s.dropout, corruptionRate: s.corruption, maliciousServer: true });
      expect(p.complete).toBe(false);
      // Half the budget for (2), as the rule spends it, and the rule's threshold is the smallest secure one.
      expect(meets(s, p.degree, p.threshold, -(s.sigma + 1))).toBe(true);
      expect(bestThreshold(s, p.degree, -(s.sigma + 1))).toBe(p.threshold);
      // No smaller even degree works, even with the whole 2^-σ for (2).
      for (let k = p.degree - 2; k >= 2; k -= 2) expect(bestThreshold(s, k, -s.sigma), `k = ${k}`).toBeUndefined();
    });
  }

  it('n = 1,000, δ = 30 %: k = 274, t = 158 (docs/parameters.md), 4.7× the honest-but-curious degree', () => {
    const malicious = chooseGraphParameters({ cohortSize: 1000, dropoutRate: 0.3, maliciousServer: true });
    const honest = chooseGraphParameters({ cohortSize: 1000, dropoutRate: 0.3 });
    expect([malicious.degree, malicious.threshold]).toEqual([274, 158]);
    expect([honest.degree, honest.threshold]).toEqual([58, 22]);
  });
});
