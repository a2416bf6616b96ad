/**
 * The right to be forgotten (issue 12, item 7), SQLite side: what a device's id is linked to in
 * `conclave.db`, and its deletion. Kept in one place so a table added later that names a device
 * gets added here too (the e2e test scans every table for the forgotten id). Portable SQL.
 *
 * Kept: anonymous counts (a round's `participants` and `selected` in its metrics, the number of
 * enrollment tokens spent), the model versions themselves, and the audit entries, whose device
 * pseudonym no longer leads anywhere once its `device_refs` row is gone.
 */
import type Database from 'better-sqlite3';
import { AUDIT_SQL, appendAudit, deviceRef } from './sqlite-audit.ts';
import type { ForgetResult } from './store.ts';

export const FORGET_SQL = {
  /** Training rounds the device's update went into (the surviving cohort under secure aggregation), by the version they made. */
  contributed: `SELECT p.task_id AS task_id, r.model_version_out AS version
                  FROM participation p
                  JOIN rounds r ON r.task_id = p.task_id AND r.round = p.round AND r.status = 'committed'
                 WHERE p.device_id = ? AND r.model_version_out IS NOT NULL
                 ORDER BY p.task_id, r.model_version_out`,
  participation: `DELETE FROM participation WHERE device_id = ?`,
  /** The spent token stays spent (it cannot enroll anyone again) but no longer names the device. */
  tokens: `UPDATE enrollment_tokens SET device_id = NULL WHERE device_id = ?`,
  device: `DELETE FROM devices WHERE id = ?`,
  exists: `SELECT 1 AS known FROM devices WHERE id = ? UNION SELECT 1 FROM participation WHERE device_id = ? UNION SELECT 1 FROM enrollment_tokens WHERE device_id = ?`,
} as const;

/** Deletes every record of the device in one transaction and audits it under the device's pseudonym. */
export function forgetDevice(db: Database.Database, deviceId: string, actor: string, now: number): ForgetResult & { ref?: string } {
  return db.transaction((): ForgetResult & { ref?: string } => {
    if (!db.prepare(FORGET_SQL.exists).get(deviceId, deviceId, deviceId)) return { forgotten: false, modelVersions: [] };
    const byTask = new Map<string, number[]>();
    for (const r of db.prepare(FORGET_SQL.contributed).all(deviceId) as { task_id: string; version: number }[]) {
      const list = byTask.get(r.task_id) ?? [];
      list.push(r.version);
      byTask.set(r.task_id, list);
    }
    const modelVersions = [...byTask].map(([taskId, versions]) => ({ taskId, versions }));
    const ref = deviceRef(db, deviceId);
    db.prepare(FORGET_SQL.participation).run(deviceId);
    db.prepare(FORGET_SQL.tokens).run(deviceId);
    db.prepare(FORGET_SQL.device).run(deviceId);
    // Counts only: which versions stay on record with the entry, never the id.
    appendAudit(db, actor, 'device.forget', { device: ref, modelVersions }, now);
    db.prepare(AUDIT_SQL.forgetRef).run(deviceId);
    return { forgotten: true, ref, modelVersions };
  })();
}
