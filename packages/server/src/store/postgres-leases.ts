/**
 * Task leases on PostgreSQL (schema version 2, `task_leases`): which coordinator node leads each
 * task, with the epoch that fences a round commit (docs/storage.md, "Concurrency on PostgreSQL").
 *
 * Times are the database's (`clock_timestamp()` in ms), so the nodes' clocks need not agree. A
 * take or renew is one statement on the lease row (`INSERT … ON CONFLICT DO UPDATE … WHERE`):
 * two nodes asking at once serialize on that row, and only one of them gets it. A takeover that
 * finds the previous leader's round still open records it as aborted in the same transaction.
 */
import type pg from 'pg';
import { ServerError } from '../errors.ts';
import { inTransaction, type Queryable } from './postgres-db.ts';
import type { LeaseRef, OpenRoundMark, TaskLease, TaskLeaseStore } from './store.ts';

/** Milliseconds since the epoch on the database's clock (not the transaction's start). */
const DB_NOW_MS = `(extract(epoch from clock_timestamp()) * 1000)::bigint`;

interface LeasePgRow {
  task_id: string;
  node_id: string;
  epoch: number;
  expires_at: number;
  open_round: OpenRoundMark | null;
}

/** The most a lease may last: a node that vanishes holds its tasks at most this long. */
export const MAX_LEASE_MS = 10 * 60_000;

export class PostgresLeaseStore implements TaskLeaseStore {
  constructor(private readonly pool: pg.Pool) {}

  async acquire(request: { taskId: string; nodeId: string; ttlMs: number; heldEpoch?: number }): Promise<TaskLease> {
    const { taskId, nodeId, ttlMs } = request;
    if (!Number.isInteger(ttlMs) || ttlMs < 100 || ttlMs > MAX_LEASE_MS) throw new ServerError('BAD_REQUEST', `lease time must be an integer from 100 to ${MAX_LEASE_MS} ms, got ${ttlMs}`);
    if (!nodeId) throw new ServerError('BAD_REQUEST', 'a node id is required to take a lease');
    const heldEpoch = request.heldEpoch ?? 0;
    return inTransaction(this.pool, async (c) => {
      // The row as it was, locked: a takeover must know whose round it aborts.
      const before = (await c.query<LeasePgRow>(`SELECT task_id, node_id, epoch, expires_at, open_round FROM task_leases WHERE task_id = $1 FOR UPDATE`, [taskId])).rows[0];
      const { rows } = await c.query<LeasePgRow>(
        `INSERT INTO task_leases (task_id, node_id, epoch, expires_at, acquired_at)
           SELECT $1, $2, 1, ${DB_NOW_MS} + $3, ${DB_NOW_MS} FROM tasks WHERE id = $1
         ON CONFLICT (task_id) DO UPDATE SET
           node_id = EXCLUDED.node_id,
           expires_at = EXCLUDED.expires_at,
           -- A renewal keeps the epoch; anything else is a takeover and fences the holder before.
           epoch = CASE WHEN task_leases.node_id = EXCLUDED.node_id AND task_leases.epoch = $4 THEN task_leases.epoch ELSE task_leases.epoch + 1 END,
           acquired_at = CASE WHEN task_leases.node_id = EXCLUDED.node_id AND task_leases.epoch = $4 THEN task_leases.acquired_at ELSE EXCLUDED.acquired_at END,
           open_round = CASE WHEN task_leases.node_id = EXCLUDED.node_id AND task_leases.epoch = $4 THEN task_leases.open_round ELSE NULL END
         WHERE task_leases.node_id = EXCLUDED.node_id OR task_leases.expires_at < ${DB_NOW_MS}
         RETURNING task_id, node_id, epoch, expires_at, open_round`,
        [taskId, nodeId, ttlMs, heldEpoch],
      );
      const now = rows[0];
      if (!now) {
        // Another node's live lease; or one it inserted while this statement waited on the row.
        const holder = before ?? (await c.query<LeasePgRow>(`SELECT task_id, node_id, epoch, expires_at FROM task_leases WHERE task_id = $1`, [taskId])).rows[0];
        if (!holder) throw new ServerError('TASK_NOT_FOUND', `no task with id "${taskId}" to lease`, 404);
        return { taskId, nodeId: holder.node_id, epoch: holder.epoch, expiresAt: holder.expires_at, held: false };
      }
      const lease: TaskLease = { taskId, nodeId: now.node_id, epoch: now.epoch, expiresAt: now.expires_at, held: true };
      const open = before?.open_round;
      if (before && open && now.epoch !== before.epoch) {
        // A released lease has expires_at 0 (a node shutting down gives its leases up).
        const how = before.node_id === nodeId ? 'an earlier process of this node stopped' : before.expires_at === 0 ? 'it released the lease' : 'its lease expired';
        const reason = `node "${before.node_id}" stopped leading the task during round ${open.round} (${how}; node "${nodeId}" took the lease over at epoch ${now.epoch})`;
        await c.query(
          `INSERT INTO rounds (task_id, round, kind, status, model_version_in, reason, started_at, ended_at)
           VALUES ($1, $2, $3, 'aborted', $4, $5, $6, ${DB_NOW_MS})`,
          [taskId, open.round, open.kind, open.modelVersionIn, reason, open.startedAt],
        );
        lease.abortedRound = { ...open, reason, previousNodeId: before.node_id, previousEpoch: before.epoch };
      }
      return lease;
    });
  }

  async release(taskId: string, lease: LeaseRef): Promise<void> {
    await this.pool.query(`UPDATE task_leases SET expires_at = 0 WHERE task_id = $1 AND node_id = $2 AND epoch = $3`, [taskId, lease.nodeId, lease.epoch]);
  }

  async setOpenRound(taskId: string, lease: LeaseRef, open: OpenRoundMark | null): Promise<boolean> {
    const r = await this.pool.query(`UPDATE task_leases SET open_round = $4 WHERE task_id = $1 AND node_id = $2 AND epoch = $3`, [
      taskId,
      lease.nodeId,
      lease.epoch,
      open && JSON.stringify(open),
    ]);
    return r.rowCount === 1;
  }

  async list(): Promise<(Omit<TaskLease, 'held' | 'abortedRound'> & { acquiredAt: number })[]> {
    const { rows } = await this.pool.query<LeasePgRow & { acquired_at: number }>(`SELECT task_id, node_id, epoch, expires_at, acquired_at FROM task_leases ORDER BY task_id COLLATE "C"`);
    return rows.map((r) => ({ taskId: r.task_id, nodeId: r.node_id, epoch: r.epoch, expiresAt: r.expires_at, acquiredAt: r.acquired_at }));
  }
}

/**
 * The fencing check of a round commit or abort, first in its transaction (before the task row is
 * locked, in the order a takeover locks them): the task's lease must still be `lease`. Clears
 * the lease's open round, which this write settles.
 */
export async function checkLease(c: Queryable, taskId: string, round: number, lease: LeaseRef): Promise<void> {
  const { rows } = await c.query<{ node_id: string; epoch: number }>(`SELECT node_id, epoch FROM task_leases WHERE task_id = $1 FOR UPDATE`, [taskId]);
  const held = rows[0];
  if (!held || held.node_id !== lease.nodeId || held.epoch !== lease.epoch) {
    const now = held ? `node "${held.node_id}" holds it at epoch ${held.epoch}` : 'nobody holds it';
    throw new ServerError('LEASE_LOST', `round ${round} of task ${taskId} refused: node "${lease.nodeId}" no longer leads the task (its lease was epoch ${lease.epoch}; ${now})`, 409);
  }
  await c.query(`UPDATE task_leases SET open_round = NULL WHERE task_id = $1`, [taskId]);
}
