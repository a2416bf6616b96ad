/**
 * Log-space arithmetic and a log-erfc that stays accurate far into the tail.
 *
 * The RDP accountant works with quantities such as e^{(i²−i)/(2σ²)} that overflow
 * doubles long before the final answer does, so every sum is carried as a logarithm.
 */

const LN2 = Math.LN2;
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** log(e^a + e^b), exact for infinite arguments. */
export function logAddExp(a: number, b: number): number {
  const hi = a > b ? a : b;
  const lo = a > b ? b : a;
  if (lo === -Infinity) return hi;
  if (hi === Infinity) return Infinity;
  return hi + Math.log1p(Math.exp(lo - hi));
}

/** log(Σ e^{x_i}) with the maximum factored out (no overflow, no underflow to 0). */
export function logSumExp(xs: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as number;
    if (x > max) max = x;
  }
  if (max === -Infinity || max === Infinity) return max;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += Math.exp((xs[i] as number) - max);
  return max + Math.log(sum);
}

/** log(e^x − 1) for x > 0, accurate for tiny and for huge x. */
export function logExpm1(x: number): number {
  return x > 36 ? x + Math.log1p(-Math.exp(-x)) : Math.log(Math.expm1(x));
}

/** log(1 + e^x) (softplus), accurate for all x. */
export function log1pExp(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/**
 * A running log-sum-exp of terms added one at a time (for sums too long to hold in an
 * array): keeps the running maximum m and Σ e^{x−m}.
 */
export class LogSumExpAccumulator {
  #max = -Infinity;
  #sum = 0;

  add(x: number): void {
    if (x === -Infinity || this.#max === Infinity) return;
    if (x === Infinity) {
      this.#max = Infinity;
      return;
    }
    if (x <= this.#max) {
      this.#sum += Math.exp(x - this.#max);
    } else {
      this.#sum = this.#sum * Math.exp(this.#max - x) + 1;
      this.#max = x;
    }
  }

  /** log Σ e^{x_i}; −∞ for an empty sum. */
  value(): number {
    if (this.#max === -Infinity || this.#max === Infinity) return this.#max;
    return this.#max + Math.log(this.#sum);
  }
}

/**
 * A running sum of signed terms, each given as (sign, log|term|), kept as
 * (sign, log|sum|). Used by the two-series expansion for fractional orders, whose
 * binomial coefficients alternate in sign once i exceeds α.
 */
export class SignedLogSum {
  /** log |sum|; −∞ while the sum is 0. */
  logAbs = -Infinity;
  /** +1 or −1. */
  sign: 1 | -1 = 1;

  add(sign: 1 | -1, logAbs: number): void {
    if (logAbs === -Infinity) return;
    if (this.logAbs === -Infinity) {
      this.logAbs = logAbs;
      this.sign = sign;
      return;
    }
    if (sign === this.sign) {
      this.logAbs = logAddExp(this.logAbs, logAbs);
      return;
    }
    // Opposite signs: |s| − |t| or |t| − |s|.
    if (logAbs === this.logAbs) {
      this.logAbs = -Infinity;
      this.sign = 1;
    } else if (logAbs < this.logAbs) {
      this.logAbs += Math.log1p(-Math.exp(logAbs - this.logAbs));
    } else {
      this.logAbs = logAbs + Math.log1p(-Math.exp(this.logAbs - logAbs));
      this.sign = sign;
    }
  }
}

/**
 * erf(x) for 0 ≤ x < 3 from the series with positive terms
 * erf(x) = (2/√π) e^{−x²} Σ_{n≥0} 2ⁿ x^{2n+1} / (1·3·5···(2n+1))
 * (Abramowitz & Stegun 7.1.6), accurate to a few ulps since nothing cancels.
 */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/** Where logErfc switches from 1 − erf(x) to the continued fraction for erfcx. */
const ERFC_SERIES_LIMIT = 1;

/**
 * erfcx(x) = e^{x²} erfc(x) for x ≥ 1 from the Laplace continued fraction
 * erfc(x) = (e^{−x²}/√π) · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ···)))))
 * (A&S 7.1.14), evaluated with the modified Lentz algorithm.
 */
function erfcxContinuedFraction(x: number): number {
  const tiny = 1e-300;
  // f = x + K_{n≥1} (n/2) / x
  let f = x;
  let c = x;
  let d = 0;
  for (let n = 1; n < 5000; n++) {
    const a = n / 2;
    d = x + a * d;
    if (d === 0) d = tiny;
    c = x + a / c;
    if (c === 0) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 2e-16) break;
  }
  return 1 / (f * Math.sqrt(Math.PI));
}

/**
 * log(erfc(x)) for every real x, with relative accuracy near machine precision in
 * erfc itself (so absolute accuracy of order 1e−15 in the logarithm) even where erfc(x)
 * underflows: for x ≥ 1 it returns log(erfcx(x)) − x² instead of forming e^{−x²}.
 * This plays the role of TF Privacy's `_log_erfc` (`log 2 + log_ndtr(−x√2)`).
 */
export function logErfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return -Infinity;
  if (x === -Infinity) return LN2;
  if (x < 0) {
    // erfc(x) = 1 + erf(|x|) ∈ (1, 2]; erf(|x|) → 1 is harmless here.
    const ax = -x;
    const erf = ax < 3 ? erfSeries(ax) : 1 - Math.exp(-ax * ax) * erfcxContinuedFraction(ax);
    return Math.log1p(erf);
  }
  // Below 1, erfc(x) > 0.15 and 1 − erf(x) loses at most a few ulps; above, the
  // continued fraction converges (about 190 terms at 1, 56 at 2, 10 at 10).
  if (x < ERFC_SERIES_LIMIT) return Math.log1p(-erfSeries(x));
  return Math.log(erfcxContinuedFraction(x)) - x * x;
}
