/**
 * The coordinator's SecAgg+ round against real in-process clients, on a fake clock: every
 * phase but MaskedInput closes at its own deadline (phaseTimeoutMs) without waiting a real
 * millisecond, or as soon as everyone it waits for has answered; MaskedInput is the caller's.
 */
import { SecAggClient, loadCryptoProvider, quantizeWeighted, type AggregationResult, type ClientMessage, type ServerMessage } from '@conclave/secagg';
import { describe, expect, it } from 'vitest';
import { secureSetup } from '../src/round/plan.ts';
import { SecureRound } from '../src/round/secure-round.ts';
import { parseTaskSpec } from '../src/task-spec.ts';
import { FakeClock } from './helpers/fake-clock.ts';
import { seededRandom } from './helpers/seeded-random.ts';

const PHASE_MS = 1000;
const DIM = 4;

type Outcome = { kind: 'complete'; result: AggregationResult } | { kind: 'abort'; reason: string };

async function harness(n: number, malicious = false) {
  const clock = new FakeClock();
  const spec = parseTaskSpec({
    name: 'secure round test',
    purpose: 'p',
    stream: 'points',
    model: { modelTopology: {}, weightSpecs: [{ name: 'w', shape: [DIM], dtype: 'float32' }] },
    features: { kind: 'dense', dim: DIM },
    training: { clientLearningRate: 0.1 },
    cohort: { goal: n, minimum: 3 },
    rounds: 1,
    secureAggregation: { maliciousServer: malicious, phaseTimeoutMs: PHASE_MS },
  });
  const setup = secureSetup(spec, n, DIM + 1, 0, seededRandom(`setup ${n}`));
  const members = Array.from({ length: n }, (_, i) => `device-${i + 1}`);
  const crypto = await loadCryptoProvider();
  const seeds = members.map((_, i) => new Uint8Array(32).fill(i + 1));
  const identityKeys = seeds.map((s) => crypto.ed25519PublicKey(s));
  const inbox = new Map<string, ServerMessage[]>(members.map((m) => [m, []]));
  let outcome: Outcome | undefined;
  let wake: (() => void) | undefined;
  const changed = () => wake?.();
  const round = new SecureRound<string>({
    setup,
    members,
    identityKeys,
    clock,
    phaseTimeoutMs: PHASE_MS,
    events: {
      send: (m, message) => {
        inbox.get(m)!.push(message);
        changed();
      },
      dropped: () => {},
      reportingComplete: () => false,
      complete: (result) => {
        outcome = { kind: 'complete', result };
        changed();
      },
      abort: (reason) => {
        outcome = { kind: 'abort', reason };
        changed();
      },
    },
  });
  const inputs = members.map((_, i) => quantizeWeighted(Array.from({ length: DIM }, (_, j) => ((i + 1) * (j + 1)) / 100), 1, { ...setup.quant, cohortSize: n }));
  const clients = members.map(
    (_, i) =>
      new SecAggClient({
        config: setup.config,
        clientId: i + 1,
        input: inputs[i]!,
        ...(malicious ? { identitySeed: seeds[i]!, verifyPeerIdentity: (id: number, key: Uint8Array) => Buffer.from(identityKeys[id - 1]!).equals(key) } : {}),
      }),
  );
  /** Resolves once `ready()` holds (checked after every event). */
  const until = (ready: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (ready() || outcome?.kind === 'abort') {
          wake = undefined;
          resolve();
        }
      };
      wake = check;
      check();
    });
  const last = (m: string) => inbox.get(m)!.at(-1);
  /** Each listed member answers the last message it got (or advertises its keys), in order. */
  async function answer(who: number[]): Promise<void> {
    for (const i of who) {
      const client = clients[i - 1]!;
      const incoming = last(members[i - 1]!);
      const reply: ClientMessage | undefined = incoming ? await client.handle(incoming) : await client.advertiseKeys();
      if (!reply) continue;
      const outcome = reply.type === 'masked-input' ? round.maskedInput(members[i - 1]!, reply.vector) : round.receive(members[i - 1]!, reply);
      expect(outcome).toEqual({ accepted: true });
    }
  }
  const got = (type: ServerMessage['type']) => members.filter((m) => last(m)?.type === type).map((m) => members.indexOf(m) + 1);
  return { clock, round, members, inputs, answer, got, until, outcome: () => outcome };
}

function modularSum(vectors: Uint32Array[]): Uint32Array {
  const out = new Uint32Array(vectors[0]!.length);
  for (const v of vectors) for (let i = 0; i < v.length; i++) out[i] = (out[i]! + v[i]!) >>> 0;
  return out;
}

describe('secure round phase deadlines (fake clock)', () => {
  it('AdvertiseKeys, ShareKeys and Unmask each close at phaseTimeoutMs without the silent; the survivors\' sum comes out', async () => {
    const h = await harness(7);
    expect(h.round.phase).toBe('advertise-keys');
    const opened = h.clock.now();
    expect(h.round.phaseDeadline).toBe(opened + PHASE_MS);
    // AdvertiseKeys: device 7 stays silent. The phase waits for it until its deadline.
    await h.answer([1, 2, 3, 4, 5, 6]);
    h.clock.advance(PHASE_MS - 1);
    expect(h.got('keys-broadcast')).toEqual([]);
    h.clock.advance(1);
    await h.until(() => h.got('keys-broadcast').length === 6);
    expect(h.got('keys-broadcast')).toEqual([1, 2, 3, 4, 5, 6]);
    expect(h.round.phase).toBe('share-keys');
    // ShareKeys: device 6 stays silent.
    expect(h.round.phaseDeadline).toBe(h.clock.now() + PHASE_MS);
    await h.answer([1, 2, 3, 4, 5]);
    h.clock.advance(PHASE_MS);
    await h.until(() => h.got('shares-broadcast').length === 5);
    expect(h.got('shares-broadcast')).toEqual([1, 2, 3, 4, 5]);
    // MaskedInput has no deadline of its own: the round's report deadline is the caller's.
    expect(h.round.phase).toBe('masked-input');
    expect(h.round.phaseDeadline).toBeUndefined();
    expect(h.clock.pending()).toEqual([]);
    await h.answer([1, 2, 3, 4, 5]);
    h.clock.advance(10 * PHASE_MS);
    expect(h.round.phase).toBe('masked-input');
    h.round.endReporting();
    await h.until(() => h.got('unmask-request').length === 5);
    // Unmask: device 5 stays silent; the other four hold enough shares of every secret.
    expect(h.round.phase).toBe('unmask');
    expect(h.round.phaseDeadline).toBe(h.clock.now() + PHASE_MS);
    await h.answer([1, 2, 3, 4]);
    expect(h.outcome()).toBeUndefined();
    h.clock.advance(PHASE_MS);
    await h.until(() => h.outcome() !== undefined);
    const out = h.outcome();
    if (out?.kind !== 'complete') throw new Error(`expected a sum, got ${JSON.stringify(out)}`);
    // Device 5 sent its masked input: it is in the sum, unmasked from the others' shares.
    expect(out.result.survivors).toEqual([1, 2, 3, 4, 5]);
    expect(Array.from(out.result.sum)).toEqual(Array.from(modularSum(h.inputs.slice(0, 5))));
    expect(h.clock.pending()).toEqual([]);
  });

  it('ConsistencyCheck (malicious-server setting) closes at its deadline; a device that did not sign is not asked to unmask', async () => {
    const h = await harness(9, true);
    const all = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    await h.answer(all);
    // Everyone answered: the phase closes at once, no deadline needed.
    await h.until(() => h.got('keys-broadcast').length === 9);
    await h.answer(all);
    await h.until(() => h.got('shares-broadcast').length === 9);
    await h.answer(all);
    h.round.endReporting();
    await h.until(() => h.got('consistency-request').length === 9);
    expect(h.round.phase).toBe('consistency-check');
    expect(h.round.phaseDeadline).toBe(h.clock.now() + PHASE_MS);
    await h.answer([1, 2, 3, 4, 5, 6, 7, 8]);
    h.clock.advance(PHASE_MS);
    await h.until(() => h.got('unmask-request').length === 8);
    // Device 9 did not sign the survivor set: it is not asked to reveal anything.
    expect(h.got('unmask-request')).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    await h.answer([1, 2, 3, 4, 5, 6, 7, 8]);
    await h.until(() => h.outcome() !== undefined);
    const out = h.outcome();
    if (out?.kind !== 'complete') throw new Error(`expected a sum, got ${JSON.stringify(out)}`);
    // Device 9's masked input is in the sum: the survivors of MaskedInput are all nine.
    expect(Array.from(out.result.sum)).toEqual(Array.from(modularSum(h.inputs)));
  });

  it('a phase deadline that leaves too few devices aborts the round, revealing nothing', async () => {
    const h = await harness(5);
    await h.answer([1, 2]);
    h.clock.advance(PHASE_MS);
    await h.until(() => h.outcome() !== undefined);
    expect(h.outcome()).toEqual({ kind: 'abort', reason: expect.stringMatching(/^secure aggregation aborted: /) });
    expect(h.got('keys-broadcast')).toEqual([]);
    expect(h.clock.pending()).toEqual([]);
  });

  it('once closed by the coordinator, no deadline fires and late transitions are ignored', async () => {
    const h = await harness(5);
    await h.answer([1, 2, 3, 4]);
    h.round.close();
    expect(h.clock.pending()).toEqual([]);
    h.clock.advance(10 * PHASE_MS);
    await h.answer([5]);
    expect(h.got('keys-broadcast')).toEqual([]);
    expect(h.outcome()).toBeUndefined();
  });
});
