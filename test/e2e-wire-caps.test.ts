/**
 * The coordinator's caps over real sockets (issue 15 items 4 and protocol version 2): one session
 * per device identity, caps on connections and on connections still proving an identity, on
 * frames and bytes per second from one connection, and the frozen version-1 Hello refused. Each
 * refusal has its own close code (PROTOCOL.md §7) and the coordinator stays up.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { decodeFrame, type BodyOf } from '@conclave/proto';
import { V1_HELLO_HEX, fromHex } from '../packages/proto/test/fixtures/protocol-v1.ts';
import { startHarness, type Harness } from './helpers.ts';
import { RawDevice } from './raw-device.ts';

let h: Harness | undefined;
const opened: RawDevice[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) d.ws.terminate();
  await h?.close();
  h = undefined;
});

async function connect(): Promise<RawDevice> {
  const d = await RawDevice.connect(h!.server.deviceUrl);
  opened.push(d);
  return d;
}

/** A connection the coordinator refuses as soon as it opens: the Error frame it sent, and the close. */
function refused(url: string): Promise<{ error: BodyOf<'error'> | undefined; code: number }> {
  const ws = new WebSocket(url);
  let error: BodyOf<'error'> | undefined;
  // Listening from the start: the refusal can arrive in the same read as the upgrade.
  ws.on('message', (data: Buffer) => {
    const frame = decodeFrame(new Uint8Array(data));
    if (frame.body === 'error') error = frame.message;
  });
  return new Promise((resolve) => ws.on('close', (code) => resolve({ error, code })));
}

async function healthy(): Promise<boolean> {
  return (await fetch(`${h!.server.url}/healthz`)).ok;
}

describe('protocol version 2', () => {
  it('refuses the exact bytes of a version-1 Hello with PROTOCOL_VERSION naming both versions, and closes with 4001', async () => {
    h = await startHarness();
    const d = await connect();
    d.ws.send(fromHex(V1_HELLO_HEX));
    const err = await d.next('error');
    expect(err).toMatchObject({ code: 'PROTOCOL_VERSION', fatal: true, message: 'client speaks protocol version 1, server speaks 2 (accepts 2); upgrade the client' });
    expect(await d.closed).toMatchObject({ code: 4001 });
    expect(await healthy()).toBe(true);
  });
});

describe('one session per device identity', () => {
  it('a newer session replaces the older, closed with SESSION_REPLACED (4006); twenty sessions of one identity leave one', async () => {
    h = await startHarness();
    const first = await connect();
    await first.authenticate(h.token());
    const copies = [first];
    for (let i = 0; i < 19; i++) {
      const d = await connect();
      d.keys = first.keys;
      await d.authenticate();
      copies.push(d);
    }
    const closes = await Promise.all(copies.slice(0, -1).map((d) => d.closed));
    expect(new Set(closes.map((c) => c.code))).toEqual(new Set([4006]));
    expect(await copies[0]!.next('error')).toMatchObject({ code: 'SESSION_REPLACED', fatal: true, message: `a newer session of device ${first.deviceId} replaced this one` });
    expect(copies.at(-1)!.ws.readyState).toBe(WebSocket.OPEN);
    expect(h.server.coordinator.connectedDevices).toBe(1);
    // Replacing a session is not a device error.
    expect(await (await fetch(`${h.server.url}/metrics`)).text()).not.toMatch(/conclave_device_errors_total\{code="SESSION_REPLACED"\}/);
  });
});

describe('caps on connections', () => {
  it('refuses a connection past the cap on unauthenticated ones (4031), and admits one again once a device has proven its identity', async () => {
    h = await startHarness({ connectionCaps: { maxUnauthenticated: 3 } });
    const waiting = [await connect(), await connect(), await connect()];
    const extra = await refused(h.server.deviceUrl);
    expect(extra.error).toMatchObject({ code: 'TOO_MANY_UNAUTHENTICATED', fatal: true, message: '3 connections are still proving their identity; try again later' });
    expect(extra.code).toBe(4031);
    await waiting[0]!.authenticate(h.token());
    const admitted = await connect();
    await admitted.authenticate(h.token());
    expect(admitted.ws.readyState).toBe(WebSocket.OPEN);
    expect(await healthy()).toBe(true);
  });

  it('refuses a connection past the cap on all connections (4032)', async () => {
    h = await startHarness({ connectionCaps: { maxConnections: 4 } });
    for (let i = 0; i < 4; i++) await (await connect()).authenticate(h.token());
    const extra = await refused(h.server.deviceUrl);
    expect(extra.error).toMatchObject({ code: 'TOO_MANY_CONNECTIONS', message: 'the coordinator holds its maximum of 4 device connections; try again later' });
    expect(extra.code).toBe(4032);
    expect(await healthy()).toBe(true);
  });
});

describe('caps on what one connection sends', () => {
  it('closes a device that sends more frames per second than the cap (4040)', async () => {
    h = await startHarness({ connectionCaps: { maxFramesPerSecond: 50 } });
    const d = await connect();
    await d.authenticate(h.token());
    for (let i = 0; i < 200; i++) d.send('progress', { taskId: 't', round: 1, fraction: 0.5 });
    expect(await d.next('error')).toMatchObject({ code: 'FRAME_RATE_EXCEEDED', message: 'more than 50 frames per second from one connection' });
    expect((await d.closed).code).toBe(4040);
    expect(await healthy()).toBe(true);
  });

  // The close at maxByteDebtSeconds (4041) is the backstop for frames read before the pause took
  // effect: InboundRate's own test drives it with a fake clock (packages/server/test/connection-caps.test.ts).
  it('a device over the byte rate but within the allowed seconds ahead is slowed, not closed', async () => {
    h = await startHarness({ connectionCaps: { maxBytesPerSecond: 64 * 1024, maxByteDebtSeconds: 4 } });
    const d = await connect();
    await d.authenticate(h.token());
    // About two seconds of traffic at the cap, sent at once: the coordinator pauses reading, never closes.
    for (let i = 0; i < 2; i++) d.send('uploadChunk', { taskId: 'none', round: 1, offset: 0, data: new Uint8Array(60 * 1024) });
    d.send('checkIn', { streams: ['points'], eligible: true });
    // The check-in behind it is read and answered (no task wants the device).
    expect(await d.next('comeBackLater')).toMatchObject({ reason: expect.stringContaining('no running task') });
    expect(d.ws.readyState).toBe(WebSocket.OPEN);
  });
});
