import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ORDERS, PrivacyAccountant, computeDistributedRdp, rdpToEpsilon, type DistributedDpPlan } from '@conclave/dp';
import { denseTask, expectLearnedUnderDp, startHarness, waitForTask, type Harness } from './helpers.ts';

// Every continuous Gaussian draw in this process goes through these two functions: counting
// them shows that in distributed mode the coordinator adds no noise of its own.
const noise = vi.hoisted(() => ({ calls: 0 }));
vi.mock('@conclave/dp', async (importOriginal) => {
  const dp = await importOriginal<typeof import('@conclave/dp')>();
  return {
    ...dp,
    addGaussianNoise: ((...args: Parameters<typeof dp.addGaussianNoise>) => {
      noise.calls += 1;
      return dp.addGaussianNoise(...args);
    }) as typeof dp.addGaussianNoise,
    gaussianNoise: ((...args: Parameters<typeof dp.gaussianNoise>) => {
      noise.calls += 1;
      return dp.gaussianNoise(...args);
    }) as typeof dp.gaussianNoise,
  };
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A participant's ledger entries (written just after the bytes leave, so poll briefly). */
async function ledgerEntries(h: Harness) {
  for (let i = 0; i < 200; i++) {
    const all = (await Promise.all(h.clients.map((c) => c.ledger.entries()))).flat();
    if (all.length > 0) return all;
    await new Promise((r) => setTimeout(r, 10));
  }
  return [];
}

describe('distributed differential privacy (discrete Gaussian under secure aggregation)', () => {
  it('devices add their noise shares before masking, the coordinator adds none, and ε is accounted at the cohort minimum', async () => {
    h = await startHarness();
    for (let i = 0; i < 6; i++) await h.addClient();
    noise.calls = 0;
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, {
        rounds: 6,
        cohort: { goal: 5, minimum: 3 },
        timeouts: { selectionMs: 100, roundMs: 10_000 },
        privacy: { mode: 'distributed', targetEpsilon: 100, delta: 1e-3, clipNorm: 2, noiseMultiplier: 0.3 },
        training: { localEpochs: 2, batchSize: 16, clientLearningRate: 0.5 },
        // The final evaluation is noised too: a device's sums count at most 4 held-out points.
        evaluation: { evalFraction: 0.2, finalRound: true, maxExamplesPerDevice: 4 },
        maxConsecutiveFailures: 50,
      }),
    );
    const plan = (await h.server.coordinator.store.getTask(taskId))!.spec.privacy!.distributed as unknown as DistributedDpPlan;
    // The rotation pads the 9 weights (8 + bias) to 16; the noise shares add up to z at 3 devices.
    expect(plan.paddedDimension).toBe(16);
    expect(plan.minClients).toBe(3);
    expect(plan.effectiveNoiseMultiplier).toBeCloseTo(0.3, 3);
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running', 60_000);
    expect(done.status).toBe('completed');
    // Rotated, rounded, noised, masked updates learn.
    await expectLearnedUnderDp(h.server, taskId, done.lastMetrics!.evalAccuracy);
    expect(noise.calls).toBe(0);
    const p = done.privacy!;
    expect(p.mode).toBe('distributed');
    expect(p.deviceNoiseStddev).toBeCloseTo((0.3 * 2) / Math.sqrt(3), 2);
    expect(p.wrapProbabilityBound).toBeLessThan(1e-6);
    const rounds = (await h.server.coordinator.store.listRounds(taskId)).filter((r) => r.status === 'committed' && r.kind === 'train');
    expect(rounds).toHaveLength(6);
    for (const r of rounds) {
      // Every device weighs 1, and no coordinate of any sum left the planned range.
      expect(r.metrics!.examples).toBe(r.metrics!.participants);
      expect(r.metrics!.outOfRangeCoordinates).toBe(0);
    }
    // ε against the coordinator is the distributed discrete Gaussian's without amplification,
    // composed over the rounds one device can join (its limit and the evaluation round, each at
    // most the training round's RDP here), recomputed here; the released model's figure is lower.
    const perRound = computeDistributedRdp({ samplingRate: 1, plan, steps: 1 });
    const joined = Math.min(6 + 1, p.participationLimit + 1);
    const expected = rdpToEpsilon({ orders: DEFAULT_ORDERS, rdp: perRound.map((r) => r * joined), delta: 1e-3 }).epsilon;
    expect(p.epsilonSpent).toBeLessThanOrEqual(expected * (1 + 1e-9));
    expect(p.epsilonSpent).toBeGreaterThan(rdpToEpsilon({ orders: DEFAULT_ORDERS, rdp: perRound.map((r) => r * (joined - 1)), delta: 1e-3 }).epsilon);
    expect(p.epsilonForReleasedModel).toBeLessThanOrEqual(p.epsilonSpent);
    // Each device charged its own account with the noise it can verify: shares of 3 survivors.
    const entries = await ledgerEntries(h);
    expect(entries.length).toBeGreaterThan(0);
    for (const e of entries) expect(e.privacy!.noiseMultiplier).toBeCloseTo(0.3, 3);
  });

  it('in central mode, by contrast, the same count sees the coordinator draw its noise once a round', async () => {
    h = await startHarness();
    for (let i = 0; i < 4; i++) await h.addClient();
    noise.calls = 0;
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, {
        rounds: 2,
        cohort: { goal: 4, minimum: 3 },
        timeouts: { selectionMs: 100, roundMs: 10_000 },
        privacy: { mode: 'central', targetEpsilon: 100, delta: 1e-3, clipNorm: 2, noiseMultiplier: 0.3 },
        evaluation: { finalRound: false },
        maxConsecutiveFailures: 50,
      }),
    );
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running', 60_000);
    expect(done.status).toBe('completed');
    expect(noise.calls).toBe(2);
  });

  it('calibrates the noise shares to the target ε over the planned rounds', async () => {
    h = await startHarness();
    for (let i = 0; i < 6; i++) await h.addClient();
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, {
        rounds: 4,
        cohort: { goal: 3, minimum: 3 },
        privacy: { mode: 'distributed', targetEpsilon: 5, delta: 1e-3, clipNorm: 1 },
      }),
    );
    const plan = (await h.server.coordinator.store.getTask(taskId))!.spec.privacy!.distributed as unknown as DistributedDpPlan;
    const p = (await h.server.coordinator.taskStatus(taskId)).privacy!;
    expect(p.samplingRate).toBe(0.5);
    // Calibrated on ε against the coordinator: no amplification, over the participation limit and
    // the evaluation round.
    const steps = p.participationLimit + 1;
    const planned = rdpToEpsilon({ orders: DEFAULT_ORDERS, rdp: computeDistributedRdp({ samplingRate: 1, plan, steps }), delta: 1e-3 }).epsilon;
    expect(planned).toBeLessThanOrEqual(5);
    expect(planned).toBeGreaterThan(5 * 0.99);
  });
});
