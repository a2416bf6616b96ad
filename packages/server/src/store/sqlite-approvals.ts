/**
 * The SQLite side of task approvals and the transparency log (`ApprovalStore`): its schema
 * migration and queries, used by SqliteStore. Approvals and heads are append-only (triggers
 * refuse UPDATE and DELETE, like the audit log). A task awaiting approval is marked by
 * `tasks.awaiting_approval` rather than a new `status` value, so the migration needs no rebuild
 * of the tasks table (SQLite cannot alter its CHECK constraint in place).
 */
import type Database from 'better-sqlite3';
import { ServerError } from '../errors.ts';
import type { ApprovalRecord } from '../approval/approval-store.ts';

export const APPROVAL_MIGRATION = `
  ALTER TABLE tasks ADD COLUMN awaiting_approval INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE task_approvals (
    leaf_index INTEGER PRIMARY KEY,
    task_id TEXT NOT NULL UNIQUE REFERENCES tasks(id),
    approval_json TEXT NOT NULL,
    approved_at INTEGER NOT NULL
  );
  CREATE TABLE log_heads (
    size INTEGER PRIMARY KEY,
    head_json TEXT NOT NULL
  );
  CREATE TRIGGER task_approvals_append_only_update BEFORE UPDATE ON task_approvals
    BEGIN SELECT RAISE(ABORT, 'task_approvals is append-only'); END;
  CREATE TRIGGER task_approvals_append_only_delete BEFORE DELETE ON task_approvals
    BEGIN SELECT RAISE(ABORT, 'task_approvals is append-only'); END;
  CREATE TRIGGER log_heads_append_only_update BEFORE UPDATE ON log_heads
    BEGIN SELECT RAISE(ABORT, 'log_heads is append-only'); END;
  CREATE TRIGGER log_heads_append_only_delete BEFORE DELETE ON log_heads
    BEGIN SELECT RAISE(ABORT, 'log_heads is append-only'); END;`;

export function listApprovals(db: Database.Database): ApprovalRecord[] {
  return (db.prepare(`SELECT task_id, approval_json FROM task_approvals ORDER BY leaf_index`).all() as { task_id: string; approval_json: string }[]).map((r) => ({
    taskId: r.task_id,
    approvalJson: r.approval_json,
  }));
}

export function listLogHeads(db: Database.Database): string[] {
  return (db.prepare(`SELECT head_json FROM log_heads ORDER BY size`).all() as { head_json: string }[]).map((r) => r.head_json);
}

/** Appends an approval and its head and starts the task, in the caller's transaction. */
export function appendApproval(db: Database.Database, e: { taskId: string; leafIndex: number; approvalJson: string; headJson: string; now: number }): void {
  const size = (db.prepare(`SELECT COUNT(*) AS n FROM task_approvals`).get() as { n: number }).n;
  if (size !== e.leafIndex) throw new ServerError('BAD_REQUEST', `the transparency log has ${size} entries, the approval was made for ${e.leafIndex}; approve again`, 409);
  const updated = db.prepare(`UPDATE tasks SET awaiting_approval = 0, updated_at = ? WHERE id = ? AND awaiting_approval = 1 AND status = 'running'`).run(e.now, e.taskId);
  if (updated.changes !== 1) throw new ServerError('BAD_REQUEST', `task "${e.taskId}" is not awaiting approval`, 409);
  db.prepare(`INSERT INTO task_approvals (leaf_index, task_id, approval_json, approved_at) VALUES (?, ?, ?, ?)`).run(e.leafIndex, e.taskId, e.approvalJson, e.now);
  db.prepare(`INSERT INTO log_heads (size, head_json) VALUES (?, ?)`).run(e.leafIndex + 1, e.headJson);
}
