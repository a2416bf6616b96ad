/**
 * The store on PostgreSQL (`pg`), for deployments that outgrow one coordinator process: the same
 * contract as SqliteStore (store.ts), tested by the same suite (test/store-contract.test.ts).
 *
 * Concurrency: every write that depends on what it read locks that row first (`SELECT … FOR
 * UPDATE` on the task for a round commit, on the token for an enrollment) or takes an advisory
 * lock for an append-only sequence (audit log, transparency log), so several coordinator nodes
 * can share one database: two commits of one round serialize, the second finds the model
 * version moved on and fails as STALE_UPDATE (and the unique index on committed rounds holds
 * whatever the isolation level). Which node may commit a task's rounds at all is decided by a
 * lease per task (`leases`, postgres-leases.ts): a commit or abort that carries a lease is refused
 * (LEASE_LOST) once another node took it over (docs/storage.md).
 */
import type pg from 'pg';
import type { AuditEntry } from '../audit/audit-chain.ts';
import type { ApprovalRecord } from '../approval/approval-store.ts';
import { ServerError } from '../errors.ts';
import { parseStoredTaskSpec, type StoredTaskSpec } from '../task-spec.ts';
import { appendAudit, deviceRef, readAuditChain, readAuditTail } from './postgres-audit.ts';
import { createPool, inTransaction, migrate, type PostgresPoolOptions, type Queryable } from './postgres-db.ts';
import { PostgresTrustStore } from './postgres-trust-store.ts';
import { checkLease, PostgresLeaseStore } from './postgres-leases.ts';
import type { DeviceRecord, ForgetResult, LeaseRef, ModelVersionRow, Participation, RoundCommit, RoundMetrics, RoundRow, Store, TaskRow, TaskStatus } from './store.ts';
import { toFloat32, toBytes } from './weights-codec.ts';

export interface PostgresStoreOptions extends PostgresPoolOptions {
  /** Model checkpoints kept per task besides the initial model and the latest. @default every version */
  keepCheckpoints?: number;
}

interface TaskPgRow {
  id: string;
  name: string;
  spec: unknown;
  status: TaskStatus;
  status_reason: string;
  awaiting_approval: boolean;
  model_version: number;
  final_eval_done: boolean;
  created_at: number;
  updated_at: number;
}

interface DevicePgRow {
  id: string;
  first_seen: number;
  last_seen: number;
  public_key: Buffer | null;
  enrolled_at: number | null;
  revoked_at: number | null;
  revoked_reason: string;
}

interface RoundPgRow {
  task_id: string;
  round: number;
  kind: 'train' | 'evaluate';
  status: 'committed' | 'aborted';
  model_version_in: number;
  model_version_out: number | null;
  reason: string;
  metrics: RoundMetrics | null;
  started_at: number;
  ended_at: number;
}

const TASK_COLUMNS = 'id, name, spec, status, status_reason, awaiting_approval, model_version, final_eval_done, created_at, updated_at';

function toTask(r: TaskPgRow): TaskRow {
  return {
    id: r.id,
    name: r.name,
    spec: parseStoredTaskSpec(r.spec),
    // A task awaiting approval is stored as running with the flag set, as in SQLite.
    status: r.status === 'running' && r.awaiting_approval ? 'awaiting-approval' : r.status,
    statusReason: r.status_reason,
    modelVersion: r.model_version,
    finalEvalDone: r.final_eval_done,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toDevice(r: DevicePgRow): DeviceRecord {
  return {
    id: r.id,
    publicKey: r.public_key ? new Uint8Array(r.public_key) : null,
    firstSeen: r.first_seen,
    lastSeen: r.last_seen,
    enrolledAt: r.enrolled_at,
    revokedAt: r.revoked_at,
    revokedReason: r.revoked_reason,
  };
}

/** Held while the transparency log grows, so that two approvals never claim one leaf. */
const APPROVAL_LOG_LOCK = 0x6c6f6773; // "logs"

export class PostgresStore implements Store {
  /** Certificates and revocation lists, in the same database (SQLite keeps them in trust.db). */
  readonly trust: PostgresTrustStore;
  /** Which coordinator node leads each task (several nodes on one database). */
  readonly leases: PostgresLeaseStore;
  private readonly keep: number;

  private constructor(
    private readonly pool: pg.Pool,
    options: PostgresStoreOptions,
  ) {
    this.keep = options.keepCheckpoints ?? Number.POSITIVE_INFINITY;
    this.trust = new PostgresTrustStore(pool);
    this.leases = new PostgresLeaseStore(pool);
  }

  /** Connects, brings the schema up to date (or refuses a newer one), and returns the store. */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    const pool = createPool(options);
    try {
      await migrate(pool);
    } catch (err) {
      await pool.end().catch(() => undefined);
      throw err;
    }
    return new PostgresStore(pool, options);
  }

  private tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, fn);
  }

  async createTask({ id, spec, initialWeights, now, awaitingApproval = false }: { id: string; spec: StoredTaskSpec; initialWeights: Float32Array; now: number; awaitingApproval?: boolean }): Promise<void> {
    await this.tx(async (c) => {
      await c.query(`INSERT INTO tasks (id, name, spec, status, awaiting_approval, model_version, created_at, updated_at) VALUES ($1, $2, $3, 'running', $4, 0, $5, $5)`, [
        id,
        spec.name,
        JSON.stringify(spec),
        awaitingApproval,
        now,
      ]);
      await c.query(`INSERT INTO model_versions (task_id, version, weights, created_at) VALUES ($1, 0, $2, $3)`, [id, toBytes(initialWeights), now]);
      await appendAudit(c, 'admin', 'task.create', { taskId: id, name: spec.name, stream: spec.stream }, now);
    });
  }

  async getTask(id: string): Promise<TaskRow | undefined> {
    const { rows } = await this.pool.query<TaskPgRow>(`SELECT ${TASK_COLUMNS} FROM tasks WHERE id = $1`, [id]);
    return rows[0] && toTask(rows[0]);
  }

  async listTasks(): Promise<TaskRow[]> {
    return (await this.pool.query<TaskPgRow>(`SELECT ${TASK_COLUMNS} FROM tasks ORDER BY created_at, id COLLATE "C"`)).rows.map(toTask);
  }

  async setTaskStatus(id: string, status: TaskStatus, reason: string, now: number): Promise<void> {
    if (status === 'awaiting-approval') throw new ServerError('BAD_REQUEST', 'a task awaits approval only from its creation; only an approval changes that');
    await this.tx(async (c) => {
      await c.query(`UPDATE tasks SET status = $1, status_reason = $2, updated_at = $3 WHERE id = $4`, [status, reason, now, id]);
      await appendAudit(c, 'coordinator', 'task.status', { taskId: id, status, reason }, now);
    });
  }

  async getModel(taskId: string, version: number): Promise<Float32Array | undefined> {
    const { rows } = await this.pool.query<{ weights: Buffer }>(`SELECT weights FROM model_versions WHERE task_id = $1 AND version = $2`, [taskId, version]);
    return rows[0] && toFloat32(rows[0].weights);
  }

  async getOptimizerState(taskId: string): Promise<Buffer | null> {
    const { rows } = await this.pool.query<{ optimizer_state: Buffer | null }>(`SELECT optimizer_state FROM tasks WHERE id = $1`, [taskId]);
    return rows[0]?.optimizer_state ?? null;
  }

  async getPrivacyState(taskId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ privacy_state: string | null }>(`SELECT privacy_state FROM tasks WHERE id = $1`, [taskId]);
    return rows[0]?.privacy_state ?? null;
  }

  async countEnrolledDevices(): Promise<number> {
    const { rows } = await this.pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM devices WHERE public_key IS NOT NULL AND revoked_at IS NULL`);
    return rows[0]?.n ?? 0;
  }

  async commitRound(r: RoundCommit): Promise<void> {
    await this.tx(async (c) => {
      // Fenced first: a node whose lease was taken over commits nothing (the lease row, then the task row).
      if (r.lease) await checkLease(c, r.taskId, r.round, r.lease);
      // The task row stays locked to the end: a concurrent commit of this task waits, then sees the new version.
      const { rows } = await c.query<{ model_version: number }>(`SELECT model_version FROM tasks WHERE id = $1 FOR UPDATE`, [r.taskId]);
      const task = rows[0];
      if (!task) throw new ServerError('TASK_NOT_FOUND', `task ${r.taskId} does not exist`);
      if (task.model_version !== r.modelVersionIn) {
        // Never mix a round computed from an older model into a newer one.
        throw new ServerError('STALE_UPDATE', `round ${r.round} was computed from model version ${r.modelVersionIn}, task is at ${task.model_version}`);
      }
      await c.query(
        `INSERT INTO rounds (task_id, round, kind, status, model_version_in, model_version_out, reason, metrics, started_at, ended_at)
         VALUES ($1, $2, $3, 'committed', $4, $5, '', $6, $7, $8)`,
        [r.taskId, r.round, r.kind, r.modelVersionIn, r.newModel?.version ?? null, JSON.stringify(r.metrics), r.startedAt, r.endedAt],
      );
      if (r.participants.length > 0) {
        await c.query(
          `INSERT INTO participation (task_id, round, device_id, num_examples)
           SELECT $1, $2, d, n FROM unnest($3::text[], $4::int[]) AS p(d, n)`,
          [r.taskId, r.round, r.participants.map((p) => p.deviceId), r.participants.map((p) => p.numExamples)],
        );
      }
      if (r.newModel) {
        await c.query(`INSERT INTO model_versions (task_id, version, weights, created_at) VALUES ($1, $2, $3, $4)`, [r.taskId, r.newModel.version, toBytes(r.newModel.weights), r.endedAt]);
        await c.query(`UPDATE tasks SET model_version = $1, optimizer_state = $2, privacy_state = COALESCE($3, privacy_state), updated_at = $4 WHERE id = $5`, [
          r.newModel.version,
          r.newModel.optimizerState,
          r.newModel.privacyState ?? null,
          r.endedAt,
          r.taskId,
        ]);
        if (Number.isFinite(this.keep)) {
          await c.query(`DELETE FROM model_versions WHERE task_id = $1 AND version > 0 AND version < $2`, [r.taskId, r.newModel.version - this.keep]);
        }
      }
      if (r.kind === 'evaluate') await c.query(`UPDATE tasks SET final_eval_done = true, updated_at = $1 WHERE id = $2`, [r.endedAt, r.taskId]);
      if (!r.newModel && r.privacyState !== undefined) await c.query(`UPDATE tasks SET privacy_state = $1, updated_at = $2 WHERE id = $3`, [r.privacyState, r.endedAt, r.taskId]);
      // Privacy spent with this round, and the task's end, go on the audit record with it (as in SQLite).
      if (r.metrics.epsilonSpent !== undefined) {
        const { epsilonSpent, epsilonForReleasedModel } = r.metrics;
        const detail = { taskId: r.taskId, round: r.round, kind: r.kind, epsilonSpent, ...(epsilonForReleasedModel !== undefined ? { epsilonForReleasedModel } : {}) };
        await appendAudit(c, 'coordinator', 'privacy.spent', detail, r.endedAt);
      }
      if (r.finish) {
        await c.query(`UPDATE tasks SET status = $1, status_reason = $2, updated_at = $3 WHERE id = $4`, [r.finish.status, r.finish.reason, r.endedAt, r.taskId]);
        await appendAudit(c, 'coordinator', 'task.status', { taskId: r.taskId, status: r.finish.status, reason: r.finish.reason }, r.endedAt);
      }
    });
  }

  async recordAbortedRound(r: Omit<RoundRow, 'status' | 'modelVersionOut' | 'metrics'> & { privacyState?: string; lease?: LeaseRef }): Promise<void> {
    await this.tx(async (c) => {
      if (r.lease) await checkLease(c, r.taskId, r.round, r.lease);
      await c.query(
        `INSERT INTO rounds (task_id, round, kind, status, model_version_in, reason, started_at, ended_at) VALUES ($1, $2, $3, 'aborted', $4, $5, $6, $7)`,
        [r.taskId, r.round, r.kind, r.modelVersionIn, r.reason, r.startedAt, r.endedAt],
      );
      if (r.privacyState !== undefined) await c.query(`UPDATE tasks SET privacy_state = $1, updated_at = $2 WHERE id = $3`, [r.privacyState, r.endedAt, r.taskId]);
    });
  }

  async chargePrivacy(taskId: string, round: number, privacyState: string, now: number, lease?: LeaseRef): Promise<void> {
    await this.tx(async (c) => {
      if (lease) {
        const { rows } = await c.query<{ node_id: string; epoch: number }>(`SELECT node_id, epoch FROM task_leases WHERE task_id = $1 FOR UPDATE`, [taskId]);
        const held = rows[0];
        if (!held || held.node_id !== lease.nodeId || held.epoch !== lease.epoch) {
          throw new ServerError('LEASE_LOST', `round ${round} of task ${taskId} not unmasked: node "${lease.nodeId}" no longer leads the task (its lease was epoch ${lease.epoch})`, 409);
        }
      }
      await c.query(`UPDATE tasks SET privacy_state = $1, updated_at = $2 WHERE id = $3`, [privacyState, now, taskId]);
    });
  }

  async listRounds(taskId: string, limit = 1000): Promise<RoundRow[]> {
    const { rows } = await this.pool.query<RoundPgRow>(
      `SELECT task_id, round, kind, status, model_version_in, model_version_out, reason, metrics, started_at, ended_at
         FROM rounds WHERE task_id = $1 ORDER BY id DESC LIMIT $2`,
      [taskId, limit],
    );
    return rows.reverse().map((r) => ({
      taskId: r.task_id,
      round: r.round,
      kind: r.kind,
      status: r.status,
      modelVersionIn: r.model_version_in,
      modelVersionOut: r.model_version_out,
      reason: r.reason,
      metrics: r.metrics,
      startedAt: r.started_at,
      endedAt: r.ended_at,
    }));
  }

  async participation(taskId: string, round: number): Promise<Participation[]> {
    const { rows } = await this.pool.query<{ device_id: string; num_examples: number }>(
      `SELECT device_id, num_examples FROM participation WHERE task_id = $1 AND round = $2 ORDER BY device_id COLLATE "C"`,
      [taskId, round],
    );
    return rows.map((r) => ({ deviceId: r.device_id, numExamples: r.num_examples }));
  }

  async touchDevice(deviceId: string, now: number): Promise<void> {
    await this.pool.query(`INSERT INTO devices (id, first_seen, last_seen) VALUES ($1, $2, $2) ON CONFLICT (id) DO UPDATE SET last_seen = excluded.last_seen`, [deviceId, now]);
  }

  async createEnrollmentTokens(tokenHashes: string[], now: number, expiresAt: number): Promise<void> {
    await this.tx(async (c) => {
      await c.query(`INSERT INTO enrollment_tokens (token_hash, created_at, expires_at) SELECT h, $2, $3 FROM unnest($1::text[]) AS t(h)`, [tokenHashes, now, expiresAt]);
      await appendAudit(c, 'admin', 'enrollment.issue', { count: tokenHashes.length, expiresAt }, now);
    });
  }

  async enrollDevice(tokenHash: string, deviceId: string, publicKey: Uint8Array, now: number): Promise<void> {
    await this.tx(async (c) => {
      const token = (await c.query<{ used_at: number | null; expires_at: number }>(`SELECT used_at, expires_at FROM enrollment_tokens WHERE token_hash = $1 FOR UPDATE`, [tokenHash])).rows[0];
      if (!token) throw new ServerError('UNAUTHENTICATED', 'enrollment token is not one this coordinator issued');
      if (token.used_at !== null) throw new ServerError('UNAUTHENTICATED', 'enrollment token was already used; each token enrolls one device');
      if (token.expires_at < now) throw new ServerError('UNAUTHENTICATED', `enrollment token expired on ${new Date(token.expires_at).toISOString()}`);
      const existing = await this.deviceRow(c, deviceId);
      if (existing?.revokedAt) throw new ServerError('DEVICE_REVOKED', `device ${deviceId} was revoked and can never join again`);
      await c.query(`UPDATE enrollment_tokens SET used_at = $1, device_id = $2 WHERE token_hash = $3`, [now, deviceId, tokenHash]);
      await c.query(
        `INSERT INTO devices (id, first_seen, last_seen, public_key, enrolled_at) VALUES ($1, $2, $2, $3, $2)
         ON CONFLICT (id) DO UPDATE SET public_key = excluded.public_key, enrolled_at = excluded.enrolled_at`,
        [deviceId, now, Buffer.from(publicKey)],
      );
      await appendAudit(c, 'device', 'device.enroll', { deviceId }, now);
    });
  }

  private async deviceRow(db: Queryable, deviceId: string): Promise<DeviceRecord | undefined> {
    const { rows } = await db.query<DevicePgRow>(`SELECT * FROM devices WHERE id = $1`, [deviceId]);
    return rows[0] && toDevice(rows[0]);
  }

  getDevice(deviceId: string): Promise<DeviceRecord | undefined> {
    return this.deviceRow(this.pool, deviceId);
  }

  async listDevices(): Promise<DeviceRecord[]> {
    return (await this.pool.query<DevicePgRow>(`SELECT * FROM devices ORDER BY first_seen, id COLLATE "C"`)).rows.map(toDevice);
  }

  async revokeDevice(deviceId: string, reason: string, now: number): Promise<void> {
    await this.tx(async (c) => {
      const res = await c.query(`UPDATE devices SET revoked_at = $1, revoked_reason = $2 WHERE id = $3 AND revoked_at IS NULL`, [now, reason, deviceId]);
      if (res.rowCount === 0) {
        if (!(await this.deviceRow(c, deviceId))) throw new ServerError('NOT_FOUND', `no device with id "${deviceId}"`, 404);
        throw new ServerError('DEVICE_REVOKED', `device ${deviceId} is already revoked`, 409);
      }
      await appendAudit(c, 'admin', 'device.revoke', { deviceId, reason }, now);
    });
  }

  audit(actor: string, action: string, detail: Record<string, unknown>, now: number): Promise<AuditEntry> {
    return this.tx((c) => appendAudit(c, actor, action, detail, now));
  }

  auditLog(limit = 100): Promise<AuditEntry[]> {
    return readAuditTail(this.pool, limit);
  }

  auditChain(): Promise<AuditEntry[]> {
    return readAuditChain(this.pool);
  }

  async listModelVersions(taskId: string): Promise<ModelVersionRow[]> {
    const { rows } = await this.pool.query<{ version: number; created_at: number; round: number | null; metrics: RoundMetrics | null }>(
      `SELECT m.version, m.created_at, r.round, r.metrics
         FROM model_versions m
         LEFT JOIN rounds r ON r.task_id = m.task_id AND r.model_version_out = m.version AND r.status = 'committed'
        WHERE m.task_id = $1
        ORDER BY m.version`,
      [taskId],
    );
    return rows.map((r) => ({ version: r.version, round: r.round, createdAt: r.created_at, metrics: r.metrics }));
  }

  /** As sqlite-forget.ts: every record naming the device goes in one transaction; anonymous counts stay. */
  async forgetDevice(deviceId: string, now: number): Promise<ForgetResult> {
    return this.tx(async (c) => {
      const known = await c.query(
        `SELECT 1 FROM devices WHERE id = $1 UNION SELECT 1 FROM participation WHERE device_id = $1 UNION SELECT 1 FROM enrollment_tokens WHERE device_id = $1`,
        [deviceId],
      );
      if (known.rowCount === 0) return { forgotten: false, modelVersions: [] };
      const contributed = await c.query<{ task_id: string; version: number }>(
        `SELECT p.task_id, r.model_version_out AS version
           FROM participation p
           JOIN rounds r ON r.task_id = p.task_id AND r.round = p.round AND r.status = 'committed'
          WHERE p.device_id = $1 AND r.model_version_out IS NOT NULL
          ORDER BY p.task_id, r.model_version_out`,
        [deviceId],
      );
      const byTask = new Map<string, number[]>();
      for (const r of contributed.rows) byTask.set(r.task_id, [...(byTask.get(r.task_id) ?? []), r.version]);
      const modelVersions = [...byTask].map(([taskId, versions]) => ({ taskId, versions }));
      const ref = await deviceRef(c, deviceId);
      await c.query(`DELETE FROM participation WHERE device_id = $1`, [deviceId]);
      await c.query(`UPDATE enrollment_tokens SET device_id = NULL WHERE device_id = $1`, [deviceId]);
      await c.query(`DELETE FROM devices WHERE id = $1`, [deviceId]);
      await appendAudit(c, 'admin', 'device.forget', { device: ref, modelVersions }, now);
      await c.query(`DELETE FROM device_refs WHERE device_id = $1`, [deviceId]);
      return { forgotten: true, modelVersions };
    });
  }

  async listApprovals(): Promise<ApprovalRecord[]> {
    const { rows } = await this.pool.query<{ task_id: string; approval: unknown }>(`SELECT task_id, approval FROM task_approvals ORDER BY leaf_index`);
    return rows.map((r) => ({ taskId: r.task_id, approvalJson: JSON.stringify(r.approval) }));
  }

  async listLogHeads(): Promise<string[]> {
    return (await this.pool.query<{ head: unknown }>(`SELECT head FROM log_heads ORDER BY size`)).rows.map((r) => JSON.stringify(r.head));
  }

  async appendApproval(e: { taskId: string; leafIndex: number; approvalJson: string; headJson: string; now: number }): Promise<void> {
    await this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [APPROVAL_LOG_LOCK]);
      const size = (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM task_approvals`)).rows[0]?.n ?? 0;
      if (size !== e.leafIndex) throw new ServerError('BAD_REQUEST', `the transparency log has ${size} entries, the approval was made for ${e.leafIndex}; approve again`, 409);
      const updated = await c.query(`UPDATE tasks SET awaiting_approval = false, updated_at = $1 WHERE id = $2 AND awaiting_approval AND status = 'running'`, [e.now, e.taskId]);
      if (updated.rowCount !== 1) throw new ServerError('BAD_REQUEST', `task "${e.taskId}" is not awaiting approval`, 409);
      await c.query(`INSERT INTO task_approvals (leaf_index, task_id, approval, approved_at) VALUES ($1, $2, $3, $4)`, [e.leafIndex, e.taskId, e.approvalJson, e.now]);
      await c.query(`INSERT INTO log_heads (size, head) VALUES ($1, $2)`, [e.leafIndex + 1, e.headJson]);
      await appendAudit(c, 'approver', 'task.approve', { taskId: e.taskId, logSize: e.leafIndex + 1 }, e.now);
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
