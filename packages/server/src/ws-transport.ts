import { FrameDigest } from './frame-digest.ts';
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import {
  DEFAULT_LIMITS,
  PROTOCOL_VERSION,
  ProtoError,
  WIRE_ERROR_CODES,
  checkProtocolVersion,
  decodeFrame,
  encodeFrame,
  type BodyName,
  type BodyOf,
  type WireErrorCode,
  type WireLimits,
} from '@conclave/proto';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { InboundRate, connectionCaps, type ConnectionCaps } from './connection-caps.ts';
import type { Coordinator } from './coordinator.ts';
import type { DeviceLink, DeviceSession } from './device-link.ts';
import { OutboundQueue } from './outbound-queue.ts';
import { attemptHex } from './round/attempt.ts';
import { toErrorInfo } from './errors.ts';
import { deviceIdOf, hashToken, verifyProof } from './identity.ts';
import type { Metrics } from './metrics.ts';

export interface DeviceTransportOptions {
  /** URL path devices connect to. @default '/v1/devices' */
  path?: string;
  limits?: WireLimits;
  /** A connection must say Hello within this time. @default 10_000 */
  helloTimeoutMs?: number;
  /** Ping interval; a device that misses two pongs is disconnected. @default 15_000 */
  heartbeatMs?: number;
  /** Caps on sockets, per-connection rates and unread bytes (connection-caps.ts for the defaults). */
  caps?: Partial<ConnectionCaps>;
  metrics?: Metrics;
}

/** Late-report notices remembered per connection (one notice per round attempt). */
const LATE_NOTICES_KEPT = 16;

/**
 * The thin adapter between `ws` and the coordinator: framing, the Hello/version handshake,
 * size caps (ws `maxPayload` and the decoder's caps), ping/pong heartbeats, the caps on
 * connections and rates (connection-caps.ts), paced sending (outbound-queue.ts) and close codes.
 */
export class DeviceTransport {
  private readonly wss: WebSocketServer;
  private readonly limits: WireLimits;
  private readonly heartbeatMs: number;
  private readonly helloTimeoutMs: number;
  private heartbeat: NodeJS.Timeout | undefined;
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly caps: ConnectionCaps;
  /** Connections that have not yet proven an identity. */
  private unauthenticated = 0;

  constructor(
    server: HttpServer,
    private readonly coordinator: Coordinator,
    private readonly options: DeviceTransportOptions = {},
  ) {
    this.limits = options.limits ?? DEFAULT_LIMITS;
    this.heartbeatMs = options.heartbeatMs ?? 15_000;
    this.helloTimeoutMs = options.helloTimeoutMs ?? 10_000;
    this.caps = connectionCaps(options.caps);
    this.wss = new WebSocketServer({ server, path: options.path ?? '/v1/devices', maxPayload: this.limits.maxFrameBytes });
    this.wss.on('connection', (ws, req) => this.onConnection(ws, req));
    this.wss.on('error', (err) => coordinator.logger.error({ err }, 'websocket server error'));
    this.heartbeat = setInterval(() => this.sweep(), this.heartbeatMs);
    this.heartbeat.unref();
  }

  private sweep(): void {
    for (const ws of this.wss.clients) {
      if (this.alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }

  /** Closes a connection the caps do not admit, before it costs anything more. */
  private refuse(ws: WebSocket, code: WireErrorCode, message: string): void {
    this.options.metrics?.deviceErrors.inc({ code });
    ws.send(encodeFrame('error', { code, message, fatal: true }));
    ws.close(WIRE_ERROR_CODES[code], message.slice(0, 120));
    setTimeout(() => ws.terminate(), 2_000).unref();
  }

  private onConnection(ws: WebSocket, req: IncomingMessage): void {
    const log = this.coordinator.logger;
    const metrics = this.options.metrics;
    // `wss.clients` already holds this connection.
    if (this.wss.clients.size > this.caps.maxConnections) {
      return this.refuse(ws, 'TOO_MANY_CONNECTIONS', `the coordinator holds its maximum of ${this.caps.maxConnections} device connections; try again later`);
    }
    if (this.unauthenticated >= this.caps.maxUnauthenticated) {
      return this.refuse(ws, 'TOO_MANY_UNAUTHENTICATED', `${this.caps.maxUnauthenticated} connections are still proving their identity; try again later`);
    }
    this.unauthenticated += 1;
    let unproven = true;
    const proven = () => {
      if (unproven) this.unauthenticated -= 1;
      unproven = false;
    };
    this.alive.set(ws, true);
    ws.on('pong', () => this.alive.set(ws, true));
    let session: DeviceSession | undefined;
    let handshake: { publicKey: Uint8Array; deviceId: string; nonce: Uint8Array; enrollToken: string | undefined } | undefined;
    let closed = false;
    // A store lookup of the handshake is in flight: the device must wait for its answer.
    let pending = false;

    let failed = false;
    const outbound = new OutboundQueue({ get bufferedAmount() { return ws.bufferedAmount; }, send: (bytes, done) => ws.send(bytes, done) }, this.caps);
    // `shared`: a model download frame the whole cohort shares (queued by reference, not counted against the device's cap).
    const sendRaw = (bytes: Uint8Array, shared = false) => {
      if (ws.readyState !== ws.OPEN || failed) return;
      if (!outbound.push(bytes, shared)) return slowReader();
      metrics?.bytesOut.inc(bytes.byteLength);
      if (session) session.bytesOut += bytes.byteLength;
    };
    const fail = (code: WireErrorCode, message: string) => {
      if (failed) return;
      failed = true;
      // The Error frame goes ahead of anything still queued: the connection ends here.
      outbound.close();
      if (ws.readyState === ws.OPEN) ws.send(encodeFrame('error', { code, message, fatal: true }));
      // Close reasons are limited to 123 bytes by RFC 6455.
      ws.close(WIRE_ERROR_CODES[code], Buffer.from(message).subarray(0, 120).toString());
      setTimeout(() => ws.terminate(), 2_000).unref();
    };
    const slowReader = () => {
      const message = `more than ${this.caps.maxBufferedBytes} bytes sent to this device are still unread`;
      log.warn({ device: session?.link.deviceId, code: 'SLOW_READER' }, message);
      metrics?.deviceErrors.inc({ code: 'SLOW_READER' });
      fail('SLOW_READER', message);
    };
    const rate = new InboundRate(this.caps, () => performance.now());
    let paused = false;
    // One notice per round attempt a late message named (a device's in-flight chunks all arrive late together).
    const lateNoticed = new Set<string>();

    const helloTimer = setTimeout(() => fail('HELLO_TIMEOUT', `no Hello and identity proof within ${this.helloTimeoutMs} ms of connecting`), this.helloTimeoutMs);
    helloTimer.unref();

    // Every frame the device sends, hashed as it arrived: the device's ledger computes the same.
    const digest = new FrameDigest();
    ws.on('message', async (data: RawData, isBinary: boolean) => {
      if (failed) return;
      // ws hands over a Buffer by default; wrap (never copy) anything else.
      const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
      const verdict = rate.frame(bytes.byteLength);
      if (verdict.kind === 'close') {
        log.warn({ device: session?.link.deviceId, code: verdict.code }, verdict.message);
        metrics?.deviceErrors.inc({ code: verdict.code });
        return fail(verdict.code, verdict.message);
      }
      if (verdict.kind === 'pause' && !paused) {
        // Over the byte rate: stop reading until it is paid back; TCP slows the sender meanwhile.
        paused = true;
        ws.pause();
        setTimeout(() => {
          paused = false;
          ws.resume();
        }, verdict.ms).unref();
      }
      if (isBinary) digest.add(bytes);
      metrics?.bytesIn.inc(bytes.byteLength);
      if (session) session.bytesIn += bytes.byteLength;
      if (!isBinary) return fail('MALFORMED_FRAME', 'text frames are not part of the protocol; send binary Envelope frames');
      let frame;
      try {
        frame = decodeFrame(bytes, this.limits);
      } catch (err) {
        const info = err instanceof ProtoError ? err : new ProtoError('MALFORMED_FRAME', String(err));
        log.warn({ device: session?.link.deviceId, code: info.code }, info.message);
        metrics?.deviceErrors.inc({ code: info.code });
        return fail(info.code, info.message);
      }
      if (!session) {
        if (pending) return fail('UNEXPECTED_MESSAGE', `${frame.body} sent before the coordinator answered the previous handshake frame`);
        if (!handshake) {
          if (frame.body !== 'hello') return fail('UNEXPECTED_MESSAGE', `the first frame must be hello, got ${frame.body}`);
          try {
            checkProtocolVersion(frame.message.protocolVersion ?? 0, 'client');
          } catch (err) {
            const e = err as ProtoError;
            metrics?.deviceErrors.inc({ code: e.code });
            return fail(e.code, e.message);
          }
          const publicKey = frame.message.publicKey ?? new Uint8Array();
          if (publicKey.byteLength !== 32) return fail('MALFORMED_FRAME', `hello.publicKey must be a 32-byte Ed25519 key, got ${publicKey.byteLength} bytes`);
          const deviceId = deviceIdOf(publicKey);
          let known;
          pending = true;
          try {
            known = await this.coordinator.store.getDevice(deviceId);
          } catch (err) {
            log.error({ err, device: deviceId }, 'reading the device record failed');
            return fail('INTERNAL', `internal error: ${toErrorInfo(err).message}`);
          } finally {
            pending = false;
          }
          if (closed) return;
          if (known?.revokedAt) {
            return fail('DEVICE_REVOKED', `device ${deviceId} was revoked on ${new Date(known.revokedAt).toISOString()}${known.revokedReason ? ` (${known.revokedReason})` : ''} and can never join again`);
          }
          const token = frame.message.enrollmentToken ?? '';
          if (!known?.publicKey && !token) {
            return fail('UNAUTHENTICATED', `device ${deviceId} is not enrolled; enroll it with a single-use token from \`conclave enroll\``);
          }
          handshake = { publicKey: new Uint8Array(publicKey), deviceId, nonce: randomBytes(32), enrollToken: known?.publicKey ? undefined : token };
          sendRaw(encodeFrame('challenge', { nonce: handshake.nonce }));
          return;
        }
        if (frame.body !== 'proof') return fail('UNEXPECTED_MESSAGE', `expected proof after challenge, got ${frame.body}`);
        clearTimeout(helloTimer);
        const { publicKey, deviceId, nonce, enrollToken } = handshake;
        if (!verifyProof(publicKey, nonce, frame.message.signature ?? new Uint8Array())) {
          return fail('UNAUTHENTICATED', `identity proof for device ${deviceId} failed: the signature does not verify`);
        }
        if (enrollToken !== undefined) {
          pending = true;
          try {
            await this.coordinator.store.enrollDevice(hashToken(enrollToken), deviceId, publicKey, Date.now());
            log.info({ device: deviceId }, 'device enrolled');
          } catch (err) {
            const info = toErrorInfo(err);
            return fail(info.code === 'DEVICE_REVOKED' ? 'DEVICE_REVOKED' : 'UNAUTHENTICATED', info.message);
          } finally {
            pending = false;
          }
          if (closed) return;
        }
        const link: DeviceLink = {
          sessionId: randomUUID(),
          deviceId,
          send: <K extends BodyName>(body: K, message: BodyOf<K>) => sendRaw(encodeFrame(body, message)),
          sendEncoded: (frame) => sendRaw(frame, true),
          frameDigest: () => ({ frames: digest.frames, runningHash: digest.runningHash }),
          error: (code, message, fatal, context) => {
            // A replaced session did nothing wrong: it is closed, not counted.
            if (code !== 'SESSION_REPLACED') metrics?.deviceErrors.inc({ code });
            if (fatal) return fail(code, message);
            sendRaw(encodeFrame('error', { code, message, fatal: false, taskId: context?.taskId ?? '', round: context?.round ?? 0, ...(context?.attemptId ? { attemptId: context.attemptId } : {}) }));
          },
          late: ({ taskId, round, attemptId }, reason) => {
            const key = `${taskId}#${round}#${attemptHex(attemptId)}`;
            if (lateNoticed.has(key)) return;
            lateNoticed.add(key);
            if (lateNoticed.size > LATE_NOTICES_KEPT) lateNoticed.delete(lateNoticed.values().next().value!);
            metrics?.lateReports.inc();
            log.info({ device: deviceId, taskId, round, attempt: attemptHex(attemptId), reason }, 'late report');
            sendRaw(encodeFrame('roundClosed', { taskId, round, attemptId, reason, late: true }));
          },
        };
        proven();
        session = { link, bytesIn: bytes.byteLength, bytesOut: 0 };
        this.coordinator.addSession(session);
        metrics?.connectedDevices.set(this.coordinator.connectedDevices);
        link.send('welcome', {
          protocolVersion: PROTOCOL_VERSION,
          sessionId: link.sessionId,
          heartbeatMs: this.heartbeatMs,
          maxFrameBytes: this.limits.maxFrameBytes,
          deviceId,
        });
        return;
      }
      try {
        this.coordinator.handle(session, frame);
      } catch (err) {
        // A bug handling one device's frame must not take the coordinator down.
        const info = toErrorInfo(err);
        log.error({ err, device: session.link.deviceId }, 'error handling device frame');
        fail('INTERNAL', `internal error: ${info.message}`);
      }
    });

    ws.on('error', (err) => {
      // ws reports oversized frames (1009) and protocol errors here before closing.
      log.warn({ device: session?.link.deviceId, err: err.message, remote: req.socket.remoteAddress }, 'device connection error');
      metrics?.deviceErrors.inc({ code: 'MESSAGE_TOO_LARGE' in err ? 'MESSAGE_TOO_LARGE' : 'CONNECTION_ERROR' });
    });

    ws.on('close', (code) => {
      clearTimeout(helloTimer);
      if (closed) return;
      closed = true;
      proven();
      outbound.close();
      if (session) {
        this.coordinator.removeSession(session, `connection closed (code ${code})`);
        metrics?.connectedDevices.set(this.coordinator.connectedDevices);
      }
    });
  }

  /** Closes every device connection and the server. */
  async close(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) {
      try {
        ws.send(encodeFrame('error', { code: 'SERVER_SHUTTING_DOWN', message: 'the coordinator is shutting down; reconnect later', fatal: true }));
      } catch {
        // The socket may already be gone.
      }
      ws.close(WIRE_ERROR_CODES.SERVER_SHUTTING_DOWN, 'coordinator shutting down');
      setTimeout(() => ws.terminate(), 1_000).unref();
    }
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}
