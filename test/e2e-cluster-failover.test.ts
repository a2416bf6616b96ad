/**
 * Failover between coordinator nodes (issue 14 item 3): real `conclave serve` processes on one
 * throwaway PostgreSQL (test/support/postgres-cluster.ts, cluster-node.ts), real SDK devices
 * that know every node's endpoint (`urls`), real secure rounds under central DP.
 *
 * - The leader is SIGKILLed in the middle of a round: the other node takes the task's lease
 *   within the lease time of the lease the dead leader last held, records the open round as
 *   aborted with the reason, and resumes from the last committed round; every round commits
 *   exactly once, and ε is counted once per committed round (the privacy state's steps), with
 *   what was committed before the kill unchanged.
 * - Devices connect to either node: the one that does not lead relays them to the leader over
 *   LISTEN/NOTIFY (cluster/device-relay.ts). It is SIGKILLed mid-round: its devices reconnect to
 *   the leader, and the round completes or aborts with a reason; the task completes.
 */
import { createClient, createIdentity, createInlineTrainer, type ConclaveClient, type Trainer } from '@conclave/client-sdk';
import { PrivacyAccountant } from '@conclave/dp';
import { LocalApprover, LocalAuthority, PostgresStore } from '@conclave/server';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { denseTask, nextEvent, separablePoints } from './helpers.ts';
import { startNode, until, type ClusterNode } from './support/cluster-node.ts';
import { startPostgresCluster, type PostgresCluster } from './support/postgres-cluster.ts';

const LEASE_MS = 2_000;

let cluster: PostgresCluster | undefined;
const nodes: ClusterNode[] = [];
const clients: ConclaveClient[] = [];
const stores: PostgresStore[] = [];
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 120_000);
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.stop()));
  await Promise.all(nodes.splice(0).map((n) => n.kill()));
  await Promise.all(stores.splice(0).map((s) => s.close()));
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
}, 60_000);

/** Devices enrolled through `via`, certified by the test's authority, each reconnecting round `endpoints`. */
async function devices(
  via: ClusterNode,
  endpoints: (i: number) => string[],
  count: number,
  keys: { approver: LocalApprover; authority: LocalAuthority },
  seed: number,
  trainMs = 0,
): Promise<ConclaveClient[]> {
  const { tokens } = (await via.api('POST', '/api/enrollment-tokens', { count })) as { tokens: string[] };
  const identities = tokens.map(() => createIdentity());
  await keys.authority.certify({ storeCertificates: (body) => via.api('POST', '/api/certificates', body) }, identities.map((i) => i.publicKey));
  const inline = createInlineTrainer();
  // Training that takes `trainMs`: a round stays in reporting long enough to be killed there.
  const trainer: Trainer = { ...inline, train: async (job, ...rest) => (await new Promise((r) => setTimeout(r, trainMs)), inline.train(job, ...rest)) };
  const made: ConclaveClient[] = [];
  for (let i = 0; i < count; i++) {
    const [url, ...urls] = endpoints(i);
    const client = createClient({
      url: url!,
      urls,
      enrollmentToken: tokens[i]!,
      identity: identities[i]!,
      approverKeys: [keys.approver.publicKey],
      authorityKeys: [keys.authority.publicKey],
      minCertifiedPeers: 2,
      trainer,
      reconnect: { initialDelayMs: 100, maxDelayMs: 1_000 },
    });
    await client.consent.grant('points');
    for (const e of separablePoints(40, 8, seed + i)) await client.record('points', e);
    clients.push(client);
    made.push(client);
  }
  const connected = made.map((c) => nextEvent(c, 'connected'));
  await Promise.all(made.map((c) => c.start()));
  await Promise.all(connected);
  return made;
}

async function approve(node: ClusterNode, approver: LocalApprover, taskId: string): Promise<void> {
  await approver.approve(
    { approvalRequest: (id) => node.api('GET', `/api/tasks/${id}/approval-request`), acceptApproval: (id, body) => node.api('POST', `/api/tasks/${id}/approval`, body) },
    taskId,
  );
}

describe('several coordinator nodes on one PostgreSQL', () => {
  it('SIGKILL of the leader mid-round: the other node takes the lease within the lease time and resumes from the last committed round; no round lost or doubled, ε unchanged', async () => {
    const url = await cluster!.createDatabase('failover_leader');
    const store = await PostgresStore.open({ url, poolSize: 2 });
    stores.push(store);
    const keys = { approver: await LocalApprover.create('failover approver'), authority: await LocalAuthority.create('failover authority') };
    const a = await startNode({ nodeId: 'a', store: url, leaseMs: LEASE_MS });
    nodes.push(a);
    // b's endpoint is needed by the devices before b starts: it starts after a holds the lease.
    const bPort = await freePort();
    const bUrl = `ws://127.0.0.1:${bPort}/v1/devices`;
    await devices(a, () => [a.deviceUrl, bUrl], 8, keys, 100, 1_500);
    const task = await denseTask(8, {
      name: 'failover',
      rounds: 4,
      cohort: { goal: 5, minimum: 3 },
      evaluation: { evalFraction: 0.2, finalRound: false },
      timeouts: { selectionMs: 2_000, roundMs: 20_000 },
      secureAggregation: { phaseTimeoutMs: 5_000 },
      privacy: { mode: 'central', targetEpsilon: 100, delta: 1e-5, clipNorm: 1 },
      maxConsecutiveFailures: 100,
    });
    const { id: taskId } = (await a.api('POST', '/api/tasks', task)) as { id: string };
    await approve(a, keys.approver, taskId);
    await until(async () => (await store.leases.list()).some((l) => l.taskId === taskId && l.nodeId === 'a'), 10_000, 'node a to take the lease');
    const b = await startNode({ nodeId: 'b', store: url, leaseMs: LEASE_MS, port: bPort });
    nodes.push(b);

    // Round 1 commits on a; then a round is open (reporting) when a is killed.
    await until(async () => ((await a.api('GET', `/api/tasks/${taskId}`)) as { roundsDone: number }).roundsDone >= 1, 60_000, 'round 1 to commit on a');
    await until(async () => ((await a.api('GET', `/api/tasks/${taskId}`)) as { phase: string }).phase === 'reporting', 60_000, 'a round to be reporting on a');
    const before = committedRounds(await store.listRounds(taskId));
    const held = (await store.leases.list()).find((l) => l.taskId === taskId)!;
    expect(held).toMatchObject({ nodeId: 'a', epoch: 1 });
    await a.kill();
    const killedAt = Date.now();

    await until(async () => (await store.leases.list()).some((l) => l.taskId === taskId && l.nodeId === 'b'), 4 * LEASE_MS, 'node b to take the lease');
    const takeoverMs = Date.now() - killedAt;
    const taken = (await store.leases.list()).find((l) => l.taskId === taskId)!;
    expect(taken).toMatchObject({ nodeId: 'b', epoch: 2 });
    // Within the lease time of the last lease a held (read just before the kill; a renewal after the read only shortens this).
    expect(taken.acquiredAt - held.expiresAt).toBeLessThan(LEASE_MS);

    const done = await waitForStatus(b, taskId, (s) => s.status !== 'running', 120_000);
    expect(done).toMatchObject({ status: 'completed', roundsDone: 4 });
    const rounds = await store.listRounds(taskId);
    const committed = committedRounds(rounds);
    // Every round committed exactly once, in order, each from the model the round before made.
    expect(committed.map((r) => [r.round, r.modelVersionIn, r.modelVersionOut])).toEqual([
      [1, 0, 1],
      [2, 1, 2],
      [3, 2, 3],
      [4, 3, 4],
    ]);
    // The round open at the kill was recorded as aborted by b, with the reason, and tried again.
    const killed = rounds.filter((r) => r.status === 'aborted' && r.reason.startsWith('node "a" stopped leading'));
    expect(killed).toHaveLength(1);
    expect(killed[0]!.reason).toBe(`node "a" stopped leading the task during round ${killed[0]!.round} (its lease expired; node "b" took the lease over at epoch 2)`);
    expect(killed[0]!.round).toBe(before.length + 1);
    // ε: what was committed before the kill is unchanged, it grows with every round, and the
    // accountant composed exactly one step per committed training round.
    for (const r of before) expect(committed.find((c) => c.round === r.round)!.metrics!.epsilonSpent).toBe(r.metrics!.epsilonSpent);
    const eps = committed.map((r) => r.metrics!.epsilonSpent!);
    for (let i = 1; i < eps.length; i++) expect(eps[i]!).toBeGreaterThan(eps[i - 1]!);
    expect(PrivacyAccountant.fromJSON((await store.getPrivacyState(taskId))!).steps).toBe(4);
    expect((done as { privacy: { epsilonSpent: number } }).privacy.epsilonSpent).toBeCloseTo(eps.at(-1)!, 12);
    process.stdout.write(`failover: lease taken over ${takeoverMs} ms after the SIGKILL (lease ${LEASE_MS} ms); aborted round ${killed[0]!.round}\n`);
  }, 180_000);

  it('devices on the node that does not lead are relayed to the leader; SIGKILL of that node mid-round: its devices reconnect to the leader, and the round completes or aborts with a reason', async () => {
    const url = await cluster!.createDatabase('failover_follower');
    const store = await PostgresStore.open({ url, poolSize: 2 });
    stores.push(store);
    const keys = { approver: await LocalApprover.create('failover approver'), authority: await LocalAuthority.create('failover authority') };
    const a = await startNode({ nodeId: 'a', store: url, leaseMs: LEASE_MS });
    nodes.push(a);
    const task = await denseTask(8, {
      name: 'follower',
      rounds: 3,
      // Six devices, three on each node: every round needs devices of both.
      cohort: { goal: 6, minimum: 5, overSelection: 1 },
      evaluation: { evalFraction: 0.2, finalRound: false },
      timeouts: { selectionMs: 2_000, roundMs: 20_000 },
      secureAggregation: { phaseTimeoutMs: 5_000 },
      maxConsecutiveFailures: 100,
    });
    const { id: taskId } = (await a.api('POST', '/api/tasks', task)) as { id: string };
    await approve(a, keys.approver, taskId);
    await until(async () => (await store.leases.list()).some((l) => l.taskId === taskId && l.nodeId === 'a'), 10_000, 'node a to take the lease');
    const b = await startNode({ nodeId: 'b', store: url, leaseMs: LEASE_MS });
    nodes.push(b);
    const onA = await devices(a, () => [a.deviceUrl, b.deviceUrl], 3, keys, 200);
    const onB = await devices(a, () => [b.deviceUrl, a.deviceUrl], 3, keys, 300);

    // Round 1 commits with devices of both nodes (at least five of six): b relayed its devices to a.
    await until(async () => committedRounds(await store.listRounds(taskId)).length >= 1, 60_000, 'round 1 to commit');
    const took = new Set((await store.participation(taskId, 1)).map((p) => p.deviceId));
    const [fromA, fromB] = [onA.filter((c) => took.has(c.deviceId)).length, onB.filter((c) => took.has(c.deviceId)).length];
    expect(fromB).toBeGreaterThanOrEqual(2);
    expect(fromA + fromB).toBeGreaterThanOrEqual(5);

    await until(async () => ((await a.api('GET', `/api/tasks/${taskId}`)) as { phase: string }).phase === 'reporting', 60_000, 'a round to be reporting on a');
    const reconnected = onB.map((c) => nextEvent(c, 'connected'));
    await b.kill();
    await Promise.all(reconnected);

    const done = await waitForStatus(a, taskId, (s) => s.status !== 'running', 120_000);
    expect(done).toMatchObject({ status: 'completed', roundsDone: 3 });
    const rounds = await store.listRounds(taskId);
    expect(committedRounds(rounds).map((r) => r.round)).toEqual([1, 2, 3]);
    // A round that lost b's devices aborted with a reason that says so — too few devices left to
    // report, or, when they went during a SecAgg+ phase, too few of them for that phase ("3 masked
    // inputs arrived, the round needs 5", "only 2 neighbours of client 1 can reveal its self-mask
    // seed; the threshold is 4": both seen in CI) — and the lease never left a.
    const lostDevices = /can still report|dropped|devices|the round needs \d+|the threshold is \d+/;
    for (const r of rounds.filter((x) => x.status === 'aborted')) expect(r.reason).toMatch(lostDevices);
    expect((await store.leases.list()).find((l) => l.taskId === taskId)).toMatchObject({ nodeId: 'a', epoch: 1 });
    // b's devices, now on a directly, took part in the last round: all three, or all but the one the
    // round went without when it committed with five of its six devices (its minimum; one device
    // late under a loaded machine's CI run).
    const last = new Set((await store.participation(taskId, 3)).map((p) => p.deviceId));
    expect(last.size).toBeGreaterThanOrEqual(5);
    expect(onB.filter((c) => last.has(c.deviceId)).length).toBeGreaterThanOrEqual(3 - (onA.length + onB.length - last.size));
    // Partial sums: in round 1 the masked inputs of b's devices stayed on b, which sent a
    // only their sum; a received upload bytes for its own participants only, as it did in round
    // 3 for all of them. The unmasked sums are right all the same: each device's
    // example count, summed inside the masked vectors, comes out equal in both rounds.
    const [r1, r3] = [committed(rounds, 1), committed(rounds, 3)];
    expect(r1.participants).toBe(fromA + fromB);
    expect(r1.bytesIn * r3.participants).toBe(r3.bytesIn * fromA);
    expect(r1.examples / r1.participants).toBe(r3.examples / r3.participants);
    expect(Number.isInteger(r1.examples / r1.participants)).toBe(true);
  }, 180_000);
});

function committed(rounds: { status: string; round: number; metrics: unknown }[], round: number): { participants: number; bytesIn: number; examples: number } {
  return rounds.find((r) => r.status === 'committed' && r.round === round)!.metrics as { participants: number; bytesIn: number; examples: number };
}

function committedRounds<R extends { status: string; round: number }>(rounds: R[]): R[] {
  return rounds.filter((r) => r.status === 'committed').sort((x, y) => x.round - y.round);
}

async function waitForStatus(node: ClusterNode, taskId: string, pred: (s: { status: string }) => boolean, timeoutMs: number): Promise<Record<string, unknown>> {
  let last: { status: string } = { status: 'unknown' };
  await until(async () => pred((last = (await node.api('GET', `/api/tasks/${taskId}`)) as { status: string })), timeoutMs, `task ${taskId} on node ${node.nodeId}`);
  return last as Record<string, unknown>;
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
