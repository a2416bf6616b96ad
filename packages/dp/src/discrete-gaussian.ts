/**
 * Exact sampling from the discrete Gaussian N_Z(0, σ²), P[X = x] ∝ e^{−x²/(2σ²)} on the
 * integers, for distributed DP: each client adds it to its quantized update before
 * masking, so the securely aggregated sum carries integer noise.
 *
 * Canonne, Kamath & Steinke 2020, "The Discrete Gaussian for Differential Privacy"
 * (arXiv:2004.00010), §5: Algorithm 1 (Bernoulli(e^{−γ}) for rational γ), Algorithm 2
 * (discrete Laplace) and Algorithm 3 (discrete Gaussian by rejection from the discrete
 * Laplace with t = ⌊σ⌋ + 1). Every random decision compares uniform random bits with an
 * exact rational; the arithmetic is on integers (doubles only below 2^53, where they are
 * exact, and BigInt beyond), so the output distribution is exactly N_Z(0, σ²) for the
 * exact rational σ² given, up to the quality of the random source.
 */
import { DpError, formatValue } from './errors.ts';
import { type RandomSource, RandomStream } from './random.ts';

/** σ² as an exact fraction numerator/denominator of non-negative integers. */
export interface Rational {
  numerator: bigint | number;
  denominator: bigint | number;
}

/** The largest σ² accepted (σ ≤ 2^24), so samples fit an Int32Array with certainty. */
export const MAX_DISCRETE_GAUSSIAN_SIGMA2 = 2 ** 48;

/** Denominators up to this are handled in doubles: the bit loop doubles a remainder < d. */
const MAX_EXACT_DENOMINATOR = 2 ** 52;

/**
 * `count` independent samples of the discrete Gaussian N_Z(0, σ²).
 *
 * `sigma2` is σ² (the variance parameter; the actual variance is slightly below it). A
 * number is taken at its exact binary value (0.1 means 3602879701896397/2^55); pass a
 * {@link Rational} for an exact decimal. σ² = 0 gives zeros.
 */
export function sampleDiscreteGaussian(sigma2: number | Rational, count: number, random?: RandomSource): Int32Array {
  if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 0) {
    throw new DpError('INVALID_ARGUMENT', `count must be a non-negative integer, got ${formatValue(count)}`);
  }
  const sampler = new DiscreteGaussianSampler(sigma2, random);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = sampler.sample();
  return out;
}

/** A reusable sampler for one σ² (exported for tests; the public face is the function). */
export class DiscreteGaussianSampler {
  readonly #stream: RandomStream;
  readonly #zero: boolean;
  /** t = ⌊σ⌋ + 1, the discrete Laplace scale. */
  readonly t: number;
  // σ² = a/b; the acceptance exponent is (|y|·b·t − a)² / (2·a·b·t²).
  readonly #a: bigint;
  readonly #bt: bigint;
  readonly #den: bigint;
  // The same in doubles when small enough to stay exact (else NaN).
  readonly #aN: number;
  readonly #btN: number;
  readonly #denN: number;

  constructor(sigma2: number | Rational, random?: RandomSource) {
    const { numerator: a, denominator: b } = toRational(sigma2, 'sigma2');
    this.#stream = new RandomStream(random);
    this.#zero = a === 0n;
    const t = isqrtFloor(a / b) + 1n;
    this.t = Number(t);
    this.#a = a;
    this.#bt = b * t;
    this.#den = 2n * a * b * t * t;
    const small = this.#den <= 2n ** 46n && this.#bt <= 2n ** 40n && a <= 2n ** 40n;
    this.#aN = small ? Number(a) : NaN;
    this.#btN = small ? Number(this.#bt) : NaN;
    this.#denN = small ? Number(this.#den) : NaN;
  }

  /** One sample (CKS 2020, Algorithm 3). */
  sample(): number {
    if (this.#zero) return 0;
    const stream = this.#stream;
    for (;;) {
      const y = sampleDiscreteLaplace(stream, this.t);
      if (this.#accept(Math.abs(y))) {
        if (y > 2147483647 || y < -2147483647) {
          throw new DpError('NUMERICAL_FAILURE', `discrete Gaussian sample ${y} does not fit in 32 bits`);
        }
        return y;
      }
    }
  }

  /** Bernoulli(exp(−(|y| − σ²/t)²/(2σ²))). */
  #accept(absY: number): boolean {
    const diff = absY * this.#btN - this.#aN; // NaN unless the small path applies
    if (Math.abs(diff) <= 2 ** 26) return bernoulliExpNegNumber(this.#stream, diff * diff, this.#denN);
    const d = BigInt(absY) * this.#bt - this.#a;
    return bernoulliExpNeg(this.#stream, d * d, this.#den);
  }
}

/**
 * Discrete Laplace with scale t (CKS 2020, Algorithm 2 with s = 1): P[Y = y] ∝ e^{−|y|/t}.
 * X = U + t·V with U uniform on {0..t−1} kept with probability e^{−U/t} and V geometric
 * (Bernoulli(e^{−1}) successes) is geometric with ratio e^{−1/t}; a random sign, with
 * "−0" rejected, makes it two-sided. `t` is an integer in [1, 2^32].
 */
export function sampleDiscreteLaplace(stream: RandomStream, t: number): number {
  for (;;) {
    const u = stream.uniformInt(t);
    if (!bernoulliExpNegAtMostOne(stream, u, t)) continue;
    let v = 0;
    while (bernoulliExpNegAtMostOne(stream, 1, 1)) v++;
    const x = u + t * v;
    const negative = stream.bit() === 1;
    if (negative && x === 0) continue;
    return negative ? -x : x;
  }
}

/**
 * Bernoulli(e^{−γ}) for γ = num/den ≥ 0 (CKS 2020, Algorithm 1): for γ > 1, ⌊γ⌋ draws of
 * Bernoulli(e^{−1}) must all succeed, then Bernoulli(e^{−(γ − ⌊γ⌋)}).
 */
export function bernoulliExpNeg(stream: RandomStream, num: bigint, den: bigint): boolean {
  let rem = num;
  if (num > den) {
    const whole = num / den;
    // Each draw fails with probability 1 − 1/e, so this loop is short whatever ⌊γ⌋ is.
    for (let k = 0n; k < whole; k++) {
      if (!bernoulliExpNegAtMostOne(stream, 1, 1)) return false;
    }
    rem = num - whole * den;
  }
  if (den <= BigInt(MAX_EXACT_DENOMINATOR)) return bernoulliExpNegAtMostOne(stream, Number(rem), Number(den));
  // γ ∈ [0, 1]: K ← 1; while Bernoulli(γ/K) { K ← K + 1 }; return K odd.
  let k = 1n;
  while (bernoulliRatioBig(stream, rem, den * k)) k++;
  return (k & 1n) === 1n;
}

/** {@link bernoulliExpNeg} for num, den < 2^53 (exact in doubles). */
function bernoulliExpNegNumber(stream: RandomStream, num: number, den: number): boolean {
  let rem = num;
  if (num > den) {
    // ⌊num/den⌋ exactly: the float quotient is off by at most one.
    let whole = Math.floor(num / den);
    rem = num - whole * den;
    if (rem < 0) {
      whole--;
      rem += den;
    } else if (rem >= den) {
      whole++;
      rem -= den;
    }
    for (let k = 0; k < whole; k++) {
      if (!bernoulliExpNegAtMostOne(stream, 1, 1)) return false;
    }
  }
  return bernoulliExpNegAtMostOne(stream, rem, den);
}

/**
 * Bernoulli(e^{−n/d}) for integers 0 ≤ n ≤ d ≤ 2^52 (CKS 2020, Algorithm 1, γ ∈ [0, 1]):
 * K ← 1; while Bernoulli(γ/K) succeeds, K ← K + 1; output whether K is odd.
 * P[K > k] = γ^k/k!, so P[K odd] = Σ_k (−γ)^k/k! = e^{−γ}.
 */
export function bernoulliExpNegAtMostOne(stream: RandomStream, n: number, d: number): boolean {
  let k = 1;
  for (;;) {
    const dk = d * k;
    const success =
      dk <= MAX_EXACT_DENOMINATOR ? bernoulliRatio(stream, n, dk) : bernoulliRatioBig(stream, BigInt(n), BigInt(d) * BigInt(k));
    if (!success) return (k & 1) === 1;
    k++;
  }
}

/**
 * Bernoulli(n/d) for integers 0 ≤ n ≤ d ≤ 2^52, exactly: compare a uniform U ∈ [0, 1),
 * drawn bit by bit, with the binary expansion of n/d produced by long division; stop at
 * the first differing bit (2 bits on average).
 */
export function bernoulliRatio(stream: RandomStream, n: number, d: number): boolean {
  if (n <= 0) return false;
  if (n >= d) return true;
  let r = n;
  for (;;) {
    r *= 2;
    let pBit = 0;
    if (r >= d) {
      pBit = 1;
      r -= d;
    }
    const uBit = stream.bit();
    if (uBit !== pBit) return uBit < pBit;
    // The expansion of n/d ended: U ≥ n/d except on a null set.
    if (r === 0) return false;
  }
}

/** {@link bernoulliRatio} for BigInt operands of any size. */
export function bernoulliRatioBig(stream: RandomStream, n: bigint, d: bigint): boolean {
  if (n <= 0n) return false;
  if (n >= d) return true;
  let r = n;
  for (;;) {
    r <<= 1n;
    let pBit = 0;
    if (r >= d) {
      pBit = 1;
      r -= d;
    }
    const uBit = stream.bit();
    if (uBit !== pBit) return uBit < pBit;
    if (r === 0n) return false;
  }
}

/** σ² as a reduced fraction of BigInts, validated. */
export function toRational(value: number | Rational, name: string): { numerator: bigint; denominator: bigint } {
  let numerator: bigint;
  let denominator: bigint;
  if (typeof value === 'number') {
    if (!(value >= 0 && value <= MAX_DISCRETE_GAUSSIAN_SIGMA2)) {
      throw new DpError('INVALID_ARGUMENT', `${name} must be in [0, 2^48], got ${formatValue(value)}`);
    }
    // Every finite double is m/2^k; doubling is exact, so this finds the exact fraction.
    let scaled = value;
    let k = 0n;
    while (!Number.isInteger(scaled)) {
      scaled *= 2;
      k++;
    }
    numerator = BigInt(scaled);
    denominator = 1n << k;
  } else if (typeof value === 'object' && value !== null) {
    numerator = toBigInt(value.numerator, `${name}.numerator`);
    denominator = toBigInt(value.denominator, `${name}.denominator`);
    if (numerator < 0n) {
      throw new DpError('INVALID_ARGUMENT', `${name}.numerator must be >= 0, got ${formatValue(value.numerator)}`);
    }
    if (denominator <= 0n) {
      throw new DpError('INVALID_ARGUMENT', `${name}.denominator must be > 0, got ${formatValue(value.denominator)}`);
    }
    if (numerator > BigInt(MAX_DISCRETE_GAUSSIAN_SIGMA2) * denominator) {
      throw new DpError('INVALID_ARGUMENT', `${name} must be at most 2^48, got ${numerator}/${denominator}`);
    }
  } else {
    throw new DpError('INVALID_ARGUMENT', `${name} must be a number or { numerator, denominator }, got ${formatValue(value)}`);
  }
  if (numerator === 0n) return { numerator, denominator: 1n };
  const g = gcd(numerator, denominator);
  return { numerator: numerator / g, denominator: denominator / g };
}

function toBigInt(x: unknown, name: string): bigint {
  if (typeof x === 'bigint') return x;
  if (typeof x === 'number' && Number.isSafeInteger(x)) return BigInt(x);
  throw new DpError('INVALID_ARGUMENT', `${name} must be an integer (bigint or safe integer), got ${formatValue(x)}`);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** ⌊√n⌋ for 0 ≤ n ≤ 2^48. */
function isqrtFloor(n: bigint): bigint {
  const x = Number(n);
  let s = Math.floor(Math.sqrt(x));
  while (s * s > x) s--;
  while ((s + 1) * (s + 1) <= x) s++;
  return BigInt(s);
}
