/**
 * Acceptance bounds for the statistical tests, chosen so that a correct sampler fails
 * with astronomically small probability (the seeds are fixed, so runs are repeatable;
 * the bounds say how unlucky a seed would have to be).
 *
 * - z-scores: |z| ≤ 8. Under the normal approximation (the CLT at these sample sizes,
 *   with expected counts ≥ 500 for frequencies) P(|Z| > 8) ≈ 1.2e-15 per assertion.
 * - Pearson χ² with k degrees of freedom: χ² ≤ k + 2√(k·x) + 2x with x = 30. Laurent &
 *   Massart 2000 (Lemma 1): P(χ²_k ≥ k + 2√(kx) + 2x) ≤ e^{−x} ≈ 9.4e-14, applied to the
 *   asymptotic χ² law of Pearson's statistic (every bin expects ≥ 100 counts).
 */
import { expect } from 'vitest';

export const Z_BOUND = 8;
const CHI_SQUARE_X = 30;

export function expectZ(observed: number, expected: number, standardError: number, label: string): void {
  const z = (observed - expected) / standardError;
  expect(Math.abs(z), `${label}: observed ${observed}, expected ${expected}, z = ${z.toFixed(2)}`).toBeLessThanOrEqual(
    Z_BOUND,
  );
}

/** Pearson's χ² of `counts` against `probabilities` (same bins, summing to 1) over n draws. */
export function expectChiSquare(counts: ArrayLike<number>, probabilities: ArrayLike<number>, n: number, label: string): void {
  let chi2 = 0;
  for (let i = 0; i < counts.length; i++) {
    const e = n * (probabilities[i] as number);
    expect(e, `${label}: bin ${i} expects too few counts for the χ² approximation`).toBeGreaterThanOrEqual(100);
    const d = (counts[i] as number) - e;
    chi2 += (d * d) / e;
  }
  const k = counts.length - 1;
  const bound = k + 2 * Math.sqrt(k * CHI_SQUARE_X) + 2 * CHI_SQUARE_X;
  expect(chi2, `${label}: χ² = ${chi2.toFixed(1)} with ${k} degrees of freedom`).toBeLessThanOrEqual(bound);
}
