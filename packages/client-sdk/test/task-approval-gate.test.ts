import { describe, expect, it } from 'vitest';
import {
  PlanKind,
  ReasonCode,
  appendApproval,
  approvalToWire,
  approveTask,
  generateSigningKeyPair,
  logProofFor,
  logProofToWire,
  modelSha256,
  topologySha256,
  type BodyOf,
  type SigningKeyPair,
  type TaskApproval,
  type TaskStatement,
  type TransparencyLog,
} from '@conclave/proto';
import { MemoryKeyValueStore } from '../src/kv-store.ts';
import { LOG_HEAD_KEY, TaskApprovalGate } from '../src/task-approval-gate.ts';

const topologyJson = JSON.stringify({ modelTopology: { class_name: 'Sequential' }, weightSpecs: [{ name: 'w', shape: [2], dtype: 'float32' }] });
const weights = new Uint8Array(8);

async function statement(approver: SigningKeyPair, taskId: string): Promise<TaskStatement> {
  return {
    version: 1,
    taskId,
    name: 'triage',
    purpose: 'Learn which mails need an answer today.',
    streams: ['mail'],
    features: { kind: 'dense', dim: 2 },
    model: { topologySha256: await topologySha256(topologyJson), sha256: await modelSha256(topologyJson, weights) },
    training: { localEpochs: 1 },
    rounds: 3,
    cohort: { goal: 12, minimum: 10, overSelection: 1.3 },
    secureAggregation: { enabled: true, maliciousServer: true },
    privacy: { mode: 'central', targetEpsilon: 3, delta: 1e-6, clipNorm: 0.5 },
    approverName: 'Works council',
    approverKey: approver.publicKey,
    approvedAtMs: 1,
  };
}

async function append(approver: SigningKeyPair, log: TransparencyLog, taskId: string): Promise<{ log: TransparencyLog; approval: TaskApproval }> {
  const approval = await approveTask(approver, await statement(approver, taskId));
  return { log: (await appendApproval(approver, log, approval, { timestampMs: 1 })).log, approval };
}

async function selected(log: TransparencyLog, approval: TaskApproval, fromSize: number, over: Partial<BodyOf<'selected'>> = {}): Promise<BodyOf<'selected'>> {
  return {
    taskId: approval.statement.taskId,
    round: 1,
    modelVersion: 0,
    plan: { kind: PlanKind.TRAIN, stream: 'mail', purpose: approval.statement.purpose, localEpochs: 1, featuresJson: '{"kind":"dense","dim":2}', topologyJson, clipNorm: 0.5 },
    secagg: { cohortSize: 12, minSurvivors: 10, consistencyCheck: true },
    approval: approvalToWire(approval),
    logProof: { ...logProofToWire(await logProofFor(log, approval.statement.taskId, fromSize)) },
    ...over,
  };
}

describe('TaskApprovalGate', () => {
  it('accepts an approved task, remembers the head, and shows who approved it with its ε and minimum cohort', async () => {
    const approver = await generateSigningKeyPair();
    const kv = new MemoryKeyValueStore();
    const gate = new TaskApprovalGate(kv, { approverKeys: [approver.publicKey], requireApprovedTasks: true });
    const { log, approval } = await append(approver, { entries: [], heads: [] }, 't1');
    const decision = await gate.check(await selected(log, approval, await gate.knownLogSize()));
    expect(decision.ok).toBe(true);
    expect(decision.ok && decision.info).toMatchObject({ approverName: 'Works council', epsilon: 3, minimumCohort: 10, maliciousServer: true, logSize: 1 });
    expect(decision.ok && decision.info?.approverFingerprint).toMatch(/^[0-9a-f]{4}(-[0-9a-f]{4}){3}$/);
    expect(JSON.parse((await kv.get(LOG_HEAD_KEY))!)).toMatchObject({ size: 1 });
    expect(await gate.knownLogSize()).toBe(1);
    expect(await gate.checkInitialModel(approval, topologyJson, weights)).toMatchObject({ ok: true });
    expect(await gate.checkInitialModel(approval, topologyJson, new Uint8Array([1, 0, 0, 0, 0, 0, 0, 0]))).toMatchObject({ ok: false, code: ReasonCode.POLICY_REFUSED_PLAN_MISMATCH });
  });

  it('refuses with the reason code of each check, and does not remember a forked head', async () => {
    const approver = await generateSigningKeyPair();
    const rogue = await generateSigningKeyPair();
    const kv = new MemoryKeyValueStore();
    const gate = new TaskApprovalGate(kv, { approverKeys: [approver.publicKey], requireApprovedTasks: true });
    const first = await append(approver, { entries: [], heads: [] }, 't1');
    const second = await append(approver, first.log, 't2');
    expect((await gate.check(await selected(second.log, second.approval, 0))).ok).toBe(true);

    const base = await selected(second.log, second.approval, 2);
    expect(await gate.check({ ...base, approval: null })).toMatchObject({ ok: false, code: ReasonCode.POLICY_REFUSED_TASK_NOT_APPROVED });
    const byRogue = await append(rogue, { entries: [], heads: [] }, 't2');
    expect(await gate.check(await selected(byRogue.log, byRogue.approval, 0))).toMatchObject({ ok: false, code: ReasonCode.POLICY_REFUSED_TASK_NOT_APPROVED });
    expect(await gate.check({ ...base, logProof: null })).toMatchObject({ ok: false, code: ReasonCode.POLICY_REFUSED_TRANSPARENCY_LOG });
    // A fork: the approver key was made to sign another history in which t2 comes first.
    const fork = await append(approver, { entries: [], heads: [] }, 't2');
    const forked = await gate.check(await selected(fork.log, fork.approval, 2));
    expect(forked).toMatchObject({ ok: false, code: ReasonCode.POLICY_REFUSED_TRANSPARENCY_LOG });
    expect(forked.ok === false && forked.message).toMatch(/fewer than the 2 this device saw/);
    const longerFork = await append(approver, (await append(approver, fork.log, 'x')).log, 'y');
    const refused = await gate.check(await selected(longerFork.log, longerFork.approval, 2));
    expect(refused.ok === false && refused.message).toMatch(/does not extend the log of 2 entries/);
    expect(await gate.knownLogSize()).toBe(2);
    // The plan differs from the approved one.
    expect(await gate.check({ ...base, plan: { ...base.plan, purpose: 'Read every mail.' } })).toMatchObject({ ok: false, code: ReasonCode.POLICY_REFUSED_PLAN_MISMATCH });
    expect(await gate.check({ ...base, secagg: { ...base.secagg, consistencyCheck: false } })).toMatchObject({ ok: false, code: ReasonCode.POLICY_REFUSED_PLAN_MISMATCH });
    // Without pinned keys nothing can be accepted; with approval not required nothing is checked.
    expect(await new TaskApprovalGate(new MemoryKeyValueStore(), { approverKeys: [], requireApprovedTasks: true }).check(base)).toMatchObject({ ok: false, code: ReasonCode.POLICY_REFUSED_TASK_NOT_APPROVED });
    expect(await new TaskApprovalGate(new MemoryKeyValueStore(), { approverKeys: [], requireApprovedTasks: false }).check({ ...base, approval: null })).toMatchObject({ ok: true });
  });
});
