import { describe, expect, it } from 'vitest';
import {
  generateSigningKeyPair,
  markOf,
  taskApprovalFromJson,
  transparencyLogToJson,
  treeHeadFromJson,
  verifyTransparencyLog,
  type NamedSigningKey,
} from '@conclave/proto';
import type { ApprovalStore } from '../src/approval/approval-store.ts';
import { signApprovalRequest } from '../src/approval/approver.ts';
import { TaskApprovals, type TaskForApproval } from '../src/approval/task-approvals.ts';
import { taskStatementDraft } from '../src/approval/task-statement.ts';
import { parseStoredTaskSpec, parseTaskSpec } from '../src/task-spec.ts';

/** The ApprovalStore contract in memory (the SQLite store is tested in store.test.ts). */
class MemoryApprovalStore implements ApprovalStore {
  approvals: { taskId: string; approvalJson: string }[] = [];
  heads: string[] = [];
  status = new Map<string, string>();
  async listApprovals() {
    return [...this.approvals];
  }
  async listLogHeads() {
    return [...this.heads];
  }
  async appendApproval(e: { taskId: string; leafIndex: number; approvalJson: string; headJson: string }) {
    if (this.status.get(e.taskId) !== 'awaiting-approval' || e.leafIndex !== this.approvals.length) throw new Error('conflict');
    this.approvals.push({ taskId: e.taskId, approvalJson: e.approvalJson });
    this.heads.push(e.headJson);
    this.status.set(e.taskId, 'running');
  }
}

function task(id: string, over: Record<string, unknown> = {}): TaskForApproval {
  const spec = parseStoredTaskSpec(
    parseTaskSpec({
      name: 'approval test',
      purpose: 'Learn which mails need an answer today.',
      stream: 'mail',
      model: { modelTopology: { class_name: 'Sequential' }, weightSpecs: [{ name: 'w', shape: [2], dtype: 'float32' }] },
      features: { kind: 'dense', dim: 2 },
      training: { clientLearningRate: 0.1 },
      cohort: { goal: 10, minimum: 5 },
      rounds: 3,
      ...over,
    }),
  );
  return { id, spec, initialWeights: new Float32Array([1, 2]), status: 'awaiting-approval' };
}

async function approverKey(name = 'Works council'): Promise<NamedSigningKey> {
  return { role: 'approver', name, ...(await generateSigningKeyPair()) };
}

describe('task approval between approver and coordinator', () => {
  it('signs what the coordinator runs, appends it to the log and starts the task', async () => {
    const store = new MemoryApprovalStore();
    const approvals = await TaskApprovals.load(store);
    const key = await approverKey();
    let lastSigned;
    for (const id of ['t1', 't2']) {
      const t = task(id);
      store.status.set(id, 'awaiting-approval');
      const signed = await signApprovalRequest({ request: await approvals.request(t), key, lastSigned, nowMs: 1000 });
      expect(signed.summary.join('\n')).toMatch(/purpose\s+Learn which mails/);
      await approvals.accept(t, { approval: signed.approval, head: signed.head }, 1000);
      lastSigned = signed.state.lastSigned;
      expect(store.status.get(id)).toBe('running');
    }
    const reloaded = await TaskApprovals.load(store);
    expect(await verifyTransparencyLog(reloaded.log, { approverKeys: [key.publicKey] })).toEqual({ ok: true, problems: [], size: 2 });
    const served = reloaded.proofFor('t1', 1);
    expect(served?.proof.head.size).toBe(2);
    expect(served?.approval.statement.taskId).toBe('t1');
    expect(reloaded.proofFor('unknown', 0)).toBeUndefined();
  });

  it('refuses a statement that is not the task, a head that is not the log, and a task not awaiting approval', async () => {
    const store = new MemoryApprovalStore();
    const approvals = await TaskApprovals.load(store);
    const key = await approverKey();
    const t = task('t1');
    store.status.set('t1', 'awaiting-approval');
    const request = await approvals.request(t);
    // The approver was shown another purpose than the task runs.
    const tampered = await signApprovalRequest({ request: { ...request, draft: { ...request.draft, purpose: 'Harmless.' } }, key, lastSigned: undefined, nowMs: 1 });
    await expect(approvals.accept(t, tampered, 1)).rejects.toThrow(/the signed statement is not what task "t1" runs/);
    // A task changed after the request (another ε): the approval no longer matches it.
    const signed = await signApprovalRequest({ request, key, lastSigned: undefined, nowMs: 1 });
    const changed = task('t1', { privacy: { mode: 'central', targetEpsilon: 30, delta: 1e-6, clipNorm: 0.1 } });
    await expect(approvals.accept(changed, signed, 1)).rejects.toThrow(/not what task "t1" runs/);
    // A head of another log (one where another task came first).
    const zz = await signApprovalRequest({ request: { ...request, draft: { ...request.draft, taskId: 'zz' } }, key, lastSigned: undefined, nowMs: 1 });
    const otherLog = transparencyLogToJson({ entries: [taskApprovalFromJson(zz.approval)], heads: [treeHeadFromJson(zz.head)] });
    const otherHead = (await signApprovalRequest({ request: { ...request, log: otherLog }, key, lastSigned: undefined, nowMs: 1 })).head;
    await expect(approvals.accept(t, { approval: signed.approval, head: otherHead }, 1)).rejects.toThrow(/tree head is not the log of 1 entries/);
    // Signed by a key other than the one the coordinator is configured with.
    const other = await approverKey('Someone');
    await expect(approvals.accept(t, signed, 1, [other.publicKey])).rejects.toThrow(/does not pin/);
    await expect(approvals.accept({ ...t, status: 'running' }, signed, 1)).rejects.toThrow(/is running, not awaiting approval/);
    await approvals.accept(t, signed, 1);
    expect(store.approvals).toHaveLength(1);
  });

  it("refuses to sign a log that does not extend the approver's last head", async () => {
    const key = await approverKey();
    const storeA = new MemoryApprovalStore();
    const a = await TaskApprovals.load(storeA);
    storeA.status.set('t1', 'awaiting-approval');
    const first = await signApprovalRequest({ request: await a.request(task('t1')), key, lastSigned: undefined, nowMs: 1 });
    await a.accept(task('t1'), first, 1);
    // A second coordinator (or the same one, its log wiped) asks the approver to start over.
    const storeB = new MemoryApprovalStore();
    const b = await TaskApprovals.load(storeB);
    await expect(signApprovalRequest({ request: await b.request(task('t2')), key, lastSigned: first.state.lastSigned, nowMs: 2 })).rejects.toThrow(/rolled back/);
    expect(markOf(treeHeadFromJson(first.head)).size).toBe(1);
  });

  it('draws the statement from the stored spec: defaults filled, model hashed as devices download it', async () => {
    const t = task('t1');
    const draft = await taskStatementDraft(t);
    expect(draft.streams).toEqual(['mail']);
    expect(draft.secureAggregation).toMatchObject({ enabled: true, clipRange: 1 });
    expect(draft.training).toMatchObject({ localEpochs: 1, batchSize: 32, clientLearningRate: 0.1, evalFraction: 0.2 });
    const other = await taskStatementDraft({ ...t, initialWeights: new Float32Array([1, 3]) });
    expect(other.model.topologySha256).toBe(draft.model.topologySha256);
    expect(other.model.sha256).not.toBe(draft.model.sha256);
  });
});
