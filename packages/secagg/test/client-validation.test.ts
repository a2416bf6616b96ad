/**
 * The client checks everything the server tells it (Bonawitz et al. 2017, Fig. 4 and §6):
 * it never reveals both shares of one peer, refuses inconsistent survivor/dropout lists, and
 * aborts — revealing nothing — on any violation.
 */
import { describe, expect, it } from 'vitest';
import type { SecAggClient } from '../src/client.ts';
import { SecAggClient as Client } from '../src/client.ts';
import type { SecAggErrorCode } from '../src/errors.ts';
import type { KeysBroadcast, ServerMessage, SharesBroadcast, UnmaskRequest } from '../src/messages.ts';
import type { PhaseTransition } from '../src/server-types.ts';
import { advertiseAll, deliver, makeRound, receiveAll, type TestRound } from './helpers/round.ts';

async function expectAbort(client: SecAggClient, message: ServerMessage, code: SecAggErrorCode, text?: RegExp): Promise<void> {
  const attempt = client.handle(message);
  await expect(attempt).rejects.toMatchObject({ code });
  if (text !== undefined) await expect(attempt).rejects.toThrow(text);
  expect(client.phase).toBe('aborted');
  expect(client.revealed.size).toBe(0);
}

function to<T extends ServerMessage>(t: PhaseTransition, id: number): T {
  return t.messages.find((m) => m.to === id)?.message as T;
}

/** Runs a round up to the unmask request (8 clients, 8 drops after sharing keys). */
async function toUnmask(round: TestRound): Promise<PhaseTransition> {
  await advertiseAll(round);
  let t = await round.server.closePhase();
  receiveAll(round, await deliver(round, t));
  t = await round.server.closePhase();
  receiveAll(round, await deliver(round, t, new Set([8])));
  t = await round.server.closePhase();
  if (round.config.consistencyCheck) {
    receiveAll(round, await deliver(round, t));
    t = await round.server.closePhase();
  }
  expect(t.phase).toBe('unmask');
  return t;
}

const client = (round: TestRound, id: number): SecAggClient => round.clients.get(id) as SecAggClient;

describe('client: checks on the server', () => {
  it('refuses survivor and dropout lists that overlap, omit a peer, or invent one', async () => {
    const round = makeRound({ seed: 'lists', cohortSize: 8 });
    const t = await toUnmask(round);
    const base = to<UnmaskRequest>(t, 1);
    expect(base.dropped).toEqual([8]);
    await expectAbort(client(round, 1), { ...base, survivors: [...base.survivors, 8] }, 'INCONSISTENT_SERVER', /both as survivor and as dropped/);
    await expectAbort(client(round, 2), { ...to<UnmaskRequest>(t, 2), dropped: [] }, 'INCONSISTENT_SERVER', /neither survivor nor dropped/);
    await expectAbort(client(round, 3), { ...to<UnmaskRequest>(t, 3), survivors: [1, 2, 4, 5, 6, 7], dropped: [3, 8] }, 'INCONSISTENT_SERVER');
    await expectAbort(client(round, 4), { ...to<UnmaskRequest>(t, 4), survivors: [1, 2, 3, 5, 6, 7], dropped: [8] }, 'INCONSISTENT_SERVER', /not listed as a survivor/);
    await expectAbort(client(round, 5), { ...to<UnmaskRequest>(t, 5), survivors: [3, 2, 1, 4, 5, 6, 7] }, 'MALFORMED_MESSAGE', /ascending/);
  });

  it('refuses to help unmask fewer survivors than the round or its own policy allow', async () => {
    const round = makeRound({ seed: 'policy', cohortSize: 8 });
    const t = await toUnmask(round);
    const m = to<UnmaskRequest>(t, 1);
    // A server claiming most neighbours dropped, to strip the pairwise masks of client 1.
    await expectAbort(client(round, 1), { ...m, survivors: [1, 2], dropped: [3, 4, 5, 6, 7, 8] }, 'TOO_FEW_SURVIVORS');
    // A client enforcing its own minimum cohort refuses a round configured below it.
    expect(() => new Client({ config: round.config, clientId: 2, policy: { minSurvivors: 8 } })).toThrow(/minSurvivors 3 must be an integer in 8…8/);
    expect(() => new Client({ config: round.config, clientId: 2, policy: { requireConsistencyCheck: true } })).toThrow(/requires the consistency check/);
  });

  it('never reveals twice, so never both shares of one peer', async () => {
    const round = makeRound({ seed: 'twice', cohortSize: 8 });
    const t = await toUnmask(round);
    const c = client(round, 1);
    const reply = await c.handle(to(t, 1));
    expect(reply?.type).toBe('unmask-shares');
    expect(c.revealed.get(2)).toBe('self-mask');
    expect(c.revealed.get(8)).toBe('pairwise-key');
    // A second request now claiming 2 dropped would get s_2 on top of b_2: refused.
    const again = { ...to<UnmaskRequest>(t, 1), survivors: [1, 3, 4, 5, 6, 7], dropped: [2, 8] };
    await expect(c.handle(again)).rejects.toMatchObject({ code: 'OUT_OF_PHASE' });
    expect(c.revealed.get(2)).toBe('self-mask');
  });

  it('checks key advertisements: neighbours only, no repeats, distinct keys, at least t', async () => {
    const round = makeRound({ seed: 'keys', cohortSize: 8 });
    await advertiseAll(round);
    const t = await round.server.closePhase();
    const m = to<KeysBroadcast>(t, 1);
    const peers = m.peers;
    await expectAbort(client(round, 1), { ...m, peers: [peers[0] as KeysBroadcast['peers'][number], peers[0] as KeysBroadcast['peers'][number]] }, 'INCONSISTENT_SERVER', /listed twice/);
    const m2 = to<KeysBroadcast>(t, 2);
    const copy = { ...(m2.peers[1] as KeysBroadcast['peers'][number]), maskingPublicKey: (m2.peers[0] as KeysBroadcast['peers'][number]).maskingPublicKey };
    await expectAbort(client(round, 2), { ...m2, peers: [m2.peers[0] as KeysBroadcast['peers'][number], copy, ...m2.peers.slice(2)] }, 'INCONSISTENT_SERVER', /repeats another/);
    const m3 = to<KeysBroadcast>(t, 3);
    await expectAbort(client(round, 3), { ...m3, peers: m3.peers.slice(0, round.config.threshold - 1) }, 'TOO_FEW_SURVIVORS');
    const m4 = to<KeysBroadcast>(t, 4);
    await expectAbort(client(round, 4), { ...m4, peers: [{ ...(m4.peers[0] as KeysBroadcast['peers'][number]), clientId: 4 }] }, 'INCONSISTENT_SERVER', /not a neighbour/);
  });

  it('detects tampered or misrouted share ciphertexts', async () => {
    const round = makeRound({ seed: 'cipher', cohortSize: 8 });
    await advertiseAll(round);
    let t = await round.server.closePhase();
    receiveAll(round, await deliver(round, t));
    t = await round.server.closePhase();
    const m1 = to<SharesBroadcast>(t, 1);
    const tampered = (m1.shares[0] as SharesBroadcast['shares'][number]).ciphertext.slice();
    tampered[20] = (tampered[20] as number) ^ 0x80;
    await expectAbort(client(round, 1), { ...m1, shares: [{ ...(m1.shares[0] as SharesBroadcast['shares'][number]), ciphertext: tampered }, ...m1.shares.slice(1)] }, 'DECRYPTION_FAILED');
    // The ciphertext client 3 made for client 2, relabelled as coming from client 4.
    const m2 = to<SharesBroadcast>(t, 2);
    const fromThree = m2.shares.find((s) => s.sender === 3) as SharesBroadcast['shares'][number];
    const relabelled = m2.shares.map((s) => (s.sender === 4 ? { sender: 4, ciphertext: fromThree.ciphertext } : s));
    await expectAbort(client(round, 2), { ...m2, shares: relabelled }, 'DECRYPTION_FAILED');
    // Replaying client 2's ciphertext to client 5 fails too: the nonce names the recipient.
    const m5 = to<SharesBroadcast>(t, 5);
    const forTwo = m2.shares.find((s) => s.sender === 3) as SharesBroadcast['shares'][number];
    await expectAbort(client(round, 5), { ...m5, shares: m5.shares.map((s) => (s.sender === 3 ? forTwo : s)) }, 'DECRYPTION_FAILED');
  });

  it('handlers out of order are refused', async () => {
    const round = makeRound({ seed: 'order', cohortSize: 6 });
    const c = client(round, 1);
    await expect(c.handle({ type: 'unmask-request', roundId: round.config.roundId, survivors: [], dropped: [], signatures: [] })).rejects.toMatchObject({ code: 'OUT_OF_PHASE' });
    await c.advertiseKeys();
    await expect(c.advertiseKeys()).rejects.toMatchObject({ code: 'OUT_OF_PHASE' });
  });

  describe('with the consistency check', () => {
    it('refuses a survivor set other than the one it signed, and bad or too few signatures', async () => {
      const round = makeRound({ seed: 'consistency', cohortSize: 8, consistencyCheck: true, degree: 7, threshold: 4 });
      const t = await toUnmask(round);
      const m1 = to<UnmaskRequest>(t, 1);
      expect(m1.signatures.length).toBe(6);
      await expectAbort(client(round, 1), { ...m1, survivors: m1.survivors.slice(1) }, 'INCONSISTENT_SERVER');
      const m2 = to<UnmaskRequest>(t, 2);
      const forged = m2.signatures.map((s, i) => (i === 0 ? { ...s, signature: new Uint8Array(64).fill(1) } : s));
      await expectAbort(client(round, 2), { ...m2, signatures: forged }, 'BAD_SIGNATURE');
      const m3 = to<UnmaskRequest>(t, 3);
      await expectAbort(client(round, 3), { ...m3, signatures: m3.signatures.slice(0, 3) }, 'TOO_FEW_SURVIVORS');
      const reply = await client(round, 4).handle(to(t, 4));
      expect(reply?.type).toBe('unmask-shares');
      // Once t = 4 signatures have verified, the rest are held to their form only: a forged
      // fifth does not stop the round, a forged fourth does, and a fifth from a non-neighbour
      // or a repeated signer is still refused.
      const forgeAt = (m: UnmaskRequest, i: number) => ({ ...m, signatures: m.signatures.map((s, j) => (j === i ? { ...s, signature: new Uint8Array(64).fill(1) } : s)) });
      expect((await client(round, 5).handle(forgeAt(to<UnmaskRequest>(t, 5), 4)))?.type).toBe('unmask-shares');
      await expectAbort(client(round, 6), forgeAt(to<UnmaskRequest>(t, 6), 3), 'BAD_SIGNATURE');
      const m7 = to<UnmaskRequest>(t, 7);
      await expectAbort(client(round, 7), { ...m7, signatures: [...m7.signatures.slice(0, 4), m7.signatures[0]!] }, 'INCONSISTENT_SERVER');
    });

    it('refuses advertisements from identities it does not trust', async () => {
      const round = makeRound({ seed: 'trust', cohortSize: 8, consistencyCheck: true, degree: 7, threshold: 4 });
      await advertiseAll(round);
      const t = await round.server.closePhase();
      const paranoid = new Client({
        config: round.config,
        clientId: 1,
        identitySeed: new Uint8Array(32).fill(1),
        verifyPeerIdentity: (id) => id !== 5,
      });
      await paranoid.advertiseKeys();
      await expectAbort(paranoid, to(t, 1), 'BAD_SIGNATURE', /identity key of client 5 is not trusted/);
      expect(() => new Client({ config: round.config, clientId: 1 })).toThrow(/identitySeed/);
    });
  });
});
