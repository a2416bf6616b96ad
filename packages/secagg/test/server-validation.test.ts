/**
 * The server state machine given bad input from one client: a malformed, replayed,
 * out-of-phase or wrong-length message drops THAT client, the error is returned (never
 * thrown), and the round completes for everyone else with the exact sum.
 */
import { describe, expect, it } from 'vitest';
import type { SecAggClient } from '../src/client.ts';
import type { SecAggErrorCode } from '../src/errors.ts';
import type { AdvertiseKeys, ClientMessage, ConsistencySignature, MaskedInput, ServerMessage, ShareKeys, UnmaskShares } from '../src/messages.ts';
import type { PhaseTransition, ReceiveOutcome } from '../src/server-types.ts';
import { advertiseAll, deliver, makeRound, plainSum, receiveAll, type TestRound } from './helpers/round.ts';

function rejected(outcome: ReceiveOutcome, code: SecAggErrorCode): void {
  expect(outcome.accepted).toBe(false);
  if (!outcome.accepted) expect(outcome.error.code).toBe(code);
}

/** Runs the round to the end from `transition`, every client not in `skip` answering. */
async function finish(round: TestRound, transition: PhaseTransition, skip: ReadonlySet<number> = new Set()): Promise<PhaseTransition> {
  let t = transition;
  while (t.phase !== 'completed' && t.phase !== 'aborted') {
    receiveAll(round, await deliver(round, t, skip));
    t = await round.server.closePhase();
  }
  return t;
}

function client(round: TestRound, id: number): SecAggClient {
  return round.clients.get(id) as SecAggClient;
}

function messageTo(t: PhaseTransition, id: number): ServerMessage {
  return t.messages.find((m) => m.to === id)?.message as ServerMessage;
}

describe('server: one bad client is dropped, the round goes on', () => {
  it('unknown sender ids are refused without dropping anyone', async () => {
    const round = makeRound({ seed: 'unknown' });
    for (const from of [0, 7, -1, 1.5, Number.NaN]) rejected(round.server.receive(from, { type: 'advertise-keys' } as ClientMessage), 'UNKNOWN_CLIENT');
    expect(round.server.droppedClients().size).toBe(0);
  });

  it('malformed messages (not an object, unknown type, missing or mistyped fields)', async () => {
    const round = makeRound({ seed: 'malformed' });
    const ad = await client(round, 1).advertiseKeys();
    const cases: Array<[number, unknown]> = [
      [1, null],
      [2, { type: 'hello', roundId: round.config.roundId }],
      [3, { ...ad, encryptionPublicKey: Array.from(ad.encryptionPublicKey) }],
      [4, { ...ad, maskingPublicKey: undefined }],
      [5, { ...ad, type: 'constructor' }],
    ];
    for (const [from, m] of cases) {
      let outcome: ReceiveOutcome | undefined;
      expect(() => (outcome = round.server.receive(from, m as ClientMessage))).not.toThrow();
      rejected(outcome as ReceiveOutcome, 'MALFORMED_MESSAGE');
    }
    expect([...round.server.droppedClients().keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(round.server.awaiting()).toEqual([6]);
  });

  it('wrong-length keys and vectors', async () => {
    const round = makeRound({ seed: 'wrong-length', cohortSize: 8 });
    const ads = new Map<number, AdvertiseKeys>();
    for (const [id, c] of round.clients) ads.set(id, await c.advertiseKeys());
    const ad = ads.get(1) as AdvertiseKeys;
    rejected(round.server.receive(1, { ...ad, encryptionPublicKey: ad.encryptionPublicKey.subarray(0, 31) }), 'WRONG_LENGTH');
    for (const [id, m] of ads) if (id !== 1) expect(round.server.receive(id, m).accepted).toBe(true);
    let t = await round.server.closePhase();
    expect(t.messages.some((m) => m.to === 1)).toBe(false);
    receiveAll(round, await deliver(round, t));
    t = await round.server.closePhase();
    const replies = await deliver(round, t);
    const bad = replies.get(2) as MaskedInput;
    rejected(round.server.receive(2, { ...bad, vector: bad.vector.subarray(4) }), 'WRONG_LENGTH');
    replies.delete(2);
    receiveAll(round, replies);
    t = await finish(round, await round.server.closePhase());
    expect(t.phase).toBe('completed');
    expect(t.result?.survivors).toEqual([3, 4, 5, 6, 7, 8]);
    expect(t.result?.sum).toEqual(plainSum(round, [3, 4, 5, 6, 7, 8]));
  });

  it('replays: a second message of the same phase, or a message of another round', async () => {
    const round = makeRound({ seed: 'replay', cohortSize: 8 });
    const ads = await advertiseAll(round);
    rejected(round.server.receive(3, ads.get(3) as ClientMessage), 'REPLAYED');
    const other = { ...(ads.get(4) as AdvertiseKeys), roundId: new Uint8Array(16) };
    rejected(round.server.receive(5, other), 'REPLAYED');
    let t = await round.server.closePhase();
    expect(t.dropped.map((d) => d.clientId).sort()).toEqual([3, 5]);
    receiveAll(round, await deliver(round, t));
    t = await round.server.closePhase();
    const replies = await deliver(round, t);
    receiveAll(round, replies);
    // Replaying a masked input: the first copy is already in the sum and stays there (its
    // sender stays a survivor); the replay is refused and the sender takes no further part.
    rejected(round.server.receive(6, replies.get(6) as ClientMessage), 'REPLAYED');
    t = await finish(round, await round.server.closePhase());
    expect(t.phase).toBe('completed');
    expect(t.result?.survivors).toEqual([1, 2, 4, 6, 7, 8]);
    expect(t.result?.sum).toEqual(plainSum(round, [1, 2, 4, 6, 7, 8]));
  });

  it('out-of-phase: too early, too late, or from a client not in the phase', async () => {
    const round = makeRound({ seed: 'phase', cohortSize: 8 });
    const early: MaskedInput = { type: 'masked-input', roundId: round.config.roundId, vector: new Uint8Array(4 * round.config.vectorLength) };
    rejected(round.server.receive(1, early), 'OUT_OF_PHASE');
    const ads = new Map<number, ClientMessage>();
    for (const [id, c] of round.clients) ads.set(id, await c.advertiseKeys());
    for (const [id, m] of ads) if (id !== 1 && id !== 2) round.server.receive(id, m);
    let t = await round.server.closePhase();
    rejected(round.server.receive(2, ads.get(2) as ClientMessage), 'OUT_OF_PHASE'); // late advertisement
    const shares = await deliver(round, t);
    rejected(round.server.receive(3, { type: 'unmask-shares', roundId: round.config.roundId, selfMaskShares: [], pairwiseKeyShares: [] }), 'OUT_OF_PHASE');
    shares.delete(3);
    receiveAll(round, shares);
    // A dropped client stays dropped, whatever it sends next.
    rejected(round.server.receive(3, shares.get(4) as ClientMessage), 'OUT_OF_PHASE');
    t = await finish(round, await round.server.closePhase(), new Set([3]));
    expect(t.phase).toBe('completed');
    expect(t.result?.survivors).toEqual([4, 5, 6, 7, 8]);
    expect(t.result?.sum).toEqual(plainSum(round, [4, 5, 6, 7, 8]));
  });

  it('share-keys must address exactly the participating neighbours', async () => {
    const round = makeRound({ seed: 'recipients', cohortSize: 8 });
    await advertiseAll(round);
    const t = await round.server.closePhase();
    const replies = await deliver(round, t);
    const sk = replies.get(1) as ShareKeys;
    rejected(round.server.receive(1, { ...sk, shares: sk.shares.slice(1) }), 'MALFORMED_MESSAGE');
    const dup = replies.get(2) as ShareKeys;
    rejected(round.server.receive(2, { ...dup, shares: [...dup.shares.slice(1), dup.shares[0] as ShareKeys['shares'][number], dup.shares[0] as ShareKeys['shares'][number]] }), 'MALFORMED_MESSAGE');
    const self = replies.get(3) as ShareKeys;
    rejected(round.server.receive(3, { ...self, shares: self.shares.map((s, i) => (i === 0 ? { ...s, recipient: 3 } : s)) }), 'MALFORMED_MESSAGE');
    const short = replies.get(4) as ShareKeys;
    rejected(round.server.receive(4, { ...short, shares: short.shares.map((s) => ({ ...s, ciphertext: s.ciphertext.subarray(1) })) }), 'WRONG_LENGTH');
    expect(round.server.awaiting()).toEqual([5, 6, 7, 8]);
  });

  it('unmask shares must reveal exactly b for surviving and s for dropped neighbours', async () => {
    const round = makeRound({ seed: 'unmask-kinds', cohortSize: 8 });
    await advertiseAll(round);
    let t = await round.server.closePhase();
    receiveAll(round, await deliver(round, t));
    t = await round.server.closePhase();
    receiveAll(round, await deliver(round, t, new Set([8]))); // 8 drops after sharing keys
    t = await round.server.closePhase();
    const replies = await deliver(round, t);
    const r = replies.get(1) as UnmaskShares;
    // Claiming a survivor's share is a pairwise-key share (asking the server to unmask it) …
    const swapped = { ...r, selfMaskShares: r.selfMaskShares.slice(1), pairwiseKeyShares: [...r.pairwiseKeyShares, r.selfMaskShares[0] as UnmaskShares['selfMaskShares'][number]] };
    rejected(round.server.receive(1, swapped), 'MALFORMED_MESSAGE');
    // … or omitting shares, or sending a short one, drops only that client.
    const two = replies.get(2) as UnmaskShares;
    rejected(round.server.receive(2, { ...two, pairwiseKeyShares: [] }), 'MALFORMED_MESSAGE');
    const three = replies.get(3) as UnmaskShares;
    rejected(round.server.receive(3, { ...three, selfMaskShares: three.selfMaskShares.map((s) => ({ ...s, share: s.share.subarray(2) })) }), 'WRONG_LENGTH');
    for (const id of [1, 2, 3]) replies.delete(id);
    receiveAll(round, replies);
    t = await round.server.closePhase();
    expect(t.phase).toBe('completed');
    // 1–3 still count as survivors: their masked inputs are in the sum.
    expect(t.result?.survivors).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(t.result?.sum).toEqual(plainSum(round, [1, 2, 3, 4, 5, 6, 7]));
  });

  it('dropouts before ShareKeys, and an abort that reveals nothing', async () => {
    const round = makeRound({ seed: 'early-drop', cohortSize: 8 });
    await advertiseAll(round);
    let t = await round.server.closePhase();
    t = await finish(round, t, new Set([2, 5]));
    expect(t.phase).toBe('completed');
    expect(t.result?.survivors).toEqual([1, 3, 4, 6, 7, 8]);
    expect(t.result?.pairwiseMasks).toBe(0); // 2 and 5 never shared keys: nobody masked with them

    const doomed = makeRound({ seed: 'abort', cohortSize: 6, minSurvivors: 5 });
    await advertiseAll(doomed);
    t = await doomed.server.closePhase();
    receiveAll(doomed, await deliver(doomed, t));
    t = await doomed.server.closePhase();
    receiveAll(doomed, await deliver(doomed, t, new Set([1, 2])));
    t = await doomed.server.closePhase();
    expect(t.phase).toBe('aborted');
    expect(t.error?.code).toBe('TOO_FEW_SURVIVORS');
    expect(t.result).toBeUndefined();
    expect(t.messages.every((m) => m.message.type === 'round-aborted')).toBe(true);
    await expect(doomed.server.closePhase()).rejects.toMatchObject({ code: 'OUT_OF_PHASE' });
    rejected(doomed.server.receive(3, { type: 'unmask-shares', roundId: doomed.config.roundId, selfMaskShares: [], pairwiseKeyShares: [] }), 'OUT_OF_PHASE');
    for (const c of doomed.clients.values()) expect(c.revealed.size).toBe(0);
  });

  it('consistency check: bad advertisement signatures, foreign identity keys and bad consistency signatures', async () => {
    const round = makeRound({ seed: 'signatures', cohortSize: 9, consistencyCheck: true, degree: 8, threshold: 5 });
    const ads = new Map<number, AdvertiseKeys>();
    for (const [id, c] of round.clients) ads.set(id, await c.advertiseKeys());
    const forged = ads.get(1) as AdvertiseKeys;
    const badSig = forged.signature.slice();
    badSig[5] = (badSig[5] as number) ^ 1;
    ads.set(1, { ...forged, signature: badSig });
    const other = ads.get(2) as AdvertiseKeys;
    ads.set(2, { ...other, identityPublicKey: round.identities.get(3) as Uint8Array });
    for (const [id, m] of ads) expect(round.server.receive(id, m).accepted).toBe(true); // checked at close
    let t = await round.server.closePhase();
    expect(new Map(t.dropped.map((d) => [d.clientId, d.error.code]))).toEqual(new Map([[1, 'BAD_SIGNATURE'], [2, 'BAD_SIGNATURE']]));
    receiveAll(round, await deliver(round, t));
    t = await round.server.closePhase();
    receiveAll(round, await deliver(round, t));
    t = await round.server.closePhase();
    expect(t.phase).toBe('consistency-check');
    const sigs = await deliver(round, t);
    const s4 = sigs.get(4) as ConsistencySignature;
    sigs.set(4, { ...s4, signature: new Uint8Array(64).fill(9) });
    receiveAll(round, sigs);
    t = await round.server.closePhase();
    expect(t.dropped.map((d) => [d.clientId, d.error.code])).toEqual([[4, 'BAD_SIGNATURE']]);
    t = await finish(round, t);
    expect(t.phase).toBe('completed');
    expect(t.result?.survivors).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(t.result?.sum).toEqual(plainSum(round, [3, 4, 5, 6, 7, 8, 9]));
  });

  it('a small-order advertised key drops its sender before anyone uses it', async () => {
    const round = makeRound({ seed: 'small-order', cohortSize: 7 });
    const ads = new Map<number, AdvertiseKeys>();
    for (const [id, c] of round.clients) ads.set(id, await c.advertiseKeys());
    ads.set(1, { ...(ads.get(1) as AdvertiseKeys), maskingPublicKey: new Uint8Array(32) });
    for (const [id, m] of ads) round.server.receive(id, m);
    const t = await round.server.closePhase();
    expect(t.dropped.map((d) => [d.clientId, d.error.code])).toEqual([[1, 'MALFORMED_MESSAGE']]);
    expect(messageTo(t, 2)).toBeDefined();
    expect((await finish(round, t)).phase).toBe('completed');
  });
});

describe('server: adapter controls', () => {
  it('dropClient() removes a client the transport lost; awaiting() tracks who is still expected', async () => {
    const round = makeRound({ seed: 'adapter', cohortSize: 7 });
    expect(round.server.awaiting()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    await advertiseAll(round, new Set([7]));
    expect(round.server.awaiting()).toEqual([7]);
    round.server.dropClient(7, 'socket closed');
    expect(round.server.awaiting()).toEqual([]);
    expect(round.server.droppedClients().get(7)?.code).toBe('DROPPED_OUT');
    let t = await round.server.closePhase();
    expect(t.phase).toBe('share-keys');
    receiveAll(round, await deliver(round, t));
    t = await round.server.closePhase();
    receiveAll(round, await deliver(round, t));
    round.server.dropClient(3); // after its masked input arrived: still a survivor, but silent
    t = await round.server.closePhase();
    expect(t.messages.map((m) => m.to)).toEqual([1, 2, 4, 5, 6]);
    receiveAll(round, await deliver(round, t));
    t = await round.server.closePhase();
    expect(t.result?.survivors).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.result?.sum).toEqual(plainSum(round, [1, 2, 3, 4, 5, 6]));
  });

  it('abort() ends the round at any phase and tells the clients', async () => {
    const round = makeRound({ seed: 'cancel', cohortSize: 6 });
    await advertiseAll(round);
    const t = round.server.abort('task cancelled');
    expect(t.phase).toBe('aborted');
    expect(t.error?.code).toBe('ROUND_ABORTED');
    expect(t.messages.map((m) => m.to)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const { to, message } of t.messages) await client(round, to).handle(message);
    for (const c of round.clients.values()) expect(c.phase).toBe('aborted');
  });
});
