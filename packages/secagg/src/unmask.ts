/**
 * The server's last step (Bell et al. 2020, §4): from t revealed shares each, reconstruct every
 * secret the unmasking needs — the self-mask seed b_u of each survivor u, the masking key
 * s_v^SK of each dropped client v with a surviving neighbour — then the PRG terms that take the
 * masks back out of the sum: −PRG(b_u) per survivor, and per (survivor u, dropped neighbour v)
 * the pairwise mask u added. Masks between two survivors cancel in the sum and masks between two
 * dropped clients never entered it, so neither is computed.
 */
import { bytesEqual, wipe } from './bytes.ts';
import type { CryptoProvider, X25519KeyPair } from './crypto-provider.ts';
import { SecAggError } from './errors.ts';
import type { NeighbourGraph } from './graph.ts';
import { keyInfo, type MaskTerm } from './prg.ts';
import { LagrangeCache, shamirCombine, type SharePoint } from './shamir.ts';

/** What the round knows when Unmask closes. Flags are indexed by client id (1 … n). */
export interface UnmaskState {
  readonly roundId: Uint8Array;
  readonly cohortSize: number;
  readonly threshold: number;
  readonly graph: NeighbourGraph;
  /** Ascending ids of the clients whose masked inputs are in the sum (U3). */
  readonly survivors: readonly number[];
  /** 1 for clients that shared keys (U2). */
  readonly shared: Uint8Array;
  /** 1 for survivors (U3). */
  readonly survived: Uint8Array;
  /** 1 for clients whose Unmask answer was accepted. */
  readonly responders: Uint8Array;
  /** The shares `holder` revealed, by owner: of self-mask seeds or of masking keys. */
  revealed(holder: number, kind: 'selfMask' | 'pairwiseKey'): ReadonlyMap<number, Uint8Array> | undefined;
  /** The masking public key client `id` advertised. */
  maskingPublicKey(id: number): Uint8Array;
}

export interface UnmaskSecrets {
  readonly selfSeeds: ReadonlyMap<number, Uint8Array>;
  readonly droppedKeys: ReadonlyMap<number, { readonly secret: Uint8Array; readonly key: X25519KeyPair }>;
}

export function wipeSecrets(secrets: UnmaskSecrets): void {
  secrets.selfSeeds.forEach(wipe);
  secrets.droppedKeys.forEach((d) => wipe(d.secret));
}

/**
 * Every secret, reconstructed before anything touches the sum, so that a bad share aborts the
 * round with nothing revealed. Throws a SecAggError (`RECONSTRUCTION_FAILED` for a share that
 * does not fit), having wiped what it had.
 */
export function reconstructSecrets(state: UnmaskState, crypto: CryptoProvider): UnmaskSecrets {
  const { graph, threshold: t } = state;
  const lagrange = new LagrangeCache();
  const gather = (owner: number, kind: 'selfMask' | 'pairwiseKey'): SharePoint[] => {
    const points: SharePoint[] = [];
    // Neighbours ascending = x ascending: the lowest available x-sets recur, and hit the cache.
    for (const holder of graph.neighbours(owner)) {
      if (state.responders[holder] !== 1) continue;
      const share = state.revealed(holder, kind)?.get(owner);
      if (share === undefined) continue;
      points.push({ x: graph.shareX(owner, holder), share });
      if (points.length === t) break;
    }
    return points;
  };
  const secrets = { selfSeeds: new Map<number, Uint8Array>(), droppedKeys: new Map<number, { secret: Uint8Array; key: X25519KeyPair }>() };
  try {
    for (const u of state.survivors) secrets.selfSeeds.set(u, shamirCombine(gather(u, 'selfMask'), t, 32, lagrange));
    for (let v = 1; v <= state.cohortSize; v++) {
      if (state.shared[v] !== 1 || state.survived[v] === 1) continue;
      if (!graph.neighbours(v).some((u) => state.survived[u] === 1)) continue;
      const secret = shamirCombine(gather(v, 'pairwiseKey'), t, 32, lagrange);
      // s_v^PK was advertised: a wrong share shows up here instead of as a garbage sum.
      const key = crypto.x25519(secret);
      if (!bytesEqual(key.publicKey, state.maskingPublicKey(v))) {
        wipe(secret);
        throw new SecAggError('RECONSTRUCTION_FAILED', `reconstructed key of dropped client ${v} does not match its advertised key: a share is wrong`, { clientId: v });
      }
      secrets.droppedKeys.set(v, { secret, key });
    }
  } catch (error) {
    wipeSecrets(secrets);
    throw SecAggError.from(error, 'RECONSTRUCTION_FAILED');
  }
  return secrets;
}

/**
 * The PRG terms that remove every mask from the sum; `counted.pairwiseMasks` grows by one per
 * pairwise term produced (the X25519 agreement for each is made as the term is taken).
 */
export function* maskRemovalTerms(state: UnmaskState, secrets: UnmaskSecrets, counted: { pairwiseMasks: number }): Generator<MaskTerm> {
  for (const [u, seed] of secrets.selfSeeds) yield { secret: seed, info: keyInfo('self-mask', state.roundId, u, 0), sign: -1 };
  for (const [v, { key }] of secrets.droppedKeys) {
    for (const u of state.graph.neighbours(v)) {
      if (state.survived[u] !== 1) continue;
      counted.pairwiseMasks++;
      // u added γ_{u,v}·PRG(s_{u,v}) with γ = +1 iff u < v; take it back out.
      const shared = key.agree(state.maskingPublicKey(u));
      yield { secret: shared, info: keyInfo('pairwise-mask', state.roundId, Math.min(u, v), Math.max(u, v)), sign: u < v ? -1 : 1 };
    }
  }
}
