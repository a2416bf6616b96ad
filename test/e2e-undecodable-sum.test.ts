import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ORDERS, PrivacyAccountant, computeDistributedRdp, rdpToEpsilon, type DistributedDpPlan } from '@conclave/dp';
import { denseTask, startHarness, waitForTask, type Harness } from './helpers.ts';

// A device outside the protocol's rules can make a securely aggregated sum undecodable (the
// SDK cannot). Stand-in: the first decode of each kind fails the way a bad sum makes it fail.
const failures = vi.hoisted(() => ({ weighted: 1, distributed: 1 }));
vi.mock('@conclave/secagg', async (importOriginal) => {
  const secagg = await importOriginal<typeof import('@conclave/secagg')>();
  return {
    ...secagg,
    dequantizeWeightedMean: ((...args: Parameters<typeof secagg.dequantizeWeightedMean>) => {
      if (failures.weighted-- > 0) throw new secagg.SecAggError('OVERFLOW_RISK', 'sum entry 3 is 4294967295, above the 50331645 that 3 survivors can produce');
      return secagg.dequantizeWeightedMean(...args);
    }) as typeof secagg.dequantizeWeightedMean,
  };
});
vi.mock('@conclave/dp', async (importOriginal) => {
  const dp = await importOriginal<typeof import('@conclave/dp')>();
  return {
    ...dp,
    decodeDistributedSum: ((...args: Parameters<typeof dp.decodeDistributedSum>) => {
      if (failures.distributed-- > 0) throw new dp.DpError('INVALID_ARGUMENT', 'sum has 7 entries, expected 16');
      return dp.decodeDistributedSum(...args);
    }) as typeof dp.decodeDistributedSum,
  };
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('a securely aggregated sum that cannot be decoded', () => {
  it('loses only its round: the coordinator stays up and the task goes on', async () => {
    h = await startHarness();
    for (let i = 0; i < 3; i++) await h.addClient();
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, { rounds: 2, timeouts: { selectionMs: 200, roundMs: 10_000 }, evaluation: { finalRound: false } }),
    );
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running', 60_000);
    expect(done.status).toBe('completed');
    const rounds = await h.server.coordinator.store.listRounds(taskId);
    const undecodable = rounds.filter((r) => r.reason.startsWith('secure aggregation produced a sum that cannot be decoded'));
    expect(undecodable).toHaveLength(1);
    expect(undecodable[0]).toMatchObject({ status: 'aborted', reason: expect.stringMatching(/decoded: sum entry 3 is 4294967295/) });
    expect(rounds.filter((r) => r.status === 'committed')).toHaveLength(2);
  });

  it('in distributed DP still counts the ε of the revealed sum', async () => {
    h = await startHarness();
    for (let i = 0; i < 4; i++) await h.addClient();
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, {
        rounds: 2,
        cohort: { goal: 4, minimum: 3 },
        timeouts: { selectionMs: 200, roundMs: 10_000 },
        evaluation: { finalRound: false },
        // Room for the rounds lost on the way (a device counts every round its update left it for).
        privacy: { mode: 'distributed', targetEpsilon: 100, delta: 1e-3, clipNorm: 1, noiseMultiplier: 0.5, participationLimit: 20 },
        maxConsecutiveFailures: 50,
      }),
    );
    const plan = (await h.server.coordinator.store.getTask(taskId))!.spec.privacy!.distributed as unknown as DistributedDpPlan;
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running', 60_000);
    expect(done.status, `${done.statusReason} / ${done.lastAbortReason}`).toBe('completed');
    const rounds = await h.server.coordinator.store.listRounds(taskId);
    const undecodable = rounds.filter((r) => r.reason.startsWith('secure aggregation produced a sum that cannot be decoded'));
    expect(undecodable).toHaveLength(1);
    // Two committed rounds and the undecodable one: three rounds' worth of ε.
    expect(rounds.filter((r) => r.status === 'committed')).toHaveLength(2);
    // The accountant charged all three revealed sums (the released model's figure composes them
    // amplified); against the coordinator a device is in at most its participation limit of them.
    expect(PrivacyAccountant.fromJSON((await h.server.coordinator.store.getPrivacyState(taskId))!).steps).toBe(3);
    const limit = done.privacy!.participationLimit;
    const perRound = computeDistributedRdp({ samplingRate: 1, plan, steps: 1 });
    const expected = rdpToEpsilon({ orders: DEFAULT_ORDERS, rdp: perRound.map((r) => r * Math.min(3, limit)), delta: 1e-3 }).epsilon;
    expect(done.privacy!.epsilonSpent).toBeCloseTo(expected, 9);
    expect(done.privacy!.epsilonAgainstCoordinator).toBe(done.privacy!.epsilonSpent);
    expect(done.privacy!.epsilonForReleasedModel).toBeLessThanOrEqual(done.privacy!.epsilonSpent);
  });
});
