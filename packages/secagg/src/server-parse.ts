/**
 * The SecAgg+ server's checks of what a client sends, as pure functions: each takes the decoded
 * message and the round's view, and returns what the server keeps, or throws a SecAggError
 * that drops only the sender (`server.ts`, `receive`). Flags are indexed by client id (1 … n).
 */
import type { NeighbourGraph } from './graph.ts';
import { PUBLIC_KEY_LENGTH, SHARE_CIPHERTEXT_LENGTH, SHARE_LENGTH, SIGNATURE_LENGTH, type RoundConfig } from './messages.ts';
import { fail, requireArray, requireBytes, requireClientId, requireObject } from './validate.ts';

/** A client's AdvertiseKeys, as kept and relayed. */
export interface Advert {
  readonly encryptionPublicKey: Uint8Array;
  readonly maskingPublicKey: Uint8Array;
  readonly identityPublicKey: Uint8Array;
  readonly signature: Uint8Array;
}

/** How many of `ids` have their flag set. */
export function countIn(ids: Int32Array, flags: Uint8Array): number {
  let c = 0;
  for (const v of ids) c += flags[v] as number;
  return c;
}

/** How many clients have their flag set. */
export function countAll(flags: Uint8Array): number {
  let c = 0;
  for (let i = 1; i < flags.length; i++) c += flags[i] as number;
  return c;
}

/** AdvertiseKeys: two X25519 keys, and with the consistency check an identity key and its signature. */
export function parseAdvert(m: Record<string, unknown>, signed: boolean): Advert {
  return {
    encryptionPublicKey: requireBytes(m.encryptionPublicKey, 'encryptionPublicKey', PUBLIC_KEY_LENGTH).slice(),
    maskingPublicKey: requireBytes(m.maskingPublicKey, 'maskingPublicKey', PUBLIC_KEY_LENGTH).slice(),
    identityPublicKey: requireBytes(m.identityPublicKey, 'identityPublicKey', signed ? PUBLIC_KEY_LENGTH : 0).slice(),
    signature: requireBytes(m.signature, 'signature', signed ? SIGNATURE_LENGTH : 0).slice(),
  };
}

/** ShareKeys of `sender`: exactly one ciphertext for each neighbour that advertised keys (`advertised`), by recipient. */
export function parseShareKeys(m: Record<string, unknown>, sender: number, config: RoundConfig, graph: NeighbourGraph, advertised: Uint8Array): Map<number, Uint8Array> {
  const shares = requireArray(m.shares, 'shares', config.degree);
  const outgoing = new Map<number, Uint8Array>();
  for (const entry of shares) {
    const s = requireObject(entry, 'share');
    const recipient = requireClientId(s.recipient, 'share recipient', config.cohortSize);
    if (advertised[recipient] !== 1 || !graph.areNeighbours(sender, recipient)) {
      fail('MALFORMED_MESSAGE', `share for client ${recipient}, which is not a participating neighbour of ${sender}`);
    }
    if (outgoing.has(recipient)) fail('MALFORMED_MESSAGE', `two shares for client ${recipient}`);
    outgoing.set(recipient, requireBytes(s.ciphertext, 'share ciphertext', SHARE_CIPHERTEXT_LENGTH).slice());
  }
  const expected = countIn(graph.neighbours(sender), advertised);
  if (outgoing.size !== expected) fail('MALFORMED_MESSAGE', `${outgoing.size} shares, expected one for each of ${expected} neighbours`);
  return outgoing;
}

/**
 * UnmaskShares of `responder`: a self-mask share for each surviving neighbour and a
 * pairwise-key share for each dropped one (never both for one client), by owner.
 */
export function parseUnmaskShares(
  m: Record<string, unknown>,
  responder: number,
  config: RoundConfig,
  graph: NeighbourGraph,
  shared: Uint8Array,
  survived: Uint8Array,
): { selfMaskShares: Map<number, Uint8Array>; pairwiseKeyShares: Map<number, Uint8Array> } {
  const collect = (value: unknown, what: string, wantSurvivor: boolean): Map<number, Uint8Array> => {
    const list = requireArray(value, what, config.degree);
    const out = new Map<number, Uint8Array>();
    for (const entry of list) {
      const r = requireObject(entry, 'share');
      const owner = requireClientId(r.owner, 'share owner', config.cohortSize);
      const ok = graph.areNeighbours(owner, responder) && shared[owner] === 1 && (survived[owner] === 1) === wantSurvivor;
      if (!ok) fail('MALFORMED_MESSAGE', `${what} for client ${owner}, which is not a ${wantSurvivor ? 'surviving' : 'dropped'} neighbour of ${responder}`);
      if (out.has(owner)) fail('MALFORMED_MESSAGE', `two ${what} for client ${owner}`);
      out.set(owner, requireBytes(r.share, what, SHARE_LENGTH).slice());
    }
    return out;
  };
  const selfMaskShares = collect(m.selfMaskShares, 'selfMaskShares', true);
  const pairwiseKeyShares = collect(m.pairwiseKeyShares, 'pairwiseKeyShares', false);
  let survivors = 0;
  let dropped = 0;
  for (const v of graph.neighbours(responder)) {
    if (survived[v] === 1) survivors++;
    else if (shared[v] === 1) dropped++;
  }
  if (selfMaskShares.size !== survivors || pairwiseKeyShares.size !== dropped) {
    fail('MALFORMED_MESSAGE', `client ${responder} revealed ${selfMaskShares.size}+${pairwiseKeyShares.size} shares, expected ${survivors} self-mask and ${dropped} pairwise-key shares`);
  }
  return { selfMaskShares, pairwiseKeyShares };
}
