/**
 * Signed tree heads of the task transparency log (RFC 9162 §4.10 in spirit): the approver signs
 * the log's size and Merkle root after every approval it appends, with the time it signed.
 * Devices and auditors accept only heads signed by an approver key they pin.
 *
 * Signed bytes: `signedBytes('conclave/v1/tree-head', [approver key, u64 size, root hash,
 * u64 timestamp ms])`.
 */
import { fromBase64, toBase64 } from './base64.ts';
import { SHA256_LENGTH, bytesEqual, fromHex, toHex } from './digest.ts';
import { ED25519_PUBLIC_KEY_LENGTH, ED25519_SIGNATURE_LENGTH, ed25519Sign, ed25519Verify, type SigningKeyPair } from './ed25519.ts';
import { signedBytes } from './signed-bytes.ts';

export const TREE_HEAD_CONTEXT = 'conclave/v1/tree-head';

export interface SignedTreeHead {
  /** Leaves (approved tasks) in the log. */
  readonly size: number;
  /** MTH of those leaves (RFC 9162 §2.1.1). */
  readonly rootHash: Uint8Array;
  readonly timestampMs: number;
  /** The approver key that signed the head. */
  readonly approverKey: Uint8Array;
  readonly signature: Uint8Array;
}

export function treeHeadBytes(h: Omit<SignedTreeHead, 'signature'>): Uint8Array {
  return signedBytes(TREE_HEAD_CONTEXT, [{ bytes: h.approverKey }, { u64: h.size }, { bytes: h.rootHash }, { u64: h.timestampMs }]);
}

export async function signTreeHead(approver: SigningKeyPair, head: { readonly size: number; readonly rootHash: Uint8Array; readonly timestampMs: number }): Promise<SignedTreeHead> {
  if (!Number.isSafeInteger(head.size) || head.size < 0) throw new RangeError(`a tree size is a non-negative integer, got ${head.size}`);
  if (head.rootHash.length !== SHA256_LENGTH) throw new RangeError(`a root hash has ${SHA256_LENGTH} bytes, got ${head.rootHash.length}`);
  const body = { size: head.size, rootHash: head.rootHash.slice(), timestampMs: head.timestampMs, approverKey: approver.publicKey.slice() };
  return { ...body, signature: await ed25519Sign(approver, treeHeadBytes(body)) };
}

function wellFormed(h: SignedTreeHead): boolean {
  return (
    Number.isSafeInteger(h?.size) &&
    h.size >= 0 &&
    Number.isSafeInteger(h.timestampMs) &&
    h.timestampMs >= 0 &&
    h.rootHash instanceof Uint8Array &&
    h.rootHash.length === SHA256_LENGTH &&
    h.approverKey instanceof Uint8Array &&
    h.approverKey.length === ED25519_PUBLIC_KEY_LENGTH &&
    h.signature instanceof Uint8Array &&
    h.signature.length === ED25519_SIGNATURE_LENGTH
  );
}

/** True when the head is well formed and signed by one of `approverKeys`. */
export async function verifyTreeHead(head: SignedTreeHead, approverKeys: readonly Uint8Array[]): Promise<boolean> {
  if (!wellFormed(head)) return false;
  if (!approverKeys.some((k) => bytesEqual(k, head.approverKey))) return false;
  return ed25519Verify(head.approverKey, treeHeadBytes(head), head.signature);
}

export interface SignedTreeHeadJson {
  size: number;
  rootHash: string;
  timestampMs: number;
  approverKey: string;
  signature: string;
}

export function treeHeadToJson(h: SignedTreeHead): SignedTreeHeadJson {
  return { size: h.size, rootHash: toHex(h.rootHash), timestampMs: h.timestampMs, approverKey: toBase64(h.approverKey), signature: toBase64(h.signature) };
}

/** Reads the JSON form; throws a RangeError naming the bad field. Does not verify. */
export function treeHeadFromJson(json: unknown): SignedTreeHead {
  if (typeof json !== 'object' || json === null) throw new RangeError('a tree head must be a JSON object');
  const j = json as Record<string, unknown>;
  for (const field of ['size', 'timestampMs'] as const) {
    if (!Number.isSafeInteger(j[field]) || (j[field] as number) < 0) throw new RangeError(`treeHead.${field} must be a non-negative integer, got ${JSON.stringify(j[field])}`);
  }
  return {
    size: j.size as number,
    rootHash: fromHex(j.rootHash as string, SHA256_LENGTH, 'treeHead.rootHash'),
    timestampMs: j.timestampMs as number,
    approverKey: fromBase64(j.approverKey as string, 'treeHead.approverKey'),
    signature: fromBase64(j.signature as string, 'treeHead.signature'),
  };
}
