import { afterEach, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, ReasonCode, float32ToBytes } from '@conclave/proto';
import { denseTask, startHarness, waitForTask, type Harness } from './helpers.ts';
import { RawDevice } from './raw-device.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function healthy(h: Harness): Promise<boolean> {
  const res = await fetch(`${h.server.url}/healthz`);
  return res.ok;
}

describe('connections the coordinator refuses', () => {
  it('refuses an older protocol version, naming both versions, and stays up', async () => {
    h = await startHarness();
    const d = await RawDevice.connect(h.server.deviceUrl);
    d.send('hello', { protocolVersion: 0, sdkVersion: '0.0.1' });
    const err = await d.next('error');
    expect(err.code).toBe('PROTOCOL_VERSION');
    expect(err.message).toBe('client speaks protocol version 0, server speaks 2 (accepts 2); upgrade the client');
    expect(err.fatal).toBe(true);
    expect((await d.closed).code).toBe(4001);
    expect(await healthy(h)).toBe(true);
  });

  it('refuses a newer protocol version too', async () => {
    h = await startHarness();
    const d = await RawDevice.connect(h.server.deviceUrl);
    d.send('hello', { protocolVersion: 9 });
    expect((await d.next('error')).message).toContain('client speaks protocol version 9, server speaks 2');
    expect((await d.closed).code).toBe(4001);
  });

  it('closes on text frames, garbage and frames before Hello, with distinct codes', async () => {
    h = await startHarness();
    const text = await RawDevice.connect(h.server.deviceUrl);
    text.ws.send('{"hello":1}');
    expect((await text.next('error')).code).toBe('MALFORMED_FRAME');
    expect((await text.closed).code).toBe(4002);

    const garbage = await RawDevice.connect(h.server.deviceUrl);
    garbage.ws.send(Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f]));
    expect((await garbage.closed).code).toBe(4002);

    const early = await RawDevice.connect(h.server.deviceUrl);
    early.send('checkIn', { streams: ['points'], eligible: true });
    expect((await early.next('error')).message).toBe('the first frame must be hello, got checkIn');
    expect((await early.closed).code).toBe(4004);
    expect(await healthy(h)).toBe(true);
  });

  it('cuts off an oversized frame at the WebSocket layer and stays up', async () => {
    h = await startHarness();
    const d = await RawDevice.enrolled(h.server.deviceUrl, h.token(), ['points']);
    d.ws.send(new Uint8Array(2 * 1024 * 1024));
    expect((await d.closed).code).toBe(1009);
    expect(await healthy(h)).toBe(true);
  });

  it('refuses a device that is not enrolled, or whose token is spent, and one that cannot prove its key', async () => {
    h = await startHarness();
    const stranger = await RawDevice.connect(h.server.deviceUrl);
    stranger.send('hello', { protocolVersion: PROTOCOL_VERSION, publicKey: stranger.keys.publicKey });
    const err = await stranger.next('error');
    expect(err.code).toBe('UNAUTHENTICATED');
    expect(err.message).toMatch(/^device dev-[0-9a-f]{32} is not enrolled; enroll it with a single-use token from `conclave enroll`$/);
    expect((await stranger.closed).code).toBe(4020);

    const token = h.token();
    const first = await RawDevice.enrolled(h.server.deviceUrl, token, ['points']);
    const second = await RawDevice.connect(h.server.deviceUrl);
    second.send('hello', { protocolVersion: PROTOCOL_VERSION, publicKey: second.keys.publicKey, enrollmentToken: token });
    const challenge = await second.next('challenge');
    second.send('proof', { signature: (await import('tweetnacl')).default.sign.detached(new Uint8Array([1]), second.keys.secretKey) });
    expect((await second.next('error')).message).toMatch(/identity proof for device dev-\w+ failed/);
    expect(challenge.nonce).toHaveLength(32);

    const reuse = await RawDevice.connect(h.server.deviceUrl);
    await expect(Promise.race([reuse.authenticate(token), reuse.next('error').then((e) => Promise.reject(new Error(e.message!)))])).rejects.toThrow(
      'enrollment token was already used; each token enrolls one device',
    );
    // The enrolled device reconnects with its key alone.
    first.close();
    const back = await RawDevice.connect(h.server.deviceUrl);
    back.keys = first.keys;
    expect((await back.authenticate()).deviceId).toBe(first.deviceId);
    back.close();
  });

  it('a revoked device is disconnected, dropped from its round, and can never join again', async () => {
    h = await startHarness();
    const taskId = await h.server.coordinator.createTask(await denseTask(8, { rounds: 1, cohort: { goal: 2, minimum: 2, overSelection: 1.5 }, evaluation: { finalRound: false }, secureAggregation: { enabled: false } }));
    // Raw devices check in once: only after the harness's approver has signed the task.
    await waitForTask(h.server, taskId, (s) => s.status === 'running');
    const leaver = await RawDevice.enrolled(h.server.deviceUrl, h.token(), ['points']);
    await h.addClient();
    await h.addClient();
    await leaver.next('selected');
    await h.server.coordinator.revokeDevice(leaver.deviceId, 'left the company');
    const err = await leaver.next('error');
    expect(err).toMatchObject({ code: 'DEVICE_REVOKED', fatal: true });
    expect((await leaver.closed).code).toBe(4021);
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    expect(done.status).toBe('completed');
    expect((await h.server.coordinator.store.participation(taskId, 1)).map((p) => p.deviceId)).not.toContain(leaver.deviceId);
    const again = await RawDevice.connect(h.server.deviceUrl);
    again.keys = leaver.keys;
    again.send('hello', { protocolVersion: PROTOCOL_VERSION, publicKey: leaver.keys.publicKey, enrollmentToken: h.token() });
    expect((await again.next('error')).message).toMatch(/^device dev-\w+ was revoked on .* \(left the company\) and can never join again$/);
    expect((await h.server.coordinator.store.auditLog()).map((a) => a.action)).toContain('device.revoke');
  });

  it('disconnects a device that never says Hello', async () => {
    h = await startHarness({ helloTimeoutMs: 200 });
    const d = await RawDevice.connect(h.server.deviceUrl);
    expect((await d.next('error')).code).toBe('HELLO_TIMEOUT');
    expect((await d.closed).code).toBe(4005);
  });
});

describe('bad reports are dropped; the round completes without them', () => {
  async function roundWithRawDevice(bad: (d: RawDevice, sel: { taskId: string; round: number; modelVersion: number; modelBytes: number }) => Promise<void>) {
    h = await startHarness();
    // The two SDK clients and the raw device are all selected, and the goal needs all three:
    // the round can only finish early by dropping the raw device.
    const taskId = await h.server.coordinator.createTask(await denseTask(8, { rounds: 1, cohort: { goal: 3, minimum: 2, overSelection: 1 }, evaluation: { finalRound: false }, secureAggregation: { enabled: false } }));
    // Raw devices check in once: only after the harness's approver has signed the task.
    await waitForTask(h.server, taskId, (s) => s.status === 'running');
    const raw = await RawDevice.enrolled(h.server.deviceUrl, h.token(), ['points']);
    await h.addClient();
    await h.addClient();
    const sel = await raw.next('selected');
    await bad(raw, { taskId: sel.taskId!, round: sel.round!, modelVersion: sel.modelVersion!, modelBytes: sel.modelBytes! });
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    expect(done.status).toBe('completed');
    const parts = (await h.server.coordinator.store.participation(taskId, 1)).map((p) => p.deviceId);
    expect(parts).not.toContain(raw.deviceId);
    expect(parts).toHaveLength(2);
    expect(await healthy(h)).toBe(true);
    return { raw, taskId };
  }

  it('refuses an update for the wrong model version with STALE_UPDATE', async () => {
    let err: { code?: string | null; message?: string | null } | undefined;
    await roundWithRawDevice(async (d, sel) => {
      d.send('uploadStart', { taskId: sel.taskId, round: sel.round, modelVersion: sel.modelVersion + 7, numExamples: 10, updateBytes: sel.modelBytes });
      err = await d.next('error');
    });
    expect(err?.code).toBe('STALE_UPDATE');
    expect(err?.message).toBe('update computed from model version 7, round 1 trains version 0');
  });

  it('refuses a wrong-length update with WRONG_LENGTH, naming both lengths', async () => {
    let err: { code?: string | null; message?: string | null } | undefined;
    await roundWithRawDevice(async (d, sel) => {
      d.send('uploadStart', { taskId: sel.taskId, round: sel.round, modelVersion: sel.modelVersion, numExamples: 10, updateBytes: sel.modelBytes - 4 });
      err = await d.next('error');
    });
    expect(err?.code).toBe('WRONG_LENGTH');
    expect(err?.message).toBe('update has 8 values, model has 9');
  });

  it('refuses an update holding NaN', async () => {
    let err: { code?: string | null; message?: string | null } | undefined;
    await roundWithRawDevice(async (d, sel) => {
      d.send('uploadStart', { taskId: sel.taskId, round: sel.round, modelVersion: sel.modelVersion, numExamples: 10, updateBytes: sel.modelBytes });
      await d.next('uploadGrant');
      const values = new Float32Array(sel.modelBytes / 4).fill(NaN);
      d.send('uploadChunk', { taskId: sel.taskId, round: sel.round, offset: 0, data: float32ToBytes(values) });
      err = await d.next('error');
    });
    expect(err?.code).toBe('INVALID_REPORT');
    expect(err?.message).toBe('update contains NaN or infinite values');
  });

  it('refuses update chunks before UploadStart', async () => {
    const errs: (string | null | undefined)[] = [];
    await roundWithRawDevice(async (d, sel) => {
      d.send('uploadChunk', { taskId: sel.taskId, round: sel.round, offset: 0, data: new Uint8Array(8) });
      errs.push((await d.next('error')).message);
    });
    expect(errs[0]).toBe('update chunk before UploadStart');
  });

  it('grants uploads a slot at a time and refuses chunks sent before the grant', async () => {
    let err: { code?: string | null; message?: string | null } | undefined;
    h = await startHarness({ maxConcurrentUploads: 1 });
    const taskId = await h.server.coordinator.createTask(await denseTask(8, { rounds: 1, cohort: { goal: 1, minimum: 1, overSelection: 2 }, evaluation: { finalRound: false }, secureAggregation: { enabled: false } }));
    // Raw devices check in once: only after the harness's approver has signed the task.
    await waitForTask(h.server, taskId, (s) => s.status === 'running');
    const hog = await RawDevice.enrolled(h.server.deviceUrl, h.token(), ['points']);
    const eager = await RawDevice.enrolled(h.server.deviceUrl, h.token(), ['points']);
    const [a, b] = [await hog.next('selected'), await eager.next('selected')];
    // The hog takes the only upload slot and sits on it.
    hog.send('uploadStart', { taskId, round: 1, modelVersion: 0, numExamples: 5, updateBytes: a.modelBytes! });
    await hog.next('uploadGrant');
    eager.send('uploadStart', { taskId, round: 1, modelVersion: 0, numExamples: 5, updateBytes: b.modelBytes! });
    eager.send('uploadChunk', { taskId, round: 1, offset: 0, data: new Uint8Array(b.modelBytes!) });
    err = await eager.next('error');
    expect(err.code).toBe('UNEXPECTED_MESSAGE');
    expect(err.message).toBe('update chunk before UploadGrant');
    // The eager device was dropped; the hog's upload completes the round.
    hog.send('uploadChunk', { taskId, round: 1, offset: 0, data: new Uint8Array(a.modelBytes!) });
    expect(await hog.next('reportAck')).toMatchObject({ accepted: true });
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    expect(done.status).toBe('completed');
    expect((await h.server.coordinator.store.participation(taskId, 1)).map((p) => p.deviceId)).toEqual([hog.deviceId]);
  });

  it('goes on without a device that disconnects mid-round', async () => {
    await roundWithRawDevice(async (d) => {
      d.close();
    });
  });

  it('tells a late update for a closed round that it came late (RoundClosed late, issue 15 item 8), uses none of it, and counts no error', async () => {
    // The raw device leaves the round, which finishes without it; then its update shows up.
    const { raw, taskId } = await roundWithRawDevice(async (d, sel) => d.send('withdraw', { taskId: sel.taskId, round: sel.round, code: ReasonCode.INELIGIBLE }));
    raw.send('uploadStart', { taskId, round: 1, modelVersion: 0, numExamples: 5, updateBytes: 36 });
    const closed = await raw.next('roundClosed', (m) => !!m.late);
    expect(closed).toMatchObject({ taskId, round: 1, late: true, reason: `task "${taskId}" is completed` });
    expect(raw.frames.filter((f) => f.body === 'error')).toEqual([]);
    expect((await h!.server.coordinator.latestModel(taskId)).version).toBe(1);
    const metrics = await (await fetch(`${h!.server.url}/metrics`)).text();
    expect(metrics).toMatch(/^conclave_late_reports_total 1$/m);
  });
});
