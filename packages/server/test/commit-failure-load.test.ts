/**
 * Store failures during commits under load (issue 15 item 5): four tasks, plain and under SecAgg+,
 * run their rounds at once over one pool of sixteen devices while the real SQLite store refuses
 * every third round row it is asked to write as committed (a trigger added through a second
 * connection, as a disk filling up now and then would). Each failure aborts only its own round
 * with its reason; every task goes on and completes each round exactly once.
 */
import { afterEach, expect, it } from 'vitest';
import { coordinatorHarness, task } from './helpers/coordinator-harness.ts';

// Every third row the rounds table would hold: a commit landing there is refused (the aborted
// row written instead moves the count on, so the retry commits).
const FAIL_EVERY_THIRD_COMMIT = `CREATE TRIGGER fail_some_commits BEFORE INSERT ON rounds
  WHEN NEW.status = 'committed' AND (SELECT count(*) FROM rounds) % 3 = 1
  BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`;

let h: Awaited<ReturnType<typeof coordinatorHarness>> | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

it('four tasks at once, commits failing now and then: each failure aborts only its round, every task completes every round once', async () => {
  h = await coordinatorHarness();
  h.db.exec(FAIL_EVERY_THIRD_COMMIT);
  const secure = { enabled: true, maliciousServer: false, phaseTimeoutMs: 2000 };
  const ids: string[] = [];
  for (let i = 0; i < 4; i++) {
    ids.push(
      await h.coordinator.createTask(
        task({ name: `load ${i}`, rounds: 3, maxConsecutiveFailures: 5, timeouts: { selectionMs: 1000, roundMs: 60_000 }, ...(i % 2 ? { secureAggregation: secure } : {}) }),
      ),
    );
  }
  const devices = h.devices(16);
  devices.forEach((d) => d.connect());
  const finished = async () => (await Promise.all(ids.map((id) => h!.coordinator.taskStatus(id)))).every((s) => s.status !== 'running');
  await h.events.until(finished);

  let aborted = 0;
  for (const id of ids) {
    expect(await h.coordinator.taskStatus(id)).toMatchObject({ status: 'completed', roundsDone: 3, modelVersion: 3 });
    const rounds = await h.store.listRounds(id);
    const committed = rounds.filter((r) => r.status === 'committed');
    expect(committed.map((r) => [r.round, r.modelVersionIn, r.modelVersionOut])).toEqual([
      [1, 0, 1],
      [2, 1, 2],
      [3, 2, 3],
    ]);
    for (const r of rounds.filter((r) => r.status === 'aborted')) {
      expect(r.reason).toBe('commit failed: database or disk is full');
      aborted += 1;
    }
    for (const r of committed) {
      const who = (await h.store.participation(id, r.round)).map((p) => p.deviceId);
      expect(new Set(who).size).toBe(3);
    }
  }
  // The trigger fired in several tasks' rounds, and no device was blamed for it.
  expect(aborted).toBeGreaterThanOrEqual(3);
  expect(devices.flatMap((d) => d.errors)).toEqual([]);
}, 60_000);
