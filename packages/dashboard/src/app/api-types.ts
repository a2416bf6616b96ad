/**
 * The admin API's JSON as the dashboard reads it (the contract is in the server's admin routes
 * and `/api/openapi.json`). Only the fields the dashboard shows are typed; the rest pass through.
 */

/** Devices dropped in a round, by the phase they were lost in (counts only, never which device). */
export type DroppedByPhase = Partial<Record<string, number>>;

export interface RoundMetricsView {
  participants?: number;
  selected?: number;
  /** Selected devices that did not end up in the aggregate (selected − participants). */
  dropped?: number;
  /** The same, by the phase they were lost in, when the round recorded it. */
  droppedByPhase?: DroppedByPhase;
  trainLoss?: number | null;
  evalLoss?: number | null;
  evalAccuracy?: number | null;
  /** The model version the evaluation figures measure (for a training round: the model coming into it). */
  evalModelVersion?: number | null;
  epsilonSpent?: number;
  epsilonForReleasedModel?: number;
  clipNorm?: number;
}

/** One round (attempt) of a task, as `GET /api/tasks/:id/rounds` lists them, oldest first. */
export interface RoundView {
  round: number;
  kind: 'train' | 'evaluate';
  status: 'committed' | 'aborted';
  reason: string;
  modelVersionIn: number;
  modelVersionOut: number | null;
  startedAt: number;
  endedAt: number;
  metrics: RoundMetricsView | null;
}

export interface TaskView {
  id: string;
  name: string;
  status: 'awaiting-approval' | 'running' | 'completed' | 'failed' | 'stopped';
  statusReason: string;
  stream: string;
  purpose: string;
  roundsPlanned: number;
  roundsDone: number;
  modelVersion: number;
  phase: string;
  round: number | null;
  roundKind: 'train' | 'evaluate' | null;
  waitingFor: string;
  cohort: { selected: number; reported: number; dropped: number } | null;
  privacy: { mode: string; targetEpsilon: number; delta: number; epsilonSpent: number; epsilonForReleasedModel: number } | null;
}

/** `event: round` of `GET /api/tasks/:id/events`: where the current round stands (counts only). */
export interface RoundProgress {
  round: number;
  attempt?: number;
  phase: string;
  selected: number;
  reportsReceived: number;
  droppedByPhase: DroppedByPhase;
}

export interface FleetDevice {
  id: string;
  enrolledAt: number | null;
  connected: boolean;
  lastSeen: number | null;
  revokedAt: number | null;
}

export interface FleetView {
  devices: FleetDevice[];
  counts: { enrolled: number; connected: number; revoked: number };
}

export interface AuditEntry {
  seq: number;
  at: number;
  actor: string;
  action: string;
  detail: unknown;
  prevHash: string;
  hash: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  firstBadSeq?: number;
  problem?: string;
}
