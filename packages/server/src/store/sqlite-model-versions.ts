/**
 * Model versions as an ML engineer sees them (issue 12, item 5): each stored version with the
 * round that made it, that round's metrics and the ε spent when it was released. Portable SQL.
 */
import type Database from 'better-sqlite3';
import type { ModelVersionRow, RoundMetrics } from './store.ts';

export const MODEL_VERSIONS_SQL = `
  SELECT m.version AS version, m.created_at AS created_at, r.round AS round, r.metrics_json AS metrics_json
    FROM model_versions m
    LEFT JOIN rounds r ON r.task_id = m.task_id AND r.model_version_out = m.version AND r.status = 'committed'
   WHERE m.task_id = ?
   ORDER BY m.version`;

export function listModelVersions(db: Database.Database, taskId: string): ModelVersionRow[] {
  const rows = db.prepare(MODEL_VERSIONS_SQL).all(taskId) as { version: number; created_at: number; round: number | null; metrics_json: string | null }[];
  return rows.map((r) => ({
    version: r.version,
    round: r.round,
    createdAt: r.created_at,
    metrics: r.metrics_json ? (JSON.parse(r.metrics_json) as RoundMetrics) : null,
  }));
}
