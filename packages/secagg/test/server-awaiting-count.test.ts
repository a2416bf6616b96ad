/**
 * `SecAggServer.awaitingCount()` is kept incrementally (adapters ask after every message whether
 * a phase may close, so an O(n) scan there made a phase O(n²)); it must always equal
 * `awaiting().length`. Seeded runs through every phase, with and without the consistency check:
 * clients answer in random order, some stay silent, some send a replay or garbage (and are
 * dropped), some are lost by the transport, and the count is compared after every step.
 */
import { describe, expect, it } from 'vitest';
import type { SecAggClient } from '../src/client.ts';
import type { ClientMessage, ServerMessage } from '../src/messages.ts';
import type { PhaseTransition } from '../src/server-types.ts';
import { makeRound, type TestRound } from './helpers/round.ts';

function check(round: TestRound): void {
  expect(round.server.awaitingCount()).toBe(round.server.awaiting().length);
}

async function run(seed: string, consistencyCheck: boolean): Promise<PhaseTransition> {
  const round = makeRound({ seed, cohortSize: 12, consistencyCheck, dropoutRate: 0.3 });
  const { rng, server } = round;
  check(round);
  const act = (id: number, reply: ClientMessage | undefined): void => {
    if (reply === undefined) return;
    const roll = rng.below(20);
    if (roll === 0) server.dropClient(id, 'socket closed');
    else if (roll === 1) server.receive(id, { type: 'masked-input', roundId: round.config.roundId } as ClientMessage);
    else {
      server.receive(id, reply);
      if (roll === 2) server.receive(id, reply); // a replay: refused, sender dropped
    }
    check(round);
  };
  const order = [...round.clients.keys()].sort(() => rng.below(3) - 1);
  for (const id of order) if (rng.below(12) !== 0) act(id, await (round.clients.get(id) as SecAggClient).advertiseKeys());
  let t = await server.closePhase();
  check(round);
  while (t.phase !== 'completed' && t.phase !== 'aborted') {
    for (const { to, message } of t.messages) {
      if (rng.below(15) === 0) continue; // stays silent
      let reply: ClientMessage | undefined;
      try {
        reply = await (round.clients.get(to) as SecAggClient).handle(message as ServerMessage);
      } catch {
        reply = undefined; // a client that refused this phase
      }
      act(to, reply);
    }
    t = await server.closePhase();
    check(round);
  }
  expect(server.awaitingCount()).toBe(0);
  return t;
}

describe('SecAggServer.awaitingCount()', () => {
  it('equals awaiting().length after every message, drop and phase change', async () => {
    const phases = new Set<string>();
    for (let i = 0; i < 8; i++) phases.add((await run(`awaiting ${i}`, i % 2 === 0)).phase);
    // Both endings were exercised.
    expect(phases).toEqual(new Set(['completed', 'aborted']));
  });
});
