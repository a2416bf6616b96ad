/**
 * From RDP to (ε, δ)-DP.
 *
 * - `'improved'` (default): Canonne, Kamath & Steinke 2020, "The Discrete Gaussian for
 *   Differential Privacy" (arXiv:2004.00010), Proposition 12; also Balle et al. 2020
 *   (arXiv:2001.05990), Theorem 21:
 *       ε = ε_α + log(1 − 1/α) − (log δ + log α)/(α − 1).
 *   As in TF Privacy and dp_accounting, an order whose RDP ε_α satisfies
 *   δ² ≥ 1 − e^{−ε_α} gives ε = 0 there: TV ≤ √(1 − e^{−KL}) (Bretagnolle–Huber) and
 *   KL ≤ ε_α, so the mechanism is already (0, δ)-DP.
 * - `'basic'`: Mironov 2017, "Rényi Differential Privacy" (arXiv:1702.07476),
 *   Proposition 3: ε = ε_α + log(1/δ)/(α − 1). TF Privacy used it before 2021.
 *
 * Both take the minimum over the tracked orders; ties go to the first order (numpy's
 * argmin). At α = ∞ the RDP is a pure-DP bound and ε = ε_∞ for every δ ≥ 0; an order with
 * ε_α = 0 means identical output distributions, so ε = 0 even at δ = 0.
 *
 * Two differences from dp_accounting `_compute_epsilon`, neither visible at the default
 * orders: Prop. 12 is applied for every α > 1 (dp_accounting returns ∞ for α ≤ 1.01, citing
 * numerical instability that this form does not have), and the Bretagnolle–Huber shortcut
 * uses δ² + expm1(−ε_α) ≥ 0 like TF Privacy rather than > 0.
 */
import { DpError, formatValue } from './errors.ts';
import { checkOrders } from './rdp.ts';

export type RdpConversion = 'improved' | 'basic';

/** An (ε, δ) guarantee and the Rényi order that gave it. */
export interface PrivacyGuarantee {
  epsilon: number;
  delta: number;
  /** The order α at which the minimum was attained. */
  order: number;
}

export interface RdpToEpsilonOptions {
  orders: readonly number[];
  /** RDP values ε_α ≥ 0, one per order (`Infinity` allowed). */
  rdp: readonly number[];
  /** δ ∈ [0, 1). */
  delta: number;
  /** @default 'improved' */
  conversion?: RdpConversion;
}

/** The smallest ε over the orders such that the composition is (ε, δ)-DP. */
export function rdpToEpsilon(options: RdpToEpsilonOptions): PrivacyGuarantee {
  const orders = checkOrders(options.orders, 'orders');
  const { rdp, delta } = options;
  if (!Array.isArray(rdp) || rdp.length !== orders.length) {
    throw new DpError(
      'INVALID_ARGUMENT',
      `rdp must be an array with one value per order (${orders.length}), got ${formatValue(rdp)}`,
    );
  }
  rdp.forEach((r: unknown, k) => {
    if (typeof r !== 'number' || !(r >= 0)) {
      throw new DpError('INVALID_ARGUMENT', `rdp[${k}] must be a number >= 0, got ${formatValue(r)}`);
    }
  });
  checkDelta(delta, 'delta');
  const conversion = checkConversion(options.conversion ?? 'improved');

  let best = Infinity;
  let bestOrder = orders[0] as number;
  for (let k = 0; k < orders.length; k++) {
    const eps = epsilonAtOrder(orders[k] as number, rdp[k] as number, delta, conversion);
    if (eps < best) {
      best = eps;
      bestOrder = orders[k] as number;
    }
  }
  return { epsilon: Math.max(0, best), delta, order: bestOrder };
}

function epsilonAtOrder(alpha: number, r: number, delta: number, conversion: RdpConversion): number {
  if (r === Infinity) return Infinity;
  // D_α(P‖Q) = 0 means P = Q: (0, 0)-DP.
  if (r === 0) return 0;
  // An ∞-order Rényi divergence is a pure ε-DP bound.
  if (alpha === Infinity) return r;
  if (delta === 0) return Infinity;
  if (conversion === 'basic') return r - Math.log(delta) / (alpha - 1);
  if (delta * delta + Math.expm1(-r) >= 0) return 0;
  return r + Math.log1p(-1 / alpha) - Math.log(delta * alpha) / (alpha - 1);
}

export function checkDelta(delta: unknown, name: string): asserts delta is number {
  if (typeof delta !== 'number' || !(delta >= 0 && delta < 1)) {
    throw new DpError('INVALID_ARGUMENT', `${name} must be in [0, 1), got ${formatValue(delta)}`);
  }
}

export function checkConversion(conversion: unknown): RdpConversion {
  if (conversion !== 'improved' && conversion !== 'basic') {
    throw new DpError('INVALID_ARGUMENT', `conversion must be 'improved' or 'basic', got ${formatValue(conversion)}`);
  }
  return conversion;
}
