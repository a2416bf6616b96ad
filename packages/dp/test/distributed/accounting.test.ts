/**
 * RDP of the distributed discrete Gaussian mechanism (Kairouz, Liu & Steinke 2021, Prop. 14)
 * with Poisson sampling (Zhu & Wang 2019, Thm 6), against the 50-digit mpmath sums of
 * fixtures/distributed-reference.py, and its composition in the PrivacyAccountant.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ORDERS,
  PrivacyAccountant,
  computeDistributedRdp,
  computeRdp,
  planDistributedDp,
} from '../../src/index.ts';
import { distributedTau } from '../../src/distributed/tau.ts';
import { REALISTIC, expectDpError, reference } from '../helpers/distributed.ts';

describe('computeDistributedRdp', () => {
  it('matches the 50-digit mpmath reference (Prop. 14; Zhu & Wang Thm 6 at ⌈α⌉)', () => {
    for (const c of reference.rdp) {
      expect(distributedTau(c.plan.localSigma2, c.plan.minClients) / Math.max(Number(c.tau), 1e-300)).toBeCloseTo(
        Number(c.tau) > 1e-300 ? 1 : 0,
        12,
      );
      const got = computeDistributedRdp({ samplingRate: c.samplingRate, plan: c.plan, steps: 1, orders: c.orders });
      got.forEach((r, k) => {
        const want = Number(c.rdp[k]);
        expect(Math.abs(r - want) / want, `q=${c.samplingRate} σ²=${c.plan.localSigma2} α=${c.orders[k]}`).toBeLessThan(1e-12);
      });
    }
  });

  it('at q = 1 and τ ≈ 0 is the Gaussian mechanism α/(2·z_eff²)', () => {
    const plan = planDistributedDp(REALISTIC);
    const rdp = computeDistributedRdp({ samplingRate: 1, plan, steps: 3 });
    rdp.forEach((r, k) => {
      const alpha = DEFAULT_ORDERS[k] as number;
      expect(r / ((3 * alpha) / (2 * plan.effectiveNoiseMultiplier ** 2))).toBeCloseTo(1, 12);
    });
  });

  it('at q < 1 lies between the exact sampled Gaussian and the unsampled mechanism', () => {
    const plan = planDistributedDp(REALISTIC);
    for (const q of [1e-4, 0.01, 0.2, 0.9]) {
      const sampled = computeDistributedRdp({ samplingRate: q, plan, steps: 1 });
      const exact = computeRdp({ samplingRate: q, noiseMultiplier: plan.effectiveNoiseMultiplier, steps: 1 });
      const unsampled = computeDistributedRdp({ samplingRate: 1, plan, steps: 1 });
      sampled.forEach((r, k) => {
        const label = `q=${q} α=${DEFAULT_ORDERS[k]}`;
        expect(r, label).toBeGreaterThanOrEqual((exact[k] as number) * (1 - 1e-9));
        expect(r, label).toBeLessThanOrEqual(unsampled[k] as number);
      });
    }
  });

  it('at α = 2 is log((1 − q)(1 + q) + q²·e^{ε(2)})', () => {
    // l₂ = Δ₂/√(nσ²) = 20/√(4·100) = 1 and τ underflows, so ε(2) = 1.
    const plan = { l2Sensitivity: 20, l1Sensitivity: 80, localSigma2: 100, minClients: 4, paddedDimension: 16 };
    const [r] = computeDistributedRdp({ samplingRate: 0.1, plan, steps: 1, orders: [2] });
    expect(r).toBeCloseTo(Math.log(0.99 + 0.01 * Math.E), 15);
    expect(r).toBeCloseTo(0.01703686323617655, 15); // mpmath, 30 digits: 0.017036863236176549786
  });

  it('multiplies by steps; is 0 for q = 0 or no steps; ∞ at α = ∞', () => {
    const plan = planDistributedDp(REALISTIC);
    const one = computeDistributedRdp({ samplingRate: 0.05, plan, steps: 1, orders: [2, 8.5, 32] });
    const many = computeDistributedRdp({ samplingRate: 0.05, plan, steps: 250, orders: [2, 8.5, 32] });
    many.forEach((r, k) => expect(r).toBeCloseTo(250 * (one[k] as number), 12));
    expect(computeDistributedRdp({ samplingRate: 0, plan, steps: 5, orders: [2, Infinity] })).toEqual([0, 0]);
    expect(computeDistributedRdp({ samplingRate: 0.5, plan, steps: 0, orders: [2] })).toEqual([0]);
    expect(computeDistributedRdp({ samplingRate: 0.5, plan, steps: 1, orders: [Infinity] })).toEqual([Infinity]);
  });

  it('a fractional order takes the bound at the next integer up, capped by the unsampled value', () => {
    const plan = planDistributedDp(REALISTIC);
    const [frac, ceil] = computeDistributedRdp({ samplingRate: 0.01, plan, steps: 1, orders: [7.2, 8] });
    const [unsampled] = computeDistributedRdp({ samplingRate: 1, plan, steps: 1, orders: [7.2] });
    expect(frac).toBe(Math.min(ceil as number, unsampled as number));
  });

  it('rejects bad steps and plans, naming the field', () => {
    const plan = planDistributedDp(REALISTIC);
    expectDpError(() => computeDistributedRdp({ samplingRate: 2, plan, steps: 1 }), 'INVALID_ARGUMENT', /^samplingRate must be in \[0, 1\], got 2$/);
    expectDpError(() => computeDistributedRdp({ samplingRate: 0.1, plan, steps: -1 }), 'INVALID_ARGUMENT', /^steps must be a non-negative integer/);
    expectDpError(
      () => computeDistributedRdp({ samplingRate: 0.1, plan: { ...plan, localSigma2: 0.2 }, steps: 1 }),
      'INVALID_ARGUMENT',
      /^plan\.localSigma2 must be a finite number >= 0\.25/,
    );
    expectDpError(
      () => computeDistributedRdp({ samplingRate: 0.1, plan: { ...plan, l2Sensitivity: Number.NaN }, steps: 1 }),
      'INVALID_ARGUMENT',
      /^plan\.l2Sensitivity must be a finite number > 0, got NaN$/,
    );
    expectDpError(
      () => computeDistributedRdp({ samplingRate: 0.1, plan: { ...plan, minClients: 0 }, steps: 1 }),
      'INVALID_ARGUMENT',
      /^plan\.minClients must be a positive integer, got 0$/,
    );
    expectDpError(() => computeDistributedRdp({ samplingRate: 0.1, plan, steps: 1, orders: [1] }), 'INVALID_ARGUMENT', /^orders\[0\] must be a number > 1/);
  });
});

describe('PrivacyAccountant.composeDistributed', () => {
  const plan = planDistributedDp(REALISTIC);

  it('adds computeDistributedRdp to the per-order totals, with Gaussian steps alike', () => {
    const accountant = new PrivacyAccountant()
      .composeDistributed({ samplingRate: 0.01, plan, steps: 10 })
      .compose({ samplingRate: 0.02, noiseMultiplier: 1.1, steps: 5 });
    const distributed = computeDistributedRdp({ samplingRate: 0.01, plan, steps: 10 });
    const gaussian = computeRdp({ samplingRate: 0.02, noiseMultiplier: 1.1, steps: 5 });
    accountant.rdp().forEach((r, k) => expect(r).toBe((distributed[k] as number) + (gaussian[k] as number)));
    expect(accountant.steps).toBe(15);
  });

  it('round-trips through JSON and keeps composing identically', () => {
    const accountant = new PrivacyAccountant({ orders: [1.5, 2, 4, 16, 256] }).composeDistributed({ samplingRate: 0.05, plan, steps: 7 });
    const restored = PrivacyAccountant.fromJSON(JSON.parse(JSON.stringify(accountant)));
    expect(restored.rdp()).toEqual(accountant.rdp());
    expect(restored.orders).toEqual(accountant.orders);
    expect(restored.steps).toBe(7);
    expect(restored.epsilon(1e-5)).toBe(accountant.epsilon(1e-5));
    accountant.composeDistributed({ samplingRate: 0.05, plan, steps: 1 });
    restored.composeDistributed({ samplingRate: 0.05, plan, steps: 1 });
    expect(restored.toJSON()).toEqual(accountant.toJSON());
  });

  it('a rejected composeDistributed leaves the accountant unchanged', () => {
    const accountant = new PrivacyAccountant().composeDistributed({ samplingRate: 0.01, plan, steps: 1 });
    const before = accountant.toJSON();
    expectDpError(
      () => accountant.composeDistributed({ samplingRate: 0.01, plan: { ...plan, l1Sensitivity: -1 }, steps: 1 }),
      'INVALID_ARGUMENT',
      /^plan\.l1Sensitivity must be a finite number > 0, got -1$/,
    );
    expectDpError(() => accountant.composeDistributed(undefined as never), 'INVALID_ARGUMENT', /^step must be an object, got undefined$/);
    expect(accountant.toJSON()).toEqual(before);
  });
});
