import { describe, expect, it } from 'vitest';
import {
  PlanKind,
  appendApproval,
  approvalFromWire,
  approvalToWire,
  approveTask,
  checkInitialModelAgainstApproval,
  checkLogProof,
  checkPlanAgainstApproval,
  decodeFrame,
  encodeFrame,
  generateSigningKeyPair,
  logProofFor,
  logProofFromWire,
  logProofToWire,
  modelSha256,
  topologySha256,
  type ISelected,
  type TaskStatement,
} from '../src/index.ts';
import { sampleStatement } from './fixtures/statement.ts';

const topologyJson = JSON.stringify({ modelTopology: { class_name: 'Sequential' }, weightSpecs: [{ name: 'w', shape: [2], dtype: 'float32' }] });
const weights = new Uint8Array(8);

function selectedFor(s: TaskStatement): ISelected {
  return {
    taskId: s.taskId,
    round: 1,
    modelVersion: 0,
    plan: {
      kind: PlanKind.TRAIN,
      stream: 'mail',
      purpose: s.purpose,
      localEpochs: 1,
      batchSize: 32,
      clientLearningRate: Math.fround(0.1),
      featuresJson: JSON.stringify({ kind: 'hashed-bow', dim: 64 }),
      topologyJson,
      loss: 'binaryCrossentropy',
      clipNorm: Math.fround(0.1),
    },
    secagg: { cohortSize: 10, minSurvivors: 5, consistencyCheck: true, clipRange: 1, maxWeight: 1 },
  };
}

describe('a plan checked against its approval', () => {
  it('passes when it is what was approved, and the initial model hashes to the approved model', async () => {
    const key = new Uint8Array(32).fill(3);
    const s = await sampleStatement(key);
    expect(s.model.topologySha256).toBe(await topologySha256(topologyJson));
    expect(await checkPlanAgainstApproval(s, selectedFor(s))).toEqual({ ok: true });
    expect(await checkInitialModelAgainstApproval(s, topologyJson, weights)).toEqual({ ok: true });
    expect(await modelSha256(topologyJson, weights)).toBe(s.model.sha256);
  });

  it('names each thing a coordinator changed after approval', async () => {
    const s = await sampleStatement(new Uint8Array(32).fill(3));
    const base = selectedFor(s);
    const cases: [ISelected, RegExp][] = [
      [{ ...base, taskId: 'task-2' }, /the approval is for task task-1, the plan for task-2/],
      [{ ...base, plan: { ...base.plan, purpose: 'Read every mail.' } }, /the purpose differs/],
      [{ ...base, plan: { ...base.plan, stream: 'chat' } }, /stream "chat" is not among the approved streams/],
      [{ ...base, plan: { ...base.plan, featuresJson: '{"kind":"hashed-bow","dim":4096}' } }, /feature recipe differs/],
      [{ ...base, plan: { ...base.plan, topologyJson: topologyJson.replace('Sequential', 'Model') } }, /model topology differs/],
      [{ ...base, plan: { ...base.plan, localEpochs: 50 } }, /localEpochs 50 is not the approved 1/],
      [{ ...base, modelVersion: 5 }, /model version 5 is beyond the 5 approved rounds/],
      [{ ...base, secagg: null }, /approved with secure aggregation; the round runs without it/],
      [{ ...base, secagg: { ...base.secagg, consistencyCheck: false } }, /malicious-server protection/],
      [{ ...base, secagg: { ...base.secagg, cohortSize: 2, minSurvivors: 2 } }, /a cohort of 2 is below the approved minimum of 5/],
      [{ ...base, secagg: { ...base.secagg, minSurvivors: 3 } }, /commits with 3 survivors, below the approved minimum of 5/],
      [{ ...base, plan: { ...base.plan, clipNorm: 0 } }, /does not clip updates/],
      [{ ...base, plan: { ...base.plan, clipNorm: 10 } }, /clip norm 10 is not the approved 0.1/],
      [{ ...base, secagg: { ...base.secagg, maxWeight: 5000 } }, /max weight 5000 is above the approved 1000/],
    ];
    for (const [selected, message] of cases) {
      const check = await checkPlanAgainstApproval(s, selected);
      expect(check.ok).toBe(false);
      expect(check.ok === false && check.message).toMatch(message);
    }
    expect(await checkInitialModelAgainstApproval(s, topologyJson, new Uint8Array([0, 0, 0, 0, 0, 0, 128, 63]))).toMatchObject({ ok: false });
    // Distributed DP: the encoding the devices noise with must be the approved one.
    const dist = await sampleStatement(new Uint8Array(32).fill(3), {
      privacy: { mode: 'distributed', targetEpsilon: 3, delta: 1e-5, clipNorm: 0.1, distributed: { bits: 32, scale: 0.001, localSigma2: 400, dimension: 2, paddedDimension: 2, l2Sensitivity: 100, beta: 0.6, clipNorm: 0.1 } },
    });
    const plan = { ...base.plan, distributedDp: { bits: 32, scale: 0.001, localSigma2: 4, dimension: 2, paddedDimension: 2, l2Sensitivity: 100, beta: 0.6, clipNorm: 0.1 } };
    const check = await checkPlanAgainstApproval(dist, { ...base, plan });
    expect(check.ok === false && check.message).toMatch(/distributed DP localSigma2 4 is not the approved 400/);
  });
});

describe('approvals and log proofs on the wire', () => {
  it('travel in Selected and verify after decoding', async () => {
    const approver = await generateSigningKeyPair();
    const approval = await approveTask(approver, await sampleStatement(approver.publicKey));
    const { log } = await appendApproval(approver, { entries: [], heads: [] }, approval, { timestampMs: 5 });
    const proof = await logProofFor(log, 'task-1', 0);
    const bytes = encodeFrame('selected', { ...selectedFor(approval.statement), approval: approvalToWire(approval), logProof: logProofToWire(proof) });
    const frame = decodeFrame(bytes);
    if (frame.body !== 'selected') throw new Error('expected selected');
    const back = approvalFromWire(frame.message.approval!);
    const backProof = logProofFromWire(frame.message.logProof!);
    expect(backProof.head.size).toBe(1);
    expect((await checkLogProof({ approval: back, proof: backProof, lastSeen: undefined, approverKeys: [approver.publicKey] })).ok).toBe(true);
    expect(await checkPlanAgainstApproval(back.statement, frame.message)).toEqual({ ok: true });
  });

  it('refuses oversize proofs and statements', async () => {
    const many = Array.from({ length: 65 }, () => new Uint8Array(32));
    expect(() => decodeFrame(encodeFrame('selected', { taskId: 't', logProof: { inclusion: many } }))).toThrow(/selected.logProof.inclusion has 65 hashes, at most 64/);
    expect(() => decodeFrame(encodeFrame('selected', { taskId: 't', approval: { statementJson: 'x'.repeat(300_000) } }))).toThrow(/selected.approval.statementJson has 300000 characters/);
    expect(() => approvalFromWire({ statementJson: '{', signature: new Uint8Array(64) })).toThrow(/approval.statementJson is not JSON/);
  });
});
