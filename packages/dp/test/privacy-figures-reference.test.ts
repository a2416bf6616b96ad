/**
 * The two privacy figures against an independent reference: fixtures/privacy-figures-reference.py
 * (Python standard library only, decimal at 50 digits; brute force over subsets for the
 * participation limit) and its output, privacy-figures-reference.json.
 */
import { describe, expect, it } from 'vitest';
import {
  CoordinatorAccountant,
  DEFAULT_ORDERS,
  PrivacyAccountant,
  defaultParticipationLimit,
  distributedPrivacyFigures,
  distributedRoundRdp,
  zeroOutSampledRdp,
} from '../src/index.ts';
import reference from './fixtures/privacy-figures-reference.json' with { type: 'json' };

const close = (actual: number, expected: string, rel = 1e-9) => {
  const e = Number(expected);
  expect(Math.abs(actual - e)).toBeLessThanOrEqual(rel * Math.max(1e-300, Math.abs(e)));
};

describe('privacy figures against privacy-figures-reference.py', () => {
  it('one round sampled at rate q under zero-out neighbours: log(1 − q + q·e^{(α−1)ε})/(α−1)', () => {
    for (const c of reference.zeroOut) {
      const [value] = zeroOutSampledRdp({ rdp: [c.rdp], orders: [c.order], samplingRate: c.samplingRate });
      close(value!, c.sampled, 1e-12);
    }
  });

  it('against the coordinator: the largest RDP over any L rounds a device can join, plus every unlimited round', () => {
    const c = reference.coordinator;
    const accountant = new CoordinatorAccountant({ participationLimit: c.participationLimit, orders: c.orders });
    for (const p of c.sequence) accountant.composeDistributed(c.plans[p]!);
    accountant.composeDistributed(c.plans[c.unlimitedPlan]!, { limited: false });
    accountant.rdp().forEach((r, k) => close(r, c.rdp[k]!));
    close(accountant.epsilon(c.delta), c.epsilon);
    // Persisted and restored bit for bit.
    const restored = CoordinatorAccountant.fromJSON(JSON.stringify(accountant));
    expect(restored.rdp()).toEqual(accountant.rdp());
    expect(restored.rounds).toBe(6);
  });

  it('both figures at the demo settings (q = 0.1, 150 rounds, participation limits 15, 20, 23)', () => {
    for (const f of reference.figures) {
      const { coordinator: perRound, released: sampled } = distributedRoundRdp({ plan: f.plan, samplingRate: f.samplingRate });
      const against = new CoordinatorAccountant({ participationLimit: f.participationLimit });
      const released = new PrivacyAccountant();
      for (let r = 0; r < f.rounds; r++) {
        against.composeRound(perRound);
        released.composeRdp(sampled);
      }
      const figures = distributedPrivacyFigures(released, against, f.delta);
      close(figures.epsilonAgainstCoordinator, f.epsilonAgainstCoordinator, 1e-8);
      close(figures.epsilonForReleasedModel, f.epsilonForReleasedModel, 1e-8);
      expect(figures.epsilonForReleasedModel).toBeLessThanOrEqual(figures.epsilonAgainstCoordinator);
      expect(figures.neighbouring).toMatch(/^zero-out/);
    }
  });

  it('the default participation limit: q·T plus two standard deviations, within [1, T]', () => {
    for (const c of reference.participationLimits) expect(defaultParticipationLimit(c.samplingRate, c.rounds)).toBe(c.participationLimit);
  });
});

describe('privacy figures: properties', () => {
  const plan = reference.coordinator.plans[1]!;

  it('the coordinator figure stops growing once a device could have joined its limit', () => {
    const accountant = new CoordinatorAccountant({ participationLimit: 3 });
    const eps: number[] = [];
    for (let r = 0; r < 6; r++) eps.push(accountant.composeDistributed(plan).epsilon(1e-5));
    expect(eps[1]).toBeGreaterThan(eps[0]!);
    expect(eps[2]).toBeGreaterThan(eps[1]!);
    expect(eps.slice(3)).toEqual([eps[2], eps[2], eps[2]]);
  });

  it('sampling never makes a round cost more, and q = 1 or q = 0 are the unsampled round and nothing', () => {
    const { coordinator } = distributedRoundRdp({ plan, samplingRate: 1 });
    for (const q of [1e-4, 0.05, 0.5, 0.99]) {
      zeroOutSampledRdp({ rdp: coordinator, orders: DEFAULT_ORDERS, samplingRate: q }).forEach((r, k) => expect(r).toBeLessThanOrEqual(coordinator[k]!));
    }
    expect(zeroOutSampledRdp({ rdp: coordinator, orders: DEFAULT_ORDERS, samplingRate: 1 })).toEqual(coordinator);
    expect(zeroOutSampledRdp({ rdp: coordinator, orders: DEFAULT_ORDERS, samplingRate: 0 }).every((r) => r === 0)).toBe(true);
  });

  it('refuses bad input, naming it', () => {
    expect(() => new CoordinatorAccountant({ participationLimit: 0 })).toThrow(/participationLimit must be an integer >= 1, got 0/);
    expect(() => zeroOutSampledRdp({ rdp: [1], orders: [2, 3], samplingRate: 0.1 })).toThrow(/rdp must be an array of 2 values/);
    expect(() => new CoordinatorAccountant({ participationLimit: 2, orders: [2] }).composeRound([-1])).toThrow(/rdp\[0\] must be a number >= 0, got -1/);
    expect(() => CoordinatorAccountant.fromJSON('{"format":"x"}')).toThrow(/format 'conclave.dp.coordinator-accountant'/);
    expect(() => defaultParticipationLimit(0.1, 0)).toThrow(/rounds must be an integer >= 1, got 0/);
  });
});
