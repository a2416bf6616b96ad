import { afterEach, describe, expect, it } from 'vitest';
import { epsilonFor } from '@conclave/dp';
import { serve } from '@conclave/server';
import pino from 'pino';
import { denseTask, expectLearnedUnderDp, startHarness, waitForTask, type Harness } from './helpers.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const privacy = { mode: 'central', targetEpsilon: 5, delta: 1e-3, clipNorm: 1 };

/** Waits for `rounds` committed rounds, then stops the coordinator and starts another on the same data. */
async function restartAfter(h: Harness, taskId: string, rounds: number) {
  await waitForTask(h.server, taskId, (s) => s.roundsDone >= rounds, 60_000);
  const before = await h.server.coordinator.taskStatus(taskId);
  const { dataDir, port } = { dataDir: h.dataDir, port: h.server.port };
  await h.server.close();
  const again = await serve({ dataDir, port, logger: pino({ level: 'silent' }) });
  return { before, again };
}

describe('central differential privacy (DP-FedAvg)', () => {
  it('samples, noises and accounts every round, and stops when the budget is spent', async () => {
    h = await startHarness();
    const clients = [];
    for (let i = 0; i < 8; i++) clients.push(await h.addClient());
    // A given noise multiplier and more rounds than the budget allows: the task must stop itself.
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, {
        rounds: 50,
        cohort: { goal: 4, minimum: 1 },
        timeouts: { selectionMs: 100, roundMs: 10_000 },
        privacy: { ...privacy, noiseMultiplier: 0.8 },
        secureAggregation: { enabled: false },
        maxConsecutiveFailures: 50,
      }),
    );
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running', 60_000);
    expect(done.status).toBe('stopped');
    expect(done.statusReason).toMatch(/^privacy budget spent: ε = \d\.\d{3} of 5 at δ = 0\.001 after \d+ rounds; one more round would reach ε = \d\.\d{3}$/);
    const p = done.privacy!;
    expect(p.samplingRate).toBe(0.5);
    expect(p.population).toBe(8);
    // ε spent equals an independent computation for the rounds that ran.
    const expected = epsilonFor({ samplingRate: 0.5, noiseMultiplier: 0.8, steps: done.roundsDone, delta: 1e-3 }).epsilon;
    expect(p.epsilonSpent).toBeCloseTo(expected, 9);
    expect(p.epsilonSpent).toBeLessThanOrEqual(5);
    expect(epsilonFor({ samplingRate: 0.5, noiseMultiplier: 0.8, steps: done.roundsDone + 1, delta: 1e-3 }).epsilon).toBeGreaterThan(5);
    // Each committed round records the ε spent so far, in the same transaction as its model.
    const rounds = (await h.server.coordinator.store.listRounds(taskId)).filter((r) => r.status === 'committed');
    expect(rounds.map((r) => r.metrics!.epsilonSpent)).toEqual(
      rounds.map((_, i) => expect.closeTo(epsilonFor({ samplingRate: 0.5, noiseMultiplier: 0.8, steps: i + 1, delta: 1e-3 }).epsilon, 9)),
    );
  });

  it('derives the noise from the target, and a restarted coordinator resumes with the same ε spent', async () => {
    h = await startHarness();
    for (let i = 0; i < 6; i++) await h.addClient();
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, { rounds: 4, cohort: { goal: 3, minimum: 1 }, timeouts: { selectionMs: 100, roundMs: 10_000 }, privacy, maxConsecutiveFailures: 50, secureAggregation: { enabled: false } }),
    );
    const status = await h.server.coordinator.taskStatus(taskId);
    expect(status.privacy!.samplingRate).toBe(0.5);
    // Calibrated so that exactly the planned rounds and the final evaluation round (noised and
    // accounted like a round) spend the target.
    expect(epsilonFor({ samplingRate: 0.5, noiseMultiplier: status.privacy!.noiseMultiplier, steps: 4 + 1, delta: 1e-3 }).epsilon).toBeCloseTo(5, 6);
    const { before, again } = await restartAfter(h, taskId, 2);
    try {
      const resumed = await again.coordinator.taskStatus(taskId);
      expect(resumed.roundsDone).toBe(before.roundsDone);
      expect(resumed.privacy!.epsilonSpent).toBe(before.privacy!.epsilonSpent);
      const done = await waitForTask(again, taskId, (s) => s.status !== 'running', 60_000);
      expect(done.status).toBe('completed');
      expect(done.privacy!.epsilonSpent).toBeCloseTo(5, 6);
    } finally {
      await again.close();
    }
  });

  it('learns through secure aggregation with DP: clipped, weight-1 updates, noised sum over the expected cohort', async () => {
    h = await startHarness();
    for (let i = 0; i < 6; i++) await h.addClient();
    // Generous ε, so the test checks the arithmetic of the DP path rather than DP's utility cost.
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, {
        rounds: 6,
        cohort: { goal: 5, minimum: 3 },
        timeouts: { selectionMs: 100, roundMs: 10_000 },
        privacy: { mode: 'central', targetEpsilon: 100, delta: 1e-3, clipNorm: 2, noiseMultiplier: 0.3 },
        training: { localEpochs: 2, batchSize: 16, clientLearningRate: 0.5 },
        maxConsecutiveFailures: 50,
      }),
    );
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running', 60_000);
    expect(done.status).toBe('completed');
    expect(done.lastMetrics!.kind).toBe('evaluate');
    // The noised, clipped, securely summed updates learn.
    await expectLearnedUnderDp(h.server, taskId, done.lastMetrics!.evalAccuracy);
    // Participation was Poisson-sampled, with every device weighted 1.
    const first = (await h.server.coordinator.store.listRounds(taskId)).find((r) => r.status === 'committed')!;
    expect(first.metrics!.examples).toBe(first.metrics!.participants);
  });

  it('adapts the clip norm to the target quantile from a privatized count, accounted, and resumes it after a restart', async () => {
    h = await startHarness();
    for (let i = 0; i < 6; i++) await h.addClient();
    const adaptive = { initialClipNorm: 0.001, targetQuantile: 0.5, learningRate: 0.5, countStddev: 0.5 };
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, {
        rounds: 6,
        cohort: { goal: 5, minimum: 3 },
        timeouts: { selectionMs: 100, roundMs: 10_000 },
        privacy: { mode: 'central', targetEpsilon: 100, delta: 1e-3, adaptive, noiseMultiplier: 0.5 },
        maxConsecutiveFailures: 50,
      }),
    );
    const created = (await h.server.coordinator.taskStatus(taskId)).privacy!;
    expect(created.adaptiveClipping).toBe(true);
    expect(created.clipNorm).toBeCloseTo(0.001, 9);
    const { before, again } = await restartAfter(h, taskId, 3);
    try {
      // The clip norm the last committed round chose survives the restart.
      expect((await again.coordinator.taskStatus(taskId)).privacy!.clipNorm).toBe(before.privacy!.clipNorm);
      const done = await waitForTask(again, taskId, (s) => s.status !== 'running', 60_000);
      expect(done.status).toBe('completed');
      const rounds = (await again.coordinator.store.listRounds(taskId)).filter((r) => r.status === 'committed' && r.kind === 'train');
      expect(rounds).toHaveLength(6);
      // Every update of norm ≫ 0.001 is clipped at first: the noised unclipped fraction sits near 0
      // and the norm grows by about e^{0.5·0.5} a round; each round uses the norm the previous chose.
      expect(rounds[0]!.metrics!.clipNorm).toBeCloseTo(0.001, 9);
      for (let i = 1; i < rounds.length; i++) expect(rounds[i]!.metrics!.clipNorm).toBe(rounds[i - 1]!.metrics!.nextClipNorm);
      for (const r of rounds) {
        const m = r.metrics!;
        expect(m.nextClipNorm).toBeCloseTo(Math.fround(m.clipNorm! * Math.exp(-0.5 * (m.unclippedFraction! - 0.5))), 6);
      }
      expect(rounds.at(-1)!.metrics!.clipNorm).toBeGreaterThan(0.001 * 1.5);
      // One accounted Gaussian step per round at the task's z; the count's noise is part of it.
      const p = done.privacy!;
      // Six training rounds and the final evaluation round, which is noised and accounted too.
      expect(p.epsilonSpent).toBeCloseTo(epsilonFor({ samplingRate: p.samplingRate, noiseMultiplier: 0.5, steps: 6 + 1, delta: 1e-3 }).epsilon, 9);
    } finally {
      await again.close();
    }
  });

  it('adaptive clipping without secure aggregation: the indicator travels as one more value of the update', async () => {
    h = await startHarness();
    for (let i = 0; i < 4; i++) await h.addClient();
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, {
        rounds: 3,
        cohort: { goal: 4, minimum: 2 },
        timeouts: { selectionMs: 100, roundMs: 10_000 },
        secureAggregation: { enabled: false },
        privacy: { mode: 'central', targetEpsilon: 100, delta: 1e-3, adaptive: { initialClipNorm: 100, countStddev: 0.15 }, noiseMultiplier: 0.2 },
        evaluation: { finalRound: false },
        maxConsecutiveFailures: 50,
      }),
    );
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running', 60_000);
    expect(done.status).toBe('completed');
    const rounds = (await h.server.coordinator.store.listRounds(taskId)).filter((r) => r.status === 'committed');
    // Every update fits under 100: the unclipped fraction is about 1, and the norm shrinks.
    for (const r of rounds) expect(r.metrics!.nextClipNorm!).toBeLessThan(r.metrics!.clipNorm!);
    expect(rounds[0]!.metrics!.unclippedFraction).toBeGreaterThan(0.5);
  });

  it('refuses privacy settings it cannot honour, naming them', async () => {
    h = await startHarness();
    await h.addClient();
    await expect(h!.server.coordinator.createTask({ name: 'x' })).rejects.toThrow(/^invalid task: purpose: Required; stream: Required/);
    const tooFew = await denseTask(8, { cohort: { goal: 3, minimum: 3 }, privacy });
    await expect(h!.server.coordinator.createTask(tooFew)).rejects.toThrow(
      'invalid task: privacy.population: 1 device (enrolled now, or privacy.population) cannot give a cohort goal of 3; Poisson sampling needs population ≥ goal',
    );
    const plain = await denseTask(8, { privacy: { ...privacy, mode: 'distributed' }, secureAggregation: { enabled: false } });
    await expect(h!.server.coordinator.createTask(plain)).rejects.toThrow('privacy.mode: privacy.mode "distributed" adds the noise on the devices under secure aggregation; enable secureAggregation or use "central"');
    const both = await denseTask(8, { privacy: { ...privacy, adaptive: {} } });
    await expect(h!.server.coordinator.createTask(both)).rejects.toThrow('privacy: give exactly one of clipNorm (a fixed clip norm) and adaptive (adaptive clipping)');
    const adaptiveDistributed = await denseTask(8, { privacy: { mode: 'distributed', targetEpsilon: 5, delta: 1e-3, adaptive: {} } });
    await expect(h!.server.coordinator.createTask(adaptiveDistributed)).rejects.toThrow('adaptive clipping is only available in central mode');
    for (const [field, value] of [['samplingRate', 0.5], ['updateNoiseMultiplier', 0.01], ['distributed', { localSigma2: 1 }]] as const) {
      const derived = await denseTask(8, { cohort: { goal: 1, minimum: 1 }, secureAggregation: { enabled: false }, privacy: { ...privacy, [field]: value } });
      await expect(h!.server.coordinator.createTask(derived)).rejects.toThrow(`invalid task: privacy.${field} is set by the coordinator when the task is created; remove it from the task`);
    }
    const narrow = await denseTask(8, { secureAggregation: { clipRange: 0.25 }, privacy: { mode: 'central', targetEpsilon: 5, delta: 1e-3, adaptive: {} } });
    await expect(h!.server.coordinator.createTask(narrow)).rejects.toThrow(
      'secureAggregation.clipRange: adaptive clipping sends ±0.5 per device through secure aggregation: secureAggregation.clipRange must be at least 0.5',
    );
    const noCountBudget = await denseTask(8, {
      cohort: { goal: 1, minimum: 1 },
      secureAggregation: { enabled: false },
      privacy: { mode: 'central', targetEpsilon: 5, delta: 1e-3, adaptive: { countStddev: 0.1 }, noiseMultiplier: 1 },
    });
    await expect(h!.server.coordinator.createTask(noCountBudget)).rejects.toThrow(
      'invalid task: privacy.adaptive.countStddev: 0.1 leaves no noise budget for the update; it must exceed half the noise multiplier (0.5000)',
    );
  });
});
