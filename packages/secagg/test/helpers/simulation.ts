/**
 * A seeded, in-memory network around one server and n clients. Each phase, messages get random
 * delivery times, so clients run and replies reach the server in random orders; some clients
 * drop out at every phase (never answering again), some replies arrive after the deadline
 * (the server refuses them), and a few clients misbehave (a replayed or corrupted message).
 * Everything — keys, inputs, the network — comes from one seed (AES-CTR, helpers/seeded-random).
 */
import { SecAggClient } from '../../src/client.ts';
import { createRoundConfig } from '../../src/config.ts';
import { nodeCryptoProvider, opensslCryptoProvider } from '../../src/crypto-node.ts';
import type { CryptoProvider } from '../../src/crypto-provider.ts';
import { tweetnaclProvider } from '../../src/crypto-web.ts';
import { SecAggError } from '../../src/errors.ts';
import { NeighbourGraph } from '../../src/graph.ts';
import type { ClientMessage, RoundConfig, ServerMessage } from '../../src/messages.ts';
import { SecAggServer } from '../../src/server.ts';
import type { PhaseTransition } from '../../src/server-types.ts';
import { SeededRandom } from './seeded-random.ts';

export interface SimulationReport {
  readonly seed: number;
  readonly config: RoundConfig;
  /** 'native' (node:crypto everywhere), 'portable' (tweetnacl + WebCrypto everywhere) or 'mixed'. */
  readonly provider: string;
  readonly transition: PhaseTransition;
  /** Problems found; empty when every invariant held. */
  readonly violations: string[];
  readonly reachedUnmask: boolean;
}

const PHASE_DROP_RATES = [0, 0, 0.02, 0.05, 0.1, 0.2, 0.35];

function chooseConfig(rng: SeededRandom): RoundConfig {
  const n = rng.int(5, 40);
  const vectorLength = rng.int(16, 64);
  const consistencyCheck = rng.chance(0.3);
  const mode = rng.below(3);
  const random = rng.fill;
  if (mode < 2) {
    try {
      return createRoundConfig({
        cohortSize: n,
        vectorLength,
        consistencyCheck,
        dropoutRate: rng.pick([0.1, 0.2, 0.3]),
        completeGraphUpTo: mode === 0 ? 64 : 0,
        random,
      });
    } catch (e) {
      if (!(e instanceof SecAggError) || e.code !== 'INVALID_CONFIG') throw e;
    }
  }
  // Explicit parameters: any valid (k, t), sparse or complete.
  const complete = n < 5 || rng.chance(0.3);
  const degree = complete ? n - 1 : 2 * rng.int(1, Math.floor((n - 2) / 2));
  const minT = consistencyCheck ? Math.floor(degree / 2) + 1 : 2;
  const threshold = rng.int(Math.min(minT, degree), degree);
  return createRoundConfig({ cohortSize: n, vectorLength, consistencyCheck, degree, threshold, random });
}

function corrupt(rng: SeededRandom, m: ClientMessage): ClientMessage {
  switch (rng.below(3)) {
    case 0:
      return { ...m, roundId: new Uint8Array(16) };
    case 1:
      return { ...m, type: 'bogus' } as unknown as ClientMessage;
    default:
      if (m.type === 'masked-input') return { ...m, vector: m.vector.subarray(0, m.vector.length - 4) };
      if (m.type === 'advertise-keys') return { ...m, maskingPublicKey: m.maskingPublicKey.subarray(1) };
      return { ...m, roundId: m.roundId.subarray(1) };
  }
}

export async function simulateRound(seed: number): Promise<SimulationReport> {
  const rng = new SeededRandom(`simulation-${seed}`);
  const config = chooseConfig(rng);
  const n = config.cohortSize;
  // Mostly the native provider (speed); small rounds sometimes run all-portable, or mixed: each
  // client picks tweetnacl + WebCrypto, node:crypto or libsodium, proving they interoperate byte for byte.
  const small = !config.consistencyCheck && n <= 12;
  const mode = small && seed % 10 === 0 ? 'portable' : small && seed % 4 === 1 ? 'mixed' : 'native';
  const crypto: CryptoProvider = mode === 'portable' ? tweetnaclProvider : nodeCryptoProvider;
  const clientCrypto = (): CryptoProvider => (mode === 'mixed' ? rng.pick([tweetnaclProvider, opensslCryptoProvider, nodeCryptoProvider]) : crypto);
  const violations: string[] = [];
  const graph = new NeighbourGraph(n, config.degree, config.graphSeed);

  const identitySeeds = new Map<number, Uint8Array>();
  const identities = new Map<number, Uint8Array>();
  for (let id = 1; id <= n; id++) {
    identitySeeds.set(id, rng.bytes(32));
    identities.set(id, crypto.ed25519PublicKey(identitySeeds.get(id) as Uint8Array));
  }
  const server = new SecAggServer({ config, crypto, identityOf: (id) => identities.get(id) });
  const clients = new Map<number, SecAggClient>();
  const inputs = new Map<number, Uint32Array>();
  for (let id = 1; id <= n; id++) {
    const input = new Uint32Array(config.vectorLength);
    for (let i = 0; i < input.length; i++) input[i] = rng.uint32();
    inputs.set(id, input);
    clients.set(
      id,
      new SecAggClient({
        config,
        clientId: id,
        input,
        crypto: clientCrypto(),
        random: rng.fill,
        identitySeed: identitySeeds.get(id) as Uint8Array,
        verifyPeerIdentity: (peer, key) => Buffer.from(identities.get(peer) ?? []).equals(Buffer.from(key)),
      }),
    );
  }

  const dropRates = Array.from({ length: 5 }, () => rng.pick(PHASE_DROP_RATES));
  const lateRate = rng.pick([0, 0.03]);
  const noiseRate = rng.pick([0, 0, 0.03]);
  const gone = new Set<number>();
  const maskedAccepted = new Set<number>();
  const unmaskAccepted = new Set<number>();
  const sharesRecipients = new Set<number>();
  let reachedUnmask = false;

  /** Kinds of shares of each owner that left any client, as sent (before loss or corruption). */
  const wire = new Map<number, Set<string>>();
  const revealedOnWire = (owner: number, kind: string): void => {
    const set = wire.get(owner) ?? new Set<string>();
    set.add(kind);
    wire.set(owner, set);
  };

  const deliverToServer = (from: number, message: ClientMessage): void => {
    const outcome = server.receive(from, message);
    if (outcome.accepted && message.type === 'masked-input') maskedAccepted.add(from);
    if (outcome.accepted && message.type === 'unmask-shares') unmaskAccepted.add(from);
  };

  /** Runs one phase: the given (client, produce-reply) jobs at random times, then the deadline. */
  const runPhase = async (phaseIndex: number, jobs: Array<{ id: number; run: () => Promise<ClientMessage | undefined> }>): Promise<PhaseTransition> => {
    const scheduled: Array<{ at: number; id: number; message: ClientMessage }> = [];
    const late: Array<{ id: number; message: ClientMessage }> = [];
    for (const job of rng.shuffle(jobs)) {
      if (gone.has(job.id)) continue;
      if (rng.chance(dropRates[phaseIndex] as number)) {
        gone.add(job.id);
        continue;
      }
      let reply: ClientMessage | undefined;
      try {
        reply = await job.run();
      } catch (e) {
        violations.push(`client ${job.id} failed against an honest server: ${(e as Error).message}`);
        gone.add(job.id);
        continue;
      }
      if (reply === undefined) continue;
      if (reply.type === 'unmask-shares') {
        for (const r of reply.selfMaskShares) revealedOnWire(r.owner, 'self-mask');
        for (const r of reply.pairwiseKeyShares) revealedOnWire(r.owner, 'pairwise-key');
      }
      if (rng.chance(lateRate)) {
        late.push({ id: job.id, message: reply });
        gone.add(job.id);
        continue;
      }
      const at = rng.float();
      if (rng.chance(noiseRate)) {
        if (rng.chance(0.5)) {
          scheduled.push({ at, id: job.id, message: reply }, { at: at + rng.float() * 0.1, id: job.id, message: reply });
        } else {
          scheduled.push({ at, id: job.id, message: corrupt(rng, reply) });
        }
        gone.add(job.id); // the server drops it on the second copy or the corrupt one
        continue;
      }
      scheduled.push({ at, id: job.id, message: reply });
    }
    scheduled.sort((a, b) => a.at - b.at);
    for (const s of scheduled) deliverToServer(s.id, s.message);
    const transition = await server.closePhase();
    for (const l of late) {
      const outcome = server.receive(l.id, l.message);
      if (outcome.accepted) violations.push(`late ${l.message.type} from ${l.id} was accepted after the deadline`);
    }
    return transition;
  };

  let transition = await runPhase(
    0,
    [...clients].map(([id, c]) => ({ id, run: () => c.advertiseKeys() })),
  );
  let phaseIndex = 1;
  while (transition.phase !== 'completed' && transition.phase !== 'aborted') {
    if (transition.phase === 'masked-input') for (const m of transition.messages) sharesRecipients.add(m.to);
    if (transition.phase === 'unmask') reachedUnmask = true;
    const jobs = transition.messages.map(({ to, message }) => ({ id: to, run: () => (clients.get(to) as SecAggClient).handle(message as ServerMessage) }));
    const index = transition.phase === 'unmask' ? 4 : Math.min(phaseIndex, 3);
    transition = await runPhase(index, jobs);
    phaseIndex++;
  }
  for (const { to, message } of transition.messages) await (clients.get(to) as SecAggClient).handle(message as ServerMessage);

  // ——— invariants ———
  const survivors = [...maskedAccepted].sort((a, b) => a - b);
  if (transition.phase === 'completed') {
    const result = transition.result;
    if (result === undefined) violations.push('completed without a result');
    else {
      if (result.survivors.join() !== survivors.join()) violations.push(`survivors ${result.survivors.join()} ≠ accepted inputs ${survivors.join()}`);
      const expected = new Uint32Array(config.vectorLength);
      for (const id of survivors) {
        const x = inputs.get(id) as Uint32Array;
        for (let i = 0; i < expected.length; i++) expected[i] = (expected[i] as number) + (x[i] as number);
      }
      if (!expected.every((v, i) => v === result.sum[i])) violations.push('unmasked sum differs from the plain sum of the survivors');
    }
  } else {
    if (transition.result !== undefined) violations.push('aborted round produced a result');
    if (transition.error?.code !== 'TOO_FEW_SURVIVORS') violations.push(`honest round aborted with ${transition.error?.code}: ${transition.error?.message}`);
  }

  // No secret of any client may have both its shares revealed, by anyone.
  const kinds = new Map<number, Set<string>>();
  for (const c of clients.values()) {
    for (const [owner, kind] of c.revealed) {
      const set = kinds.get(owner) ?? new Set<string>();
      set.add(kind);
      kinds.set(owner, set);
    }
  }
  for (const [owner, set] of kinds) if (set.size > 1) violations.push(`clients report revealing both the self-mask and the pairwise-key shares of client ${owner}`);
  for (const [owner, set] of wire) if (set.size > 1) violations.push(`both the self-mask and the pairwise-key shares of client ${owner} were sent`);
  if (transition.phase === 'aborted' && !reachedUnmask && (kinds.size > 0 || wire.size > 0)) violations.push('shares were revealed in a round aborted before Unmask');

  // Exactness at the last phase: the round completes iff every secret the unmasking needs has
  // at least t holders among the clients whose unmask shares the server kept.
  if (reachedUnmask) {
    const dropped = server.droppedClients();
    const holders = new Set([...unmaskAccepted].filter((id) => !dropped.has(id)));
    let recoverable = true;
    for (const v of sharesRecipients) {
      if (!recoverable) break;
      const neighbours = Array.from(graph.neighbours(v));
      const needed = maskedAccepted.has(v) || neighbours.some((u) => maskedAccepted.has(u));
      // v was pruned if it never got its shares broadcast answered; those are not in U2 either way.
      if (needed && neighbours.filter((u) => holders.has(u)).length < config.threshold) recoverable = false;
    }
    if (recoverable !== (transition.phase === 'completed')) {
      violations.push(`round ${transition.phase} although the holders ${recoverable ? 'sufficed' : 'did not suffice'}`);
    }
  }
  return { seed, config, provider: mode, transition, violations, reachedUnmask };
}

export interface SimulationSummary {
  readonly rounds: number;
  readonly completed: number;
  readonly abortedEarly: number;
  readonly abortedAtUnmask: number;
  readonly sparseCompleted: number;
  readonly consistencyCompleted: number;
  readonly portableRounds: number;
  readonly mixedRounds: number;
  readonly violations: string[];
}

/** Runs seeds [from, to) and gathers what the assertions need. */
export async function simulateSeeds(from: number, to: number): Promise<SimulationSummary> {
  let completed = 0;
  let abortedEarly = 0;
  let abortedAtUnmask = 0;
  let sparseCompleted = 0;
  let consistencyCompleted = 0;
  let portableRounds = 0;
  let mixedRounds = 0;
  const violations: string[] = [];
  for (let seed = from; seed < to; seed++) {
    const r = await simulateRound(seed);
    const ok = r.transition.phase === 'completed';
    if (ok) completed++;
    else if (r.reachedUnmask) abortedAtUnmask++;
    else abortedEarly++;
    if (ok && r.config.degree < r.config.cohortSize - 1) sparseCompleted++;
    if (ok && r.config.consistencyCheck) consistencyCompleted++;
    if (r.provider === 'portable') portableRounds++;
    if (r.provider === 'mixed' && ok) mixedRounds++;
    const c = r.config;
    for (const v of r.violations) violations.push(`seed ${seed} (n=${c.cohortSize} k=${c.degree} t=${c.threshold}${c.consistencyCheck ? ' checked' : ''}): ${v}`);
  }
  return { rounds: to - from, completed, abortedEarly, abortedAtUnmask, sparseCompleted, consistencyCompleted, portableRounds, mixedRounds, violations };
}
