/**
 * Round attempts and late reports (issue 15 items 8 and 9, PROTOCOL.md §6), on a fake clock with
 * devices in memory: an aborted round is retried under the same number with a new attempt id, a
 * message from the aborted attempt is late (never a replay that drops an honest device), a
 * device cut off at the goal is told so and what it sends afterwards is late, not an error; one
 * device identity holds one session.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { routeRoundMessage } from '../src/round/attempt.ts';
import { coordinatorHarness, task } from './helpers/coordinator-harness.ts';
import { MemoryDevice } from './helpers/memory-device.ts';

let h: Awaited<ReturnType<typeof coordinatorHarness>> | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const hex = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('hex');

describe('routeRoundMessage', () => {
  const open = { round: 3, attemptId: new Uint8Array([1, 1, 1, 1, 1, 1, 1, 1]), reporting: true };
  const other = new Uint8Array([2, 2, 2, 2, 2, 2, 2, 2]);
  it('routes only the running attempt; earlier attempts and closed rounds are late; rounds to come are refused', () => {
    expect(routeRoundMessage(open, { taskId: 't', round: 3, attemptId: open.attemptId })).toEqual({ kind: 'current' });
    expect(routeRoundMessage(open, { taskId: 't', round: 3, attemptId: other })).toEqual({
      kind: 'late',
      reason: 'round 3 of task t closed before this message arrived (attempt 0202020202020202, the round now runs attempt 0101010101010101)',
    });
    expect(routeRoundMessage(open, { taskId: 't', round: 3, attemptId: undefined })).toMatchObject({ kind: 'late' });
    expect(routeRoundMessage(open, { taskId: 't', round: 2, attemptId: open.attemptId })).toEqual({ kind: 'late', reason: 'round 2 of task t closed before this message arrived' });
    expect(routeRoundMessage(undefined, { taskId: 't', round: 9, attemptId: other })).toMatchObject({ kind: 'late' });
    expect(routeRoundMessage(open, { taskId: 't', round: 4, attemptId: other })).toEqual({ kind: 'refuse', reason: 'round 4 of task t has not started; the task is in round 3' });
    expect(routeRoundMessage({ ...open, reporting: false }, { taskId: 't', round: 3, attemptId: open.attemptId })).toMatchObject({ kind: 'refuse' });
  });
});

describe('an aborted round is retried under a new attempt id', () => {
  it('a secure-aggregation message from the aborted attempt is late: the honest device is not dropped as a replay, and the retry commits with it', async () => {
    h = await coordinatorHarness();
    const id = await h.coordinator.createTask(
      task({ cohort: { goal: 3, minimum: 3, overSelection: 1 }, timeouts: { selectionMs: 1000, roundMs: 60_000 }, secureAggregation: { enabled: true, maliciousServer: false, phaseTimeoutMs: 2000 } }),
    );
    const ds = h.devices(3);
    // Attempt 1: nobody advertises keys in time, so it aborts at the phase deadline.
    for (const d of ds) d.behaviour = { silentAt: 'advertise-keys' };
    ds.forEach((d) => d.connect());
    await h.events.until(() => ds.every((d) => d.all('selected').length === 1));
    const first = ds[0]!.all('selected')[0]!;
    for (const d of ds) d.behaviour = {};
    h.clock.advance(2000);
    await h.events.until(() => h!.ends.length === 1);
    expect(h.ends[0]).toMatchObject({ outcome: 'aborted', round: 1 });
    // Attempt 2 of round 1: the same number, a new attempt id and a new secure-aggregation round id.
    await h.events.until(() => ds.every((d) => d.all('selected').length === 2));
    const second = ds[0]!.all('selected')[1]!;
    expect(second.round).toBe(1);
    expect(hex(second.attemptId)).toHaveLength(16);
    expect(hex(second.attemptId)).not.toBe(hex(first.attemptId));
    // Device 1's key advertisement for attempt 1, slow on the network, arrives now.
    h.coordinator.handle(ds[0]!.session, {
      body: 'secagg',
      message: { taskId: id, round: 1, attemptId: first.attemptId, roundId: first.secagg!.roundId, advertiseKeys: { encryptionPublicKey: new Uint8Array(32).fill(9), maskingPublicKey: new Uint8Array(32).fill(8) } },
    });
    expect(ds[0]!.lates).toMatchObject([{ context: { taskId: id, round: 1 }, reason: expect.stringContaining('closed before this message arrived') }]);
    expect(hex(ds[0]!.lates[0]!.context.attemptId)).toBe(hex(first.attemptId));
    await h.events.until(() => h!.ends.length === 2);
    expect(h.ends[1]).toMatchObject({ outcome: 'committed', round: 1 });
    expect(ds.flatMap((d) => d.errors)).toEqual([]);
    expect((await h.store.participation(id, 1)).map((p) => p.deviceId)).toEqual(['device-1', 'device-2', 'device-3']);
  });
});

describe('devices selected beyond the goal', () => {
  it('are told the round closed when the goal is reached, and what they send afterwards is a late report, not an error', async () => {
    h = await coordinatorHarness();
    const id = await h.coordinator.createTask(task({ cohort: { goal: 2, minimum: 2, overSelection: 1.5 }, rounds: 2 }));
    const ds = h.devices(3);
    ds[2]!.behaviour = { silentAt: 'upload' };
    ds.forEach((d) => d.connect());
    await h.events.until(() => h!.ends.length === 1);
    const late = ds[2]!;
    expect(late.all('roundClosed')[0]).toMatchObject({ taskId: id, round: 1, reason: 'round 1 reached its goal of 2 reports' });
    expect(late.all('roundClosed')[0]!.late).toBeFalsy();
    expect(hex(late.all('roundClosed')[0]!.attemptId)).toBe(hex(late.all('selected')[0]!.attemptId));
    // Its update, computed meanwhile, arrives after the round committed: late, once per attempt, never an error.
    const start = { taskId: id, round: 1, attemptId: late.all('selected')[0]!.attemptId, modelVersion: 0, numExamples: 10, updateBytes: 16 };
    h.coordinator.handle(late.session, { body: 'uploadStart', message: start });
    h.coordinator.handle(late.session, { body: 'uploadChunk', message: { taskId: id, round: 1, attemptId: start.attemptId, offset: 0, data: new Uint8Array(16) } });
    expect(late.lates).toHaveLength(2);
    expect(late.errors).toEqual([]);
    expect(ds.flatMap((d) => d.errors)).toEqual([]);
  });
});

describe('one session per device identity', () => {
  it('a newer session replaces the older, which is closed with SESSION_REPLACED and leaves its round; the identity is selected once', async () => {
    h = await coordinatorHarness();
    const id = await h.coordinator.createTask(task({ cohort: { goal: 2, minimum: 2, overSelection: 1 } }));
    const [a] = h.devices(1);
    // Device 1 connects twice (a second copy of its key, or a reconnect before the old socket died).
    const twin = new MemoryDevice('device-1', h.coordinator, h.events, 'session-device-1-again');
    a!.connect();
    twin.connect();
    expect(a!.errors).toEqual([{ code: 'SESSION_REPLACED', message: 'a newer session of device device-1 replaced this one' }]);
    expect(h.coordinator.connectedDevices).toBe(1);
    // Alone, the identity cannot fill a cohort of two.
    h.clock.advance(1000);
    await h.events.until(() => h!.ends.length === 1);
    expect(h.ends[0]).toMatchObject({ outcome: 'aborted' });
    expect((await h.store.listRounds(id))[0]!.reason).toContain('1 eligible device checked in');
    const [, b] = h.devices(2);
    b!.connect();
    await h.events.until(() => h!.ends.length === 2);
    expect(h.ends[1]).toMatchObject({ outcome: 'committed' });
    expect((await h.store.participation(id, 1)).map((p) => p.deviceId).sort()).toEqual(['device-1', 'device-2']);
    expect(twin.all('selected')).toHaveLength(1);
    expect(a!.all('selected').slice(1)).toEqual([]);
  });
});
