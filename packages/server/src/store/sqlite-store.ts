import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { privateDatabaseFile } from '../private-file.ts';
import { ServerError } from '../errors.ts';
import { parseStoredTaskSpec, type StoredTaskSpec } from '../task-spec.ts';
import type { ApprovalRecord } from '../approval/approval-store.ts';
import { APPROVAL_MIGRATION, appendApproval, listApprovals, listLogHeads } from './sqlite-approvals.ts';
import type { AuditEntry, DeviceRecord, ForgetResult, ModelVersionRow, Participation, RoundCommit, RoundRow, Store, TaskRow, TaskStatus } from './store.ts';
import { appendAudit, migrateAuditChain, readAuditChain, readAuditTail } from './sqlite-audit.ts';
import { forgetDevice } from './sqlite-forget.ts';
import { listModelVersions } from './sqlite-model-versions.ts';
import { toBytes, toFloat32 } from './weights-codec.ts';

/** Ordered, append-only schema migrations; `user_version` records how many have run. */
/** A migration is SQL, or a function for one that must compute (the audit chain hashes its legacy rows). */
const MIGRATIONS: (string | ((db: Database.Database) => void))[] = [
  `CREATE TABLE tasks (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     spec_json TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('running','completed','failed','stopped')),
     status_reason TEXT NOT NULL DEFAULT '',
     model_version INTEGER NOT NULL DEFAULT 0,
     final_eval_done INTEGER NOT NULL DEFAULT 0,
     optimizer_state BLOB,
     created_at INTEGER NOT NULL,
     updated_at INTEGER NOT NULL
   );
   CREATE TABLE model_versions (
     task_id TEXT NOT NULL REFERENCES tasks(id),
     version INTEGER NOT NULL,
     weights BLOB NOT NULL,
     created_at INTEGER NOT NULL,
     PRIMARY KEY (task_id, version)
   );
   CREATE TABLE rounds (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     task_id TEXT NOT NULL REFERENCES tasks(id),
     round INTEGER NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('train','evaluate')),
     status TEXT NOT NULL CHECK (status IN ('committed','aborted')),
     model_version_in INTEGER NOT NULL,
     model_version_out INTEGER,
     reason TEXT NOT NULL DEFAULT '',
     metrics_json TEXT,
     started_at INTEGER NOT NULL,
     ended_at INTEGER NOT NULL
   );
   -- A round number commits at most once per task: a restarted coordinator cannot duplicate it.
   CREATE UNIQUE INDEX rounds_committed ON rounds(task_id, round) WHERE status = 'committed';
   CREATE TABLE participation (
     task_id TEXT NOT NULL,
     round INTEGER NOT NULL,
     device_id TEXT NOT NULL,
     num_examples INTEGER NOT NULL,
     PRIMARY KEY (task_id, round, device_id)
   );
   CREATE TABLE devices (
     id TEXT PRIMARY KEY,
     first_seen INTEGER NOT NULL,
     last_seen INTEGER NOT NULL
   );
   CREATE TABLE audit_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     detail_json TEXT NOT NULL
   );
   CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
   CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`,
  // 2: device identities (Ed25519), single-use enrollment tokens, revocation.
  `ALTER TABLE devices ADD COLUMN public_key BLOB;
   ALTER TABLE devices ADD COLUMN enrolled_at INTEGER;
   ALTER TABLE devices ADD COLUMN revoked_at INTEGER;
   ALTER TABLE devices ADD COLUMN revoked_reason TEXT NOT NULL DEFAULT '';
   CREATE TABLE enrollment_tokens (
     token_hash TEXT PRIMARY KEY,
     created_at INTEGER NOT NULL,
     expires_at INTEGER NOT NULL,
     used_at INTEGER,
     device_id TEXT
   );`,
  // 3: the privacy accountant's state, committed with each round.
  `ALTER TABLE tasks ADD COLUMN privacy_state TEXT;`,
  // Task approvals and the transparency log (approval/approval-store.ts).
  APPROVAL_MIGRATION,
  // The audit log becomes a hash chain; device ids in it become pseudonyms (sqlite-audit.ts).
  migrateAuditChain,
];

export interface SqliteStoreOptions {
  /** Directory holding `conclave.db`; created if missing. Use ':memory:' for a throwaway store. */
  dataDir: string;
  /**
   * Model checkpoints kept per task besides the initial model and the latest (older ones are
   * pruned). @default every version (each stays listable and exportable: `conclave model list`)
   */
  keepCheckpoints?: number;
}

interface TaskDbRow {
  id: string;
  name: string;
  spec_json: string;
  status: TaskStatus;
  status_reason: string;
  model_version: number;
  final_eval_done: number;
  created_at: number;
  updated_at: number;
  awaiting_approval: number;
}

interface DeviceDbRow {
  id: string;
  first_seen: number;
  last_seen: number;
  public_key: Buffer | null;
  enrolled_at: number | null;
  revoked_at: number | null;
  revoked_reason: string;
}

function toDevice(r: DeviceDbRow): DeviceRecord {
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

interface RoundDbRow {
  task_id: string;
  round: number;
  kind: 'train' | 'evaluate';
  status: 'committed' | 'aborted';
  model_version_in: number;
  model_version_out: number | null;
  reason: string;
  metrics_json: string | null;
  started_at: number;
  ended_at: number;
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly keep: number;

  constructor(options: SqliteStoreOptions) {
    this.keep = options.keepCheckpoints ?? Number.POSITIVE_INFINITY;
    let file = ':memory:';
    if (options.dataDir !== ':memory:') {
      mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
      file = privateDatabaseFile(path.join(options.dataDir, 'conclave.db'));
    }
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.migrate();
  }

  /** Statements are prepared once: better-sqlite3's `prepare` parses and plans the SQL each time (3 s of a 1,000-device round's CPU went there). */
  private readonly statements = new Map<string, Database.Statement>();

  private sql(text: string): Database.Statement {
    let stmt = this.statements.get(text);
    if (!stmt) this.statements.set(text, (stmt = this.db.prepare(text)));
    return stmt;
  }

  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    if (current > MIGRATIONS.length) {
      throw new ServerError('STORE_CORRUPT', `database schema version ${current} is newer than this coordinator (${MIGRATIONS.length}); upgrade the coordinator`);
    }
    for (let v = current; v < MIGRATIONS.length; v++) {
      this.db.transaction(() => {
        const migration = MIGRATIONS[v]!;
        if (typeof migration === 'string') this.db.exec(migration);
        else migration(this.db);
        this.db.pragma(`user_version = ${v + 1}`);
      })();
    }
  }

  async createTask({ id, spec, initialWeights, now, awaitingApproval = false }: { id: string; spec: StoredTaskSpec; initialWeights: Float32Array; now: number; awaitingApproval?: boolean }): Promise<void> {
    this.db.transaction(() => {
      this.sql(`INSERT INTO tasks (id, name, spec_json, status, model_version, created_at, updated_at, awaiting_approval) VALUES (?, ?, ?, 'running', 0, ?, ?, ?)`)
        .run(id, spec.name, JSON.stringify(spec), now, now, awaitingApproval ? 1 : 0);
      this.sql(`INSERT INTO model_versions (task_id, version, weights, created_at) VALUES (?, 0, ?, ?)`).run(id, toBytes(initialWeights), now);
      this.insertAudit('admin', 'task.create', { taskId: id, name: spec.name, stream: spec.stream }, now);
    })();
  }

  private rowToTask(row: TaskDbRow): TaskRow {
    return {
      id: row.id,
      name: row.name,
      spec: parseStoredTaskSpec(JSON.parse(row.spec_json)),
      // A task awaiting approval is stored as running with the flag set (sqlite-approvals.ts).
      status: row.status === 'running' && row.awaiting_approval === 1 ? 'awaiting-approval' : row.status,
      statusReason: row.status_reason,
      modelVersion: row.model_version,
      finalEvalDone: row.final_eval_done === 1,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  async getTask(id: string): Promise<TaskRow | undefined> {
    const row = this.sql(`SELECT * FROM tasks WHERE id = ?`).get(id) as TaskDbRow | undefined;
    return row && this.rowToTask(row);
  }

  async listTasks(): Promise<TaskRow[]> {
    return (this.sql(`SELECT * FROM tasks ORDER BY created_at, id`).all() as TaskDbRow[]).map((r) => this.rowToTask(r));
  }

  async setTaskStatus(id: string, status: TaskStatus, reason: string, now: number): Promise<void> {
    if (status === 'awaiting-approval') throw new ServerError('BAD_REQUEST', 'a task awaits approval only from its creation; only an approval changes that');
    this.db.transaction(() => {
      this.sql(`UPDATE tasks SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?`).run(status, reason, now, id);
      this.insertAudit('coordinator', 'task.status', { taskId: id, status, reason }, now);
    })();
  }

  async getModel(taskId: string, version: number): Promise<Float32Array | undefined> {
    const row = this.sql(`SELECT weights FROM model_versions WHERE task_id = ? AND version = ?`).get(taskId, version) as { weights: Buffer } | undefined;
    return row && toFloat32(row.weights);
  }

  async getPrivacyState(taskId: string): Promise<string | null> {
    const row = this.sql(`SELECT privacy_state FROM tasks WHERE id = ?`).get(taskId) as { privacy_state: string | null } | undefined;
    return row?.privacy_state ?? null;
  }

  async countEnrolledDevices(): Promise<number> {
    return (this.sql(`SELECT COUNT(*) AS n FROM devices WHERE public_key IS NOT NULL AND revoked_at IS NULL`).get() as { n: number }).n;
  }

  async getOptimizerState(taskId: string): Promise<Buffer | null> {
    const row = this.sql(`SELECT optimizer_state FROM tasks WHERE id = ?`).get(taskId) as { optimizer_state: Buffer | null } | undefined;
    return row?.optimizer_state ?? null;
  }

  async commitRound(c: RoundCommit): Promise<void> {
    if (c.lease) throw noLeases();
    this.db.transaction(() => {
      const task = this.sql(`SELECT model_version, status FROM tasks WHERE id = ?`).get(c.taskId) as { model_version: number; status: string } | undefined;
      if (!task) throw new ServerError('TASK_NOT_FOUND', `task ${c.taskId} does not exist`);
      if (task.model_version !== c.modelVersionIn) {
        // Never mix a round computed from an older model into a newer one.
        throw new ServerError('STALE_UPDATE', `round ${c.round} was computed from model version ${c.modelVersionIn}, task is at ${task.model_version}`);
      }
      this.sql(
          `INSERT INTO rounds (task_id, round, kind, status, model_version_in, model_version_out, reason, metrics_json, started_at, ended_at)
           VALUES (?, ?, ?, 'committed', ?, ?, '', ?, ?, ?)`,
        )
        .run(c.taskId, c.round, c.kind, c.modelVersionIn, c.newModel?.version ?? null, JSON.stringify(c.metrics), c.startedAt, c.endedAt);
      const insertPart = this.sql(`INSERT INTO participation (task_id, round, device_id, num_examples) VALUES (?, ?, ?, ?)`);
      for (const p of c.participants) insertPart.run(c.taskId, c.round, p.deviceId, p.numExamples);
      if (c.newModel) {
        this.sql(`INSERT INTO model_versions (task_id, version, weights, created_at) VALUES (?, ?, ?, ?)`)
          .run(c.taskId, c.newModel.version, toBytes(c.newModel.weights), c.endedAt);
        this.sql(`UPDATE tasks SET model_version = ?, optimizer_state = ?, privacy_state = COALESCE(?, privacy_state), updated_at = ? WHERE id = ?`)
          .run(c.newModel.version, c.newModel.optimizerState, c.newModel.privacyState ?? null, c.endedAt, c.taskId);
        // Keep the initial model, the latest and the last `keep` checkpoints (all of them by default).
        if (Number.isFinite(this.keep)) {
          this.sql(`DELETE FROM model_versions WHERE task_id = ? AND version > 0 AND version < ?`)
            .run(c.taskId, c.newModel.version - this.keep);
        }
      }
      if (c.kind === 'evaluate') this.sql(`UPDATE tasks SET final_eval_done = 1, updated_at = ? WHERE id = ?`).run(c.endedAt, c.taskId);
      if (!c.newModel && c.privacyState !== undefined) {
        this.sql(`UPDATE tasks SET privacy_state = ?, updated_at = ? WHERE id = ?`).run(c.privacyState, c.endedAt, c.taskId);
      }
      // Privacy spent with this round, and the task's end, go on the audit record with it.
      if (c.metrics.epsilonSpent !== undefined) {
        const { epsilonSpent, epsilonForReleasedModel } = c.metrics;
        this.insertAudit('coordinator', 'privacy.spent', { taskId: c.taskId, round: c.round, kind: c.kind, epsilonSpent, ...(epsilonForReleasedModel !== undefined ? { epsilonForReleasedModel } : {}) }, c.endedAt);
      }
      if (c.finish) {
        this.sql(`UPDATE tasks SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?`).run(c.finish.status, c.finish.reason, c.endedAt, c.taskId);
        this.insertAudit('coordinator', 'task.status', { taskId: c.taskId, status: c.finish.status, reason: c.finish.reason }, c.endedAt);
      }
    })();
  }

  async recordAbortedRound(r: Omit<RoundRow, 'status' | 'modelVersionOut' | 'metrics'> & { privacyState?: string; lease?: unknown }): Promise<void> {
    if (r.lease) throw noLeases();
    this.db.transaction(() => {
      this.sql(
          `INSERT INTO rounds (task_id, round, kind, status, model_version_in, reason, started_at, ended_at) VALUES (?, ?, ?, 'aborted', ?, ?, ?, ?)`,
        )
        .run(r.taskId, r.round, r.kind, r.modelVersionIn, r.reason, r.startedAt, r.endedAt);
      if (r.privacyState !== undefined) {
        this.sql(`UPDATE tasks SET privacy_state = ?, updated_at = ? WHERE id = ?`).run(r.privacyState, r.endedAt, r.taskId);
      }
    })();
  }

  async chargePrivacy(taskId: string, _round: number, privacyState: string, now: number, lease?: unknown): Promise<void> {
    if (lease) throw noLeases();
    this.sql(`UPDATE tasks SET privacy_state = ?, updated_at = ? WHERE id = ?`).run(privacyState, now, taskId);
  }

  async listRounds(taskId: string, limit = 1000): Promise<RoundRow[]> {
    const rows = this.sql(`SELECT * FROM rounds WHERE task_id = ? ORDER BY id DESC LIMIT ?`).all(taskId, limit) as RoundDbRow[];
    return rows.reverse().map((r) => ({
      taskId: r.task_id,
      round: r.round,
      kind: r.kind,
      status: r.status,
      modelVersionIn: r.model_version_in,
      modelVersionOut: r.model_version_out,
      reason: r.reason,
      metrics: r.metrics_json ? JSON.parse(r.metrics_json) : null,
      startedAt: r.started_at,
      endedAt: r.ended_at,
    }));
  }

  async participation(taskId: string, round: number): Promise<Participation[]> {
    return (
      this.sql(`SELECT device_id, num_examples FROM participation WHERE task_id = ? AND round = ? ORDER BY device_id`).all(taskId, round) as {
        device_id: string;
        num_examples: number;
      }[]
    ).map((r) => ({ deviceId: r.device_id, numExamples: r.num_examples }));
  }

  async createEnrollmentTokens(tokenHashes: string[], now: number, expiresAt: number): Promise<void> {
    this.db.transaction(() => {
      const insert = this.sql(`INSERT INTO enrollment_tokens (token_hash, created_at, expires_at) VALUES (?, ?, ?)`);
      for (const h of tokenHashes) insert.run(h, now, expiresAt);
      this.insertAudit('admin', 'enrollment.issue', { count: tokenHashes.length, expiresAt }, now);
    })();
  }

  async enrollDevice(tokenHash: string, deviceId: string, publicKey: Uint8Array, now: number): Promise<void> {
    this.db.transaction(() => {
      const token = this.sql(`SELECT used_at, expires_at FROM enrollment_tokens WHERE token_hash = ?`).get(tokenHash) as
        | { used_at: number | null; expires_at: number }
        | undefined;
      if (!token) throw new ServerError('UNAUTHENTICATED', 'enrollment token is not one this coordinator issued');
      if (token.used_at !== null) throw new ServerError('UNAUTHENTICATED', 'enrollment token was already used; each token enrolls one device');
      if (token.expires_at < now) throw new ServerError('UNAUTHENTICATED', `enrollment token expired on ${new Date(token.expires_at).toISOString()}`);
      const existing = this.deviceRow(deviceId);
      if (existing?.revokedAt) throw new ServerError('DEVICE_REVOKED', `device ${deviceId} was revoked and can never join again`);
      this.sql(`UPDATE enrollment_tokens SET used_at = ?, device_id = ? WHERE token_hash = ?`).run(now, deviceId, tokenHash);
      this.sql(
          `INSERT INTO devices (id, first_seen, last_seen, public_key, enrolled_at) VALUES (?, ?, ?, ?, ?)
           ON CONFLICT(id) DO UPDATE SET public_key = excluded.public_key, enrolled_at = excluded.enrolled_at`,
        )
        .run(deviceId, now, now, Buffer.from(publicKey), now);
      this.insertAudit('device', 'device.enroll', { deviceId }, now);
    })();
  }

  async getDevice(deviceId: string): Promise<DeviceRecord | undefined> {
    return this.deviceRow(deviceId);
  }

  private deviceRow(deviceId: string): DeviceRecord | undefined {
    const row = this.sql(`SELECT * FROM devices WHERE id = ?`).get(deviceId) as DeviceDbRow | undefined;
    return row && toDevice(row);
  }

  async listDevices(): Promise<DeviceRecord[]> {
    return (this.sql(`SELECT * FROM devices ORDER BY first_seen, id`).all() as DeviceDbRow[]).map(toDevice);
  }

  async revokeDevice(deviceId: string, reason: string, now: number): Promise<void> {
    this.db.transaction(() => {
      const res = this.sql(`UPDATE devices SET revoked_at = ?, revoked_reason = ? WHERE id = ? AND revoked_at IS NULL`).run(now, reason, deviceId);
      if (res.changes === 0) {
        const d = this.deviceRow(deviceId);
        if (!d) throw new ServerError('NOT_FOUND', `no device with id "${deviceId}"`, 404);
        throw new ServerError('DEVICE_REVOKED', `device ${deviceId} is already revoked`, 409);
      }
      this.insertAudit('admin', 'device.revoke', { deviceId, reason }, now);
    })();
  }

  async touchDevice(deviceId: string, now: number): Promise<void> {
    this.sql(`INSERT INTO devices (id, first_seen, last_seen) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET last_seen = excluded.last_seen`)
      .run(deviceId, now, now);
  }

  private insertAudit(actor: string, action: string, detail: Record<string, unknown>, now: number): AuditEntry {
    return appendAudit(this.db, actor, action, detail, now);
  }

  async audit(actor: string, action: string, detail: Record<string, unknown>, now: number): Promise<AuditEntry> {
    return this.db.transaction(() => this.insertAudit(actor, action, detail, now))();
  }

  async auditLog(limit = 100): Promise<AuditEntry[]> {
    return readAuditTail(this.db, limit);
  }

  async auditChain(): Promise<AuditEntry[]> {
    return readAuditChain(this.db);
  }

  async listModelVersions(taskId: string): Promise<ModelVersionRow[]> {
    return listModelVersions(this.db, taskId);
  }

  async forgetDevice(deviceId: string, now: number): Promise<ForgetResult> {
    const { forgotten, modelVersions } = forgetDevice(this.db, deviceId, 'admin', now);
    return { forgotten, modelVersions };
  }

  async listApprovals(): Promise<ApprovalRecord[]> {
    return listApprovals(this.db);
  }

  async listLogHeads(): Promise<string[]> {
    return listLogHeads(this.db);
  }

  async appendApproval(entry: { taskId: string; leafIndex: number; approvalJson: string; headJson: string; now: number }): Promise<void> {
    this.db.transaction(() => {
      appendApproval(this.db, entry);
      this.insertAudit('approver', 'task.approve', { taskId: entry.taskId, logSize: entry.leafIndex + 1 }, entry.now);
    })();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** SQLite serves one coordinator process, which leads every task: a lease names a cluster it is not part of. */
function noLeases(): ServerError {
  return new ServerError('BAD_REQUEST', 'the SQLite store keeps no task leases (one coordinator leads every task); several coordinator nodes need the PostgreSQL store');
}
