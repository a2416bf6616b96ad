/**
 * The PostgreSQL side of the hash-chained audit log: the same chain (audit/audit-chain.ts) and
 * the same pseudonyms as sqlite-audit.ts, with appends serialized by an advisory lock held to
 * the end of the caller's transaction (UNIQUE(seq) refuses a fork all the same).
 */
import { randomBytes } from 'node:crypto';
import { nextAuditEntry, type AuditEntry } from '../audit/audit-chain.ts';
import type { Queryable } from './postgres-db.ts';

const AUDIT_LOCK = 0x61756474; // "audt"

interface AuditPgRow {
  seq: number;
  at: number;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

const toEntry = (r: AuditPgRow): AuditEntry => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, detail: r.detail, prevHash: r.prev_hash, hash: r.hash });

/** The pseudonym that stands for a device in the audit log, made on first use. */
export async function deviceRef(db: Queryable, deviceId: string): Promise<string> {
  const known = await db.query<{ ref: string }>('SELECT ref FROM device_refs WHERE device_id = $1', [deviceId]);
  if (known.rows[0]) return known.rows[0].ref;
  const ref = `ref-${randomBytes(8).toString('hex')}`;
  await db.query('INSERT INTO device_refs (device_id, ref) VALUES ($1, $2)', [deviceId, ref]);
  return ref;
}

/** A detail with device ids (`deviceId`, `devices`) replaced by their pseudonyms (`device`, `devices`), as sqlite-audit.ts does. */
async function pseudonymize(db: Queryable, detail: Record<string, unknown>): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) {
    if (key === 'deviceId' && typeof value === 'string') out.device = await deviceRef(db, value);
    else if (key === 'devices' && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      const refs: string[] = [];
      for (const v of value as string[]) refs.push(await deviceRef(db, v));
      out.devices = refs;
    } else out[key] = value;
  }
  return out;
}

/** Appends one entry after the current head. Call inside the transaction that does what it records. */
export async function appendAudit(db: Queryable, actor: string, action: string, detail: Record<string, unknown>, at: number): Promise<AuditEntry> {
  await db.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
  const last = (await db.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')).rows[0];
  const entry = nextAuditEntry(last, { at, actor, action, detail: await pseudonymize(db, detail) });
  await db.query('INSERT INTO audit_log (seq, at, actor, action, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
    entry.seq,
    entry.at,
    entry.actor,
    entry.action,
    JSON.stringify(entry.detail),
    entry.prevHash,
    entry.hash,
  ]);
  return entry;
}

/** Every entry in stored order, for `verifyAuditChain`. */
export async function readAuditChain(db: Queryable): Promise<AuditEntry[]> {
  return (await db.query<AuditPgRow>('SELECT seq, at, actor, action, detail, prev_hash, hash FROM audit_log ORDER BY id')).rows.map(toEntry);
}

/** The latest `limit` entries, oldest first. */
export async function readAuditTail(db: Queryable, limit: number): Promise<AuditEntry[]> {
  const { rows } = await db.query<AuditPgRow>('SELECT seq, at, actor, action, detail, prev_hash, hash FROM audit_log ORDER BY seq DESC LIMIT $1', [limit]);
  return rows.reverse().map(toEntry);
}
