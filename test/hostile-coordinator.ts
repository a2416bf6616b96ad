/**
 * A coordinator that lies, for the hostile-coordinator e2e test: it speaks the real wire
 * protocol to real SDK clients over a real socket (port 0), completes their handshake, and then
 * hands the test full control over every frame it sends. It keeps everything each device sent,
 * so a test can assert what a device did not send.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { PROTOCOL_VERSION, authMessage, decodeFrame, deviceIdFor, encodeFrame, type BodyName, type BodyOf, type Frame } from '@conclave/proto';
import nacl from 'tweetnacl';
import { WebSocketServer, type WebSocket } from 'ws';

export interface HostileDevice {
  readonly deviceId: string;
  readonly publicKey: Uint8Array;
  /** Every frame the device sent after the handshake, in order. */
  readonly sent: Frame[];
  send<K extends BodyName>(body: K, message: BodyOf<K>): void;
  /** The next frame of this kind from the device (one already received and not yet taken counts). */
  next<K extends BodyName>(body: K, pred?: (m: BodyOf<K>) => boolean): Promise<BodyOf<K>>;
}

export class HostileCoordinator {
  readonly devices = new Map<string, HostileDevice>();
  readonly #wss: WebSocketServer;
  readonly #arrivals: (() => void)[] = [];

  private constructor(wss: WebSocketServer) {
    this.#wss = wss;
    wss.on('connection', (ws) => this.#accept(ws));
  }

  static async start(): Promise<HostileCoordinator> {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', maxPayload: 8 * 1024 * 1024 });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    return new HostileCoordinator(wss);
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.#wss.address() as AddressInfo).port}/v1/devices`;
  }

  /** Resolves once `n` devices have authenticated and checked in (in the order they arrived). */
  async checkedIn(n: number): Promise<HostileDevice[]> {
    while (this.devices.size < n) await new Promise<void>((resolve) => this.#arrivals.push(resolve));
    const list = [...this.devices.values()].slice(0, n);
    await Promise.all(list.map((d) => d.next('checkIn')));
    return list;
  }

  async close(): Promise<void> {
    for (const ws of this.#wss.clients) ws.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
  }

  #accept(ws: WebSocket): void {
    const frames: Frame[] = [];
    const waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
    const take = (match: (f: Frame) => boolean): Promise<Frame> => {
      const i = frames.findIndex(match);
      if (i >= 0) return Promise.resolve(frames.splice(i, 1)[0] as Frame);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    };
    const sent: Frame[] = [];
    const send = <K extends BodyName>(body: K, message: BodyOf<K>) => ws.send(encodeFrame(body, message));
    let device: HostileDevice | undefined;
    ws.on('message', (data: Buffer) => {
      const frame = decodeFrame(new Uint8Array(data), { maxFrameBytes: 8 * 1024 * 1024, maxChunkBytes: 8 * 1024 * 1024, maxStringLength: 256, maxJsonLength: 262_144, maxListLength: 64, maxModelBytes: 268_435_456 });
      if (device) sent.push(frame);
      const w = waiters.findIndex((x) => x.match(frame));
      if (w >= 0) waiters.splice(w, 1)[0]!.resolve(frame);
      else frames.push(frame);
    });
    void (async () => {
      const hello = (await take((f) => f.body === 'hello')).message as BodyOf<'hello'>;
      const publicKey = new Uint8Array(hello.publicKey ?? []);
      const nonce = new Uint8Array(randomBytes(32));
      send('challenge', { nonce });
      const proof = (await take((f) => f.body === 'proof')).message as BodyOf<'proof'>;
      if (!nacl.sign.detached.verify(authMessage(nonce, publicKey), proof.signature ?? new Uint8Array(), publicKey)) return void ws.close(4020, 'bad proof');
      const deviceId = await deviceIdFor(publicKey);
      device = {
        deviceId,
        publicKey,
        sent,
        send,
        next: <K extends BodyName>(body: K, pred: (m: BodyOf<K>) => boolean = () => true) =>
          take((f) => f.body === body && pred(f.message as BodyOf<K>)).then((f) => f.message as BodyOf<K>),
      };
      this.devices.set(deviceId, device);
      send('welcome', { protocolVersion: PROTOCOL_VERSION, sessionId: deviceId, heartbeatMs: 60_000, maxFrameBytes: 8 * 1024 * 1024, deviceId });
      for (const arrive of this.#arrivals.splice(0)) arrive();
    })();
  }
}
