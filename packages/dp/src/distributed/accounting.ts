/**
 * RDP of the distributed discrete Gaussian mechanism: Kairouz, Liu & Steinke 2021 (Prop. 14)
 * for one round over the sum of minClients noise shares, composed with Poisson sampling of
 * devices through the general subsampling bound of Zhu & Wang 2019 ("Poisson Subsampled Rényi
 * Differential Privacy", ICML, Thm 6), at integer orders.
 */
import { DpError, formatValue } from '../errors.ts';
import { LogSumExpAccumulator, log1pExp, logExpm1 } from '../log-math.ts';
import { DEFAULT_ORDERS, checkOrders, checkSamplingRate, checkSteps } from '../rdp.ts';
import { checkObject, checkPositiveFinite, checkPositiveInteger } from './checks.ts';
import type { DistributedDpPlan } from './plan.ts';
import { distributedTau } from './tau.ts';

/**
 * Above this integer order the Zhu–Wang sum (one term per order) is skipped in favour of
 * the unsampled bound, which is also valid and at such orders no worse in practice.
 */
const MAX_SUBSAMPLED_ORDER = 65_536;

/** One kind of round of the distributed discrete Gaussian mechanism, repeated `steps` times. */
export interface DistributedDiscreteGaussianStep {
  /** Probability q ∈ [0, 1] that each device takes part in a round (Poisson sampling). */
  samplingRate: number;
  plan: Pick<DistributedDpPlan, 'l2Sensitivity' | 'l1Sensitivity' | 'localSigma2' | 'minClients' | 'paddedDimension'>;
  /** How many such rounds; a non-negative integer. */
  steps: number;
}

/**
 * RDP of `steps` rounds, one value per order.
 *
 * One round without sampling (Kairouz et al. 2021, Prop. 14, for the sum of n = minClients
 * discrete Gaussians N_Z(0, σ_loc²) and an integer difference of norms ≤ Δ₂, Δ₁):
 *
 *     ε(α) = min{ α/2·l₂² + τD,  α/2·(l₂² + 2l₁τ + τ²D),  α/2·(l₂ + √D·τ)² },
 *     l₂ = Δ₂/√(nσ_loc²),  l₁ = Δ₁/√(nσ_loc²).
 *
 * With Poisson sampling at rate q < 1, the general bound of Zhu & Wang 2019 (Thm 6) at
 * integer α ≥ 2:
 *
 *     ε_q(α) ≤ 1/(α−1) · log( (1−q)^{α−1}(αq − q + 1) + C(α,2) q²(1−q)^{α−2} e^{ε(2)}
 *                             + 3 Σ_{l=3}^{α} C(α,l) (1−q)^{α−l} q^l e^{(l−1)ε(l)} ),
 *
 * computed as log1p of a log-sum-exp of positive terms (the first two binomial terms
 * absorb the leading 1), and capped by ε(α). A fractional order takes the bound at ⌈α⌉:
 * Rényi divergence does not decrease with the order, so ε_q(α) ≤ ε_q(⌈α⌉). Prop. 14
 * needs σ_loc ≥ 1/2.
 */
export function computeDistributedRdp(options: DistributedDiscreteGaussianStep & { orders?: readonly number[] }): number[] {
  checkDistributedStep(options);
  const orders = checkOrders(options.orders ?? DEFAULT_ORDERS, 'orders');
  const { samplingRate: q, steps, plan } = options;
  if (steps === 0 || q === 0) return orders.map(() => 0);
  const noiseStd = Math.sqrt(plan.minClients * plan.localSigma2);
  const l2 = plan.l2Sensitivity / noiseStd;
  const l1 = plan.l1Sensitivity / noiseStd;
  const tau = distributedTau(plan.localSigma2, plan.minClients);
  const D = plan.paddedDimension;
  const full = (alpha: number): number => {
    const b1 = (alpha / 2) * l2 * l2 + tau * D;
    const b2 = (alpha / 2) * (l2 * l2 + 2 * l1 * tau + tau * tau * D);
    const b3 = (alpha / 2) * (l2 + Math.sqrt(D) * tau) ** 2;
    return Math.min(b1, b2, b3);
  };
  const sampled = new Map<number, number>();
  return orders.map((alpha) => {
    let perStep = full(alpha);
    if (q < 1 && alpha !== Infinity) {
      const m = Math.max(2, Math.ceil(alpha));
      if (m <= MAX_SUBSAMPLED_ORDER) {
        let bound = sampled.get(m);
        if (bound === undefined) {
          bound = zhuWangBound(q, m, full);
          sampled.set(m, bound);
        }
        perStep = Math.min(perStep, bound);
      }
    }
    if (Number.isNaN(perStep)) {
      throw new DpError('NUMERICAL_FAILURE', `distributed RDP is NaN at order ${alpha}`);
    }
    return perStep === 0 ? 0 : steps * perStep;
  });
}

/** Zhu & Wang 2019, Thm 6, at integer order m ≥ 2 and 0 < q < 1, for the unsampled RDP curve `eps`. */
function zhuWangBound(q: number, m: number, eps: (alpha: number) => number): number {
  const logQ = Math.log(q);
  const log1mQ = Math.log1p(-q);
  // 1 = Σ_l C(m,l)(1−q)^{m−l}q^l, so the bracket is 1 plus the sum over l ≥ 2 of
  // C(m,l)(1−q)^{m−l}q^l·(coefficient − 1), every term ≥ 0: l = 2 has e^{ε(2)} − 1 and
  // l ≥ 3 has 3e^{(l−1)ε(l)} − 1 = e^y·(3 − e^{−y}).
  const sum = new LogSumExpAccumulator();
  let logBinom = Math.log(m); // log C(m, 1)
  for (let l = 2; l <= m; l++) {
    logBinom += Math.log((m - l + 1) / l);
    const logWeight = logBinom + l * logQ + (m - l) * log1mQ;
    const e = eps(l);
    if (l === 2) {
      sum.add(logWeight + logExpm1(e));
    } else {
      const y = (l - 1) * e;
      sum.add(logWeight + y + Math.log(3 - Math.exp(-y)));
    }
  }
  const result = log1pExp(sum.value()) / (m - 1);
  return result > 0 ? result : 0;
}

function checkDistributedStep(step: DistributedDiscreteGaussianStep): void {
  checkObject(step, 'options');
  checkSamplingRate(step.samplingRate, 'samplingRate');
  checkSteps(step.steps, 'steps');
  const plan = step.plan;
  checkObject(plan, 'plan');
  checkPositiveFinite(plan.l2Sensitivity, 'plan.l2Sensitivity');
  checkPositiveFinite(plan.l1Sensitivity, 'plan.l1Sensitivity');
  if (typeof plan.localSigma2 !== 'number' || !(plan.localSigma2 >= 0.25 && plan.localSigma2 < Infinity)) {
    throw new DpError(
      'INVALID_ARGUMENT',
      `plan.localSigma2 must be a finite number >= 0.25 (Kairouz et al. Prop. 14 needs sigma >= 1/2), got ${formatValue(plan.localSigma2)}`,
    );
  }
  checkPositiveInteger(plan.minClients, 'plan.minClients');
  checkPositiveInteger(plan.paddedDimension, 'plan.paddedDimension');
}
