/**
 * A coordinator that lies, over the real wire: devices connect to this relay as they would to
 * their coordinator; it opens a connection to a real coordinator for each device and passes
 * every frame through, except what its `rewrite` hook changes on the way to the device. The
 * real coordinator runs the protocol; the relay plays the part of a coordinator that changed a
 * task after approval, serves a forked log or runs an unapproved task. It records every frame
 * the devices send, so a test can show what left them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeFrame, encodeFrame, type BodyName, type BodyOf, type Frame } from '@conclave/proto';
import WebSocket, { WebSocketServer } from 'ws';

/**
 * Returns the frame to send the device instead (or the same frame, or null to drop it).
 * `device` numbers the devices' connections in the order they were made, from 0.
 */
export type Rewrite = (frame: Frame, device: number) => Frame | null | Promise<Frame | null>;

export class HostileRelay {
  /** Every frame devices sent, in order, decoded. */
  readonly fromDevices: Frame[] = [];
  rewrite: Rewrite = (f) => f;
  readonly #http: Server;
  readonly #wss: WebSocketServer;
  readonly #sockets = new Set<WebSocket>();
  readonly #waiters: { pred: () => boolean; resolve: () => void }[] = [];

  private constructor(http: Server, wss: WebSocketServer, readonly url: string) {
    this.#http = http;
    this.#wss = wss;
  }

  static async start(upstreamUrl: string): Promise<HostileRelay> {
    const http = createServer();
    const wss = new WebSocketServer({ server: http });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
    const relay = new HostileRelay(http, wss, `ws://127.0.0.1:${(http.address() as AddressInfo).port}/v1/devices`);
    let connections = 0;
    wss.on('connection', (device) => relay.#pipe(device, upstreamUrl, connections++));
    return relay;
  }

  #pipe(device: WebSocket, upstreamUrl: string, index: number): void {
    const upstream = new WebSocket(upstreamUrl);
    this.#sockets.add(device).add(upstream);
    const pending: Buffer[] = [];
    // Frames to the device keep their order even when a rewrite is asynchronous.
    let toDevice: Promise<void> = Promise.resolve();
    upstream.on('open', () => {
      for (const data of pending.splice(0)) upstream.send(data);
    });
    device.on('message', (data: Buffer) => {
      this.fromDevices.push(decodeFrame(new Uint8Array(data)));
      for (const w of [...this.#waiters]) {
        if (w.pred()) {
          this.#waiters.splice(this.#waiters.indexOf(w), 1);
          w.resolve();
        }
      }
      if (upstream.readyState === WebSocket.OPEN) upstream.send(data);
      else pending.push(data);
    });
    upstream.on('message', (data: Buffer) => {
      toDevice = toDevice.then(async () => {
        const out = await this.rewrite(decodeFrame(new Uint8Array(data)), index);
        if (out && device.readyState === WebSocket.OPEN) device.send(encodeFrame(out.body, out.message as never));
      }).catch((err: unknown) => {
        // A rewrite that throws is a bug in the test: make it visible, keep the pipe going.
        console.error('hostile relay rewrite failed', err);
      });
    });
    const closeBoth = () => {
      if (device.readyState === WebSocket.OPEN) device.close();
      if (upstream.readyState === WebSocket.OPEN) upstream.close();
    };
    device.on('close', closeBoth);
    upstream.on('close', closeBoth);
    device.on('error', closeBoth);
    upstream.on('error', closeBoth);
  }

  /** Frames of one kind the devices sent. */
  sent<K extends BodyName>(body: K): BodyOf<K>[] {
    return this.fromDevices.filter((f) => f.body === body).map((f) => f.message as unknown as BodyOf<K>);
  }

  /** Resolves once what the devices sent satisfies `pred` (checked after each frame they send). */
  until(pred: () => boolean): Promise<void> {
    if (pred()) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push({ pred, resolve }));
  }

  async close(): Promise<void> {
    for (const s of this.#sockets) s.terminate();
    await new Promise<void>((resolve) => this.#wss.close(() => resolve()));
    this.#http.closeAllConnections();
    await new Promise<void>((resolve) => this.#http.close(() => resolve()));
  }
}
