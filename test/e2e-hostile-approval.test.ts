/**
 * A coordinator that lies about tasks, over the real wire (issue 10, part 4). Twelve honest
 * devices with the SDK's default settings — only the approver and authority keys they must pin
 * are configured — connect to a relay that plays the hostile coordinator in front of a real one
 * (hostile-relay.ts). It changes an approved task's purpose, stream, noise and initial model;
 * serves a transparency log that forks from the one the devices saw; runs a task without an
 * approval and one approved by a key of its own. Every device refuses each of them with the
 * reason code of the check that failed, and loses nothing: no update, no masked input, no
 * example leaves it, and a round of the honestly served task then commits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ConclaveClient } from '@conclave/client-sdk';
import {
  appendApproval,
  approvalFromWire,
  approvalToWire,
  approveTask,
  generateSigningKeyPair,
  logProofFor,
  logProofToWire,
  reasonCodeName,
  transparencyLogFromJson,
  type BodyOf,
  type Frame,
  type TaskApproval,
  type TransparencyLog,
} from '@conclave/proto';
import { denseTask, nextEvent, separablePoints, startHarness, waitForTask, type Harness } from './helpers.ts';
import { HostileRelay, type Rewrite } from './hostile-relay.ts';

const DEVICES = 12;
const STREAM = 'points';

let h: Harness;
let relay: HostileRelay;
const devices: ConclaveClient[] = [];

/**
 * Creates a task every device can serve — malicious-server SecAgg+ (the SDK's default
 * requirement), twelve devices — and installs `rewrite` before the coordinator can send any of
 * its plans (they go out only once the harness's approver has signed it).
 */
async function task(name: string, rewrite: (id: string) => Rewrite, over: Record<string, unknown> = {}): Promise<string> {
  const id = await h.server.coordinator.createTask(
    denseTask8(name, over),
  );
  relay.rewrite = rewrite(id);
  return id;
}

let denseSpec: Record<string, unknown>;
function denseTask8(name: string, over: Record<string, unknown>): Record<string, unknown> {
  return {
    ...denseSpec,
    name,
    cohort: { goal: DEVICES, minimum: DEVICES - 1, overSelection: 1 },
    rounds: 1,
    evaluation: { evalFraction: 0.2, finalRound: false },
    secureAggregation: { maliciousServer: true },
    timeouts: { selectionMs: 20_000, roundMs: 30_000 },
    ...over,
  };
}

const passThrough: Rewrite = (f) => f;

/** Polls `probe` (device state lives in each device's key-value store) until it yields a value. */
async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not reached in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const finished = (s: { status: string }) => s.status === 'completed' || s.status === 'failed' || s.status === 'stopped';

const selectedFor = (taskId: string) => (f: Frame): f is Extract<Frame, { body: 'selected' }> => f.body === 'selected' && f.message.taskId === taskId;
const withdrawals = (taskId: string) => relay.sent('withdraw').filter((w) => w.taskId === taskId);
const uploadsOf = (taskId: string) => [...relay.sent('uploadStart'), ...relay.sent('uploadChunk')].filter((u) => u.taskId === taskId);

/** The codes the devices gave for a task, by name, sorted. */
const codesOf = (taskId: string) => withdrawals(taskId).map((w) => reasonCodeName(w.code)).sort();

beforeAll(async () => {
  denseSpec = await denseTask(8);
  h = await startHarness();
  relay = await HostileRelay.start(h.server.deviceUrl);
  for (let i = 0; i < DEVICES; i++) {
    // Defaults throughout, except the keys a device must be told to pin.
    const client = createClient({
      url: relay.url,
      trainer: h.trainer,
      enrollmentToken: h.token(),
      approverKeys: [h.approver.publicKey],
      authorityKeys: [h.authority.publicKey],
      reconnect: { initialDelayMs: 50, maxDelayMs: 500 },
    });
    await client.consent.grant(STREAM);
    for (const e of separablePoints(40, 8, i + 1)) await client.record(STREAM, e);
    devices.push(client);
  }
  // Enrolled and connected, then certified by the harness's authority before any task exists.
  const connected = devices.map((c) => nextEvent(c, 'connected'));
  await Promise.all(devices.map((c) => c.start()));
  await Promise.all(connected);
  expect(await h.certifyPending()).toHaveLength(DEVICES);
});

afterAll(async () => {
  await Promise.all(devices.map((c) => c.stop()));
  await relay?.close();
  await h?.close();
});

describe('a hostile coordinator against honest devices with default settings', () => {
  let honest: string;
  let changed: string;

  it('(control) an approved task served as approved runs, and every device remembers the log head', async () => {
    honest = await task('honest task', () => passThrough);
    const done = await waitForTask(h.server, honest, finished);
    expect(done.status).toBe('completed');
    expect(await h.server.coordinator.store.participation(honest, 1)).toHaveLength(DEVICES);
    for (const d of devices) {
      const [approved] = await d.approvals();
      expect(approved).toMatchObject({ taskId: honest, approverName: 'Test approver', minimumCohort: DEVICES - 1, logSize: 1, maliciousServer: true });
    }
    expect(withdrawals(honest)).toEqual([]);
  });

  it('(a) a task changed after approval — purpose, stream, noise, initial model — is refused by every device', async () => {
    changed = await task(
      'changed task',
      // Each device is told a different lie, by the order it connected in.
      (id) => (f, device) => {
        const lie = device % 4;
        if (selectedFor(id)(f)) {
          const m = f.message as BodyOf<'selected'>;
          const plan = { ...m.plan };
          if (lie === 0) plan.purpose = 'Improves search ranking.';
          if (lie === 1) plan.stream = 'points-archive';
          if (lie === 2) plan.noiseMultiplier = Math.fround((plan.noiseMultiplier ?? 1) / 10);
          return { body: 'selected', message: { ...m, plan } };
        }
        // The rest get the plan as approved, but not the initial model: one weight changed.
        if (f.body === 'modelChunk' && f.message.taskId === id && lie === 3 && (f.message.offset ?? 0) === 0) {
          const data = new Uint8Array(f.message.data ?? []);
          data[0] = (data[0] ?? 0) ^ 0x40;
          return { body: 'modelChunk', message: { ...f.message, data } };
        }
        return f;
      },
      { privacy: { mode: 'central', targetEpsilon: 8, delta: 1e-5, clipNorm: 1 }, timeouts: { selectionMs: 2_000, roundMs: 30_000 } },
    );
    const refused = await eventually(async () => {
      const r = await Promise.all(devices.map(async (d) => (await d.ledger.refusals()).filter((x) => x.taskId === changed)));
      // A device sends its withdrawal as it starts to record the refusal: wait for the relay to
      // have read every device's, or the check below races the socket.
      return r.every((x) => x.length > 0) && withdrawals(changed).length >= DEVICES ? r : undefined;
    });
    await h.server.coordinator.stopTask(changed);
    relay.rewrite = passThrough;
    const all = refused.flat();
    expect(new Set(all.map((r) => r.code))).toEqual(new Set(['POLICY_REFUSED_PLAN_MISMATCH']));
    for (const why of [/the purpose differs/, /stream "points-archive" is not among the approved streams/, /noiseMultiplier .* is not the approved/, /initial model .* is not the approved model/]) {
      expect(all.some((r) => why.test(r.message)), String(why)).toBe(true);
    }
    // The coordinator was told the code and nothing else; no update and no masked input left a device.
    expect(new Set(codesOf(changed))).toEqual(new Set(['POLICY_REFUSED_PLAN_MISMATCH']));
    expect(uploadsOf(changed)).toEqual([]);
    expect((await h.server.coordinator.store.listRounds(changed)).filter((r) => r.status === 'committed')).toEqual([]);
  });

  it('(b, c) a forked log, a task without approval and one approved by the coordinator’s own key are refused; the honest log then runs', async () => {
    // The hostile material is made when the first plan of the task goes out: by then the
    // honest coordinator's log holds the three approved tasks.
    const hostile = async (id: string) => {
      const log = transparencyLogFromJson(h.server.coordinator.transparencyLog());
      expect(log.entries.map((e) => e.statement.taskId)).toEqual([honest, changed, id]);
      const third = log.entries[2] as TaskApproval;
      // A fork: the same approver key was made to sign another history (say, on a second machine
      // shown a log without the changed task), in which the third task follows a different entry.
      const key = h.approver.key;
      const other = await approveTask(key, { ...(log.entries[1] as TaskApproval).statement, taskId: 'never-run', approvedAtMs: 1 });
      let fork: TransparencyLog = { entries: [], heads: [] };
      for (const a of [log.entries[0] as TaskApproval, other, third]) fork = (await appendApproval(key, fork, a, { timestampMs: Date.now() })).log;
      // The coordinator's own key, posing as the approver (same name, other key).
      const rogue = { role: 'approver' as const, name: 'Test approver', ...(await generateSigningKeyPair()) };
      const rogueApproval = await approveTask(rogue, { ...third.statement, approverKey: rogue.publicKey });
      const rogueLog = (await appendApproval(rogue, { entries: [], heads: [] }, rogueApproval, { timestampMs: Date.now() })).log;
      return {
        forkProof: logProofToWire(await logProofFor(fork, id, 2)),
        rogue: { approval: approvalToWire(rogueApproval), logProof: logProofToWire(await logProofFor(rogueLog, id, 0)) },
      };
    };
    let material: ReturnType<typeof hostile> | undefined;
    const served = new Set<number>();
    const id = await task('third task', (id) => async (f, device) => {
      // One hostile plan per device (its first of this task); later attempts are served honestly.
      if (!selectedFor(id)(f) || served.has(device)) return f;
      served.add(device);
      const m = f.message as BodyOf<'selected'>;
      const { forkProof, rogue } = await (material ??= hostile(id));
      const attack = device % 3;
      if (attack === 0) return { body: 'selected', message: { ...m, logProof: forkProof } };
      if (attack === 1) return { body: 'selected', message: { ...m, approval: null, logProof: null } };
      return { body: 'selected', message: { ...m, ...rogue } };
    });
    // Each device refused the hostile plan it was sent, for the reason of that attack.
    const refused = await eventually(async () => {
      const r = await Promise.all(devices.map(async (d) => (await d.ledger.refusals()).filter((x) => x.taskId === id)));
      return r.every((x) => x.length > 0) && withdrawals(id).length >= DEVICES ? r : undefined;
    });
    const first = refused.map((r) => r[0]!);
    expect(first.filter((r) => r.code === 'POLICY_REFUSED_TRANSPARENCY_LOG')).toHaveLength(DEVICES / 3);
    expect(first.filter((r) => r.code === 'POLICY_REFUSED_TASK_NOT_APPROVED')).toHaveLength((2 * DEVICES) / 3);
    expect(first.filter((r) => r.code === 'POLICY_REFUSED_TRANSPARENCY_LOG').every((r) => /does not extend the log of 2 entries this device saw/.test(r.message))).toBe(true);
    expect(first.some((r) => /carries no approval/.test(r.message))).toBe(true);
    expect(first.some((r) => /approved by a key this device does not pin/.test(r.message))).toBe(true);
    // The coordinator learnt only codes, and only these; nothing of the hostile round left a device.
    expect(codesOf(id).length).toBeGreaterThan(0);
    expect(codesOf(id).filter((c) => c !== 'POLICY_REFUSED_TRANSPARENCY_LOG' && c !== 'POLICY_REFUSED_TASK_NOT_APPROVED')).toEqual([]);
    const hostileRounds = new Set(first.map((r) => r.round));
    expect(uploadsOf(id).filter((u) => hostileRounds.has(u.round ?? 0))).toEqual([]);

    // The devices still hold the head of the honest log they saw, so the honest log extends it.
    const done = await waitForTask(h.server, id, finished);
    expect(done.status).toBe('completed');
    expect(await h.server.coordinator.store.participation(id, done.roundsDone)).toHaveLength(DEVICES);
    for (const d of devices) expect((await d.approvals()).map((a) => a.taskId)).toContain(id);
  });

  it('lost nothing: every example is still on every device, and no refused task is in any ledger', async () => {
    for (const d of devices) {
      expect(await d.counts()).toEqual({ [STREAM]: 40 });
      const tasks = new Set((await d.ledger.entries()).map((e) => e.taskId));
      expect(tasks.has(changed)).toBe(false);
    }
  });
});
