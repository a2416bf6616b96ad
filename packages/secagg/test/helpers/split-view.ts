/**
 * What a lying server does with the shares a split view gets it (Bonawitz et al. 2017, §4: a
 * client must never reveal both b_u and s_u^SK of the same u). Given t shares of u's self-mask
 * seed b_u (from neighbours told u survived) and t shares of its masking key s_u^SK (from
 * neighbours told u dropped), the server strips every mask from u's masked input:
 *   x_u = y_u − PRG(b_u) − Σ_{v ∈ N(u)} ±PRG(KA(s_u^SK, s_v^PK)).
 * Used by the hostile-coordinator e2e test and by secagg's own split-view test; it is an
 * attack, never part of the library.
 */
import { loadCryptoProvider } from '../../src/load-crypto-provider.ts';
import { NeighbourGraph } from '../../src/graph.ts';
import type { RoundConfig } from '../../src/messages.ts';
import { keyInfo, type MaskTerm } from '../../src/prg.ts';
import { shamirCombine } from '../../src/shamir.ts';

export interface SplitViewLoot {
  readonly config: RoundConfig;
  /** The victim u. */
  readonly victim: number;
  /** u's masked input y_u, as uploaded (little-endian uint32). */
  readonly masked: Uint8Array;
  /** Shares of b_u revealed by neighbours told u survived: holder id → share. */
  readonly selfMaskShares: ReadonlyMap<number, Uint8Array>;
  /** Shares of s_u^SK revealed by neighbours told u dropped: holder id → share. */
  readonly pairwiseKeyShares: ReadonlyMap<number, Uint8Array>;
  /** s_v^PK of every neighbour v of u, from the advertisements the server relayed. */
  readonly maskingPublicKeys: ReadonlyMap<number, Uint8Array>;
}

/** u's plain input, or undefined when fewer than t shares of either secret were collected. */
export async function recoverSplitViewInput(loot: SplitViewLoot): Promise<Uint32Array | undefined> {
  const { config, victim: u } = loot;
  const t = config.threshold;
  if (loot.selfMaskShares.size < t || loot.pairwiseKeyShares.size < t) return undefined;
  const graph = new NeighbourGraph(config.cohortSize, config.degree, config.graphSeed);
  const points = (shares: ReadonlyMap<number, Uint8Array>) => [...shares].slice(0, t).map(([holder, share]) => ({ x: graph.shareX(u, holder), share }));
  const selfSeed = shamirCombine(points(loot.selfMaskShares), t, 32);
  const maskingSecret = shamirCombine(points(loot.pairwiseKeyShares), t, 32);
  const crypto = await loadCryptoProvider();
  const key = crypto.x25519(maskingSecret);
  const out = new Uint32Array(loot.masked.slice().buffer, 0, config.vectorLength);
  const terms: MaskTerm[] = [{ secret: selfSeed, info: keyInfo('self-mask', config.roundId, u, 0), sign: -1 }];
  for (const v of graph.neighbours(u)) {
    const pk = loot.maskingPublicKeys.get(v);
    if (pk === undefined) continue; // v never advertised: u did not mask with it
    // u added +PRG when u < v and −PRG otherwise (client.ts): undo it.
    terms.push({ secret: key.agree(pk), info: keyInfo('pairwise-mask', config.roundId, Math.min(u, v), Math.max(u, v)), sign: u < v ? -1 : 1 });
  }
  await crypto.maskPrg.apply(out, terms);
  return out;
}
