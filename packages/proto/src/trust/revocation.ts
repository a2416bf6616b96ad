/**
 * Revocation lists: the enrollment authority signs the set of revoked device ids under a
 * sequence number that only grows. The coordinator stores and relays the newest list; a device
 * verifies it, refuses any list older than the newest it has seen from that authority (a
 * coordinator cannot un-revoke a device by replaying an old list), and refuses any certificate
 * the list names.
 *
 * Signed bytes: `signedBytes('conclave/v1/revocation-list', [authority key, sequence,
 * issued at (ms), number of ids, id…])`, the ids sorted and distinct.
 */
import { fromBase64, toBase64 } from './base64.ts';
import { sha256, toHex } from './digest.ts';
import { ED25519_PUBLIC_KEY_LENGTH, ED25519_SIGNATURE_LENGTH, ed25519Sign, ed25519Verify, type SigningKeyPair } from './ed25519.ts';
import { signedBytes } from './signed-bytes.ts';

export const REVOCATION_CONTEXT = 'conclave/v1/revocation-list';
/** Most device ids one list may name (it travels in one frame with the plan). */
export const MAX_REVOKED_DEVICES = 10_000;

export interface RevocationList {
  readonly authorityKey: Uint8Array;
  /** Grows by at least one with every list the authority signs. */
  readonly sequence: number;
  readonly issuedAtMs: number;
  /** Revoked device ids, sorted, distinct. */
  readonly revoked: readonly string[];
  readonly signature: Uint8Array;
}

export type RevocationProblem = 'MALFORMED' | 'UNKNOWN_AUTHORITY' | 'BAD_SIGNATURE' | 'ROLLED_BACK' | 'FORKED';
export type RevocationCheck = { readonly ok: true } | { readonly ok: false; readonly problem: RevocationProblem; readonly message: string };

/** What a device remembers of the newest list it accepted from one authority. */
export interface RevocationMark {
  readonly sequence: number;
  /** SHA-256 of the list's signed bytes, hex: the same sequence must mean the same list. */
  readonly digest: string;
}

export function revocationBytes(l: Omit<RevocationList, 'signature'>): Uint8Array {
  return signedBytes(REVOCATION_CONTEXT, [
    { bytes: l.authorityKey },
    { u64: l.sequence },
    { u64: l.issuedAtMs },
    { u64: l.revoked.length },
    ...l.revoked.map((text) => ({ text })),
  ]);
}

function sortedDistinct(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (!((ids[i - 1] as string) < (ids[i] as string))) return false;
  return true;
}

/** The authority signs a list; `revoked` is sorted and deduplicated here. */
export async function issueRevocationList(
  authority: SigningKeyPair,
  body: { readonly sequence: number; readonly issuedAtMs: number; readonly revoked: readonly string[] },
): Promise<RevocationList> {
  if (!Number.isSafeInteger(body.sequence) || body.sequence < 1) throw new RangeError(`a revocation list's sequence is an integer ≥ 1, got ${body.sequence}`);
  const revoked = [...new Set(body.revoked)].sort();
  if (revoked.length > MAX_REVOKED_DEVICES) throw new RangeError(`a revocation list names at most ${MAX_REVOKED_DEVICES} devices`);
  const unsigned = { authorityKey: authority.publicKey.slice(), sequence: body.sequence, issuedAtMs: body.issuedAtMs, revoked };
  return { ...unsigned, signature: await ed25519Sign(authority, revocationBytes(unsigned)) };
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const refuse = (problem: RevocationProblem, message: string): RevocationCheck => ({ ok: false, problem, message });

/** Checks shape, issuer and signature (not progress: see `checkRevocationProgress`). */
export async function verifyRevocationList(list: RevocationList, options: { readonly authorityKeys: readonly Uint8Array[] }): Promise<RevocationCheck> {
  if (
    !(list?.authorityKey instanceof Uint8Array) ||
    list.authorityKey.length !== ED25519_PUBLIC_KEY_LENGTH ||
    !(list.signature instanceof Uint8Array) ||
    list.signature.length !== ED25519_SIGNATURE_LENGTH ||
    !Number.isSafeInteger(list.sequence) ||
    list.sequence < 1 ||
    !Number.isSafeInteger(list.issuedAtMs) ||
    list.issuedAtMs < 0 ||
    !Array.isArray(list.revoked) ||
    list.revoked.length > MAX_REVOKED_DEVICES ||
    !list.revoked.every((id) => typeof id === 'string') ||
    !sortedDistinct(list.revoked)
  ) {
    return refuse('MALFORMED', 'the revocation list is missing a field, has one of the wrong size, or its ids are not sorted and distinct');
  }
  if (!options.authorityKeys.some((k) => equal(k, list.authorityKey))) return refuse('UNKNOWN_AUTHORITY', 'the revocation list is signed by an authority this device does not pin');
  if (!(await ed25519Verify(list.authorityKey, revocationBytes(list), list.signature))) return refuse('BAD_SIGNATURE', `revocation list ${list.sequence} does not carry its authority's signature`);
  return { ok: true };
}

/** SHA-256 of the list's signed bytes, hex. */
export async function revocationDigest(list: RevocationList): Promise<string> {
  return toHex(await sha256(revocationBytes(list)));
}

/**
 * A (verified) list may replace what the device last saw from its authority only if it does not
 * go backwards: a lower sequence is a rollback, the same sequence with other contents a fork.
 */
export async function checkRevocationProgress(previous: RevocationMark | undefined, list: RevocationList): Promise<RevocationCheck & { mark?: RevocationMark }> {
  const mark = { sequence: list.sequence, digest: await revocationDigest(list) };
  if (previous === undefined || list.sequence > previous.sequence) return { ok: true, mark };
  if (list.sequence < previous.sequence) return refuse('ROLLED_BACK', `revocation list ${list.sequence} is older than list ${previous.sequence} this device already saw`);
  if (mark.digest !== previous.digest) return refuse('FORKED', `revocation list ${list.sequence} differs from the list ${previous.sequence} this device already saw`);
  return { ok: true, mark };
}

export interface RevocationListJson {
  authorityKey: string;
  sequence: number;
  issuedAtMs: number;
  revoked: string[];
  signature: string;
}

export function revocationListToJson(l: RevocationList): RevocationListJson {
  return { authorityKey: toBase64(l.authorityKey), sequence: l.sequence, issuedAtMs: l.issuedAtMs, revoked: [...l.revoked], signature: toBase64(l.signature) };
}

/** Reads the JSON form; throws a RangeError naming the bad field. Does not verify. */
export function revocationListFromJson(json: unknown): RevocationList {
  if (typeof json !== 'object' || json === null) throw new RangeError('a revocation list must be a JSON object');
  const j = json as Record<string, unknown>;
  for (const field of ['sequence', 'issuedAtMs'] as const) {
    if (!Number.isSafeInteger(j[field]) || (j[field] as number) < 0) throw new RangeError(`revocationList.${field} must be a non-negative integer, got ${JSON.stringify(j[field])}`);
  }
  if (!Array.isArray(j.revoked) || !j.revoked.every((x) => typeof x === 'string')) throw new RangeError('revocationList.revoked must be an array of device ids');
  return {
    authorityKey: fromBase64(j.authorityKey as string, 'revocationList.authorityKey'),
    sequence: j.sequence as number,
    issuedAtMs: j.issuedAtMs as number,
    revoked: j.revoked as string[],
    signature: fromBase64(j.signature as string, 'revocationList.signature'),
  };
}
