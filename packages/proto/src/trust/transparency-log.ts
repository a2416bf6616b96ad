/**
 * The task transparency log: every approved task is a leaf (its statement's bytes) of an
 * append-only Merkle tree (RFC 9162 §2.1), and after each append the approver signs a tree head.
 * The coordinator stores and serves the log but cannot change it: it holds no approver key, so
 * it can neither add a task nor sign a head that drops or rewrites one.
 *
 * Three parties check it:
 * - the approver, before it signs an append (`appendApproval`): the whole log verifies and
 *   extends the head it signed last, so it never signs a fork a coordinator shows it;
 * - a device, with every plan (`checkLogProof`): the head is signed by a pinned approver, the
 *   task it is asked to train is in it (inclusion proof), and it extends the last head the device
 *   saw (consistency proof) — a coordinator cannot show one device one history and another a
 *   different one without a device noticing the fork the next time it is shown the other;
 * - an auditor (`verifyTransparencyLog`, `conclave log verify`): every entry's signature, every
 *   head's signature and root, heads growing.
 */
import { SHA256_LENGTH, bytesEqual, fromHex, toHex } from './digest.ts';
import type { SigningKeyPair } from './ed25519.ts';
import { merkleConsistencyProof, merkleInclusionProof, merkleRoot, verifyMerkleConsistency, verifyMerkleInclusion } from './merkle.ts';
import { taskApprovalFromJson, taskApprovalToJson, taskStatementLeafHash, verifyTaskApproval, type TaskApproval, type TaskApprovalJson } from './task-approval.ts';
import { signTreeHead, treeHeadFromJson, treeHeadToJson, verifyTreeHead, type SignedTreeHead, type SignedTreeHeadJson } from './tree-head.ts';

/** The log as the coordinator stores and serves it: entries in order, one signed head per append. */
export interface TransparencyLog {
  readonly entries: readonly TaskApproval[];
  readonly heads: readonly SignedTreeHead[];
}

/** What a device (or an approver) remembers of the last head it accepted. */
export interface LogMark {
  readonly size: number;
  /** Root hash, hex. */
  readonly rootHash: string;
}

/** What a device receives with a plan: the newest head, the task's inclusion, and consistency from the head it knows. */
export interface LogProof {
  readonly head: SignedTreeHead;
  readonly leafIndex: number;
  readonly inclusion: readonly Uint8Array[];
  /** The size the consistency proof starts from (the device's last head; 0 for none). */
  readonly consistencyFrom: number;
  readonly consistency: readonly Uint8Array[];
}

export type LogProblem = 'MALFORMED' | 'BAD_HEAD' | 'NOT_INCLUDED' | 'ROLLED_BACK' | 'FORKED';
export type LogCheck = { readonly ok: true; readonly mark: LogMark } | { readonly ok: false; readonly problem: LogProblem; readonly message: string };

/** Most entries a log may hold (a bound for decoders; far above any organisation's task count). */
export const MAX_LOG_ENTRIES = 1_000_000;
/** Longest proof accepted: a tree of 2^63 leaves needs fewer. */
export const MAX_PROOF_HASHES = 64;

export function markOf(head: SignedTreeHead): LogMark {
  return { size: head.size, rootHash: toHex(head.rootHash) };
}

/** Reads a remembered mark (a device's KV store); undefined when absent or unreadable. */
export function logMarkFromJson(json: unknown): LogMark | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const j = json as Record<string, unknown>;
  if (!Number.isSafeInteger(j.size) || (j.size as number) < 0 || typeof j.rootHash !== 'string' || !/^[0-9a-f]{64}$/.test(j.rootHash)) return undefined;
  return { size: j.size as number, rootHash: j.rootHash };
}

/** Leaf hashes of the log's entries, in order. */
export function logLeafHashes(entries: readonly TaskApproval[]): Promise<Uint8Array[]> {
  return Promise.all(entries.map((e) => taskStatementLeafHash(e.statement)));
}

/**
 * Checks the whole log as an auditor does: every entry is a valid approval by a pinned key and
 * names a task no earlier entry named; every head is signed by a pinned key and its root is the
 * Merkle root of the first `size` entries; heads grow strictly; the newest head covers every
 * entry. Returns every problem found, not just the first.
 */
export async function verifyTransparencyLog(log: TransparencyLog, options: { readonly approverKeys: readonly Uint8Array[] }): Promise<{ ok: boolean; problems: string[]; size: number }> {
  const problems: string[] = [];
  if (log.entries.length > MAX_LOG_ENTRIES) return { ok: false, problems: [`the log has ${log.entries.length} entries, more than ${MAX_LOG_ENTRIES}`], size: log.entries.length };
  const seen = new Set<string>();
  for (const [i, entry] of log.entries.entries()) {
    const check = await verifyTaskApproval(entry, options);
    if (!check.ok) problems.push(`entry ${i}: ${check.message}`);
    const id = entry.statement?.taskId;
    if (seen.has(id)) problems.push(`entry ${i}: task ${id} is approved a second time`);
    seen.add(id);
  }
  const leaves = await logLeafHashes(log.entries);
  let previous = 0;
  for (const [i, head] of log.heads.entries()) {
    if (!(await verifyTreeHead(head, options.approverKeys))) {
      problems.push(`head ${i} (size ${head?.size}): not signed by a pinned approver key`);
      continue;
    }
    if (head.size <= previous) problems.push(`head ${i}: size ${head.size} does not grow past the previous head's ${previous}`);
    previous = head.size;
    if (head.size > leaves.length) {
      problems.push(`head ${i}: size ${head.size} is larger than the log's ${leaves.length} entries`);
      continue;
    }
    if (!bytesEqual(await merkleRoot(leaves.slice(0, head.size)), head.rootHash)) problems.push(`head ${i}: root of size ${head.size} is not the Merkle root of the first ${head.size} entries`);
  }
  const newest = log.heads.at(-1);
  if (log.entries.length > 0 && newest?.size !== log.entries.length) problems.push(`the newest head covers ${newest?.size ?? 0} of ${log.entries.length} entries`);
  return { ok: problems.length === 0, problems, size: log.entries.length };
}

/**
 * The approver appends an approval: checks the log as an auditor would and that it extends the
 * head the approver signed last (`lastSigned`, from its own records), then signs the new head.
 * Returns the new log and head; throws a RangeError naming what was wrong.
 */
export async function appendApproval(
  approver: SigningKeyPair,
  log: TransparencyLog,
  approval: TaskApproval,
  options: { readonly timestampMs: number; readonly lastSigned?: LogMark | undefined; readonly approverKeys?: readonly Uint8Array[] },
): Promise<{ log: TransparencyLog; head: SignedTreeHead }> {
  const approverKeys = options.approverKeys ?? [approver.publicKey];
  const audit = await verifyTransparencyLog(log, { approverKeys });
  if (!audit.ok) throw new RangeError(`the transparency log does not verify: ${audit.problems.join('; ')}`);
  const leaves = await logLeafHashes(log.entries);
  if (options.lastSigned) {
    const { size, rootHash } = options.lastSigned;
    if (size > leaves.length) throw new RangeError(`the log has ${leaves.length} entries, fewer than the ${size} of the head this approver signed last: it was rolled back`);
    if (toHex(await merkleRoot(leaves.slice(0, size))) !== rootHash) throw new RangeError(`the log's first ${size} entries are not the ones this approver signed: it was forked`);
  }
  const entries = [...log.entries, approval];
  const check = await verifyTransparencyLog({ entries, heads: log.heads }, { approverKeys });
  const entryProblems = check.problems.filter((p) => p.startsWith(`entry ${log.entries.length}:`));
  if (entryProblems.length > 0) throw new RangeError(entryProblems.join('; '));
  const head = await signTreeHead(approver, { size: entries.length, rootHash: await merkleRoot([...leaves, await taskStatementLeafHash(approval.statement)]), timestampMs: options.timestampMs });
  return { log: { entries, heads: [...log.heads, head] }, head };
}

/**
 * What the coordinator sends with a plan for task `taskId`: its newest head, the task's inclusion
 * proof and a consistency proof from the size the device reported. Throws a RangeError when the
 * task is not in the log or the device claims a size beyond it.
 */
export async function logProofFor(log: TransparencyLog, taskId: string, fromSize: number): Promise<LogProof> {
  const head = log.heads.at(-1);
  if (!head) throw new RangeError('the transparency log is empty');
  const leaves = await logLeafHashes(log.entries.slice(0, head.size));
  const leafIndex = log.entries.findIndex((e) => e.statement.taskId === taskId);
  if (leafIndex < 0 || leafIndex >= head.size) throw new RangeError(`task ${taskId} is not in the transparency log`);
  const from = Number.isSafeInteger(fromSize) && fromSize >= 0 && fromSize <= head.size ? fromSize : 0;
  return {
    head,
    leafIndex,
    inclusion: await merkleInclusionProof(leafIndex, leaves),
    consistencyFrom: from,
    consistency: await merkleConsistencyProof(from, leaves),
  };
}

const refuse = (problem: LogProblem, message: string): LogCheck => ({ ok: false, problem, message });

/**
 * A device's check of the log proof that came with a plan: the head is signed by a pinned
 * approver, the approved task is in it, and it extends `lastSeen` (the head this device accepted
 * before; none the first time). On success returns the mark to remember.
 */
export async function checkLogProof(input: {
  readonly approval: TaskApproval;
  readonly proof: LogProof;
  readonly lastSeen: LogMark | undefined;
  readonly approverKeys: readonly Uint8Array[];
}): Promise<LogCheck> {
  const { approval, proof, lastSeen } = input;
  if (proof.inclusion.length > MAX_PROOF_HASHES || proof.consistency.length > MAX_PROOF_HASHES) return refuse('MALFORMED', 'the log proof is longer than any tree needs');
  if (!(await verifyTreeHead(proof.head, input.approverKeys))) return refuse('BAD_HEAD', 'the transparency log head is not signed by an approver this device pins');
  const leafHash = await taskStatementLeafHash(approval.statement);
  if (!(await verifyMerkleInclusion({ index: proof.leafIndex, treeSize: proof.head.size, leafHash, proof: proof.inclusion, root: proof.head.rootHash }))) {
    return refuse('NOT_INCLUDED', `task ${approval.statement.taskId} is not in the transparency log the coordinator serves`);
  }
  if (lastSeen) {
    if (proof.head.size < lastSeen.size) return refuse('ROLLED_BACK', `the transparency log has ${proof.head.size} entries, fewer than the ${lastSeen.size} this device saw`);
    const root1 = fromHex(lastSeen.rootHash, SHA256_LENGTH, 'the remembered root');
    // The same size needs no proof: the roots must be equal (a check-in that crossed the last
    // plan may have asked for a proof from an older size).
    if (proof.head.size === lastSeen.size) {
      if (bytesEqual(root1, proof.head.rootHash)) return { ok: true, mark: markOf(proof.head) };
      return refuse('FORKED', `the transparency log of ${proof.head.size} entries is not the log of ${lastSeen.size} entries this device saw`);
    }
    const consistent =
      proof.consistencyFrom === lastSeen.size &&
      (await verifyMerkleConsistency({ size1: lastSeen.size, size2: proof.head.size, root1, root2: proof.head.rootHash, proof: proof.consistency }));
    if (!consistent) return refuse('FORKED', `the transparency log of ${proof.head.size} entries does not extend the log of ${lastSeen.size} entries this device saw`);
  }
  return { ok: true, mark: markOf(proof.head) };
}

/** The log's JSON form (the admin API, `conclave log verify --file`). */
export interface TransparencyLogJson {
  entries: TaskApprovalJson[];
  heads: SignedTreeHeadJson[];
}

export function transparencyLogToJson(log: TransparencyLog): TransparencyLogJson {
  return { entries: log.entries.map(taskApprovalToJson), heads: log.heads.map(treeHeadToJson) };
}

/** Reads the JSON form; throws a RangeError naming the bad entry. Does not verify. */
export function transparencyLogFromJson(json: unknown): TransparencyLog {
  if (typeof json !== 'object' || json === null) throw new RangeError('a transparency log must be a JSON object');
  const j = json as Record<string, unknown>;
  if (!Array.isArray(j.entries) || !Array.isArray(j.heads)) throw new RangeError('a transparency log has `entries` and `heads` arrays');
  if (j.entries.length > MAX_LOG_ENTRIES || j.heads.length > MAX_LOG_ENTRIES) throw new RangeError(`a transparency log holds at most ${MAX_LOG_ENTRIES} entries`);
  const at = <T>(what: string, i: number, f: () => T): T => {
    try {
      return f();
    } catch (err) {
      throw new RangeError(`${what} ${i}: ${(err as Error).message}`);
    }
  };
  return {
    entries: j.entries.map((e, i) => at('entry', i, () => taskApprovalFromJson(e))),
    heads: j.heads.map((h, i) => at('head', i, () => treeHeadFromJson(h))),
  };
}
