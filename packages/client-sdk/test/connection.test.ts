/**
 * The device's connection over real sockets (a `ws` server on port 0 speaking the handshake of
 * PROTOCOL.md), with the clock and the jitter injected: every reconnect delay is asserted
 * exactly, and time only moves when the test says so.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { PROTOCOL_VERSION, authMessage, decodeFrame, encodeFrame, type Frame } from '@conclave/proto';
import fc from 'fast-check';
import nacl from 'tweetnacl';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { BACK_OFF_CLOSE_CODES, Connection, PROTOCOL_VERSION_CLOSE_CODE, SESSION_REPLACED_CLOSE_CODE, handshakeStep, reconnectDelay, type ConnectionHandlers, type SocketCtor, type Welcome } from '../src/connection.ts';
import type { ClientError } from '../src/errors.ts';
import { createIdentity } from '../src/identity.ts';
import { FakeClock } from './fake-clock.ts';
import { V1_WELCOME_HEX, fromHex } from '../../proto/test/fixtures/protocol-v1.ts';

const servers: WebSocketServer[] = [];
const connections: Connection[] = [];
afterEach(async () => {
  await Promise.all(connections.splice(0).map((c) => c.stop()));
  for (const s of servers.splice(0)) {
    for (const client of s.clients) client.terminate();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A coordinator stand-in on port 0: `onSocket` decides what each new connection gets. */
async function serve(onSocket: (socket: ServerSocket, index: number) => void): Promise<string> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(wss);
  let n = 0;
  wss.on('connection', (socket) => onSocket(socket, n++));
  await once(wss, 'listening');
  return `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/v1/devices`;
}

const frameOf = (data: unknown): Frame => decodeFrame(new Uint8Array(data as Buffer));

/** Handlers that record everything, with a promise per kind of report. */
function recorder() {
  const log: { welcomes: Welcome[]; frames: Frame[]; closes: { code: number; reason: string }[]; errors: ClientError[] } = { welcomes: [], frames: [], closes: [], errors: [] };
  const waiters: { kind: keyof typeof log; count: number; resolve: () => void }[] = [];
  const settle = () => {
    for (const w of [...waiters]) {
      if (log[w.kind].length >= w.count) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  const handlers: ConnectionHandlers = {
    connected: (w) => (log.welcomes.push(w), settle()),
    frame: (f) => (log.frames.push(f), settle()),
    disconnected: (e) => (log.closes.push(e), settle()),
    error: (e) => (log.errors.push(e), settle()),
  };
  /** Resolves once `kind` has been reported `count` times in all. */
  const until = (kind: keyof typeof log, count: number) => new Promise<void>((resolve) => (waiters.push({ kind, count, resolve }), settle()));
  return { log, handlers, until };
}

function connect(url: string, handlers: ConnectionHandlers, clock: FakeClock, random: () => number, extra: { enrollmentToken?: string } = {}) {
  const identity = createIdentity();
  const connection = new Connection(
    { url, identity, sdkVersion: '9.9.9', WebSocket: WebSocket as unknown as SocketCtor, reconnect: { initialDelayMs: 100, maxDelayMs: 1_000 }, clock, random, ...extra },
    handlers,
  );
  connections.push(connection);
  return { connection, identity };
}

describe('reconnectDelay', () => {
  const settings = { initialDelayMs: 100, maxDelayMs: 1_000 };

  it('is full jitter under a cap that doubles per attempt up to maxDelayMs', () => {
    const half = () => 0.5;
    expect([1, 2, 3, 4, 5, 40].map((a) => reconnectDelay(a, 1006, settings, half))).toEqual([100, 200, 400, 500, 500, 500]);
    expect(reconnectDelay(3, 1006, settings, () => 0)).toBe(0);
  });

  it('waits maxDelayMs after a protocol-version close, whatever the attempt', () => {
    expect(reconnectDelay(1, PROTOCOL_VERSION_CLOSE_CODE, settings, () => 0)).toBe(1_000);
  });

  it('backs off to between half and all of maxDelayMs after a refusal for load, whatever the attempt', () => {
    expect([...BACK_OFF_CLOSE_CODES].sort()).toEqual([4030, 4031, 4032, 4040, 4041, 4042]);
    for (const code of BACK_OFF_CLOSE_CODES) {
      expect(reconnectDelay(1, code, settings, () => 0)).toBe(500);
      expect(reconnectDelay(1, code, settings, () => 0.5)).toBe(750);
      expect(reconnectDelay(9, code, settings, () => 0.999)).toBeCloseTo(999.5, 6);
    }
  });

  it('stays in [0, min(max, initial · 2^attempt)) for any attempt and draw (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), fc.integer({ min: 1, max: 5_000 }), (attempt, r, initial) => {
        const s = { initialDelayMs: initial, maxDelayMs: 60_000 };
        const d = reconnectDelay(attempt, 1006, s, () => r);
        const cap = Math.min(s.maxDelayMs, initial * 2 ** Math.min(attempt, 16));
        return d >= 0 && (d < cap || cap === 0);
      }),
    );
  });
});

describe('handshakeStep', () => {
  it('signs the challenge over the nonce and the public key, and refuses an unknown protocol version', () => {
    const identity = createIdentity();
    const nonce = new Uint8Array(32).fill(7);
    const step = handshakeStep({ body: 'challenge', message: { nonce } } as Frame, identity);
    if (step.kind !== 'reply') throw new Error(`expected a reply, got ${step.kind}`);
    expect(nacl.sign.detached.verify(authMessage(nonce, identity.publicKey), step.message.signature as Uint8Array, identity.publicKey)).toBe(true);
    const refused = handshakeStep({ body: 'welcome', message: { protocolVersion: 999 } } as Frame, identity);
    expect(refused.kind).toBe('refuse');
    expect(refused.kind === 'refuse' && refused.error.code).toBe('PROTOCOL_VERSION');
    expect(handshakeStep({ body: 'comeBackLater', message: {} } as Frame, identity).kind).toBe('not-handshake');
  });
});

describe('Connection over a real socket', () => {
  it('says Hello with the identity and token, proves the challenge, and reports Welcome and later frames', async () => {
    const nonce = nacl.randomBytes(32);
    const seen: Frame[] = [];
    const url = await serve((socket) => {
      socket.on('message', (data) => {
        const frame = frameOf(data);
        seen.push(frame);
        if (frame.body === 'hello') socket.send(encodeFrame('challenge', { nonce }));
        if (frame.body === 'proof') {
          const hello = seen[0] as Extract<Frame, { body: 'hello' }>;
          const ok = nacl.sign.detached.verify(authMessage(nonce, hello.message.publicKey!), frame.message.signature!, hello.message.publicKey!);
          if (!ok) return socket.close(4003, 'bad proof');
          socket.send(encodeFrame('welcome', { protocolVersion: PROTOCOL_VERSION, sessionId: 's-1', deviceId: 'd-1', heartbeatMs: 1_234 }));
          socket.send(encodeFrame('comeBackLater', { retryAfterMs: 5_000, reason: 'no task' }));
        }
      });
    });
    const r = recorder();
    const { connection, identity } = connect(url, r.handlers, new FakeClock(), () => 0.5, { enrollmentToken: 'tok-1' });
    expect(connection.open).toBe(false);
    connection.start();
    await r.until('frames', 1);
    expect(seen[0]).toMatchObject({ body: 'hello', message: { protocolVersion: PROTOCOL_VERSION, sdkVersion: '9.9.9', enrollmentToken: 'tok-1' } });
    expect(Buffer.from((seen[0] as Extract<Frame, { body: 'hello' }>).message.publicKey!)).toEqual(Buffer.from(identity.publicKey));
    expect(r.log.welcomes).toEqual([{ sessionId: 's-1', deviceId: 'd-1', heartbeatMs: 1_234 }]);
    expect(connection.heartbeatMs).toBe(1_234);
    expect(connection.open).toBe(true);
    // The handshake's frames stay inside the connection; the client sees what follows.
    expect(r.log.frames.map((f) => f.body)).toEqual(['comeBackLater']);
    expect(r.log.errors).toEqual([]);
  });

  it('reconnects after each lost connection on the injected clock, with jittered, doubling delays, and resets after a Welcome', async () => {
    // The first four connections are dropped at once; the fifth is welcomed, then dropped too.
    const url = await serve((socket, i) => {
      if (i < 4) return socket.close(1011, `dropped ${i}`);
      socket.send(encodeFrame('welcome', { protocolVersion: PROTOCOL_VERSION, sessionId: 's', deviceId: 'd', heartbeatMs: 500 }));
      setImmediate(() => socket.close(1001, 'going away'));
    });
    const clock = new FakeClock();
    const r = recorder();
    const { connection } = connect(url, r.handlers, clock, () => 0.5);
    connection.start();
    const delays: number[] = [];
    for (let i = 1; i <= 4; i++) {
      const armed = clock.nextTimer();
      await r.until('closes', i);
      const timer = await armed;
      delays.push(timer.ms);
      expect(connection.connected).toBe(false);
      expect(connection.attempt).toBe(i);
      // Nothing reconnects until the clock says so.
      expect(clock.pending()).toHaveLength(1);
      clock.advance(timer.ms);
    }
    expect(delays).toEqual([100, 200, 400, 500]);
    expect(r.log.closes.map((c) => c.code)).toEqual([1011, 1011, 1011, 1011]);
    const armed = clock.nextTimer();
    await r.until('closes', 5);
    expect(r.log.welcomes).toHaveLength(1);
    // The Welcome reset the back-off: the next wait is the first attempt's again.
    expect((await armed).ms).toBe(100);
  });

  it('closes with 4001 on a protocol version it does not speak, and then waits the longest back-off', async () => {
    const url = await serve((socket) => socket.send(encodeFrame('welcome', { protocolVersion: 999, sessionId: 's', deviceId: 'd' })));
    const clock = new FakeClock();
    const r = recorder();
    const { connection } = connect(url, r.handlers, clock, () => 0.5);
    const armed = clock.nextTimer();
    connection.start();
    await r.until('closes', 1);
    expect(r.log.errors.map((e) => e.code)).toEqual(['PROTOCOL_VERSION']);
    expect(r.log.closes[0]!.code).toBe(PROTOCOL_VERSION_CLOSE_CODE);
    expect(r.log.welcomes).toEqual([]);
    expect((await armed).ms).toBe(1_000);
  });

  it('refuses the frozen Welcome of a version-1 coordinator, naming both versions, and closes with 4001', async () => {
    const url = await serve((socket) => socket.send(fromHex(V1_WELCOME_HEX)));
    const clock = new FakeClock();
    const r = recorder();
    const { connection } = connect(url, r.handlers, clock, () => 0.5);
    connection.start();
    await r.until('closes', 1);
    expect(r.log.errors.map((e) => [e.code, e.message])).toEqual([['PROTOCOL_VERSION', 'server speaks protocol version 1, client speaks 2 (accepts 2); upgrade the server']]);
    expect(r.log.closes[0]!.code).toBe(PROTOCOL_VERSION_CLOSE_CODE);
    expect(r.log.welcomes).toEqual([]);
  });

  it('does not reconnect when a newer session of its identity replaced it (4006), and says so', async () => {
    let sockets = 0;
    const url = await serve((socket) => {
      sockets++;
      socket.send(encodeFrame('welcome', { protocolVersion: PROTOCOL_VERSION, sessionId: 's', deviceId: 'd' }));
      setImmediate(() => socket.close(SESSION_REPLACED_CLOSE_CODE, 'a newer session of device d replaced this one'));
    });
    const clock = new FakeClock();
    const r = recorder();
    const { connection } = connect(url, r.handlers, clock, () => 0.5);
    connection.start();
    await r.until('errors', 1);
    expect(r.log.closes.map((c) => c.code)).toEqual([SESSION_REPLACED_CLOSE_CODE]);
    expect(r.log.errors.map((e) => e.code)).toEqual(['SESSION_REPLACED']);
    expect(r.log.errors[0]!.message).toContain('a newer session of device d replaced this one');
    expect(connection.active).toBe(false);
    expect(clock.pending()).toEqual([]);
    expect(sockets).toBe(1);
  });

  it('after a rate-limit close (4040) waits at least half the longest back-off before reconnecting', async () => {
    const url = await serve((socket, i) => {
      if (i === 0) return socket.close(4040, 'more than 200 frames per second from one connection');
      socket.send(encodeFrame('welcome', { protocolVersion: PROTOCOL_VERSION, sessionId: 's', deviceId: 'd' }));
    });
    const clock = new FakeClock();
    const r = recorder();
    const { connection } = connect(url, r.handlers, clock, () => 0);
    const armed = clock.nextTimer();
    connection.start();
    await r.until('closes', 1);
    const timer = await armed;
    expect(timer.ms).toBe(500);
    clock.advance(timer.ms);
    await r.until('welcomes', 1);
  });

  it('halt() stops reconnecting; stop() closes the socket without a disconnected report', async () => {
    let sockets = 0;
    const url = await serve((socket) => {
      sockets++;
      socket.send(encodeFrame('welcome', { protocolVersion: PROTOCOL_VERSION, sessionId: 's', deviceId: 'd' }));
    });
    const clock = new FakeClock();
    const r = recorder();
    const { connection } = connect(url, r.handlers, clock, () => 0.5);
    connection.start();
    await r.until('welcomes', 1);
    const closedOnServer = new Promise<void>((resolve) => servers[0]!.clients.forEach((s) => s.on('close', () => resolve())));
    await connection.stop();
    await closedOnServer;
    expect(connection.active).toBe(false);
    expect(connection.connected).toBe(false);
    expect(r.log.closes).toEqual([]);
    expect(clock.pending()).toEqual([]);
    expect(sockets).toBe(1);
    // Sending while closed sends nothing and says so with zero bytes.
    expect(connection.send('checkIn', { streams: [] }).byteLength).toBe(0);
  });

  it('refuses to start without a WebSocket implementation, naming the option', () => {
    const connection = new Connection(
      { url: 'ws://127.0.0.1:1/v1/devices', identity: createIdentity(), sdkVersion: '0', WebSocket: undefined, reconnect: { initialDelayMs: 1, maxDelayMs: 1 }, clock: new FakeClock(), random: () => 0 },
      recorder().handlers,
    );
    expect(() => connection.start()).toThrow(/no WebSocket: pass options.WebSocket/);
    expect(connection.active).toBe(false);
  });
});
