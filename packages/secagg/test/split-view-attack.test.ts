/**
 * The split-view attack of a lying server (Bonawitz et al. 2017, §6): after receiving u's masked
 * input, tell some of u's neighbours that u survived (they reveal shares of b_u) and the others
 * that it dropped (they reveal shares of s_u^SK). Without the malicious-server setting that
 * recovers u's input exactly; with it (2t > k) the two groups can never both reach t.
 */
import { describe, expect, it } from 'vitest';
import { SecAggClient } from '../src/client.ts';
import type { ClientMessage, ConsistencySignature, MaskedInput, UnmaskShares } from '../src/messages.ts';
import { advertiseAll, deliver, makeRound, receiveAll } from './helpers/round.ts';
import { recoverSplitViewInput } from './helpers/split-view.ts';

async function splitView(consistencyCheck: boolean) {
  const round = makeRound({ cohortSize: 7, vectorLength: 16, consistencyCheck, dropoutRate: 0.1, seed: `split-${consistencyCheck}` });
  const { config, clients } = round;
  const victim = 1;
  const adverts = await advertiseAll(round);
  const keys = await round.server.closePhase();
  receiveAll(round, await deliver(round, keys));
  const shares = await round.server.closePhase();
  const masked = (await deliver(round, shares)) as Map<number, ClientMessage>;
  const all = [...clients.keys()];
  const others = all.filter((id) => id !== victim);
  // The attacker's best split: as many neighbours as the threshold on the "dropped" side, the rest told u survived.
  const toldDropped = new Set(others.slice(0, config.threshold));
  const toldSurvived = others.filter((id) => !toldDropped.has(id));
  const viewOf = (id: number) => (toldDropped.has(id) ? all.filter((v) => v !== victim) : all);
  /** Consistency-check signatures per survivor view (joined ids). */
  const signatures = new Map<string, Map<number, Uint8Array>>();
  if (consistencyCheck) {
    for (const id of all) {
      const view = viewOf(id);
      if (!view.includes(id)) continue;
      const sig = (await (clients.get(id) as SecAggClient).handle({ type: 'consistency-request', roundId: config.roundId, survivors: view })) as ConsistencySignature;
      const key = view.join(',');
      const signed = signatures.get(key) ?? new Map<number, Uint8Array>();
      signatures.set(key, signed.set(id, sig.signature));
    }
  }
  const selfMaskShares = new Map<number, Uint8Array>();
  const pairwiseKeyShares = new Map<number, Uint8Array>();
  const refusals: string[] = [];
  for (const id of others) {
    const view = viewOf(id);
    const sigs = [...(signatures.get(view.join(',')) ?? new Map<number, Uint8Array>())].filter(([v]) => v !== id).map(([clientId, signature]) => ({ clientId, signature }));
    try {
      const reply = (await (clients.get(id) as SecAggClient).handle({
        type: 'unmask-request',
        roundId: config.roundId,
        survivors: view,
        dropped: toldDropped.has(id) ? [victim] : [],
        signatures: sigs,
      })) as UnmaskShares;
      for (const s of reply.selfMaskShares) if (s.owner === victim) selfMaskShares.set(id, s.share);
      for (const s of reply.pairwiseKeyShares) if (s.owner === victim) pairwiseKeyShares.set(id, s.share);
    } catch (err) {
      refusals.push(`${id}: ${(err as Error).message}`);
    }
  }
  const maskingPublicKeys = new Map([...adverts].map(([id, a]) => [id, a.maskingPublicKey]));
  const recovered = await recoverSplitViewInput({
    config,
    victim,
    masked: (masked.get(victim) as MaskedInput).vector,
    selfMaskShares,
    pairwiseKeyShares,
    maskingPublicKeys,
  });
  return { recovered, input: round.inputs.get(victim) as Uint32Array, refusals, toldSurvived, toldDropped, config };
}

describe('split-view unmasking', () => {
  it('recovers a device input exactly without the malicious-server setting', async () => {
    const { recovered, input, refusals } = await splitView(false);
    expect(refusals).toEqual([]);
    expect(recovered).toBeDefined();
    expect(Array.from(recovered!)).toEqual(Array.from(input));
  });

  it('fails with it: 2t > k leaves one side short of the threshold', async () => {
    const { recovered, config } = await splitView(true);
    expect(2 * config.threshold).toBeGreaterThan(config.degree);
    expect(recovered).toBeUndefined();
  });
});
