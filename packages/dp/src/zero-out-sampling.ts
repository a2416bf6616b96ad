/**
 * Amplification by Poisson sampling under the zero-out neighbouring notion, for any mechanism.
 *
 * Neighbouring (zero-out): two runs differ only in one device's data, replaced by zero (a
 * device whose update is all zeros); its sampling coin, its noise share and every other
 * device's data, coins and noise are the same. This is the notion under which the distributed
 * discrete Gaussian's bound (Kairouz, Liu & Steinke 2021, Prop. 14: the noise shares stay, the
 * device's vector changes) holds, so amplification must be proven under it too.
 *
 * Proof (packages/dp/docs/privacy-figures.md has it in full). Fix the rest of the run. When the
 * device is not sampled (probability 1 − q) both runs release the same distribution A; when it
 * is, B (its data) or C (zeros), with D_α(B‖C) ≤ ε(α) and D_α(C‖B) ≤ ε(α). So the outputs are
 * P = (1−q)A + qB and Q = (1−q)A + qC. For α > 1, H_α(P, Q) = ∫ p^α q^{1−α} is an
 * f-divergence (f(t) = t^α, convex), hence jointly convex:
 *
 *     H_α(P, Q) ≤ (1−q)·H_α(A, A) + q·H_α(B, C) = 1 − q + q·e^{(α−1)ε(α)},
 *
 * and the same with B, C swapped. Averaging over the rest of the run (again by joint
 * convexity) keeps the bound, so one round is ε_q(α)-RDP with
 *
 *     ε_q(α) = log(1 − q + q·e^{(α−1)ε(α)}) / (α − 1) ≤ ε(α).
 *
 * This is the advanced-joint-convexity shape of Balle, Barthe & Gaboardi 2018 (Thm 2) in RDP
 * form: only linear in q where add/remove bounds are quadratic, because under zero-out the
 * sampled branch of the neighbour is not the unsampled one. At α = ∞ the ratio p/q is at most
 * max(1, sup b/c), so ε_q(∞) = ε(∞).
 */
import { DpError, formatValue } from './errors.ts';
import { checkOrders, checkSamplingRate } from './rdp.ts';

export interface ZeroOutSamplingOptions {
  /** The mechanism's RDP without sampling, one value per order (`Infinity` allowed). */
  rdp: readonly number[];
  /** The Rényi orders α > 1 of `rdp`. */
  orders: readonly number[];
  /** q ∈ [0, 1]: the probability that the device is in a round. */
  samplingRate: number;
}

/** One round's RDP with Poisson sampling at rate q under zero-out neighbouring (see the module comment). */
export function zeroOutSampledRdp(options: ZeroOutSamplingOptions): number[] {
  const orders = checkOrders(options.orders, 'orders');
  checkSamplingRate(options.samplingRate, 'samplingRate');
  const { rdp, samplingRate: q } = options;
  if (!Array.isArray(rdp) || rdp.length !== orders.length) {
    throw new DpError('INVALID_ARGUMENT', `rdp must be an array of ${orders.length} values (one per order), got ${formatValue(rdp)}`);
  }
  return orders.map((alpha, k) => {
    const eps = rdp[k] as number;
    if (typeof eps !== 'number' || !(eps >= 0)) throw new DpError('INVALID_ARGUMENT', `rdp[${k}] must be a number >= 0, got ${formatValue(eps)}`);
    if (q === 0 || eps === 0) return 0;
    if (q === 1 || alpha === Infinity || eps === Infinity) return eps;
    const y = (alpha - 1) * eps;
    // log(1 − q + q·e^y): as log1p(q·(e^y − 1)) while e^y is finite (accurate for tiny y too),
    // else as y + log(q + (1 − q)·e^{−y}).
    const logH = y < 700 ? Math.log1p(q * Math.expm1(y)) : y + Math.log(q + (1 - q) * Math.exp(-y));
    const bound = logH / (alpha - 1);
    return Math.min(eps, Math.max(0, bound));
  });
}
