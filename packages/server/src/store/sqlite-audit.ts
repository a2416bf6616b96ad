/**
 * The SQLite side of the hash-chained audit log (`audit/audit-chain.ts` computes and checks the
 * chain): its migration, the append and the reads, used by SqliteStore. The SQL is plain and
 * portable (no upsert, no RETURNING); a PostgreSQL store runs the same statements with `$n`
 * placeholders, and the same chain arithmetic.
 *
 * Device identities never enter an entry: `deviceId` / `devices` in a detail are replaced by
 * random pseudonyms kept in `device_refs`. Forgetting a device deletes its `device_refs` row, so
 * its earlier entries stay (and the chain stays intact) but no longer lead to it.
 */
import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import { nextAuditEntry, type AuditEntry } from '../audit/audit-chain.ts';

/** Every statement the audit log needs, shared by the stores. */
export const AUDIT_SQL = {
  last: `SELECT seq, hash FROM audit_log WHERE hash IS NOT NULL ORDER BY seq DESC LIMIT 1`,
  insert: `INSERT INTO audit_log (seq, at, actor, action, detail_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  /** In stored order (the row id): reordered rows show up as seq out of order. */
  all: `SELECT seq, at, actor, action, detail_json, prev_hash, hash FROM audit_log ORDER BY id`,
  tail: `SELECT seq, at, actor, action, detail_json, prev_hash, hash FROM audit_log ORDER BY seq DESC LIMIT ?`,
  refOf: `SELECT ref FROM device_refs WHERE device_id = ?`,
  insertRef: `INSERT INTO device_refs (device_id, ref) VALUES (?, ?)`,
  deviceOfRef: `SELECT device_id FROM device_refs WHERE ref = ?`,
  forgetRef: `DELETE FROM device_refs WHERE device_id = ?`,
} as const;

interface AuditDbRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  detail_json: string;
  prev_hash: string;
  hash: string;
}

const toEntry = (r: AuditDbRow): AuditEntry => ({
  seq: r.seq,
  at: r.at,
  actor: r.actor,
  action: r.action,
  detail: JSON.parse(r.detail_json) as Record<string, unknown>,
  prevHash: r.prev_hash,
  hash: r.hash,
});

/** The pseudonym that stands for a device in the audit log, made on first use. */
export function deviceRef(db: Database.Database, deviceId: string): string {
  const known = db.prepare(AUDIT_SQL.refOf).get(deviceId) as { ref: string } | undefined;
  if (known) return known.ref;
  const ref = `ref-${randomBytes(8).toString('hex')}`;
  db.prepare(AUDIT_SQL.insertRef).run(deviceId, ref);
  return ref;
}

/** A detail with device ids (`deviceId`, `devices`) replaced by their pseudonyms (`device`, `devices`). */
export function pseudonymize(db: Database.Database, detail: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    if (key === 'deviceId' && typeof value === 'string') out.device = deviceRef(db, value);
    else if (key === 'devices' && Array.isArray(value) && value.every((v) => typeof v === 'string')) out.devices = value.map((v: string) => deviceRef(db, v));
    else out[key] = value;
  }
  return out;
}

/** Appends one entry after the current head. Call inside the transaction that does what it records. */
export function appendAudit(db: Database.Database, actor: string, action: string, detail: Record<string, unknown>, at: number): AuditEntry {
  const last = db.prepare(AUDIT_SQL.last).get() as { seq: number; hash: string } | undefined;
  const entry = nextAuditEntry(last, { at, actor, action, detail: pseudonymize(db, detail) });
  db.prepare(AUDIT_SQL.insert).run(entry.seq, entry.at, entry.actor, entry.action, JSON.stringify(entry.detail), entry.prevHash, entry.hash);
  return entry;
}

/** Every entry in stored order, for `verifyAuditChain`. */
export function readAuditChain(db: Database.Database): AuditEntry[] {
  return (db.prepare(AUDIT_SQL.all).all() as AuditDbRow[]).map(toEntry);
}

/** The latest `limit` entries, oldest first. */
export function readAuditTail(db: Database.Database, limit: number): AuditEntry[] {
  return (db.prepare(AUDIT_SQL.tail).all(limit) as AuditDbRow[]).reverse().map(toEntry);
}

/** The device a pseudonym stands for, while the device is not forgotten. */
export function deviceOfRef(db: Database.Database, ref: string): string | undefined {
  return (db.prepare(AUDIT_SQL.deviceOfRef).get(ref) as { device_id: string } | undefined)?.device_id;
}

const AUDIT_CHAIN_SCHEMA = `
  ALTER TABLE audit_log ADD COLUMN seq INTEGER;
  ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
  ALTER TABLE audit_log ADD COLUMN hash TEXT;
  CREATE UNIQUE INDEX audit_log_seq ON audit_log(seq);
  CREATE TABLE device_refs (
    device_id TEXT PRIMARY KEY,
    ref TEXT NOT NULL UNIQUE
  );
  DROP TRIGGER audit_log_append_only_update;`;

const AUDIT_APPEND_ONLY = `
  CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`;

/**
 * Migration: the audit log becomes a hash chain. Entries written before it are chained once, in
 * the order they were written (their device ids replaced by pseudonyms first); the update
 * trigger is lifted only for that, inside the migration's transaction.
 */
export function migrateAuditChain(db: Database.Database): void {
  db.exec(AUDIT_CHAIN_SCHEMA);
  const legacy = db.prepare(`SELECT id, at, actor, action, detail_json FROM audit_log ORDER BY id`).all() as {
    id: number;
    at: number;
    actor: string;
    action: string;
    detail_json: string;
  }[];
  const update = db.prepare(`UPDATE audit_log SET seq = ?, detail_json = ?, prev_hash = ?, hash = ? WHERE id = ?`);
  let last: AuditEntry | undefined;
  for (const r of legacy) {
    const detail = pseudonymize(db, JSON.parse(r.detail_json) as Record<string, unknown>);
    last = nextAuditEntry(last, { at: r.at, actor: r.actor, action: r.action, detail });
    update.run(last.seq, JSON.stringify(last.detail), last.prevHash, last.hash, r.id);
  }
  db.exec(AUDIT_APPEND_ONLY);
}
