/**
 * The coordinator's side of task approval: it computes what an approver is asked to sign,
 * accepts a signed approval with the tree head that appends it to the transparency log (after
 * checking both: the coordinator must never store a log it would have to serve and devices
 * would refuse), keeps the log, and answers each selected device with the task's approval,
 * inclusion proof and consistency proof from the head the device reported. It holds no signing
 * key: approving and signing heads happen on the approver's machine (`conclave task approve`).
 */
import {
  approvalToWire,
  bytesEqual,
  logProofToWire,
  taskApprovalFromJson,
  taskApprovalToJson,
  taskStatementBytes,
  transparencyLogToJson,
  treeHeadFromJson,
  treeHeadToJson,
  verifyTaskApproval,
  verifyTreeHead,
  type LogProof,
  type SignedTreeHead,
  type TaskApproval,
  type TransparencyLog,
  type TransparencyLogJson,
  type BodyOf,
} from '@conclave/proto';
import { ServerError } from '../errors.ts';
import type { StoredTaskSpec } from '../task-spec.ts';
import type { ApprovalStore } from './approval-store.ts';
import { MerkleLog, leafHashOf } from './log-proofs.ts';
import { taskStatementDraft, type TaskStatementDraft } from './task-statement.ts';

export interface TaskForApproval {
  id: string;
  spec: StoredTaskSpec;
  initialWeights: Float32Array;
  status: string;
}

/** What `conclave task approve` fetches: the draft to sign and the log to append it to. */
export interface ApprovalRequest {
  draft: TaskStatementDraft;
  log: TransparencyLogJson;
}

/** What Selected carries about the task's approval. */
export type ApprovalWire = Pick<BodyOf<'selected'>, 'approval' | 'logProof'>;

export class TaskApprovals {
  #entries: TaskApproval[];
  #heads: SignedTreeHead[];
  readonly #tree = new MerkleLog();

  private constructor(
    private readonly store: ApprovalStore,
    entries: TaskApproval[],
    heads: SignedTreeHead[],
  ) {
    this.#entries = entries;
    this.#heads = heads;
    for (const e of entries) this.#tree.append(leafHashOf(e.statement));
  }

  /** Reads the log the store holds; throws STORE_CORRUPT naming an unreadable entry. */
  static async load(store: ApprovalStore): Promise<TaskApprovals> {
    const read = <T>(what: string, f: () => T): T => {
      try {
        return f();
      } catch (err) {
        throw new ServerError('STORE_CORRUPT', `stored transparency log: ${what}: ${(err as Error).message}`, 500);
      }
    };
    const entries = (await store.listApprovals()).map((r, i) => read(`entry ${i}`, () => taskApprovalFromJson(r.approvalJson)));
    const heads = (await store.listLogHeads()).map((h, i) => read(`head ${i}`, () => treeHeadFromJson(JSON.parse(h))));
    return new TaskApprovals(store, entries, heads);
  }

  /**
   * Reads entries another coordinator node appended since this one loaded the log (several nodes
   * on one database). The log is append-only, so what is held already is a prefix of it.
   */
  async refresh(): Promise<void> {
    const fresh = await TaskApprovals.load(this.store);
    if (fresh.#heads.length <= this.#heads.length) return;
    for (const e of fresh.#entries.slice(this.#entries.length)) this.#tree.append(leafHashOf(e.statement));
    this.#entries = fresh.#entries;
    this.#heads = fresh.#heads;
  }

  get log(): TransparencyLog {
    return { entries: this.#entries, heads: this.#heads };
  }

  approvalOf(taskId: string): TaskApproval | undefined {
    return this.#entries.find((e) => e.statement.taskId === taskId);
  }

  async request(task: TaskForApproval): Promise<ApprovalRequest> {
    if (task.status !== 'awaiting-approval') throw new ServerError('BAD_REQUEST', `task "${task.id}" is ${task.status}, not awaiting approval`, 409);
    return { draft: await taskStatementDraft(task), log: transparencyLogToJson(this.log) };
  }

  /**
   * Accepts `{ approval, head }` for a task awaiting approval: the statement must be exactly the
   * coordinator's draft of the task (plus who approved and when), signed by the key it names (or
   * one of `approverKeys` when the coordinator is configured with them); the head must be signed
   * by the same key and be the log with this approval appended.
   */
  async accept(task: TaskForApproval, body: unknown, now: number, approverKeys?: readonly Uint8Array[]): Promise<{ head: SignedTreeHead; approval: TaskApproval }> {
    if (task.status !== 'awaiting-approval') throw new ServerError('BAD_REQUEST', `task "${task.id}" is ${task.status}, not awaiting approval`, 409);
    const b = (typeof body === 'object' && body !== null ? body : {}) as { approval?: unknown; head?: unknown };
    let approval: TaskApproval;
    let head: SignedTreeHead;
    try {
      approval = taskApprovalFromJson(b.approval);
      head = treeHeadFromJson(b.head);
    } catch (err) {
      throw new ServerError('BAD_REQUEST', `approval refused: ${(err as Error).message}`);
    }
    const s = approval.statement;
    if (s.taskId !== task.id) throw new ServerError('BAD_REQUEST', `approval refused: it is for task "${s.taskId}", not "${task.id}"`);
    const draft = await taskStatementDraft(task);
    const expected = taskStatementBytes({ ...draft, approverName: s.approverName, approverKey: s.approverKey, approvedAtMs: s.approvedAtMs });
    if (!bytesEqual(expected, taskStatementBytes(s))) {
      throw new ServerError('BAD_REQUEST', `approval refused: the signed statement is not what task "${task.id}" runs (fetch the request again and approve what it shows)`);
    }
    const check = await verifyTaskApproval(approval, { approverKeys: approverKeys ?? [s.approverKey] });
    if (!check.ok) throw new ServerError('BAD_REQUEST', `approval refused: ${check.message}`);
    if (!(await verifyTreeHead(head, [s.approverKey]))) throw new ServerError('BAD_REQUEST', 'approval refused: the tree head is not signed by the approver');
    const size = this.#entries.length + 1;
    const leaf = leafHashOf(s);
    const extended = new MerkleLog();
    for (let i = 0; i < this.#tree.size; i++) extended.append(this.#tree.root(i, i + 1));
    extended.append(leaf);
    if (head.size !== size || !bytesEqual(head.rootHash, extended.root())) {
      throw new ServerError('BAD_REQUEST', `approval refused: the tree head is not the log of ${size} entries with this approval appended (the log may have grown; approve again)`, 409);
    }
    await this.store.appendApproval({
      taskId: task.id,
      leafIndex: size - 1,
      approvalJson: JSON.stringify(taskApprovalToJson(approval)),
      headJson: JSON.stringify(treeHeadToJson(head)),
      now,
    });
    this.#entries = [...this.#entries, approval];
    this.#heads = [...this.#heads, head];
    this.#tree.append(leaf);
    return { head, approval };
  }

  /**
   * The task's approval and log proof from `fromSize` (the device's last head; a size the log
   * never had gets a proof from 0, which the device then refuses as not extending its head).
   */
  proofFor(taskId: string, fromSize: number): { approval: TaskApproval; proof: LogProof } | undefined {
    const leafIndex = this.#entries.findIndex((e) => e.statement.taskId === taskId);
    const head = this.#heads.at(-1);
    if (leafIndex < 0 || !head || leafIndex >= head.size) return undefined;
    const from = Number.isSafeInteger(fromSize) && fromSize >= 0 && fromSize <= head.size ? fromSize : 0;
    return {
      approval: this.#entries[leafIndex] as TaskApproval,
      proof: { head, leafIndex, inclusion: this.#tree.inclusion(leafIndex, head.size), consistencyFrom: from, consistency: this.#tree.consistency(from, head.size) },
    };
  }

  /** `proofFor` as the fields of Selected; nothing for a task without approval. */
  wireFor(taskId: string, fromSize: number): ApprovalWire {
    const found = this.proofFor(taskId, fromSize);
    return found ? { approval: approvalToWire(found.approval), logProof: logProofToWire(found.proof) } : {};
  }
}
