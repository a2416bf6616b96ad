/**
 * Task leases on PostgreSQL (issue 14 item 2; packages/server/docs/storage.md): one node leads a
 * task at a time, a renewal keeps the epoch, a takeover after expiry raises it, and the epoch
 * fences round commits and aborts, so a leader that was paused past its lease writes nothing
 * over its successor. A takeover records the round its predecessor left open as aborted. Run on
 * a throwaway cluster (test/support/postgres-cluster.ts). Expiry is forced with SQL on the lease
 * row rather than waited for.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseTaskSpec, PostgresStore, SqliteStore, type Store } from '@conclave/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster.ts';

type RoundCommit = Parameters<Store['commitRound']>[0];

let cluster: PostgresCluster | undefined;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
}, 60_000);

const spec = () =>
  parseTaskSpec({
    name: 'lease test',
    purpose: 'p',
    stream: 's',
    model: { modelTopology: {}, weightSpecs: [{ name: 'w', shape: [2], dtype: 'float32' }] },
    features: { kind: 'dense', dim: 2 },
    training: { clientLearningRate: 0.1 },
    cohort: { goal: 3, minimum: 3 },
    rounds: 3,
  });

const metrics = { participants: 3, selected: 3, examples: 5, trainLoss: 0.5, evalExamples: 0, evalLoss: null, evalAccuracy: null, durationMs: 1, bytesIn: 8, bytesOut: 8 };

const commit = (over: Partial<RoundCommit> = {}): RoundCommit => ({
  taskId: 't1',
  round: 1,
  kind: 'train',
  modelVersionIn: 0,
  newModel: { version: 1, weights: new Float32Array([1, 2]), optimizerState: null },
  metrics,
  participants: [{ deviceId: 'd1', numExamples: 5 }],
  startedAt: 1,
  endedAt: 2,
  ...over,
});

let databases = 0;
async function freshStore(): Promise<{ store: PostgresStore; raw(sql: string): Promise<{ rows: Record<string, unknown>[] }> }> {
  databases += 1;
  const store = await PostgresStore.open({ url: await cluster!.createDatabase(`lease_${databases}`), poolSize: 4 });
  const pool = (store as unknown as { pool: { query(sql: string): Promise<{ rows: Record<string, unknown>[] }> } }).pool;
  await store.createTask({ id: 't1', spec: spec(), initialWeights: new Float32Array([0, 0]), now: 1 });
  return { store, raw: (sql) => pool.query(sql) };
}

describe('task leases on PostgreSQL', () => {
  it('gives a task to one node; renewing keeps the epoch, a takeover after expiry raises it', async () => {
    const { store, raw } = await freshStore();
    try {
      const a = await store.leases.acquire({ taskId: 't1', nodeId: 'a', ttlMs: 10_000 });
      expect(a).toMatchObject({ taskId: 't1', nodeId: 'a', epoch: 1, held: true });
      expect(a.abortedRound).toBeUndefined();
      // b asks while a's lease runs: a keeps it.
      expect(await store.leases.acquire({ taskId: 't1', nodeId: 'b', ttlMs: 10_000 })).toMatchObject({ nodeId: 'a', epoch: 1, held: false });
      const renewed = await store.leases.acquire({ taskId: 't1', nodeId: 'a', ttlMs: 10_000, heldEpoch: 1 });
      expect(renewed).toMatchObject({ nodeId: 'a', epoch: 1, held: true });
      expect(renewed.expiresAt).toBeGreaterThanOrEqual(a.expiresAt);
      await raw(`UPDATE task_leases SET expires_at = 1`);
      expect(await store.leases.acquire({ taskId: 't1', nodeId: 'b', ttlMs: 10_000 })).toMatchObject({ nodeId: 'b', epoch: 2, held: true });
      // a comes back with its old epoch: b holds a live lease now.
      expect(await store.leases.acquire({ taskId: 't1', nodeId: 'a', ttlMs: 10_000, heldEpoch: 1 })).toMatchObject({ nodeId: 'b', epoch: 2, held: false });
      // A new process under b's name (b restarted) takes the lease at once, with a new epoch that fences the old process.
      expect(await store.leases.acquire({ taskId: 't1', nodeId: 'b', ttlMs: 10_000 })).toMatchObject({ nodeId: 'b', epoch: 3, held: true });
      // Released: free for anyone now.
      await store.leases.release('t1', { nodeId: 'b', epoch: 3 });
      expect(await store.leases.acquire({ taskId: 't1', nodeId: 'a', ttlMs: 10_000 })).toMatchObject({ nodeId: 'a', epoch: 4, held: true });
      expect((await store.leases.list()).map((l) => [l.taskId, l.nodeId, l.epoch])).toEqual([['t1', 'a', 4]]);
      await expect(store.leases.acquire({ taskId: 'nope', nodeId: 'a', ttlMs: 10_000 })).rejects.toThrow('no task with id "nope" to lease');
      await expect(store.leases.acquire({ taskId: 't1', nodeId: 'a', ttlMs: 5 })).rejects.toThrow('lease time must be an integer from 100 to 600000 ms, got 5');
    } finally {
      await store.close();
    }
  });

  it('of several nodes asking at once for a free lease, exactly one gets it', async () => {
    const { store } = await freshStore();
    try {
      const answers = await Promise.all(['a', 'b', 'c', 'd'].map((nodeId) => store.leases.acquire({ taskId: 't1', nodeId, ttlMs: 10_000 })));
      const holders = answers.filter((l) => l.held);
      expect(holders).toHaveLength(1);
      expect(new Set(answers.map((l) => `${l.nodeId}@${l.epoch}`))).toEqual(new Set([`${holders[0]!.nodeId}@1`]));
    } finally {
      await store.close();
    }
  });

  it('fences commits and aborts with the epoch: a paused leader writes nothing over its successor', async () => {
    const { store, raw } = await freshStore();
    try {
      await store.leases.acquire({ taskId: 't1', nodeId: 'a', ttlMs: 10_000 });
      await raw(`UPDATE task_leases SET expires_at = 1`);
      await store.leases.acquire({ taskId: 't1', nodeId: 'b', ttlMs: 10_000 });
      // a wakes up and commits round 1 as it had computed it: refused, nothing written.
      await expect(store.commitRound(commit({ lease: { nodeId: 'a', epoch: 1 } }))).rejects.toMatchObject({
        code: 'LEASE_LOST',
        message: 'round 1 of task t1 refused: node "a" no longer leads the task (its lease was epoch 1; node "b" holds it at epoch 2)',
      });
      await expect(store.recordAbortedRound({ taskId: 't1', round: 1, kind: 'train', modelVersionIn: 0, reason: 'x', startedAt: 1, endedAt: 2, lease: { nodeId: 'a', epoch: 1 } })).rejects.toMatchObject({
        code: 'LEASE_LOST',
      });
      expect(await store.listRounds('t1')).toEqual([]);
      expect((await store.getTask('t1'))!.modelVersion).toBe(0);
      expect(await store.participation('t1', 1)).toEqual([]);
      // b commits the same round from the same model: it goes through, once.
      await store.commitRound(commit({ lease: { nodeId: 'b', epoch: 2 } }));
      expect((await store.getTask('t1'))!.modelVersion).toBe(1);
      expect((await store.listRounds('t1')).map((r) => [r.round, r.status])).toEqual([[1, 'committed']]);
      expect(Array.from((await store.getModel('t1', 1))!)).toEqual([1, 2]);
    } finally {
      await store.close();
    }
  });

  it('a takeover records the round the previous leader left open as aborted, with the reason, in the same transaction', async () => {
    const { store, raw } = await freshStore();
    try {
      const a = await store.leases.acquire({ taskId: 't1', nodeId: 'a', ttlMs: 10_000 });
      const open = { round: 1, kind: 'train' as const, modelVersionIn: 0, startedAt: 100 };
      expect(await store.leases.setOpenRound('t1', { nodeId: 'a', epoch: a.epoch }, open)).toBe(true);
      // A renewal keeps the open round.
      await store.leases.acquire({ taskId: 't1', nodeId: 'a', ttlMs: 10_000, heldEpoch: 1 });
      await raw(`UPDATE task_leases SET expires_at = 1`);
      const b = await store.leases.acquire({ taskId: 't1', nodeId: 'b', ttlMs: 10_000 });
      const reason = 'node "a" stopped leading the task during round 1 (its lease expired; node "b" took the lease over at epoch 2)';
      expect(b).toMatchObject({ held: true, epoch: 2, abortedRound: { ...open, reason, previousNodeId: 'a', previousEpoch: 1 } });
      const rounds = await store.listRounds('t1');
      expect(rounds).toMatchObject([{ round: 1, kind: 'train', status: 'aborted', modelVersionIn: 0, reason, startedAt: 100 }]);
      // The old leader can no longer mark a round open; b can, and its commit clears the mark.
      expect(await store.leases.setOpenRound('t1', { nodeId: 'a', epoch: 1 }, open)).toBe(false);
      expect(await store.leases.setOpenRound('t1', { nodeId: 'b', epoch: 2 }, open)).toBe(true);
      await store.commitRound(commit({ lease: { nodeId: 'b', epoch: 2 } }));
      await raw(`UPDATE task_leases SET expires_at = 1`);
      // Nothing was open any more: the next takeover aborts nothing.
      const c = await store.leases.acquire({ taskId: 't1', nodeId: 'c', ttlMs: 10_000 });
      expect(c).toMatchObject({ held: true, epoch: 3 });
      expect(c.abortedRound).toBeUndefined();
      // A node that shuts down releases its lease with a round open: the successor says so.
      expect(await store.leases.setOpenRound('t1', { nodeId: 'c', epoch: 3 }, { ...open, round: 2, modelVersionIn: 1 })).toBe(true);
      await store.leases.release('t1', { nodeId: 'c', epoch: 3 });
      expect((await store.leases.acquire({ taskId: 't1', nodeId: 'd', ttlMs: 10_000 })).abortedRound?.reason).toBe(
        'node "c" stopped leading the task during round 2 (it released the lease; node "d" took the lease over at epoch 4)',
      );
      expect((await store.listRounds('t1')).map((r) => [r.round, r.status])).toEqual([
        [1, 'aborted'],
        [1, 'committed'],
        [2, 'aborted'],
      ]);
    } finally {
      await store.close();
    }
  });

  it('the SQLite store keeps no leases: a commit with one is refused, naming PostgreSQL', async () => {
    const store = new SqliteStore({ dataDir: mkdtempSync(path.join(tmpdir(), 'conclave-lease-')) });
    try {
      expect((store as Store).leases).toBeUndefined();
      await store.createTask({ id: 't1', spec: spec(), initialWeights: new Float32Array([0, 0]), now: 1 });
      await expect(store.commitRound(commit({ lease: { nodeId: 'a', epoch: 1 } }))).rejects.toThrow(
        'the SQLite store keeps no task leases (one coordinator leads every task); several coordinator nodes need the PostgreSQL store',
      );
      expect(await store.listRounds('t1')).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
