/**
 * What the coordinator persists of task approvals and the transparency log. The SQLite store
 * implements it (tables `task_approvals` and `log_heads`); the log is append-only: entries and
 * heads are only ever inserted, in one transaction with the task leaving `awaiting-approval`.
 */
export interface ApprovalRecord {
  taskId: string;
  /** `taskApprovalToJson` of the approval, as text. */
  approvalJson: string;
}

export interface ApprovalStore {
  /** Every approval in log order (leaf index 0 first). */
  listApprovals(): Promise<ApprovalRecord[]>;
  /** Every signed tree head (`treeHeadToJson`, as text) in the order they were appended. */
  listLogHeads(): Promise<string[]>;
  /**
   * Appends one approval and the head that covers it, and sets the task from
   * `awaiting-approval` to `running`, in one transaction. Throws CONFLICT when the task is not
   * awaiting approval or the log grew meanwhile (`leafIndex` is not the log's size).
   */
  appendApproval(entry: { taskId: string; leafIndex: number; approvalJson: string; headJson: string; now: number }): Promise<void>;
}
