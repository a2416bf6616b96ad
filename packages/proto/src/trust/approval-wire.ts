/**
 * Task approvals and log proofs on the wire (`Selected.approval`, `Selected.log_proof` in
 * conclave.proto) to and from the types the checks take. uint64 fields decode as protobufjs
 * Longs; they are read back as safe integers or refused.
 */
import type { conclave } from '../generated/conclave.js';
import { taskApprovalFromJson, taskApprovalToJson, type TaskApproval } from './task-approval.ts';
import type { LogProof } from './transparency-log.ts';
import type { SignedTreeHead } from './tree-head.ts';

type U64 = number | { toString(): string } | null | undefined;

/** A wire uint64 as a safe integer; throws a RangeError naming `what` beyond 2^53 − 1. */
export function safeU64(value: U64, what: string): number {
  const n = typeof value === 'number' ? value : value == null ? 0 : Number(value.toString());
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} is ${String(value)}, not an integer in [0, 2^53)`);
  return n;
}

const empty = new Uint8Array(0);

export function approvalToWire(a: TaskApproval): conclave.v1.ITaskApproval {
  const json = taskApprovalToJson(a);
  return { statementJson: JSON.stringify(json.statement), signature: a.signature };
}

/** Reads `Selected.approval`; throws a RangeError naming the bad field. Does not verify. */
export function approvalFromWire(w: conclave.v1.ITaskApproval): TaskApproval {
  let statement: unknown;
  try {
    statement = JSON.parse(w.statementJson ?? '');
  } catch (err) {
    throw new RangeError(`approval.statementJson is not JSON: ${(err as Error).message}`);
  }
  const signature = w.signature ?? empty;
  let b64 = '';
  for (const b of signature) b64 += String.fromCharCode(b);
  return taskApprovalFromJson({ statement, signature: btoa(b64) });
}

export function treeHeadToWire(h: SignedTreeHead): conclave.v1.ISignedTreeHead {
  return { size: h.size, rootHash: h.rootHash, timestampMs: h.timestampMs, approverKey: h.approverKey, signature: h.signature };
}

export function treeHeadFromWire(w: conclave.v1.ISignedTreeHead): SignedTreeHead {
  return {
    size: safeU64(w.size, 'logProof.head.size'),
    rootHash: w.rootHash ?? empty,
    timestampMs: safeU64(w.timestampMs, 'logProof.head.timestampMs'),
    approverKey: w.approverKey ?? empty,
    signature: w.signature ?? empty,
  };
}

export function logProofToWire(p: LogProof): conclave.v1.ILogProof {
  return { head: treeHeadToWire(p.head), leafIndex: p.leafIndex, inclusion: [...p.inclusion], consistencyFrom: p.consistencyFrom, consistency: [...p.consistency] };
}

/** Reads `Selected.log_proof`; throws a RangeError naming the bad field. Does not verify. */
export function logProofFromWire(w: conclave.v1.ILogProof): LogProof {
  if (!w.head) throw new RangeError('logProof.head is missing');
  return {
    head: treeHeadFromWire(w.head),
    leafIndex: safeU64(w.leafIndex, 'logProof.leafIndex'),
    inclusion: w.inclusion ?? [],
    consistencyFrom: safeU64(w.consistencyFrom, 'logProof.consistencyFrom'),
    consistency: w.consistency ?? [],
  };
}
