import type { ApprovalStore } from '../approval/approval-store.ts';
import type { StoredTaskSpec } from '../task-spec.ts';
import type { AuditEntry } from '../audit/audit-chain.ts';

export type { AuditEntry } from '../audit/audit-chain.ts';

/** `awaiting-approval`: created, not yet signed by an approver; no round starts (issue 10). */
export type TaskStatus = 'awaiting-approval' | 'running' | 'completed' | 'failed' | 'stopped';

export interface TaskRow {
  id: string;
  name: string;
  /** The author's spec and what the coordinator derived from its privacy settings. */
  spec: StoredTaskSpec;
  status: TaskStatus;
  statusReason: string;
  /** Latest committed model version (0 = the initial model). Equals training rounds done. */
  modelVersion: number;
  /** True once the final evaluation round has committed. */
  finalEvalDone: boolean;
  createdAt: number;
  updatedAt: number;
}

export interface RoundMetrics {
  participants: number;
  selected: number;
  examples: number;
  trainLoss: number | null;
  evalExamples: number;
  evalLoss: number | null;
  evalAccuracy: number | null;
  durationMs: number;
  bytesIn: number;
  bytesOut: number;
  /** ε spent by the task after this round (DP tasks only): against the coordinator, the figure budgets stop on. */
  epsilonSpent?: number;
  /** Distributed DP: ε for whoever sees only the released model, after this round (amplified by sampling). */
  epsilonForReleasedModel?: number;
  /** DP: the L2 clip norm devices used this round. */
  clipNorm?: number;
  /** Adaptive clipping: the privatized estimate of the fraction of updates left unclipped. */
  unclippedFraction?: number;
  /** Adaptive clipping: the clip norm the next round uses. */
  nextClipNorm?: number;
  /**
   * Distributed DP: coordinates of the decoded sum beyond the range planned for the survivors,
   * the visible sign of modular wrap-around (0 in a healthy round).
   */
  outOfRangeCoordinates?: number;
  /** Devices that withdrew from the round, by reason code (counts only, never which device). */
  withdrawals?: Partial<Record<string, number>>;
}

export interface RoundRow {
  taskId: string;
  round: number;
  kind: 'train' | 'evaluate';
  status: 'committed' | 'aborted';
  modelVersionIn: number;
  modelVersionOut: number | null;
  reason: string;
  metrics: RoundMetrics | null;
  startedAt: number;
  endedAt: number;
}

export interface DeviceRecord {
  id: string;
  publicKey: Uint8Array | null;
  firstSeen: number;
  lastSeen: number;
  enrolledAt: number | null;
  revokedAt: number | null;
  revokedReason: string;
}

export interface Participation {
  deviceId: string;
  numExamples: number;
}

/** A stored model version and the training round that committed it. */
export interface ModelVersionRow {
  version: number;
  /** The training round that made it; null for the initial model (version 0). */
  round: number | null;
  createdAt: number;
  /** That round's metrics (its evaluation figures measure the model that came into the round). */
  metrics: RoundMetrics | null;
}

/** What forgetting a device did. */
export interface ForgetResult {
  /** False when the coordinator held nothing about the device. */
  forgotten: boolean;
  /** Model versions the device's updates went into directly, per task (later versions build on them). */
  modelVersions: { taskId: string; versions: number[] }[];
}

/** What one committed round writes, all in one transaction. */
export interface RoundCommit {
  taskId: string;
  round: number;
  kind: 'train' | 'evaluate';
  modelVersionIn: number;
  /** New weights and optimizer state, for training rounds. */
  newModel?: { version: number; weights: Float32Array; optimizerState: Buffer | null; privacyState?: string };
  metrics: RoundMetrics;
  participants: Participation[];
  startedAt: number;
  endedAt: number;
  /** Set when this commit finishes the task. */
  finish?: { status: TaskStatus; reason: string };
  /** The accountant after a round without a new model (a DP evaluation round): its ε counts. */
  privacyState?: string;
  /**
   * Several coordinator nodes: the lease the committing node holds on the task. The commit is
   * refused (`LEASE_LOST`) unless the task's lease is still this node's at this epoch (the
   * fencing token), and it clears the lease's open round.
   */
  lease?: LeaseRef;
}

/** A node's hold on a task's lease: its id and the epoch (fencing token) it took the lease at. */
export interface LeaseRef {
  nodeId: string;
  epoch: number;
}

/** The round a leader has open, kept with its lease so that a successor can record it as aborted. */
export interface OpenRoundMark {
  round: number;
  kind: 'train' | 'evaluate';
  modelVersionIn: number;
  startedAt: number;
}

/** A task's lease as the store holds it after an acquire. */
export interface TaskLease {
  taskId: string;
  /** The node leading the task now (maybe another one than asked). */
  nodeId: string;
  epoch: number;
  /** When the lease ends unless renewed (ms since the epoch, the database's clock). */
  expiresAt: number;
  /** True when the asking node holds the lease after the call. */
  held: boolean;
  /**
   * Set when this call took the lease over from another node (or an earlier process of the same
   * node) that had a round open: that round, now recorded as aborted with `reason`.
   */
  abortedRound?: OpenRoundMark & { reason: string; previousNodeId: string; previousEpoch: number };
}

/**
 * Leases of tasks among several coordinator nodes sharing one database (docs/storage.md). Times
 * come from the database's clock, so the nodes' clocks need not agree.
 */
export interface TaskLeaseStore {
  /**
   * Takes or renews the lease of a running task for `ttlMs`. A node renews a lease it holds at
   * `heldEpoch`; it takes one that expired, or that an earlier process under its own id held (the
   * epoch then grows by one); a lease another node holds and renews stays with that node.
   */
  acquire(request: { taskId: string; nodeId: string; ttlMs: number; heldEpoch?: number }): Promise<TaskLease>;
  /** Gives a held lease up now (shutdown, task finished): another node may take it at once. */
  release(taskId: string, lease: LeaseRef): Promise<void>;
  /** Records the round the leader has open (null: none). False when the lease is no longer this one. */
  setOpenRound(taskId: string, lease: LeaseRef, open: OpenRoundMark | null): Promise<boolean>;
  /** Every task's lease, with when its holder took it (the database's clock), for status views. */
  list(): Promise<(Omit<TaskLease, 'held' | 'abortedRound'> & { acquiredAt: number })[]>;
}

/**
 * Everything the coordinator persists. SQLite (better-sqlite3) is the embedded default; the
 * interface is what a PostgreSQL store implements for deployments that outgrow one machine.
 */
export interface Store extends ApprovalStore {
  /** `awaitingApproval`: the task waits for `appendApproval` before it runs. @default false */
  createTask(task: { id: string; spec: StoredTaskSpec; initialWeights: Float32Array; now: number; awaitingApproval?: boolean }): Promise<void>;
  getTask(id: string): Promise<TaskRow | undefined>;
  listTasks(): Promise<TaskRow[]>;
  setTaskStatus(id: string, status: TaskStatus, reason: string, now: number): Promise<void>;
  getModel(taskId: string, version: number): Promise<Float32Array | undefined>;
  getOptimizerState(taskId: string): Promise<Buffer | null>;
  /** The privacy accountant's serialized state (null when the task runs without DP). */
  getPrivacyState(taskId: string): Promise<string | null>;
  countEnrolledDevices(): Promise<number>;
  commitRound(commit: RoundCommit): Promise<void>;
  /**
   * Records a round that did not commit. `privacyState` is set when the round released
   * something private anyway (a distributed-DP sum that could not be decoded): its ε counts.
   */
  recordAbortedRound(row: Omit<RoundRow, 'status' | 'modelVersionOut' | 'metrics'> & { privacyState?: string; lease?: LeaseRef }): Promise<void>;
  /**
   * Writes the task's privacy state ahead of a release (write-ahead): called just before a
   * distributed-DP sum is unmasked, with the accountant that includes that round, so the ε of a
   * revealed sum counts even if the coordinator stops before the round is recorded. Refused
   * with LEASE_LOST when `lease` is no longer held (the sum is then not revealed).
   */
  chargePrivacy(taskId: string, round: number, privacyState: string, now: number, lease?: LeaseRef): Promise<void>;
  listRounds(taskId: string, limit?: number): Promise<RoundRow[]>;
  participation(taskId: string, round: number): Promise<Participation[]>;
  touchDevice(deviceId: string, now: number): Promise<void>;
  /** Stores SHA-256 hashes of freshly issued single-use enrollment tokens. */
  createEnrollmentTokens(tokenHashes: string[], now: number, expiresAt: number): Promise<void>;
  /** Spends a token on a device identity; throws UNAUTHENTICATED for unknown, used or expired tokens. */
  enrollDevice(tokenHash: string, deviceId: string, publicKey: Uint8Array, now: number): Promise<void>;
  getDevice(deviceId: string): Promise<DeviceRecord | undefined>;
  listDevices(): Promise<DeviceRecord[]>;
  revokeDevice(deviceId: string, reason: string, now: number): Promise<void>;
  /**
   * Appends an entry to the hash-chained audit log (audit/audit-chain.ts) and returns it. Device
   * ids in `detail` (`deviceId`, `devices`) are stored as pseudonyms, which forgetting unlinks.
   */
  audit(actor: string, action: string, detail: Record<string, unknown>, now: number): Promise<AuditEntry>;
  /** The latest `limit` audit entries, oldest first. @default 100 */
  auditLog(limit?: number): Promise<AuditEntry[]>;
  /** Every audit entry in the order it was stored, for `verifyAuditChain`. */
  auditChain(): Promise<AuditEntry[]>;
  /** Every stored model version of a task with the round that made it, oldest first. */
  listModelVersions(taskId: string): Promise<ModelVersionRow[]>;
  /**
   * Deletes a device's identity and every record linked to it in one transaction (participation,
   * enrollment link, audit pseudonym), audits `device.forget`, and says which model versions its
   * updates went into. Anonymous counts (round metrics) stay.
   */
  forgetDevice(deviceId: string, now: number): Promise<ForgetResult>;
  close(): Promise<void>;
  /**
   * Task leases, in a store that several coordinator nodes can share (PostgreSQL). Absent in an
   * embedded store (SQLite): its one coordinator leads every task, and a commit or abort with a
   * `lease` is refused.
   */
  readonly leases?: TaskLeaseStore;
}
