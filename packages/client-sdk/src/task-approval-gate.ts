/**
 * The device's check of a task's approval (issue 10, part 4), run on every Selected before any
 * training: the task carries a statement signed by an approver this device pins; the statement
 * is in the transparency log the coordinator serves, whose head extends the last head this
 * device accepted (remembered in its key-value store); and the plan — and, from model version 0,
 * the model downloaded — are what the approver signed. A refusal carries only a reason code for
 * the coordinator; the message stays on the device (its ledger).
 */
import {
  ReasonCode,
  approvalFromWire,
  checkInitialModelAgainstApproval,
  checkLogProof,
  checkPlanAgainstApproval,
  keyFingerprint,
  logMarkFromJson,
  logProofFromWire,
  verifyTaskApproval,
  type BodyOf,
  type LogMark,
  type TaskApproval,
} from '@conclave/proto';
import type { KeyValueStore } from './kv-store.ts';

/** Where the device keeps the newest transparency-log head it accepted. */
export const LOG_HEAD_KEY = 'transparency-log/head';
/** Where the device keeps what it verified of each approved task it was asked to train. */
export const APPROVED_TASKS_KEY = 'transparency-log/approved-tasks';

export interface ApprovalPolicy {
  /** Ed25519 public keys of the approvers this device trusts (raw 32 bytes). */
  readonly approverKeys: readonly Uint8Array[];
  /** Refuse tasks without a valid approval and log proof. @default true */
  readonly requireApprovedTasks: boolean;
}

/** What the device may show the employee about an approved task (the privacy panel). */
export interface ApprovalInfo {
  approverName: string;
  /** `keyFingerprint` of the approver's key. */
  approverFingerprint: string;
  approvedAtMs: number;
  /** The task's ε budget as approved (null without differential privacy). */
  epsilon: number | null;
  delta: number | null;
  /** The smallest cohort the approved task may commit a round with. */
  minimumCohort: number;
  /** Whether the approval asked for malicious-server secure aggregation. */
  maliciousServer: boolean;
  /** Size of the transparency log that includes the task. */
  logSize: number;
}

/** An approved task as this device verified it: what its privacy panel shows. */
export interface ApprovedTask extends ApprovalInfo {
  taskId: string;
  name: string;
  purpose: string;
  streams: string[];
}

/** Most approved tasks remembered (the oldest are forgotten first). */
export const MAX_APPROVED_TASKS = 100;

export type ApprovalDecision =
  | { readonly ok: true; readonly approval: TaskApproval | undefined; readonly info: ApprovalInfo | undefined }
  | { readonly ok: false; readonly code: ReasonCode; readonly message: string };

const refuse = (code: ReasonCode, message: string): ApprovalDecision => ({ ok: false, code, message });

/** What a round waits for before it trains: the gate's decision and, from model version 0, the model check. */
export type RoundAdmission =
  | { readonly ok: true; readonly checkModel?: (topologyJson: string, weights: Uint8Array) => Promise<{ ok: true } | { ok: false; code: ReasonCode; message: string }> }
  | { readonly ok: false; readonly code: ReasonCode; readonly message: string };

export class TaskApprovalGate {
  readonly #kv: KeyValueStore;
  readonly #policy: ApprovalPolicy;
  /** Serialises read-check-write of the remembered head. */
  #queue: Promise<unknown> = Promise.resolve();

  constructor(kv: KeyValueStore, policy: ApprovalPolicy) {
    this.#kv = kv;
    this.#policy = policy;
  }

  get required(): boolean {
    return this.#policy.requireApprovedTasks;
  }

  /** The newest head this device accepted, if any. */
  async lastSeen(): Promise<LogMark | undefined> {
    const text = await this.#kv.get(LOG_HEAD_KEY);
    if (text === undefined) return undefined;
    try {
      return logMarkFromJson(JSON.parse(text));
    } catch {
      return undefined;
    }
  }

  /** For CheckIn.known_log_size. */
  async knownLogSize(): Promise<number> {
    return (await this.lastSeen())?.size ?? 0;
  }

  /**
   * Checks a Selected message. Accepts without looking when approval is not required; otherwise
   * the approval, the log proof (remembering the new head once it verifies) and the plan.
   */
  check(selected: BodyOf<'selected'>): Promise<ApprovalDecision> {
    const run = this.#queue.then(() => this.#check(selected));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #check(selected: BodyOf<'selected'>): Promise<ApprovalDecision> {
    if (!this.#policy.requireApprovedTasks) return { ok: true, approval: undefined, info: undefined };
    const NOT_APPROVED = ReasonCode.POLICY_REFUSED_TASK_NOT_APPROVED;
    if (!selected.approval) return refuse(NOT_APPROVED, `task ${selected.taskId} carries no approval; this device only trains approved tasks`);
    if (this.#policy.approverKeys.length === 0) return refuse(NOT_APPROVED, 'this device pins no approver key, so it cannot accept any task (configure approverKeys)');
    let approval: TaskApproval;
    try {
      approval = approvalFromWire(selected.approval);
    } catch (err) {
      return refuse(NOT_APPROVED, `the approval of task ${selected.taskId} cannot be read: ${(err as Error).message}`);
    }
    const signature = await verifyTaskApproval(approval, { approverKeys: this.#policy.approverKeys });
    if (!signature.ok) return refuse(NOT_APPROVED, signature.message);

    const LOG = ReasonCode.POLICY_REFUSED_TRANSPARENCY_LOG;
    if (!selected.logProof) return refuse(LOG, `task ${selected.taskId} comes without its transparency log proof`);
    let proof;
    try {
      proof = logProofFromWire(selected.logProof);
    } catch (err) {
      return refuse(LOG, `the transparency log proof cannot be read: ${(err as Error).message}`);
    }
    const log = await checkLogProof({ approval, proof, lastSeen: await this.lastSeen(), approverKeys: this.#policy.approverKeys });
    if (!log.ok) return refuse(LOG, log.message);
    await this.#kv.set(LOG_HEAD_KEY, JSON.stringify(log.mark));

    const plan = await checkPlanAgainstApproval(approval.statement, selected);
    if (!plan.ok) return refuse(ReasonCode.POLICY_REFUSED_PLAN_MISMATCH, plan.message);
    const info = await approvalInfo(approval, log.mark.size);
    await this.#remember(approval, info);
    return { ok: true, approval, info };
  }

  /** The approved tasks this device verified, newest approval first. */
  async approvedTasks(): Promise<ApprovedTask[]> {
    return Object.values(await this.#approved()).sort((a, b) => b.approvedAtMs - a.approvedAtMs);
  }

  async #approved(): Promise<Record<string, ApprovedTask>> {
    const text = await this.#kv.get(APPROVED_TASKS_KEY);
    if (text === undefined) return {};
    try {
      const parsed = JSON.parse(text) as Record<string, ApprovedTask>;
      return typeof parsed === 'object' && parsed !== null ? parsed : {};
    } catch {
      return {};
    }
  }

  async #remember(approval: TaskApproval, info: ApprovalInfo): Promise<void> {
    const s = approval.statement;
    const all = await this.#approved();
    all[s.taskId] = { ...info, taskId: s.taskId, name: s.name, purpose: s.purpose, streams: [...s.streams] };
    const kept = Object.values(all).sort((a, b) => b.approvedAtMs - a.approvedAtMs).slice(0, MAX_APPROVED_TASKS);
    await this.#kv.set(APPROVED_TASKS_KEY, JSON.stringify(Object.fromEntries(kept.map((t) => [t.taskId, t]))));
  }

  /** From model version 0: the downloaded weights must be the approved initial model. */
  async checkInitialModel(approval: TaskApproval | undefined, topologyJson: string, weights: Uint8Array): Promise<ApprovalDecision> {
    if (!approval) return { ok: true, approval: undefined, info: undefined };
    const check = await checkInitialModelAgainstApproval(approval.statement, topologyJson, weights);
    if (!check.ok) return refuse(ReasonCode.POLICY_REFUSED_PLAN_MISMATCH, check.message);
    return { ok: true, approval, info: undefined };
  }
}

/** A round's admission from a gate decision (model check from version 0). */
export function admissionOf(gate: TaskApprovalGate, decision: ApprovalDecision, modelVersion: number): RoundAdmission {
  if (!decision.ok) return decision;
  const approval = decision.approval;
  if (!approval || modelVersion !== 0) return { ok: true };
  return { ok: true, checkModel: (topologyJson, weights) => gate.checkInitialModel(approval, topologyJson, weights) };
}

export async function approvalInfo(approval: TaskApproval, logSize: number): Promise<ApprovalInfo> {
  const s = approval.statement;
  const p = s.privacy;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    approverName: s.approverName,
    approverFingerprint: await keyFingerprint(s.approverKey),
    approvedAtMs: s.approvedAtMs,
    epsilon: num(p?.targetEpsilon),
    delta: num(p?.delta),
    minimumCohort: num(s.cohort.minimum) ?? 1,
    maliciousServer: s.secureAggregation.maliciousServer === true,
    logSize,
  };
}
