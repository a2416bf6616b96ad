/**
 * A round whose store commit fails: the real SQLite store refuses the round's insert (a trigger
 * added through a second connection, as a full disk or a broken file would), the transaction
 * rolls back, and the coordinator must abort the round with the reason and go on with the task.
 * (It used to clear the round first, so the abort returned at once and the task stayed in
 * `reporting` with no round and no timer until the coordinator restarted.)
 */
import { PrivacyAccountant, type DistributedDpPlan } from '@conclave/dp';
import { afterEach, describe, expect, it } from 'vitest';
import { coordinatorHarness, task, type RoundEnd } from './helpers/coordinator-harness.ts';
import type Database from 'better-sqlite3';

const FAIL_FIRST_COMMIT = `CREATE TRIGGER fail_commit BEFORE INSERT ON rounds WHEN NEW.status = 'committed'
  BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`;

let h: Awaited<ReturnType<typeof coordinatorHarness>> | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Fails every commit until the first round aborts, then lets the store work again; records what the store held at that moment. */
function failFirstCommit(seen: Promise<{ privacyState?: string | null; status?: unknown }>[], look: () => { privacyState: Promise<string | null>; status: unknown }) {
  return (end: RoundEnd, { db }: { db: Database.Database }) => {
    if (end.outcome !== 'aborted') return;
    // Both reads start now, before the trigger goes: what they answer is the store at this moment.
    const at = look();
    seen.push(Promise.all([at.privacyState, at.status]).then(([privacyState, status]) => ({ privacyState, status })));
    db.exec('DROP TRIGGER IF EXISTS fail_commit');
  };
}

describe('a failed store commit', () => {
  it('aborts the round with its reason, stores nothing of it, and the task goes on to the next round', async () => {
    const seen: Promise<{ privacyState?: string | null; status?: unknown }>[] = [];
    let taskId = '';
    h = await coordinatorHarness(failFirstCommit(seen, () => ({ privacyState: h!.store.getPrivacyState(taskId), status: h!.coordinator.taskStatus(taskId) })));
    h.db.exec(FAIL_FIRST_COMMIT);
    taskId = await h.coordinator.createTask(task({ cohort: { goal: 2, minimum: 2, overSelection: 1 }, rounds: 2 }));
    h.devices(2).forEach((d) => d.connect());
    await h.events.until(async () => (await h!.coordinator.taskStatus(taskId)).status !== 'running');
    const rounds = await h.store.listRounds(taskId);
    expect(rounds).toMatchObject([
      { round: 1, status: 'aborted', modelVersionIn: 0, reason: 'commit failed: database or disk is full' },
      { round: 1, status: 'committed', modelVersionIn: 0, modelVersionOut: 1 },
      { round: 2, status: 'committed', modelVersionIn: 1, modelVersionOut: 2 },
    ]);
    // At the abort: the round was over (not frozen in 'reporting'), recorded, and nothing of it written.
    expect((await seen[0]!).status).toMatchObject({ status: 'running', phase: 'idle', round: null, modelVersion: 0, lastAbortReason: 'commit failed: database or disk is full' });
    expect(await h.store.participation(taskId, 1)).toHaveLength(2);
    expect(await h.coordinator.taskStatus(taskId)).toMatchObject({ status: 'completed', roundsDone: 2, consecutiveFailures: 0, lastAbortReason: '' });
  });

  it('in central DP spends no ε: the noised model never left the coordinator', async () => {
    const seen: Promise<{ privacyState?: string | null; status?: unknown }>[] = [];
    let taskId = '';
    h = await coordinatorHarness(failFirstCommit(seen, () => ({ privacyState: h!.store.getPrivacyState(taskId), status: undefined })));
    h.db.exec(FAIL_FIRST_COMMIT);
    const privacy = { mode: 'central', targetEpsilon: 50, delta: 1e-3, clipNorm: 1, noiseMultiplier: 1, population: 2 };
    taskId = await h.coordinator.createTask(task({ cohort: { goal: 2, minimum: 2, overSelection: 1 }, privacy }));
    h.devices(2).forEach((d) => d.connect());
    h.clock.advance(1000); // Poisson sampling at the selection deadline
    await h.events.until(() => h!.ends.length === 1);
    expect((await seen[0]!).privacyState).toBeNull();
    h.clock.advance(1000);
    await h.events.until(async () => (await h!.coordinator.taskStatus(taskId)).status !== 'running');
    const done = await h.coordinator.taskStatus(taskId);
    expect(done.status).toBe('completed');
    expect(done.privacy!.epsilonSpent).toBe(new PrivacyAccountant().compose({ samplingRate: 1, noiseMultiplier: 1, steps: 1 }).epsilon(1e-3));
  });

  it('in distributed DP still charges the ε of the revealed sum, stored with the aborted round', async () => {
    const seen: Promise<{ privacyState?: string | null; status?: unknown }>[] = [];
    let taskId = '';
    h = await coordinatorHarness(failFirstCommit(seen, () => ({ privacyState: h!.store.getPrivacyState(taskId), status: undefined })));
    h.db.exec(FAIL_FIRST_COMMIT);
    const privacy = { mode: 'distributed', targetEpsilon: 100, delta: 1e-3, clipNorm: 1, noiseMultiplier: 0.5, population: 3 };
    taskId = await h.coordinator.createTask(
      task({ cohort: { goal: 3, minimum: 3, overSelection: 1 }, privacy, secureAggregation: { enabled: true, maliciousServer: false }, timeouts: { selectionMs: 1000, roundMs: 60_000 } }),
    );
    const plan = await (await h.store.getTask(taskId))!.spec.privacy!.distributed as unknown as DistributedDpPlan;
    const oneRound = new PrivacyAccountant().composeDistributed({ samplingRate: 1, plan, steps: 1 });
    h.devices(3).forEach((d) => d.connect());
    h.clock.advance(1000);
    await h.events.until(() => h!.ends.length === 1);
    expect(await h.store.listRounds(taskId)).toMatchObject([{ round: 1, status: 'aborted', reason: 'commit failed: database or disk is full' }]);
    // The sum was unmasked and decoded before the commit failed: one round's ε is spent and stored.
    expect(PrivacyAccountant.fromJSON((await seen[0]!).privacyState!).epsilon(1e-3)).toBe(oneRound.epsilon(1e-3));
    expect((await h.coordinator.taskStatus(taskId)).privacy!.epsilonSpent).toBe(oneRound.epsilon(1e-3));
    h.clock.advance(1000);
    await h.events.until(async () => (await h!.coordinator.taskStatus(taskId)).status !== 'running');
    const done = await h.coordinator.taskStatus(taskId);
    expect(done.status).toBe('completed');
    // Two revealed sums, the aborted round's and the committed one's, both charged to the
    // accountant; against the coordinator a device is in at most its participation limit of them
    // (1 here: one round, every device sampled), so that figure is one round's.
    expect(PrivacyAccountant.fromJSON((await h.store.getPrivacyState(taskId))!).steps).toBe(2);
    expect(done.privacy!.epsilonForReleasedModel).toBe(oneRound.epsilon(1e-3));
    expect(done.privacy!.participationLimit).toBe(1);
    expect(done.privacy!.epsilonSpent).toBe(oneRound.epsilon(1e-3));
  });
});

describe('the write-ahead privacy charge', () => {
  it('in distributed DP, the round\'s ε is in the store before its sum is unmasked; in central DP nothing is written ahead', async () => {
    for (const mode of ['distributed', 'central'] as const) {
      h = await coordinatorHarness();
      let taskId = '';
      // What the store held when each commit began: a coordinator that stopped right after the
      // reveal, before this commit, would restart from it.
      const atCommit: (string | null)[] = [];
      const store = h.store;
      const commitRound = store.commitRound.bind(store);
      store.commitRound = async (c) => {
        atCommit.push(await store.getPrivacyState(taskId));
        return commitRound(c);
      };
      const privacy = { mode, targetEpsilon: 100, delta: 1e-3, clipNorm: 1, noiseMultiplier: 0.5, population: 3 };
      taskId = await h.coordinator.createTask(
        task({ cohort: { goal: 3, minimum: 3, overSelection: 1 }, privacy, rounds: 1, secureAggregation: { enabled: true, maliciousServer: false }, timeouts: { selectionMs: 1000, roundMs: 60_000 } }),
      );
      h.devices(3).forEach((d) => d.connect());
      h.clock.advance(1000);
      await h.events.until(() => h!.ends.length === 1);
      expect(await store.listRounds(taskId)).toMatchObject([{ round: 1, status: 'committed' }]);
      if (mode === 'distributed') {
        const plan = (await store.getTask(taskId))!.spec.privacy!.distributed as unknown as DistributedDpPlan;
        const oneRound = new PrivacyAccountant().composeDistributed({ samplingRate: 1, plan, steps: 1 });
        expect(PrivacyAccountant.fromJSON(atCommit[0]!).epsilon(1e-3)).toBe(oneRound.epsilon(1e-3));
      } else {
        expect(atCommit[0]).toBeNull();
      }
      await h.close();
      h = undefined;
    }
  });
});
