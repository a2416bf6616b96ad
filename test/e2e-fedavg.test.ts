import { afterEach, describe, expect, it } from 'vitest';
import { denseTask, startHarness, waitForTask, type Harness } from './helpers.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('federated averaging over real sockets', () => {
  it('trains a task to completion with SDK clients, committing every round and a final evaluation', async () => {
    h = await startHarness();
    const taskId = await h.server.coordinator.createTask(await denseTask(8));
    // Each device's own training loss in round 1, as it saw it.
    const lossOf = new Map<string, number>();
    for (let i = 0; i < 5; i++) {
      const c = await h.addClient();
      c.on('trained', (e) => e.round === 1 && lossOf.set(c.deviceId, e.trainLoss));
    }
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    expect(done.status).toBe('completed');
    expect(done.roundsDone).toBe(3);
    const rounds = (await h.server.coordinator.store.listRounds(taskId)).filter((r) => r.status === 'committed');
    expect(rounds.map((r) => [r.round, r.kind])).toEqual([[1, 'train'], [2, 'train'], [3, 'train'], [4, 'evaluate']]);
    const final = rounds.at(-1)!.metrics!;
    expect(final.evalExamples).toBeGreaterThan(0);
    expect(final.evalAccuracy).toBeGreaterThan(0.8);
    // Secure aggregation is on by default: the coordinator learned only sums. It knows who took
    // part, the total example count and the devices' mean loss, but no device's update, weight
    // or loss.
    const parts = await h.server.coordinator.store.participation(taskId, 1);
    expect(parts.length).toBeGreaterThanOrEqual(3);
    expect(parts.every((p) => p.numExamples === 0)).toBe(true);
    const first = rounds[0]!.metrics!;
    expect(first.examples).toBeGreaterThan(100);
    // The mean of the survivors' losses, summed masked in fixed point (2^-16 per device).
    const losses = parts.map((p) => lossOf.get(p.deviceId)!);
    expect(first.trainLoss).toBeCloseTo(losses.reduce((a, b) => a + b, 0) / losses.length, 4);
    expect(first.evalExamples).toBeGreaterThan(0);
    expect(first.evalAccuracy).toBeGreaterThanOrEqual(0);
  });
});
