import { PrivacyAccountant, distributedRoundRdp, noiseMultiplierForDistributed, planDistributedDp } from '@conclave/dp';
import { describe, expect, it } from 'vitest';
import { accountRound, evaluationPlan, privacyFigures, type FiguresPrivacy } from '../src/privacy/privacy-figures.ts';

// The demo at 1,000 employees: cohorts of 100 (q = 0.1), 150 rounds and a final evaluation,
// δ = 1000^−1.1, 4,097 weights, clip norm 0.1, noise sized for 80 survivors, limit 23.
const delta = 1000 ** -1.1;
const planOptions = { clipNorm: 0.1, dimension: 4097, minClients: 80, maxClients: 2000 };

describe('a task’s two privacy figures', () => {
  const { noiseMultiplier, plan } = noiseMultiplierForDistributed({ ...planOptions, samplingRate: 1, steps: 24, delta, targetEpsilon: 8 });
  const privacy: FiguresPrivacy = { kind: 'distributed', samplingRate: 0.1, noiseMultiplier, delta, plan, participationLimit: 23, evaluationRounds: 1 };

  it('an evaluation round costs no more than a training round at the same noise (so calibrating on training rounds covers it)', () => {
    const train = distributedRoundRdp({ plan, samplingRate: 1 }).coordinator;
    const evaluation = distributedRoundRdp({ plan: evaluationPlan(plan, noiseMultiplier), samplingRate: 1 }).coordinator;
    evaluation.forEach((r, k) => expect(r).toBeLessThanOrEqual(train[k]! * (1 + 1e-9)));
  });

  it('distributed: against the coordinator the target after limit + evaluation rounds and no more; the released model less', () => {
    let accountant = new PrivacyAccountant();
    const against: number[] = [];
    for (let r = 0; r < 150; r++) {
      accountant = accountRound(privacy, accountant, 'train');
      against.push(privacyFigures(privacy, accountant).epsilonAgainstCoordinator);
    }
    accountant = accountRound(privacy, accountant, 'evaluate');
    const final = privacyFigures(privacy, accountant);
    expect(final.epsilonAgainstCoordinator).toBeCloseTo(8, 6);
    expect(against[23]).toBeCloseTo(8, 6);
    expect(against[22]).toBeLessThan(against[23]!);
    expect(against.at(-1)).toBe(against[23]);
    expect(final.epsilonForReleasedModel).toBeLessThan(final.epsilonAgainstCoordinator);
    expect(final.epsilonForReleasedModel).toBeGreaterThan(6);
    expect(final.neighbouring).toMatch(/^zero-out/);
  });

  it('central: both figures are the accountant’s ε', () => {
    const central: FiguresPrivacy = { kind: 'central', samplingRate: 0.1, noiseMultiplier: 1, delta };
    let accountant = new PrivacyAccountant();
    for (let r = 0; r < 10; r++) accountant = accountRound(central, accountant, r < 9 ? 'train' : 'evaluate');
    const f = privacyFigures(central, accountant);
    expect(f.epsilonAgainstCoordinator).toBe(accountant.epsilon(delta));
    expect(f.epsilonForReleasedModel).toBe(accountant.epsilon(delta));
  });

  it('before any round, both are 0', () => {
    expect(privacyFigures(privacy, new PrivacyAccountant())).toMatchObject({ epsilonAgainstCoordinator: 0, epsilonForReleasedModel: 0 });
    expect(planDistributedDp({ ...planOptions, noiseMultiplier }).paddedDimension).toBe(8192);
  });
});
