import { afterEach, describe, expect, it } from 'vitest';
import { createClient, type ConclaveClient } from '@conclave/client-sdk';
import { denseTask, nextEvent, separablePoints, startHarness, waitForTask, type Harness } from './helpers.ts';

let h: Harness | undefined;

/** A participant's ledger: the entry is written once the bytes have left, which can trail the commit a little. */
async function ledgerOf(c: ConclaveClient) {
  let entries = await c.ledger.entries();
  for (let i = 0; entries.length === 0 && i < 200; i++) {
    await new Promise((r) => setTimeout(r, 10));
    entries = await c.ledger.entries();
  }
  return entries;
}
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('employees in control, end to end', () => {
  it('records only consented streams, scrubbed of PII; revoking deletes the stream', async () => {
    h = await startHarness();
    const client = createClient({ url: h.server.deviceUrl, enrollmentToken: h.token() });
    expect(await client.record('notes', { text: 'before consent', label: 0 })).toEqual({ stored: false, scrubbed: 0 });
    await client.consent.grant('notes');
    const r = await client.record('notes', { text: 'call Maria at +44 20 7946 0958 or maria.lopez@example.com', label: 1 });
    expect(r).toEqual({ stored: true, scrubbed: 3 });
    expect(await client.counts()).toEqual({ notes: 1 });
    await client.consent.pause({ forMs: 60_000 });
    expect((await client.record('notes', { text: 'while paused', label: 0 })).stored).toBe(false);
    await client.consent.resume();
    await client.consent.revoke('notes');
    expect(await client.counts()).toEqual({});
    expect(client.consent.status().streams.notes).toBe('revoked');
  });

  it('ledger: one entry per upload with what left and its SHA-256, never raw data', async () => {
    h = await startHarness();
    const taskId = await h.server.coordinator.createTask(await denseTask(8, { rounds: 1, evaluation: { finalRound: false } }));
    for (let i = 0; i < 4; i++) await h.addClient();
    await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    const parts = new Set((await h.server.coordinator.store.participation(taskId, 1)).map((p) => p.deviceId));
    let withEntries = 0;
    for (const c of h.clients) {
      if (!parts.has(c.deviceId)) continue;
      const entries = await ledgerOf(c);
      withEntries++;
      expect(entries).toHaveLength(1);
      const e = entries[0]!;
      expect(e).toMatchObject({ taskId, purpose: 'Testing federated averaging end to end.', modelVersion: 0, streams: ['points'], secureAggregationCohort: 4 });
      expect(e.examples).toBeGreaterThan(20);
      expect(e.sha256).toMatch(/^[0-9a-f]{64}$/);
      // The masked vector (9 weights + 1 weight entry, 4 bytes each) plus framing.
      expect(e.bytesSent).toBeGreaterThan(40);
      expect(e.bytesSent).toBeLessThan(200);
      expect(JSON.stringify(e)).not.toMatch(/features|label/);
      expect(await c.ledger.exportText()).toContain(e.sha256);
    }
    expect(withEntries).toBe(parts.size);
  });

  it('a device with fewer training examples than the task asks for withdraws; the round goes on without it', async () => {
    h = await startHarness();
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, {
        rounds: 1,
        // All four are selected; were the small device not to withdraw, four would report.
        cohort: { goal: 4, minimum: 3, overSelection: 1 },
        training: { localEpochs: 1, batchSize: 16, clientLearningRate: 0.5, minExamples: 10 },
        evaluation: { finalRound: false },
        // A dropout in a cohort of four: the honest-but-curious setting, opted out explicitly (2t > k tolerates none).
        secureAggregation: { maliciousServer: false },
      }),
    );
    for (let i = 0; i < 3; i++) await h.addClient();
    // Five examples: four to train on after the hold-out, fewer than ten.
    const small = await h.addClient({ examples: separablePoints(5, 8, 77) });
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    expect(done.status).toBe('completed');
    const parts = (await h.server.coordinator.store.participation(taskId, 1)).map((p) => p.deviceId);
    expect(parts).toHaveLength(3);
    expect(parts).not.toContain(small.deviceId);
  });

  it('pausing mid-round withdraws the device before it uploads; the round goes on without it', async () => {
    h = await startHarness();
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, { rounds: 1, cohort: { goal: 3, minimum: 3, overSelection: 4 / 3 }, training: { localEpochs: 40, batchSize: 4, clientLearningRate: 0.1 }, evaluation: { finalRound: false } }),
    );
    const pauser = await h.addClient({ examples: separablePoints(200, 8, 77) });
    const selected = nextEvent(pauser, 'selected');
    for (let i = 0; i < 3; i++) await h.addClient();
    await selected;
    const withdrawn = nextEvent(pauser, 'withdrawn');
    await pauser.consent.pause({ forMs: 3_600_000 });
    expect((await withdrawn).reason).toBe('the employee paused or withdrew consent');
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    expect(done.status).toBe('completed');
    expect((await h.server.coordinator.store.participation(taskId, 1)).map((p) => p.deviceId)).not.toContain(pauser.deviceId);
    expect(await pauser.ledger.entries()).toEqual([]);
  });

  it('a device declines DP rounds over its own privacy cap, and counts what it took part in', async () => {
    h = await startHarness();
    const capped = createClient({ url: h.server.deviceUrl, enrollmentToken: h.token(), privacyCap: 5 });
    await capped.privacy.setCap(0.5);
    await expect(capped.privacy.setCap(9)).rejects.toThrow(/cap/);
    await capped.consent.grant('points');
    for (const e of separablePoints(60, 8, 5)) await capped.record('points', e);
    const connected = nextEvent(capped, 'connected');
    await capped.start();
    await connected;
    for (let i = 0; i < 4; i++) await h.addClient();
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, { rounds: 1, cohort: { goal: 3, minimum: 3 }, timeouts: { selectionMs: 200, roundMs: 10_000 }, privacy: { mode: 'central', targetEpsilon: 8, delta: 1e-3, clipNorm: 1, noiseMultiplier: 0.7 }, evaluation: { finalRound: false }, maxConsecutiveFailures: 20 }),
    );
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    expect(done.statusReason).toBe('completed 1 rounds');
    expect((await h.server.coordinator.store.participation(taskId, 1)).map((p) => p.deviceId)).not.toContain(capped.deviceId);
    expect(await capped.privacy.spent()).toBe(0);
    // Uncapped devices that took part carry the round's ε share in their own account and ledger.
    const participants = await h.server.coordinator.store.participation(taskId, 1);
    const part = h.clients.find((c) => participants.some((p) => p.deviceId === c.deviceId))!;
    const [entry] = await ledgerOf(part);
    expect(entry!.privacy!.noiseMultiplier).toBeCloseTo(0.7, 5);
    expect(entry!.privacy!.epsilonShare).toBeGreaterThan(0);
    expect(await part.privacy.spent()).toBeCloseTo(entry!.privacy!.epsilonShare, 9);
    await capped.stop();
  });

  it('a device that stops being eligible mid-round leaves it; a daily training limit is respected', async () => {
    h = await startHarness();
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, { rounds: 2, cohort: { goal: 3, minimum: 3, overSelection: 4 / 3 }, training: { localEpochs: 40, batchSize: 4, clientLearningRate: 0.1 }, evaluation: { finalRound: false }, secureAggregation: { maliciousServer: false } }),
    );
    let onPower = true;
    const laptop = createClient({ url: h.server.deviceUrl, enrollmentToken: h.token(), trainer: h.trainer, eligibility: () => onPower, eligibilityIntervalMs: 20, approverKeys: [h.approver.publicKey], ...h.clientOptions });
    await laptop.consent.grant('points');
    for (const e of separablePoints(200, 8, 9)) await laptop.record('points', e);
    const selected = nextEvent(laptop, 'selected');
    await laptop.start();
    for (let i = 0; i < 3; i++) await h.addClient();
    await selected;
    const left = nextEvent(laptop, 'withdrawn');
    onPower = false; // unplugged mid-round
    expect((await left).reason).toBe('the device stopped being eligible');
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    expect(done.status).toBe('completed');
    for (const round of [1, 2]) expect((await h.server.coordinator.store.participation(taskId, round)).map((p) => p.deviceId)).not.toContain(laptop.deviceId);
    await laptop.stop();

    // A device whose daily training time is used up does not take part.
    const busy = createClient({ url: h.server.deviceUrl, enrollmentToken: h.token(), limits: { trainingMsPerDay: 0 } });
    await busy.consent.grant('points');
    await busy.record('points', separablePoints(1, 8, 1)[0]!);
    const told = nextEvent(busy, 'comeBackLater');
    await busy.start();
    expect((await told).reason).toBe('device reported itself not eligible');
    await busy.stop();
  });

  it('a device the coordinator revokes wipes its examples and stops; forgetAll wipes on request', async () => {
    h = await startHarness();
    const c = await h.addClient();
    const other = await h.addClient();
    const revoked = nextEvent(c, 'revoked');
    await h.server.coordinator.revokeDevice(c.deviceId, 'left the company');
    expect((await revoked).reason).toContain('left the company');
    expect(await c.counts()).toEqual({});
    expect(await other.counts()).toEqual({ points: 60 });
    await other.forgetAll();
    expect(await other.counts()).toEqual({});
  });
});
