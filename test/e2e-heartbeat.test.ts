import { afterEach, expect, it } from 'vitest';
import { createClient, createWorkerTrainer } from '@conclave/client-sdk';
import { denseTask, separablePoints, startHarness, waitForTask, type Harness } from './helpers.ts';

let h: Harness | undefined;
const trainer = createWorkerTrainer({ threads: 2 });
afterEach(async () => {
  await h?.close();
  h = undefined;
});

// Training for far longer than the heartbeat interval: because the SDK trains in a worker
// thread, its event loop keeps answering pings, so the device is never taken for a disconnect.
it('long local training is not mistaken for a disconnect', async () => {
  h = await startHarness({ heartbeatMs: 40 });
  const taskId = await h.server.coordinator.createTask(
    await denseTask(8, { rounds: 1, training: { localEpochs: 60, batchSize: 4, clientLearningRate: 0.1 }, cohort: { goal: 3, minimum: 3, overSelection: 1 }, evaluation: { finalRound: false }, secureAggregation: { maliciousServer: false } }),
  );
  // The harness's approver pinned and its explicit small-cohort options, like every harness device.
  const clients = [1, 2, 3].map(() => createClient({ url: h!.server.deviceUrl, trainer, enrollmentToken: h!.token(), approverKeys: [h!.approver.publicKey], ...h!.clientOptions }));
  const progress: number[] = [];
  for (const [i, c] of clients.entries()) {
    await c.consent.grant('points');
    for (const e of separablePoints(100, 8, i + 10)) await c.record('points', e);
    c.on('trained', (t) => progress.push(t.ms));
    await c.start();
  }
  const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
  await Promise.all(clients.map((c) => c.stop()));
  await trainer.close();
  expect(done.status).toBe('completed');
  expect((await h.server.coordinator.store.participation(taskId, 1)).map((p) => p.deviceId).sort()).toEqual(clients.map((c) => c.deviceId).sort());
  // Each device trained for many heartbeat intervals.
  expect(Math.min(...progress)).toBeGreaterThan(4 * 40);
});
