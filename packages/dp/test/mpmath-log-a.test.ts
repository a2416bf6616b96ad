/**
 * log A_α of the sampled Gaussian mechanism against 40-digit numerical integration with
 * mpmath (fixtures/log-a-mpmath.py, the reference dp_accounting's
 * rdp_privacy_accountant_test.py `test_compute_log_a_equals_mp` uses, over its parameters
 * plus a grid), log-erfc against mpmath (fixtures/log-erfc-mpmath.py), and both series
 * against an independent double-precision quadrature at random parameters.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logErfc, logSumExp } from '../src/log-math.ts';
import { logAFractional, logAInteger } from '../src/rdp.ts';

interface LogACase {
  q: number;
  sigma: number;
  order: number;
  logA: string;
}
interface LogErfcCase {
  x: number;
  logErfc: string;
}

const logACases = (
  JSON.parse(readFileSync(new URL('fixtures/log-a-mpmath.json', import.meta.url), 'utf8')) as { cases: LogACase[] }
).cases;
const logErfcCases = (
  JSON.parse(readFileSync(new URL('fixtures/log-erfc-mpmath.json', import.meta.url), 'utf8')) as { cases: LogErfcCase[] }
).cases;

function logA(q: number, sigma: number, alpha: number): number {
  return Number.isInteger(alpha) ? logAInteger(q, sigma, alpha) : logAFractional(q, sigma, alpha);
}

describe('log A_α against mpmath', () => {
  it(`matches all ${logACases.length} cases`, () => {
    expect(logACases.length).toBeGreaterThan(100);
    for (const c of logACases) {
      const got = logA(c.q, c.sigma, c.order);
      const ref = Number(c.logA);
      const label = `q=${c.q} σ=${c.sigma} α=${c.order}: got ${got}, mpmath ${c.logA}`;
      if (Number.isInteger(c.order)) {
        // Exact finite sum of positive terms: only rounding.
        expect(Math.abs(got - ref), label).toBeLessThanOrEqual(1e-14 * Math.abs(ref) + 1e-300);
      } else {
        // Rounding (~1e-15 absolute, A_α ≥ 1) plus the truncation, at most 2e^−30 ≈ 1.9e-13.
        expect(Math.abs(got - ref), label).toBeLessThanOrEqual(2e-13 + 1e-14 * Math.abs(ref));
        // And the truncation errs upwards: an upper bound up to rounding.
        expect(got, label).toBeGreaterThanOrEqual(ref - 4e-15 * Math.max(1, Math.abs(ref)));
      }
    }
  });
});

describe('logErfc against mpmath', () => {
  it(`matches all ${logErfcCases.length} points to a few ulps`, () => {
    for (const c of logErfcCases) {
      const got = logErfc(c.x);
      const ref = Number(c.logErfc);
      expect(Math.abs(got - ref), `x=${c.x}: got ${got}, mpmath ${c.logErfc}`).toBeLessThanOrEqual(
        4e-15 * Math.max(1, Math.abs(ref)),
      );
    }
  });

  it('is exact at the ends', () => {
    expect(logErfc(Infinity)).toBe(-Infinity);
    expect(logErfc(-Infinity)).toBe(Math.LN2);
    expect(logErfc(0) === 0).toBe(true);
    expect(Number.isNaN(logErfc(Number.NaN))).toBe(true);
  });
});

/**
 * log A_α by the trapezoidal rule on a uniform grid, in log space. The integrand
 * φ_σ(z)·((1 − q) + q e^{(2z−1)/(2σ²)})^α is analytic in a strip of half-width πσ² around
 * the real axis (its nearest singularity is at z₀ + iπσ²) and decays like a Gaussian, so
 * with h ≤ min(σ, σ²)/16 the trapezoidal error is below e^{−300}: only rounding remains.
 */
function logAQuadrature(q: number, sigma: number, alpha: number): number {
  const s2 = sigma * sigma;
  const h = Math.min(sigma, s2) / 16;
  const lo = Math.min(0, alpha) - 40 * sigma - 1;
  const hi = Math.max(0, alpha) + 40 * sigma + 1;
  const n = Math.ceil((hi - lo) / h);
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  const logNorm = -Math.log(sigma * Math.sqrt(2 * Math.PI));
  const terms = new Float64Array(n + 1);
  for (let k = 0; k <= n; k++) {
    const z = lo + k * h;
    const w = (2 * z - 1) / (2 * s2);
    // log((1 − q) + q e^w), without overflow for large w.
    const mix = w > 0 ? w + logQ + Math.log1p(Math.exp(log1mQ - logQ - w)) : Math.log1p(q * Math.expm1(w));
    terms[k] = logNorm - (z * z) / (2 * s2) + alpha * mix;
  }
  return logSumExp(terms) + Math.log(h);
}

describe('log A_α against an independent quadrature', () => {
  it('agrees at random q, σ and orders, integer and fractional', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.999, noNaN: true }),
        fc.double({ min: 0.4, max: 20, noNaN: true }),
        fc.oneof(fc.double({ min: 1.01, max: 12, noNaN: true }), fc.integer({ min: 2, max: 64 })),
        (q, sigma, alpha) => {
          const series = logA(q, sigma, alpha);
          const quad = logAQuadrature(q, sigma, alpha);
          expect(Math.abs(series - quad), `q=${q} σ=${sigma} α=${alpha}: ${series} vs ${quad}`).toBeLessThanOrEqual(
            1e-12 + 1e-11 * Math.abs(quad),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
