import { epsilonFor } from '@conclave/dp';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../src/corpus.ts';
import { prepareDeviceData, simulateDpFedAvg, updateNoiseMultiplier } from '../src/simulate-dp.ts';

const corpus = loadCorpus();
const data = prepareDeviceData({ clients: 100, featureDim: 1024, seed: 1 }, corpus);
const base = {
  rounds: 4,
  cohort: 20,
  localEpochs: 1,
  batchSize: 16,
  clientLr: 2,
  serverOptimizer: { kind: 'fedavgm' as const, learningRate: 5, momentum: 0.9, beta1: 0.9, beta2: 0.99, tau: 1e-3 },
  seed: 1,
};

describe('DP-FedAvg simulation (simulate-dp.ts)', () => {
  it('Poisson-samples devices, spends exactly the target ε, and is reproducible', () => {
    const run = () => simulateDpFedAvg(data.devices, data.test, data.spec, { ...base, dp: { targetEpsilon: 4, clipNorm: 0.1 } });
    const r = run();
    expect(r.rounds).toHaveLength(4);
    // Sampled cohorts vary around q·N = 20.
    expect(new Set(r.rounds.map((x) => x.sampled)).size).toBeGreaterThan(1);
    for (const x of r.rounds) expect(x.clipNorm).toBe(0.1);
    const delta = 1 / 100 ** 1.1;
    expect(r.epsilon).toBeCloseTo(4, 3);
    expect(epsilonFor({ samplingRate: 0.2, noiseMultiplier: r.noiseMultiplier, steps: 4, delta }).epsilon).toBeCloseTo(4, 3);
    expect(run().accuracy).toBe(r.accuracy);
  }, 60_000);

  it('adaptive clipping moves the clip norm and gives the update its share of the noise', () => {
    const r = simulateDpFedAvg(data.devices, data.test, data.spec, { ...base, dp: { targetEpsilon: 4, clipNorm: 0.001, adaptive: {} } });
    // Far below every update norm: nearly nothing is unclipped, so the norm grows each round.
    expect(r.rounds[0]!.unclippedFraction).toBe(0);
    expect(r.rounds.at(-1)!.clipNorm).toBeGreaterThan(0.001);
    expect(r.updateNoiseMultiplier).toBeCloseTo(updateNoiseMultiplier(r.noiseMultiplier, 1), 12);
    expect(r.updateNoiseMultiplier).toBeGreaterThan(r.noiseMultiplier);
    expect(() => updateNoiseMultiplier(2, 0.5)).toThrow('need 2σ_b > z = 2');
  }, 60_000);
});
