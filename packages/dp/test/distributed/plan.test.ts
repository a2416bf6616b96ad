/**
 * Planning the distributed discrete Gaussian mechanism (Kairouz, Liu & Steinke 2021,
 * arXiv:2102.06387): the grid γ, Δ₂ (Thm 1, eq. 2), σ_loc², Δ₁, τ (eq. 3) and the headroom
 * against modular wrap-around.
 */
import { describe, expect, it } from 'vitest';
import { planDistributedDp, type DistributedDpPlanOptions } from '../../src/index.ts';
import { distributedTau } from '../../src/distributed/tau.ts';
import { REALISTIC, defaultK, expectDpError } from '../helpers/distributed.ts';

describe('planDistributedDp', () => {
  it('with 32 bits and realistic numbers the grid is so fine that rounding and τ vanish', () => {
    const plan = planDistributedDp(REALISTIC);
    const c = plan.clipNorm / plan.scale;
    expect(plan.paddedDimension).toBe(8192);
    expect(plan.bits).toBe(32);
    expect(plan.tau).toBeLessThan(1e-12);
    expect(Math.abs(plan.l2Sensitivity / c - 1)).toBeLessThan(1e-3);
    expect(Math.abs(plan.effectiveNoiseMultiplier - 1)).toBeLessThan(1e-3);
    expect(plan.effectiveNoiseMultiplier).toBeGreaterThanOrEqual(1 - 1e-12);
    expect(plan.wrapProbabilityBound).toBeLessThan(1e-6);
    expect(Number.isSafeInteger(plan.localSigma2)).toBe(true);
    expect(plan.localSigma2).toBeLessThanOrEqual(2 ** 48);
  });

  it('follows the paper: Δ₂ (Thm 1, eq. 2), σ_loc², Δ₁, τ (eq. 3) and z_eff from the chosen γ', () => {
    for (const options of [REALISTIC, { ...REALISTIC, bits: 16, maxClients: 100 }, { ...REALISTIC, beta: 0.1, noiseMultiplier: 0.7 }]) {
      const plan = planDistributedDp(options);
      const D = plan.paddedDimension;
      const c = plan.clipNorm / plan.scale;
      const s = Math.sqrt(2 * Math.log(1 / plan.beta));
      const l2 = Math.sqrt(Math.min(c * c + D / 4 + s * (c + Math.sqrt(D) / 2), (c + Math.sqrt(D)) ** 2));
      expect(plan.l2Sensitivity / l2).toBeCloseTo(1, 12);
      expect(plan.localSigma2).toBe(Math.ceil((options.noiseMultiplier ** 2 * plan.l2Sensitivity ** 2) / options.minClients));
      expect(plan.l1Sensitivity).toBe(Math.min(Math.sqrt(D) * plan.l2Sensitivity, plan.l2Sensitivity ** 2));
      expect(plan.tau).toBe(distributedTau(plan.localSigma2, plan.minClients));
      expect(plan.effectiveNoiseMultiplier).toBe(Math.sqrt(plan.minClients * plan.localSigma2) / plan.l2Sensitivity);
    }
  });

  it('γ is the finest grid leaving k standard deviations of headroom at maxClients', () => {
    const cases: DistributedDpPlanOptions[] = [REALISTIC, { ...REALISTIC, bits: 16, maxClients: 100 }, { ...REALISTIC, bits: 24, wrapStddevs: 6 }];
    for (const options of cases) {
      const plan = planDistributedDp(options);
      const D = plan.paddedDimension;
      const N = plan.maxClients;
      const k = options.wrapStddevs ?? defaultK(D);
      const limit = 2 ** (plan.bits - 1) - 1;
      const used = (c: number, sigma2: number) => k * Math.sqrt((N * N * c * c) / D + N * sigma2) + N;
      const c = plan.clipNorm / plan.scale;
      expect(used(c, plan.localSigma2)).toBeLessThanOrEqual(limit);
      // A grid 0.1% finer would not fit.
      const finer = c * 1.001;
      const s = Math.sqrt(2 * Math.log(1 / plan.beta));
      const l2 = Math.sqrt(finer * finer + D / 4 + s * (finer + Math.sqrt(D) / 2));
      expect(used(finer, Math.ceil((options.noiseMultiplier * l2) ** 2 / plan.minClients))).toBeGreaterThan(limit);
      // The wrap bound is the union bound over D coordinates of the sub-Gaussian tail.
      expect(plan.wrapProbabilityBound).toBeLessThanOrEqual(2 * D * Math.exp(-(k * k) / 2) * (1 + 1e-9));
    }
  });

  it('the default headroom aims at a 2^−40 wrap probability per round', () => {
    const plan = planDistributedDp({ ...REALISTIC, bits: 20, maxClients: 200 });
    expect(plan.wrapProbabilityBound).toBeLessThanOrEqual(2 ** -40 * (1 + 1e-6));
    expect(plan.wrapProbabilityBound).toBeGreaterThan(2 ** -41);
    expect(defaultK(8192)).toBeGreaterThan(6);
  });

  it('keeps σ_loc within the sampler limit 2^24 when that binds before the headroom', () => {
    const plan = planDistributedDp({ clipNorm: 1, dimension: 1, minClients: 1, maxClients: 1, noiseMultiplier: 1 });
    expect(plan.localSigma2).toBeLessThanOrEqual(2 ** 48);
    expect(plan.localSigma2).toBeGreaterThan(2 ** 47.9);
    expect(plan.effectiveNoiseMultiplier).toBeCloseTo(1, 9);
  });

  it('rejects bad options and impossible rings, naming the field', () => {
    const bad: [Partial<Record<string, unknown>>, RegExp][] = [
      [{ clipNorm: 0 }, /^clipNorm must be a finite number > 0, got 0$/],
      [{ clipNorm: Infinity }, /^clipNorm must be/],
      [{ dimension: 0 }, /^dimension must be an integer in \[1, 2\^28\], got 0$/],
      [{ dimension: 2.5 }, /^dimension must be/],
      [{ minClients: 0 }, /^minClients must be a positive integer, got 0$/],
      [{ maxClients: 59 }, /^maxClients must be >= minClients \(60\), got 59$/],
      [{ noiseMultiplier: 0 }, /^noiseMultiplier must be a finite number > 0, got 0$/],
      [{ bits: 7 }, /^bits must be an integer in \[8, 32\], got 7$/],
      [{ bits: 33 }, /^bits must be/],
      [{ beta: 1 }, /^beta must be in \(0, 1\), got 1$/],
      [{ wrapStddevs: -1 }, /^wrapStddevs must be a finite number > 0, got -1$/],
      [{ bits: 8 }, /^bits 8 cannot hold the sum of maxClients 1000 updates/],
      [{ bits: 13, dimension: 2 ** 18, maxClients: 150 }, /^bits 13 cannot hold the sum of maxClients 150 updates at a useful precision: .*inflate the sensitivity 2\.\d\dx/],
    ];
    for (const [patch, message] of bad) {
      expectDpError(() => planDistributedDp({ ...REALISTIC, ...patch } as never), 'INVALID_ARGUMENT', message);
    }
    expectDpError(() => planDistributedDp(null as never), 'INVALID_ARGUMENT', /^options must be an object/);
  });
});
