/**
 * How far the sum of n independent discrete Gaussians N_Z(0, σ²) is from one discrete
 * Gaussian N_Z(0, nσ²) (Kairouz, Liu & Steinke 2021, Thm 1, eq. 3). The plan reports it and
 * the accounting charges for it.
 */

/**
 * τ sums minClients − 1 terms; beyond this many the rest are bounded by the last one
 * computed (the terms decrease in k), which can only overstate τ.
 */
const MAX_TAU_TERMS = 1_000_000;

/**
 * τ = 10·Σ_{k=1}^{n−1} e^{−2π²σ²·k/(k+1)} (Kairouz et al. 2021, Thm 1, eq. 3): how far the
 * sum of n draws of N_Z(0, σ²) is from N_Z(0, nσ²). The terms decrease in k.
 */
export function distributedTau(sigma2: number, n: number): number {
  const a = 2 * Math.PI * Math.PI * sigma2;
  let sum = 0;
  let last = 0;
  const terms = Math.min(n - 1, MAX_TAU_TERMS);
  for (let k = 1; k <= terms; k++) {
    last = Math.exp((-a * k) / (k + 1));
    if (last === 0) break; // every later term is smaller still
    sum += last;
  }
  if (n - 1 > terms) sum += (n - 1 - terms) * last;
  return 10 * sum;
}
