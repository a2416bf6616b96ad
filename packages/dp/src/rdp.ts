/**
 * Rényi differential privacy of the Poisson-sampled Gaussian mechanism.
 *
 * Mironov, Talwar & Zhang 2019, "Rényi Differential Privacy of the Sampled Gaussian
 * Mechanism" (arXiv:1908.10530), §3.3: one step that includes each record independently
 * with probability q and adds N(0, σ²) noise to a sum of sensitivity 1 has, at order α,
 *
 *     ε(α) = log(A_α) / (α − 1),   A_α = E_{z∼μ₀}[(μ(z)/μ₀(z))^α],
 *
 * with μ₀ = N(0, σ²), μ₁ = N(1, σ²) and μ = (1 − q)μ₀ + qμ₁ (they show this direction,
 * D_α(μ‖μ₀), dominates the other). The same quantity is computed by TensorFlow Privacy
 * (`rdp_accountant._compute_rdp`), Google's dp_accounting
 * (`_compute_rdp_poisson_subsampled_gaussian`) and Opacus (`privacy_analysis`).
 */
import { DpError, formatValue } from './errors.ts';
import { LogSumExpAccumulator, SignedLogSum, log1pExp, logAddExp, logErfc, logExpm1 } from './log-math.ts';

/**
 * The orders the accountant tracks unless told otherwise: 1.1, 1.2, …, 10.9, then
 * 11, 12, …, 63, then 128, 256, 512, 1024 (dp_accounting's default RDP orders).
 * The fractional orders are formed as `1 + x / 10`, the same double as Python's.
 */
export const DEFAULT_ORDERS: readonly number[] = Object.freeze([
  ...Array.from({ length: 99 }, (_, k) => 1 + (k + 1) / 10),
  ...Array.from({ length: 53 }, (_, k) => 11 + k),
  128,
  256,
  512,
  1024,
]);

/** One kind of training step, repeated `steps` times. */
export interface SampledGaussianStep {
  /** Probability q ∈ [0, 1] that each record (device) takes part in a step (Poisson sampling). */
  samplingRate: number;
  /** σ / sensitivity: the noise standard deviation over the L2 clipping norm; ≥ 0. */
  noiseMultiplier: number;
  /** How many such steps (rounds); a non-negative integer. */
  steps: number;
}

export interface ComputeRdpOptions extends SampledGaussianStep {
  /** Rényi orders α > 1 (`Infinity` allowed). @default DEFAULT_ORDERS */
  orders?: readonly number[];
}

/**
 * Noise multipliers above this are refused: σ² would leave the range where the series
 * below are evaluated reliably, and no meaningful configuration comes near it.
 */
export const MAX_NOISE_MULTIPLIER = 1e100;

/**
 * Below this noise multiplier (and above 0) the RDP is reported as `Infinity`: it exceeds
 * 1e199 at every order for every q > 0 (A_α ≥ q² e^{1/σ²}, and log q ≥ −745), so
 * `Infinity` is a sound upper bound and σ² never underflows.
 */
const MIN_FINITE_NOISE_MULTIPLIER = 1e-100;

/** The two-series expansion stops once a term's magnitude drops below e^−30 (as TF Privacy). */
const FRACTIONAL_SERIES_LOG_TOLERANCE = -30;

/** Terms are O(i^−(α+2)) in the tail, so 1e6 terms is orders of magnitude more than ever needed. */
const MAX_FRACTIONAL_SERIES_TERMS = 1_000_000;

/**
 * RDP of the whole composition `steps × (Poisson-sampled Gaussian)`, one value per order.
 *
 * Special cases follow the mathematics: q = 0 gives 0 at every order (the mechanism never
 * sees the data, even at α = ∞ or σ = 0, where dp_accounting reports ∞); σ = 0 with q > 0
 * gives ∞; q = 1 gives the plain Gaussian α/(2σ²); α = ∞ with 0 < q gives ∞.
 *
 * Accuracy: integer orders are exact up to rounding (relative error ~1e−15, also when
 * A_α − 1 is tiny); fractional orders carry an absolute error of at most ~2e−13 in log A_α,
 * always upwards (see {@link logAFractional}). Cost is O(α) per integer order and, per
 * fractional order, up to ~10⁵ series terms in the slowest corner (q near 1/2, large σ).
 */
export function computeRdp(options: ComputeRdpOptions): number[] {
  checkStep(options, '');
  const orders = checkOrders(options.orders ?? DEFAULT_ORDERS, 'orders');
  const { samplingRate, noiseMultiplier, steps } = options;
  return orders.map((alpha) => {
    if (steps === 0) return 0;
    const perStep = rdpOfOneStep(samplingRate, noiseMultiplier, alpha);
    return perStep === 0 ? 0 : steps * perStep;
  });
}

/** RDP at order α of one Poisson-sampled Gaussian step (arguments already validated). */
export function rdpOfOneStep(q: number, sigma: number, alpha: number): number {
  if (q === 0) return 0;
  if (sigma < MIN_FINITE_NOISE_MULTIPLIER) return Infinity;
  if (q === 1) return alpha / (2 * sigma * sigma);
  if (alpha === Infinity) return Infinity;
  const logA = Number.isInteger(alpha) ? logAInteger(q, sigma, alpha) : logAFractional(q, sigma, alpha);
  const rdp = logA / (alpha - 1);
  if (Number.isNaN(rdp)) {
    throw new DpError(
      'NUMERICAL_FAILURE',
      `RDP is NaN at order ${alpha} for samplingRate ${q} and noiseMultiplier ${sigma}`,
    );
  }
  // A_α ≥ 1 exactly (a Rényi divergence is ≥ 0); rounding may leave a hair below.
  return rdp > 0 ? rdp : 0;
}

/**
 * log A_α for integer α ≥ 2 and 0 < q < 1, exactly from the binomial expansion
 * (MTZ 2019, §3.3):
 *
 *     A_α = Σ_{i=0}^{α} C(α, i) (1 − q)^{α−i} q^i e^{(i²−i)/(2σ²)}.
 *
 * Since Σ C(α,i)(1−q)^{α−i} q^i = 1 and the exponent vanishes for i ∈ {0, 1}, we sum
 *
 *     A_α − 1 = Σ_{i=2}^{α} C(α, i) (1 − q)^{α−i} q^i (e^{(i²−i)/(2σ²)} − 1),
 *
 * whose terms are all positive, in log space (log-sum-exp), and return log1p of it. This
 * keeps full relative precision when A_α − 1 is tiny (small q, large σ), where summing A_α
 * itself (as TF Privacy does) loses digits to the leading 1.
 */
export function logAInteger(q: number, sigma: number, alpha: number): number {
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  const inv2s2 = 1 / (2 * sigma * sigma);
  const sum = new LogSumExpAccumulator();
  // log C(α, i), built up as Σ log((α − k + 1)/k).
  let logBinom = Math.log(alpha); // i = 1
  for (let i = 2; i <= alpha; i++) {
    logBinom += Math.log((alpha - i + 1) / i);
    sum.add(logBinom + i * logQ + (alpha - i) * log1mQ + logExpm1((i * i - i) * inv2s2));
  }
  return log1pExp(sum.value());
}

/**
 * log A_α for fractional α > 1 and 0 < q < 1, by the two-series method of TF Privacy /
 * dp_accounting `_compute_log_a_frac` (MTZ 2019, §3.3). Split the integral at
 * z₀ = σ² log(1/q − 1) + 1/2, where (1 − q)μ₀ = qμ₁; on each side expand
 * ((1 − q) + q μ₁/μ₀)^α by the generalised binomial theorem in the smaller ratio:
 *
 *     A_α = Σ_i C(α,i) (1−q)^{α−i} q^i e^{(i²−i)/(2σ²)} Φ((z₀ − i)/σ)
 *         + Σ_i C(α,i) q^{α−i} (1−q)^i e^{(j²−j)/(2σ²)} Φ((j − z₀)/σ),   j = α − i,
 *
 * with Φ(x) = erfc(−x/√2)/2 evaluated in log space by {@link logErfc}. The signs of
 * C(α, i) alternate once i > α, so the sums are carried as signed log-sums.
 *
 * Truncation. For i > α each series alternates and its terms shrink: the ratio of
 * consecutive terms of the first is (|α−i|/(i+1)) · ∫_{−∞}^{u} φ(x)e^{(x−u)/σ}dx / Φ(u)
 * with u = (z₀−i)/σ, which is < |α−i|/(i+1) < 1 (the second is the mirror image). So the
 * limit of each lies between its last two partial sums. Like the reference we stop when
 * both new terms are below e^−30 (absolute, and A_α ≥ 1), but only once i > α, and return
 * the larger of the last two partial sums, so the result bounds A_α from above (up to
 * rounding) and is within 2e^−30 ≈ 1.9e−13 of it, instead of landing on either side.
 */
export function logAFractional(q: number, sigma: number, alpha: number): number {
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  const s2 = sigma * sigma;
  const inv2s2 = 1 / (2 * s2);
  const z0 = s2 * (log1mQ - logQ) + 0.5;
  const sqrt2Sigma = Math.SQRT2 * sigma;
  const a0 = new SignedLogSum();
  const a1 = new SignedLogSum();
  let logAbsBinom = 0; // log |C(α, 0)|
  let sign: 1 | -1 = 1;
  for (let i = 0; i < MAX_FRACTIONAL_SERIES_TERMS; i++) {
    if (i > 0) {
      const ratio = (alpha - i + 1) / i; // C(α,i) = C(α,i−1)·(α−i+1)/i
      logAbsBinom += Math.log(Math.abs(ratio));
      if (ratio < 0) sign = sign === 1 ? -1 : 1;
    }
    const j = alpha - i;
    const logT0 = logAbsBinom + i * logQ + j * log1mQ;
    const logT1 = logAbsBinom + j * logQ + i * log1mQ;
    const logE0 = logErfc((i - z0) / sqrt2Sigma) - Math.LN2;
    const logE1 = logErfc((z0 - j) / sqrt2Sigma) - Math.LN2;
    const logS0 = logT0 + (i * i - i) * inv2s2 + logE0;
    const logS1 = logT1 + (j * j - j) * inv2s2 + logE1;
    a0.add(sign, logS0);
    a1.add(sign, logS1);
    if (i > alpha && Math.max(logS0, logS1) < FRACTIONAL_SERIES_LOG_TOLERANCE) {
      const logSum = logAddExp(nonNegativePart(a0, a1), nonNegativePart(a1, a0));
      if (Number.isNaN(logSum)) break;
      // Each limit lies between the last two partial sums: if the last terms were
      // subtracted, the previous partial sums are the upper bounds.
      return sign < 0 ? logAddExp(logSum, logAddExp(logS0, logS1)) : logSum;
    }
  }
  throw new DpError(
    'NUMERICAL_FAILURE',
    `the series for A_α failed to converge at order ${alpha}, samplingRate ${q}, noiseMultiplier ${sigma}`,
  );
}

/**
 * log of one of the two series of {@link logAFractional}, which is ≥ 0 in exact arithmetic.
 * A series whose terms are all astronomically small (e.g. e^−(10^16), where rounding in the
 * exponent is of order 1) can come out negative; if it is negligible beside the other
 * series (below 2^−52 of it) it is taken as 0, which only rounds the sum up. A negative
 * series that matters means the computation has failed: NaN, reported by the caller.
 */
function nonNegativePart(series: SignedLogSum, other: SignedLogSum): number {
  if (series.sign > 0) return series.logAbs;
  const negligible = other.sign > 0 && series.logAbs < other.logAbs - 52 * Math.LN2;
  return negligible ? -Infinity : NaN;
}

/** Validates one step description; `path` prefixes the field names in messages. */
export function checkStep(step: SampledGaussianStep, path: string): void {
  if (typeof step !== 'object' || step === null) {
    throw new DpError('INVALID_ARGUMENT', `${path || 'options'} must be an object, got ${formatValue(step)}`);
  }
  checkSamplingRate(step.samplingRate, `${path}samplingRate`);
  const sigma = step.noiseMultiplier;
  if (typeof sigma !== 'number' || !(sigma >= 0 && sigma <= MAX_NOISE_MULTIPLIER)) {
    throw new DpError(
      'INVALID_ARGUMENT',
      `${path}noiseMultiplier must be a number in [0, ${MAX_NOISE_MULTIPLIER}], got ${formatValue(sigma)}`,
    );
  }
  checkSteps(step.steps, `${path}steps`);
}

export function checkSamplingRate(q: unknown, name: string): asserts q is number {
  if (typeof q !== 'number' || !(q >= 0 && q <= 1)) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be in [0, 1], got ${formatValue(q)}`);
  }
}

export function checkSteps(steps: unknown, name: string): asserts steps is number {
  if (typeof steps !== 'number' || !Number.isSafeInteger(steps) || steps < 0) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be a non-negative integer, got ${formatValue(steps)}`);
  }
}

/** Validates an order list: non-empty, every order a number > 1 (Infinity allowed). */
export function checkOrders(orders: unknown, name: string): readonly number[] {
  if (!Array.isArray(orders) || orders.length === 0) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be a non-empty array of numbers > 1, got ${formatValue(orders)}`);
  }
  orders.forEach((alpha: unknown, k) => {
    if (typeof alpha !== 'number' || !(alpha > 1)) {
      throw new DpError('INVALID_ARGUMENT', `${name}[${k}] must be a number > 1, got ${formatValue(alpha)}`);
    }
  });
  return orders as readonly number[];
}
