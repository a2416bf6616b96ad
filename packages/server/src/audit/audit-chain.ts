/**
 * The audit log's hash chain (issue 12, item 4): pure functions, no storage.
 *
 * Each entry commits to the one before it: `hash = SHA-256(JCS([seq, at, actor, action, detail,
 * prevHash]))`, with JCS the JSON Canonicalization Scheme (RFC 8785) and `prevHash` the previous
 * entry's hash (64 zeros for the first). Editing, deleting or reordering a stored entry breaks
 * the chain at that entry unless every later entry is rewritten too; and since the chain has no
 * secret, someone who can write the database can rewrite it all. What defeats that is an anchor
 * kept elsewhere: `conclave audit verify --head SEQ:HASH` checks the chain still contains a head
 * an auditor wrote down earlier (the entries up to it then cannot have changed, nor been cut).
 */
import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';

// canonicalize@2 is CommonJS (`module.exports = serialize`) with an ESM-style `export default` in
// its types; Node hands ESM importers `module.exports` itself. Pinned: stored hashes depend on it.
const canonicalize = canonicalizeModule as unknown as (value: unknown) => string | undefined;

/** `prevHash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** One stored audit entry. `detail` is JSON; device identities appear only as pseudonyms (`audit/device-refs.ts`). */
export interface AuditEntry {
  /** 1, 2, 3, … in the order entries were appended. */
  seq: number;
  /** Milliseconds since the epoch. */
  at: number;
  /** Who acted: 'admin', 'coordinator', 'device', 'approver', 'authority'. */
  actor: string;
  /** What happened, dotted: 'task.create', 'device.forget', 'session.signin.failed', … */
  action: string;
  detail: Record<string, unknown>;
  prevHash: string;
  hash: string;
}

export type AuditFields = Omit<AuditEntry, 'hash'>;

/** The entry's hash, hex: SHA-256 over the RFC 8785 encoding of its fields in a fixed order. */
export function auditEntryHash(e: AuditFields): string {
  const encoded = canonicalize([e.seq, e.at, e.actor, e.action, e.detail, e.prevHash]);
  if (encoded === undefined) throw new TypeError('audit entry cannot be encoded as JSON');
  return createHash('sha256').update(encoded, 'utf8').digest('hex');
}

/** The next entry after `last` (or the first when there is none). */
export function nextAuditEntry(last: Pick<AuditEntry, 'seq' | 'hash'> | undefined, fields: Pick<AuditEntry, 'at' | 'actor' | 'action' | 'detail'>): AuditEntry {
  const draft: AuditFields = { seq: (last?.seq ?? 0) + 1, prevHash: last?.hash ?? GENESIS_HASH, ...fields };
  return { ...draft, hash: auditEntryHash(draft) };
}

export interface AuditVerification {
  ok: boolean;
  /** Entries read. */
  entries: number;
  /** The last entry's seq and hash when the chain is intact: write it down to anchor later checks. */
  head?: { seq: number; hash: string };
  /** The first entry that does not fit the chain. */
  firstBadSeq?: number;
  problem?: string;
}

/** A head written down earlier (`SEQ:HASH`), which the chain must still contain. */
export interface AuditAnchor {
  seq: number;
  hash: string;
}

/**
 * Checks entries in their stored order: seq counts up from 1 without gaps, each prevHash is the
 * previous hash, each hash is recomputed from the fields, and the anchor (if given) is present.
 * `firstBadSeq` is the seq where the chain first breaks (for a missing entry, the seq expected there).
 */
export function verifyAuditChain(entries: readonly AuditEntry[], anchor?: AuditAnchor): AuditVerification {
  let prevHash = GENESIS_HASH;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const expected = i + 1;
    const bad = (problem: string): AuditVerification => ({ ok: false, entries: entries.length, firstBadSeq: Math.min(expected, e.seq), problem });
    if (e.seq !== expected) {
      return bad(
        e.seq > expected
          ? `entry ${expected} is missing: the entry in its place has seq ${e.seq} (deleted or reordered)`
          : `entry ${e.seq} appears where entry ${expected} belongs (reordered or duplicated)`,
      );
    }
    if (e.prevHash !== prevHash) return bad(`entry ${e.seq} does not follow entry ${e.seq - 1}: its prevHash is ${e.prevHash}, entry ${e.seq - 1} hashes to ${prevHash}`);
    const recomputed = auditEntryHash(e);
    if (recomputed !== e.hash) return bad(`entry ${e.seq} was altered: its fields hash to ${recomputed}, it records ${e.hash}`);
    prevHash = e.hash;
  }
  if (anchor) {
    const at = entries[anchor.seq - 1];
    if (!at) {
      return { ok: false, entries: entries.length, firstBadSeq: entries.length + 1, problem: `the anchored head ${anchor.seq} is beyond the last entry ${entries.length}: entries were cut off the end` };
    }
    if (at.hash !== anchor.hash) {
      return { ok: false, entries: entries.length, firstBadSeq: anchor.seq, problem: `entry ${anchor.seq} hashes to ${at.hash}, the anchored head says ${anchor.hash}: the chain up to it was rewritten` };
    }
  }
  const last = entries[entries.length - 1];
  return { ok: true, entries: entries.length, ...(last ? { head: { seq: last.seq, hash: last.hash } } : {}) };
}

/** Parses `SEQ:HASH` as printed by `conclave audit verify`. */
export function parseAuditAnchor(text: string): AuditAnchor {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text.trim());
  if (!m) throw new Error(`audit head "${text}" is not SEQ:HASH (a positive integer, a colon and 64 hex digits), as \`conclave audit verify\` prints it`);
  const seq = Number(m[1]);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new Error(`audit head seq must be a positive integer, got ${m[1]}`);
  return { seq, hash: m[2]! };
}
