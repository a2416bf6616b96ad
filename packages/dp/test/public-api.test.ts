/** The package's public face: exactly the hand-picked exports, and one error class. */
import { describe, expect, it } from 'vitest';
import * as dp from '../src/index.ts';

describe('@conclave/dp public API', () => {
  it('exports exactly the hand-picked values', () => {
    expect(Object.keys(dp).sort()).toEqual(
      [
        'CoordinatorAccountant',
        'DEFAULT_MAX_NOISE_MULTIPLIER',
        'DEFAULT_ORDERS',
        'DpError',
        'MAX_DISCRETE_GAUSSIAN_SIGMA2',
        'MAX_NOISE_MULTIPLIER',
        'NEIGHBOURING_NOTIONS',
        'PrivacyAccountant',
        'addGaussianNoise',
        'centralPrivacyFigures',
        'clipL2',
        'computeDistributedRdp',
        'computeRdp',
        'decodeDistributedSum',
        'defaultParticipationLimit',
        'distributedPrivacyFigures',
        'distributedRoundRdp',
        'encodeDistributedUpdate',
        'epsilonFor',
        'gaussianNoise',
        'inverseRandomizedHadamard',
        'l2Norm',
        'noiseMultiplierFor',
        'noiseMultiplierForDistributed',
        'planDistributedDp',
        'randomizedHadamard',
        'rdpToEpsilon',
        'sampleDiscreteGaussian',
        'zeroOutSampledRdp',
      ].sort(),
    );
  });

  it('DEFAULT_ORDERS is frozen: 1.1…10.9, 11…63, 128, 256, 512, 1024', () => {
    expect(Object.isFrozen(dp.DEFAULT_ORDERS)).toBe(true);
    expect(dp.DEFAULT_ORDERS.slice(0, 3)).toEqual([1.1, 1.2, 1.3]);
    expect(dp.DEFAULT_ORDERS.slice(97, 101)).toEqual([10.8, 10.9, 11, 12]);
    expect(dp.DEFAULT_ORDERS.slice(-5)).toEqual([63, 128, 256, 512, 1024]);
  });

  it('DpError carries a stable code and a message naming the value', () => {
    let error: unknown;
    try {
      dp.epsilonFor({ samplingRate: 1.5, noiseMultiplier: 1, steps: 1, delta: 1e-5 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(dp.DpError);
    expect(error).toBeInstanceOf(Error);
    expect((error as dp.DpError).name).toBe('DpError');
    expect((error as dp.DpError).code).toBe('INVALID_ARGUMENT');
    expect((error as dp.DpError).message).toBe('samplingRate must be in [0, 1], got 1.5');
  });
});
