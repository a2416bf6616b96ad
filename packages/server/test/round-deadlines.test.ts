/**
 * Every deadline of a round, through the coordinator, on a fake clock: selection (uniform and
 * Poisson), the secure-aggregation phases, and reporting. Devices are simulated in memory and
 * speak the protocol with the real SecAgg+ client; time moves only when the test moves it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { coordinatorHarness, task } from './helpers/coordinator-harness.ts';

let h: Awaited<ReturnType<typeof coordinatorHarness>> | undefined;
afterEach(() => {
  h?.close();
  h = undefined;
});

describe('selection deadline', () => {
  it('waits for devices until selectionMs, aborts with the reason, opens the next attempt, and fails after maxConsecutiveFailures', async () => {
    h = await coordinatorHarness();
    const id = await h.coordinator.createTask(task({ cohort: { goal: 3, minimum: 3 }, maxConsecutiveFailures: 2 }));
    h.devices(1)[0]!.connect();
    const waiting = await h.coordinator.taskStatus(id);
    expect(waiting).toMatchObject({ phase: 'selecting', round: 1 });
    expect(waiting.waitingFor).toBe('devices: 1 of 4 wanted (minimum 3) eligible for stream "points"; selection times out in 1 s');
    h.clock.advance(999);
    expect(await h.store.listRounds(id)).toEqual([]);
    h.clock.advance(1);
    const reason = 'selection timed out after 1 s: 1 eligible device checked in for stream "points", minimum is 3';
    expect(await h.store.listRounds(id)).toMatchObject([{ round: 1, status: 'aborted', reason }]);
    expect(await h.coordinator.taskStatus(id)).toMatchObject({ status: 'running', phase: 'selecting', round: 1, lastAbortReason: reason, consecutiveFailures: 1 });
    h.clock.advance(1000);
    expect(await h.coordinator.taskStatus(id)).toMatchObject({ status: 'failed', statusReason: `2 consecutive rounds failed; last: ${reason}` });
    expect(h.clock.pending().filter((t) => t < 1e9)).toEqual([]);
  });

  it('under DP samples only at the deadline, however many devices wait', async () => {
    h = await coordinatorHarness();
    const privacy = { mode: 'central', targetEpsilon: 20, delta: 1e-3, clipNorm: 1, noiseMultiplier: 1, population: 4 };
    const id = await h.coordinator.createTask(task({ cohort: { goal: 4, minimum: 3 }, privacy }));
    const ds = h.devices(4).map((d) => d.connect());
    // The check-ins are handled asynchronously (the store is): wait until all four wait to be sampled.
    await h.events.until(async () => (await h!.coordinator.taskStatus(id)).waitingFor?.startsWith('devices: 4 of') === true);
    h.clock.advance(999);
    expect(ds.flatMap((d) => d.all('selected'))).toEqual([]);
    h.clock.advance(1);
    // q = goal / population = 1: every device is in the sample.
    await h.events.until(() => ds.every((d) => d.all('selected').length > 0));
    expect(ds.map((d) => d.all('selected').length)).toEqual([1, 1, 1, 1]);
    expect(ds[0]!.all('selected')[0]!.plan).toMatchObject({ samplingRate: 1, clipNorm: 1 });
  });
});

describe('reporting deadline', () => {
  it('commits with the reports in at roundMs when the minimum is met, and aborts below it', async () => {
    h = await coordinatorHarness();
    const id = await h.coordinator.createTask(task({ cohort: { goal: 3, minimum: 2, overSelection: 1 }, rounds: 2 }));
    const [d1, d2, d3] = h.devices(3);
    d3!.behaviour = { silentAt: 'upload' };
    for (const d of [d1!, d2!, d3!]) d.connect();
    await h.events.until(async () => (await h!.coordinator.taskStatus(id)).cohort?.reported === 2);
    expect((await h.coordinator.taskStatus(id)).waitingFor).toBe('reports: 2 of goal 3 (minimum 2) received; round times out in 5 s');
    // In round 2 only device 1 will report.
    d2!.behaviour = { silentAt: 'upload' };
    h.clock.advance(4999);
    expect(await h.store.listRounds(id)).toEqual([]);
    h.clock.advance(1);
    expect(await h.store.listRounds(id)).toMatchObject([{ round: 1, status: 'committed', metrics: { participants: 2, selected: 3, durationMs: 5000 } }]);
    // The silent device is cut off when the deadline ends reporting (before the commit), and told why.
    expect(d3!.all('roundClosed')).toMatchObject([{ round: 1, reason: 'round 1 passed its report deadline' }]);
    await h.events.until(async () => (await h!.coordinator.taskStatus(id)).cohort?.reported === 1);
    h.clock.advance(5000);
    expect((await h.store.listRounds(id)).at(-1)).toMatchObject({ round: 2, status: 'aborted', reason: 'round 2 timed out after 5 s: 1 of minimum 2 devices reported' });
    // The task goes on: a new attempt at round 2 selects the devices again.
    await h.events.until(async () => (await h!.coordinator.taskStatus(id)).phase === 'reporting');
    expect(await h.coordinator.taskStatus(id)).toMatchObject({ status: 'running', phase: 'reporting', round: 2, consecutiveFailures: 1 });
  });
});

describe('secure-aggregation phase deadlines through the coordinator', () => {
  it('a device silent in AdvertiseKeys is left behind at phaseTimeoutMs; the round unmasks the others at its report deadline', async () => {
    h = await coordinatorHarness();
    const id = await h.coordinator.createTask(
      task({ cohort: { goal: 4, minimum: 3, overSelection: 1 }, timeouts: { selectionMs: 1000, roundMs: 60_000 }, secureAggregation: { enabled: true, maliciousServer: false, phaseTimeoutMs: 2000 } }),
    );
    const ds = h.devices(4);
    ds[3]!.behaviour = { silentAt: 'advertise-keys' };
    ds.forEach((d) => d.connect());
    await h.events.until(() => ds.every((d) => d.all('selected').length === 1));
    await Promise.all(ds.map((d) => d.idle()));
    h.clock.advance(1999);
    expect(ds.flatMap((d) => d.all('secagg'))).toEqual([]);
    h.clock.advance(1);
    // The three that advertised get the keys and go on by themselves: ShareKeys closes as soon as all three answered.
    await h.events.until(async () => (await h!.coordinator.taskStatus(id)).cohort?.reported === 3);
    expect(ds[3]!.all('secagg')).toEqual([]);
    expect(await h.store.listRounds(id)).toEqual([]);
    // Device 4 is still expected to report until the round's deadline.
    h.clock.advance(60_000 - 2000);
    await h.events.until(() => h!.ends.length === 1);
    expect(await h.store.listRounds(id)).toMatchObject([{ round: 1, status: 'committed', metrics: { participants: 3, selected: 4, examples: 30 } }]);
    expect((await h.store.participation(id, 1)).map((p) => p.deviceId)).toEqual(['device-1', 'device-2', 'device-3']);
  });
});
