import nacl from 'tweetnacl';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient } from '@conclave/client-sdk';
import { denseTask, nextEvent, separablePoints, startHarness, waitForTask, type Harness } from './helpers.ts';
import { RawDevice } from './raw-device.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Selected = Awaited<ReturnType<RawDevice['next']>> & { secagg?: { roundId?: Uint8Array | null; vectorLength?: number | null } | null };

/**
 * A secure round with three SDK clients and one raw device that misbehaves as `bad` says. The
 * goal is three reports: the round must finish without the raw device, which gets a clear error.
 */
async function secureRoundWith(bad: (d: RawDevice, sel: { taskId: string; round: number; roundId: Uint8Array; vectorLength: number }) => Promise<void>) {
  h = await startHarness();
  // The raw device speaks the honest-but-curious protocol: the task opts out of the
  // malicious-server setting explicitly (the harness's devices accept the opt-out).
  const taskId = await h.server.coordinator.createTask(
    await denseTask(8, { rounds: 1, cohort: { goal: 3, minimum: 3, overSelection: 4 / 3 }, evaluation: { finalRound: false }, secureAggregation: { maliciousServer: false } }),
  );
  // The raw device checks in once: only after the harness's approver has signed the task.
  await waitForTask(h.server, taskId, (s) => s.status === 'running');
  const raw = await RawDevice.enrolled(h.server.deviceUrl, h.token(), ['points']);
  for (let i = 0; i < 3; i++) await h.addClient();
  const sel = (await raw.next('selected')) as Selected;
  // 8 weights + bias, the example-count weight, and five masked round metrics.
  expect(sel.secagg?.vectorLength).toBe(15);
  await bad(raw, { taskId, round: 1, roundId: sel.secagg!.roundId!, vectorLength: sel.secagg!.vectorLength! });
  const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
  expect(done.status).toBe('completed');
  const parts = (await h.server.coordinator.store.participation(taskId, 1)).map((p) => p.deviceId);
  expect(parts).toHaveLength(3);
  expect(parts).not.toContain(raw.deviceId);
  return { raw, taskId };
}

const keys = () => ({ encryptionPublicKey: nacl.box.keyPair().publicKey, maskingPublicKey: nacl.box.keyPair().publicKey });

describe('secure aggregation over real sockets: bad devices are dropped, the round finishes', () => {
  it('refuses an out-of-phase message (ShareKeys before the keys broadcast)', async () => {
    await secureRoundWith(async (d, s) => {
      d.send('secagg', { taskId: s.taskId, round: s.round, roundId: s.roundId, shareKeys: { shares: [] } });
      const err = await d.next('error');
      expect(err.code).toBe('INVALID_REPORT');
      expect(err.message).toMatch(/^secure aggregation refused share-keys: OUT_OF_PHASE: /);
    });
  });

  it('refuses a malformed advertisement (keys of the wrong length)', async () => {
    await secureRoundWith(async (d, s) => {
      d.send('secagg', { taskId: s.taskId, round: s.round, roundId: s.roundId, advertiseKeys: { encryptionPublicKey: new Uint8Array(5), maskingPublicKey: new Uint8Array(32) } });
      const err = await d.next('error');
      expect(err.message).toMatch(/^secure aggregation refused advertise-keys: (WRONG_LENGTH|MALFORMED_MESSAGE): .*5/);
    });
  });

  it('refuses a replayed advertisement', async () => {
    await secureRoundWith(async (d, s) => {
      const advert = { taskId: s.taskId, round: s.round, roundId: s.roundId, advertiseKeys: keys() };
      d.send('secagg', advert);
      d.send('secagg', advert);
      const err = await d.next('error');
      expect(err.message).toMatch(/^secure aggregation refused advertise-keys: (REPLAYED|OUT_OF_PHASE): /);
    });
  });

  it('refuses a message for another round id', async () => {
    await secureRoundWith(async (d, s) => {
      d.send('secagg', { taskId: s.taskId, round: s.round, roundId: new Uint8Array(16).fill(7), advertiseKeys: keys() });
      const err = await d.next('error');
      expect(err.message).toMatch(/^secure aggregation refused advertise-keys: \w+: .*round/i);
    });
  });

  it('refuses an empty SecAgg frame', async () => {
    await secureRoundWith(async (d, s) => {
      d.send('secagg', { taskId: s.taskId, round: s.round, roundId: s.roundId });
      expect((await d.next('error')).message).toBe('secure aggregation frame carries no step');
    });
  });

  it('refuses a wrong-length masked input', async () => {
    await secureRoundWith(async (d, s) => {
      d.send('uploadStart', { taskId: s.taskId, round: s.round, modelVersion: 0, updateBytes: 4 * (s.vectorLength - 1) });
      expect((await d.next('error')).message).toBe(`masked input has ${s.vectorLength - 1} values, expected ${s.vectorLength} (model and weight and round metrics)`);
    });
  });

  it('goes on when a device advertises keys and then vanishes before ShareKeys', async () => {
    await secureRoundWith(async (d, s) => {
      d.send('secagg', { taskId: s.taskId, round: s.round, roundId: s.roundId, advertiseKeys: keys() });
      // Wait until the coordinator has passed this device's keys on, then disappear.
      await d.next('secagg');
      d.close();
    });
  });
});

describe('the malicious-server setting', () => {
  it('runs signed advertisements and the consistency check with enrolled identities', async () => {
    h = await startHarness();
    const taskId = await h.server.coordinator.createTask(await denseTask(8, { rounds: 2, cohort: { goal: 4, minimum: 4, overSelection: 1 }, secureAggregation: { maliciousServer: true } }));
    for (let i = 0; i < 4; i++) await h.addClient();
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    expect(done.status).toBe('completed');
    expect(await h.server.coordinator.store.participation(taskId, 2)).toHaveLength(4);
    expect(done.lastMetrics!.evalAccuracy).toBeGreaterThan(0.7);
  });

  it('a device that requires it refuses rounds without it; the round goes on', async () => {
    h = await startHarness();
    // The task opts out of the malicious-server setting explicitly; this device does not accept that.
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, { rounds: 1, cohort: { goal: 3, minimum: 3, overSelection: 4 / 3 }, evaluation: { finalRound: false }, secureAggregation: { maliciousServer: false } }),
    );
    const strict = createClient({
      url: h.server.deviceUrl,
      enrollmentToken: h.token(),
      trainer: h.trainer,
      ...h.clientOptions,
      approverKeys: [h.approver.publicKey],
      requireMaliciousServerProtection: true,
    });
    await strict.consent.grant('points');
    for (const e of separablePoints(60, 8, 3)) await strict.record('points', e);
    const refused = nextEvent(strict, 'error', (e) => e.message.includes('refusing the secure aggregation round'));
    await strict.start();
    for (let i = 0; i < 3; i++) await h.addClient();
    expect((await refused).message).toMatch(/consistency check/i);
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    expect(done.status).toBe('completed');
    expect((await h.server.coordinator.store.participation(taskId, 1)).map((p) => p.deviceId)).not.toContain(strict.deviceId);
    await strict.stop();
  });

  it('refuses an advertisement signed by a key that is not the device\'s enrolled identity', async () => {
    h = await startHarness();
    // Seven devices: against a malicious server the threshold is over two thirds of each
    // neighbourhood, so a cohort of seven can lose the impostor and still unmask.
    const taskId = await h.server.coordinator.createTask(await denseTask(8, { rounds: 1, cohort: { goal: 6, minimum: 5, overSelection: 7 / 6 }, evaluation: { finalRound: false }, secureAggregation: { maliciousServer: true } }));
    await waitForTask(h.server, taskId, (s) => s.status === 'running');
    const raw = await RawDevice.enrolled(h.server.deviceUrl, h.token(), ['points']);
    // Certified by the authority: what fails is the advert's signature, not the certificate.
    await h.certifyPending();
    for (let i = 0; i < 6; i++) await h.addClient();
    const sel = (await raw.next('selected')) as Selected;
    const impostor = nacl.sign.keyPair();
    raw.send('secagg', {
      taskId,
      round: 1,
      roundId: sel.secagg!.roundId!,
      advertiseKeys: { ...keys(), identityPublicKey: impostor.publicKey, signature: nacl.sign.detached(new Uint8Array(32), impostor.secretKey) },
    });
    const err = await raw.next('error');
    expect(err.message).toMatch(/^secure aggregation (refused advertise-keys|dropped this device): BAD_SIGNATURE: /);
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    expect(done.status).toBe('completed');
    expect((await h.server.coordinator.store.participation(taskId, 1)).map((p) => p.deviceId)).not.toContain(raw.deviceId);
  });
});
