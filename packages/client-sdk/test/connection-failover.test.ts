/**
 * Failover between coordinator nodes (`urls`): after a lost connection the device reconnects to
 * the next endpoint of `[url, ...urls]`, in turn, over real sockets (three `ws` servers on port
 * 0), with the clock injected so time moves only when the test says so.
 */
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { PROTOCOL_VERSION, encodeFrame } from '@conclave/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { resolveClientOptions } from '../src/client-options.ts';
import { Connection, type SocketCtor } from '../src/connection.ts';
import { createIdentity } from '../src/identity.ts';
import { FakeClock } from './fake-clock.ts';

const servers: WebSocketServer[] = [];
const connections: Connection[] = [];
afterEach(async () => {
  await Promise.all(connections.splice(0).map((c) => c.stop()));
  for (const s of servers.splice(0)) {
    for (const client of s.clients) client.terminate();
    await new Promise((resolve) => s.close(resolve));
  }
});

/** A node that welcomes every device, then drops it at once, recording that it was reached. */
async function node(name: string, reached: string[]): Promise<string> {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  servers.push(wss);
  wss.on('connection', (socket) => {
    reached.push(name);
    socket.send(encodeFrame('welcome', { protocolVersion: PROTOCOL_VERSION, sessionId: name, deviceId: 'd', heartbeatMs: 500 }));
    setImmediate(() => socket.close(1001, 'going away'));
  });
  await once(wss, 'listening');
  return `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/v1/devices`;
}

describe('failover between coordinator nodes', () => {
  it('reconnects to the next node of [url, ...urls] after each lost connection, round the list', async () => {
    const reached: string[] = [];
    const [a, b, c] = [await node('a', reached), await node('b', reached), await node('c', reached)];
    const clock = new FakeClock();
    const closes: number[] = [];
    let wake: (() => void) | undefined;
    const connection = new Connection(
      { url: a, urls: [b, c], identity: createIdentity(), sdkVersion: '9.9.9', WebSocket: WebSocket as unknown as SocketCtor, reconnect: { initialDelayMs: 100, maxDelayMs: 1_000 }, clock, random: () => 0.5 },
      { connected: () => undefined, frame: () => undefined, error: () => undefined, disconnected: (e) => (closes.push(e.code), wake?.()) },
    );
    connections.push(connection);
    connection.start();
    const urls: string[] = [connection.url];
    for (let i = 1; i <= 4; i++) {
      const armed = clock.nextTimer();
      if (closes.length < i) await new Promise<void>((resolve) => (wake = resolve));
      clock.advance((await armed).ms);
      urls.push(connection.url);
    }
    expect(urls).toEqual([a, b, c, a, b]);
    expect(reached.slice(0, 4)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('takes urls as an option beside url, each a ws:// or wss:// URL', () => {
    const url = 'wss://node-1.example.com/v1/devices';
    expect(resolveClientOptions({ url }).urls).toEqual([]);
    expect(resolveClientOptions({ url, urls: ['wss://node-2.example.com/v1/devices'] }).urls).toEqual(['wss://node-2.example.com/v1/devices']);
    expect(() => resolveClientOptions({ url, urls: ['http://node-2'] })).toThrow('urls.0 must be a ws:// or wss:// URL, got "http://node-2"');
  });
});
