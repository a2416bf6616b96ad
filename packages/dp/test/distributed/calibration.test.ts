/**
 * Calibrating the distributed discrete Gaussian mechanism (noiseMultiplierForDistributed):
 * the smallest noise multiplier whose plan meets a target ε, checked against the plan, the
 * accountant and the central sampled Gaussian.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ORDERS,
  PrivacyAccountant,
  computeDistributedRdp,
  noiseMultiplierFor,
  noiseMultiplierForDistributed,
  planDistributedDp,
  rdpToEpsilon,
} from '../../src/index.ts';
import { REALISTIC, expectDpError } from '../helpers/distributed.ts';

describe('noiseMultiplierForDistributed', () => {
  const target = { samplingRate: 0.01, steps: 1000, delta: 1e-6, targetEpsilon: 3 };

  it('meets the target ε, and needs at least the noise of the central sampled Gaussian', () => {
    const { noiseMultiplier, plan, epsilon } = noiseMultiplierForDistributed({ ...target, ...REALISTIC });
    expect(epsilon).toBeLessThanOrEqual(3);
    expect(Math.abs(epsilon / 3 - 1)).toBeLessThan(1e-3);
    expect(noiseMultiplier).toBeGreaterThanOrEqual(noiseMultiplierFor(target));
    // The plan is the one planDistributedDp gives, and the accountant agrees on ε.
    expect(plan).toEqual(planDistributedDp({ ...REALISTIC, noiseMultiplier }));
    const accountant = new PrivacyAccountant().composeDistributed({ samplingRate: 0.01, plan, steps: 1000 });
    expect(accountant.epsilon(1e-6)).toBe(epsilon);
    // Slightly less noise misses the target.
    const less = planDistributedDp({ ...REALISTIC, noiseMultiplier: noiseMultiplier * (1 - 1e-6) });
    const rdp = computeDistributedRdp({ samplingRate: 0.01, plan: less, steps: 1000 });
    expect(rdpToEpsilon({ orders: DEFAULT_ORDERS, rdp, delta: 1e-6 }).epsilon).toBeGreaterThan(3);
  });

  it('works at full participation and with a smaller ring', () => {
    const full = noiseMultiplierForDistributed({ samplingRate: 1, steps: 4, delta: 1e-3, targetEpsilon: 5, clipNorm: 1, dimension: 9, minClients: 3, maxClients: 12 });
    expect(Math.abs(full.epsilon / 5 - 1)).toBeLessThan(1e-3);
    const small = noiseMultiplierForDistributed({ ...target, ...REALISTIC, maxClients: 200, bits: 20 });
    expect(small.plan.bits).toBe(20);
    expect(Math.abs(small.epsilon / 3 - 1)).toBeLessThan(1e-3);
  });

  it('BUDGET_UNREACHABLE when the ring cannot hold the noise the target needs', () => {
    expectDpError(
      () => noiseMultiplierForDistributed({ ...target, targetEpsilon: 0.01, steps: 100_000, ...REALISTIC, bits: 12, maxClients: 100 }),
      'BUDGET_UNREACHABLE',
      /^targetEpsilon 0\.01 is unreachable .*the largest whose plan fits 12 bits/,
    );
  });

  it('rejects bad options, naming the field', () => {
    expectDpError(() => noiseMultiplierForDistributed({ ...target, ...REALISTIC, samplingRate: 0 }), 'INVALID_ARGUMENT', /^samplingRate must be in \(0, 1\]/);
    expectDpError(() => noiseMultiplierForDistributed({ ...target, ...REALISTIC, targetEpsilon: -1 }), 'INVALID_ARGUMENT', /^targetEpsilon must be a finite number > 0/);
    expectDpError(() => noiseMultiplierForDistributed({ ...target, ...REALISTIC, delta: 1 }), 'INVALID_ARGUMENT', /^delta must be in \[0, 1\)/);
    expectDpError(() => noiseMultiplierForDistributed({ ...target, ...REALISTIC, maxClients: 10 }), 'INVALID_ARGUMENT', /^maxClients must be >= minClients/);
  });
});
