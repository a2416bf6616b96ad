import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { SqliteStore } from '../src/store/sqlite-store.ts';
import { parseTaskSpec } from '../src/task-spec.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const spec = () =>
  parseTaskSpec({
    name: 'approval store test',
    purpose: 'p',
    stream: 's',
    model: { modelTopology: {}, weightSpecs: [{ name: 'w', shape: [2], dtype: 'float32' }] },
    features: { kind: 'dense', dim: 2 },
    training: { clientLearningRate: 0.1 },
    cohort: { goal: 3, minimum: 3 },
    rounds: 3,
  });

function fresh(): { dir: string; store: SqliteStore } {
  const dir = mkdtempSync(path.join(tmpdir(), 'conclave-approvals-'));
  dirs.push(dir);
  return { dir, store: new SqliteStore({ dataDir: dir }) };
}

describe('SqliteStore: approvals and the transparency log', () => {
  it('keeps a task awaiting approval until its approval and head are appended, in one transaction, across a restart', async () => {
    const { dir, store } = fresh();
    await store.createTask({ id: 't1', spec: spec(), initialWeights: new Float32Array([1, 2]), now: 1, awaitingApproval: true });
    await store.createTask({ id: 't2', spec: spec(), initialWeights: new Float32Array([1, 2]), now: 1 });
    expect((await store.getTask('t1'))?.status).toBe('awaiting-approval');
    expect((await store.getTask('t2'))?.status).toBe('running');
    // A head for the wrong log size, or for a task not awaiting approval, changes nothing.
    await expect(store.appendApproval({ taskId: 't1', leafIndex: 3, approvalJson: '{}', headJson: '{}', now: 2 })).rejects.toThrow(/the transparency log has 0 entries, the approval was made for 3/);
    await expect(store.appendApproval({ taskId: 't2', leafIndex: 0, approvalJson: '{}', headJson: '{}', now: 2 })).rejects.toThrow(/task "t2" is not awaiting approval/);
    expect(await store.listApprovals()).toEqual([]);
    await store.appendApproval({ taskId: 't1', leafIndex: 0, approvalJson: '{"a":1}', headJson: '{"h":1}', now: 2 });
    expect((await store.getTask('t1'))?.status).toBe('running');
    await expect(store.setTaskStatus('t2', 'awaiting-approval', '', 3)).rejects.toThrow(/only an approval changes that/);
    await store.close();
    const again = new SqliteStore({ dataDir: dir });
    expect(await again.listApprovals()).toEqual([{ taskId: 't1', approvalJson: '{"a":1}' }]);
    expect(await again.listLogHeads()).toEqual(['{"h":1}']);
    expect((await again.auditLog()).some((e) => e.action === 'task.approve' && e.detail.taskId === 't1')).toBe(true);
    await again.close();
  });

  it('never lets an approval or a head be changed or removed, even by hand', async () => {
    const { dir, store } = fresh();
    await store.createTask({ id: 't1', spec: spec(), initialWeights: new Float32Array([1, 2]), now: 1, awaitingApproval: true });
    await store.appendApproval({ taskId: 't1', leafIndex: 0, approvalJson: '{}', headJson: '{}', now: 2 });
    // A stopped task that was awaiting approval reads as stopped.
    await store.createTask({ id: 't3', spec: spec(), initialWeights: new Float32Array([1, 2]), now: 1, awaitingApproval: true });
    await store.setTaskStatus('t3', 'stopped', 'never approved', 3);
    expect((await store.getTask('t3'))?.status).toBe('stopped');
    await store.close();
    const db = new Database(path.join(dir, 'conclave.db'));
    expect(() => db.prepare(`UPDATE task_approvals SET approval_json = 'x'`).run()).toThrow(/task_approvals is append-only/);
    expect(() => db.prepare(`DELETE FROM log_heads`).run()).toThrow(/log_heads is append-only/);
    db.close();
  });
});
