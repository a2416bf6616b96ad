/**
 * The approver's side of `conclave task approve`, on the approver's own machine: take the
 * coordinator's request (the statement draft and the current log), check the log as an auditor
 * does and that it extends the head this approver signed last (its state file), sign the
 * statement, append it and sign the new head. Nothing here trusts the coordinator: a forked or
 * rewritten log is refused before anything is signed.
 */
import {
  appendApproval,
  approveTask,
  generateSigningKeyPair,
  keyFingerprint,
  logMarkFromJson,
  markOf,
  taskApprovalToJson,
  transparencyLogFromJson,
  treeHeadToJson,
  type LogMark,
  type NamedSigningKey,
  type TaskApprovalJson,
  type TaskStatement,
  type SignedTreeHeadJson,
} from '@conclave/proto';
import type { TaskStatementDraft } from './task-statement.ts';

/** What the approver's state file holds: the last head it signed. */
export interface ApproverState {
  kind: 'conclave-approver-state';
  version: 1;
  lastSigned: LogMark;
}

export function approverStateFromJson(json: unknown): LogMark | undefined {
  const j = json as Partial<ApproverState> | null;
  if (j?.kind !== 'conclave-approver-state') throw new RangeError('the approver state file is not a conclave-approver-state file');
  const mark = logMarkFromJson(j.lastSigned);
  if (!mark) throw new RangeError('the approver state file has no readable lastSigned head');
  return mark;
}

export interface SignedApproval {
  approval: TaskApprovalJson;
  head: SignedTreeHeadJson;
  state: ApproverState;
  /** What was signed, for the approver to read. */
  summary: string[];
}

export async function signApprovalRequest(input: {
  request: { draft: TaskStatementDraft; log: unknown };
  key: NamedSigningKey;
  lastSigned: LogMark | undefined;
  nowMs: number;
}): Promise<SignedApproval> {
  const { key } = input;
  const log = transparencyLogFromJson(input.request.log);
  const statement: TaskStatement = { ...input.request.draft, approverName: key.name, approverKey: key.publicKey, approvedAtMs: input.nowMs };
  const approval = await approveTask(key, statement);
  const { head } = await appendApproval(key, log, approval, { timestampMs: input.nowMs, lastSigned: input.lastSigned });
  return {
    approval: taskApprovalToJson(approval),
    head: treeHeadToJson(head),
    state: { kind: 'conclave-approver-state', version: 1, lastSigned: markOf(head) },
    summary: await summarize(statement),
  };
}

/** The statement in lines an approver reads before (and after) signing. */
export async function summarize(s: TaskStatement): Promise<string[]> {
  const p = s.privacy as Record<string, unknown> | null;
  const sa = s.secureAggregation as Record<string, unknown>;
  const c = s.cohort as Record<string, unknown>;
  return [
    `task        ${s.taskId} (${s.name})`,
    `purpose     ${s.purpose}`,
    `streams     ${s.streams.join(', ')}`,
    `features    ${JSON.stringify(s.features)}`,
    `model       sha256 ${s.model.sha256} (topology ${s.model.topologySha256.slice(0, 16)}…)`,
    `rounds      ${s.rounds}; cohort goal ${c.goal}, minimum ${c.minimum}`,
    `secure agg  ${sa.enabled === false ? 'OFF' : `on, malicious-server protection ${sa.maliciousServer ? 'on' : 'OFF'}`}`,
    `privacy     ${p ? `${p.mode} DP, ε ${p.targetEpsilon} at δ ${p.delta}` : 'no differential privacy'}`,
    `approver    ${s.approverName} (${await keyFingerprint(s.approverKey)})`,
  ];
}

/** Where an approval is requested and delivered: the admin API, or a coordinator in-process. */
export interface ApprovalEndpoint {
  approvalRequest(taskId: string): Promise<{ draft: TaskStatementDraft; log: unknown }>;
  acceptApproval(taskId: string, body: { approval: TaskApprovalJson; head: SignedTreeHeadJson }): Promise<unknown>;
}

/**
 * An approver that keeps its key and its last signed head in memory: for the demo, the examples
 * and tests, which set up their own approver so that nothing needs an extra step. A deployment
 * uses `conclave approver init` and `conclave task approve` on the approver's own machine.
 */
export class LocalApprover {
  #lastSigned: LogMark | undefined;

  constructor(readonly key: NamedSigningKey) {}

  static async create(name = 'Local approver'): Promise<LocalApprover> {
    return new LocalApprover({ role: 'approver', name, ...(await generateSigningKeyPair()) });
  }

  /** The public key devices pin (`approverKeys`). */
  get publicKey(): Uint8Array {
    return this.key.publicKey;
  }

  /** Fetches the task's request, signs it (checking the log extends what it signed before) and delivers it. */
  async approve(endpoint: ApprovalEndpoint, taskId: string, nowMs = Date.now()): Promise<SignedApproval> {
    const signed = await signApprovalRequest({ request: await endpoint.approvalRequest(taskId), key: this.key, lastSigned: this.#lastSigned, nowMs });
    await endpoint.acceptApproval(taskId, { approval: signed.approval, head: signed.head });
    this.#lastSigned = signed.state.lastSigned;
    return signed;
  }
}
