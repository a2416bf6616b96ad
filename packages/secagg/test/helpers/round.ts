/** Builds a round's server and clients in memory and drives them phase by phase. */
import { SecAggClient } from '../../src/client.ts';
import { createRoundConfig, type RoundConfigOptions } from '../../src/config.ts';
import type { CryptoProvider } from '../../src/crypto-provider.ts';
import { nodeCryptoProvider } from '../../src/crypto-node.ts';
import type { AdvertiseKeys, ClientMessage, RoundConfig, ServerMessage } from '../../src/messages.ts';
import { SecAggServer } from '../../src/server.ts';
import type { PhaseTransition } from '../../src/server-types.ts';
import { SeededRandom } from './seeded-random.ts';

export interface TestRound {
  readonly config: RoundConfig;
  readonly server: SecAggServer;
  readonly clients: Map<number, SecAggClient>;
  readonly inputs: Map<number, Uint32Array>;
  readonly identities: Map<number, Uint8Array>;
  readonly rng: SeededRandom;
  readonly crypto: CryptoProvider;
}

export interface TestRoundOptions extends Partial<RoundConfigOptions> {
  readonly seed?: string | number;
  readonly crypto?: CryptoProvider;
}

export function makeRound(options: TestRoundOptions = {}): TestRound {
  const rng = new SeededRandom(options.seed ?? 'round');
  const crypto = options.crypto ?? nodeCryptoProvider;
  const n = options.cohortSize ?? 6;
  const config = createRoundConfig({ vectorLength: 8, ...options, cohortSize: n, random: rng.fill });
  const seeds = new Map<number, Uint8Array>();
  const identities = new Map<number, Uint8Array>();
  for (let id = 1; id <= n; id++) {
    const seed = rng.bytes(32);
    seeds.set(id, seed);
    identities.set(id, crypto.ed25519PublicKey(seed));
  }
  const verifyPeerIdentity = (id: number, key: Uint8Array): boolean => Buffer.from(identities.get(id) ?? []).equals(Buffer.from(key));
  const server = new SecAggServer({ config, crypto, identityOf: (id) => identities.get(id) });
  const clients = new Map<number, SecAggClient>();
  const inputs = new Map<number, Uint32Array>();
  for (let id = 1; id <= n; id++) {
    const input = new Uint32Array(config.vectorLength);
    for (let i = 0; i < input.length; i++) input[i] = rng.below(1 << 16);
    inputs.set(id, input);
    clients.set(id, new SecAggClient({ config, clientId: id, input, crypto, random: rng.fill, identitySeed: seeds.get(id) as Uint8Array, verifyPeerIdentity }));
  }
  return { config, server, clients, inputs, identities, rng, crypto };
}

/** Delivers every message of a transition to its client and feeds the replies to the server. */
export async function deliver(round: TestRound, transition: PhaseTransition, skip: ReadonlySet<number> = new Set()): Promise<Map<number, ClientMessage>> {
  const replies = new Map<number, ClientMessage>();
  for (const { to, message } of transition.messages) {
    if (skip.has(to)) continue;
    const reply = await (round.clients.get(to) as SecAggClient).handle(message as ServerMessage);
    if (reply !== undefined) replies.set(to, reply);
  }
  return replies;
}

/** Runs round 0: every client not in `skip` advertises; returns the messages sent. */
export async function advertiseAll(round: TestRound, skip: ReadonlySet<number> = new Set()): Promise<Map<number, AdvertiseKeys>> {
  const sent = new Map<number, AdvertiseKeys>();
  for (const [id, client] of round.clients) {
    if (skip.has(id)) continue;
    const m = await client.advertiseKeys();
    sent.set(id, m);
    const r = round.server.receive(id, m);
    if (!r.accepted) throw r.error;
  }
  return sent;
}

/** Feeds replies to the server, throwing on any rejection. */
export function receiveAll(round: TestRound, replies: Map<number, ClientMessage>): void {
  for (const [id, m] of replies) {
    const r = round.server.receive(id, m);
    if (!r.accepted) throw r.error;
  }
}

/** Plain Σ of the given clients' inputs mod 2^32. */
export function plainSum(round: TestRound, ids: Iterable<number>): Uint32Array {
  const sum = new Uint32Array(round.config.vectorLength);
  for (const id of ids) {
    const x = round.inputs.get(id) as Uint32Array;
    for (let i = 0; i < sum.length; i++) sum[i] = (sum[i] as number) + (x[i] as number);
  }
  return sum;
}
