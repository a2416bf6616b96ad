import { PROTOCOL_VERSION, authMessage, decodeFrame, deviceIdFor, encodeFrame, type BodyName, type BodyOf, type Frame } from '@conclave/proto';
import nacl from 'tweetnacl';
import WebSocket from 'ws';

/** Messages a device sends for one round: they carry the round's attempt id. */
const ROUND_SCOPED: ReadonlySet<BodyName> = new Set<BodyName>(['uploadStart', 'uploadChunk', 'secagg', 'withdraw', 'progress']);

/**
 * A hand-driven device speaking the wire protocol directly, for sending what a well-behaved
 * SDK never would: wrong versions, malformed frames, stale or wrong-length updates.
 */
export class RawDevice {
  readonly frames: Frame[] = [];
  private waiters: { pred: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  /** The attempt id of the latest Selected per task and round, echoed like the SDK does (PROTOCOL.md §6). */
  private readonly attempts = new Map<string, Uint8Array>();
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => {
      const frame = decodeFrame(new Uint8Array(data));
      if (frame.body === 'selected' && frame.message.attemptId) this.attempts.set(`${frame.message.taskId}#${frame.message.round}`, frame.message.attemptId);
      this.frames.push(frame);
      for (const w of [...this.waiters]) {
        if (w.pred(frame)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(frame);
        }
      }
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static async connect(url: string): Promise<RawDevice> {
    const ws = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new RawDevice(ws);
  }

  /** This device's Ed25519 identity (fresh unless given). */
  keys = nacl.sign.keyPair();
  deviceId = '';

  /** Says Hello with this device's key (and a token, to enroll) and answers the challenge. */
  async authenticate(enrollmentToken?: string): Promise<BodyOf<'welcome'>> {
    this.send('hello', { protocolVersion: PROTOCOL_VERSION, sdkVersion: 'raw', publicKey: this.keys.publicKey, ...(enrollmentToken ? { enrollmentToken } : {}) });
    const challenge = await this.next('challenge');
    this.send('proof', { signature: nacl.sign.detached(authMessage(challenge.nonce!, this.keys.publicKey), this.keys.secretKey) });
    const welcome = await this.next('welcome');
    this.deviceId = welcome.deviceId!;
    if (this.deviceId !== (await deviceIdFor(this.keys.publicKey))) throw new Error('coordinator derived another device id');
    return welcome;
  }

  /** Connects, enrolls with `token`, and checks in for `streams`. */
  static async enrolled(url: string, token: string, streams: string[], keys?: nacl.SignKeyPair): Promise<RawDevice> {
    const d = await RawDevice.connect(url);
    if (keys) d.keys = keys;
    await d.authenticate(token);
    d.send('checkIn', { streams, eligible: true });
    return d;
  }

  /**
   * Sends one frame. A round-scoped message without an `attemptId` gets the one of the latest
   * Selected for its task and round, as the SDK's would; pass one (even empty) to send another.
   */
  send<K extends BodyName>(body: K, message: BodyOf<K>): void {
    const m = message as { taskId?: string | null; round?: number | null; attemptId?: Uint8Array | null };
    const attemptId = ROUND_SCOPED.has(body) && m.attemptId === undefined ? this.attempts.get(`${m.taskId}#${m.round}`) : undefined;
    this.ws.send(encodeFrame(body, attemptId ? { ...message, attemptId } : message));
  }

  /** The next frame of this kind (including one already received and not yet consumed). */
  next<K extends BodyName>(body: K, pred: (m: BodyOf<K>) => boolean = () => true): Promise<BodyOf<K>> {
    const match = (f: Frame) => f.body === body && pred(f.message as BodyOf<K>);
    const i = this.frames.findIndex(match);
    if (i >= 0) return Promise.resolve(this.frames.splice(i, 1)[0]!.message as BodyOf<K>);
    return new Promise((resolve) =>
      this.waiters.push({
        pred: match,
        resolve: (f) => {
          this.frames.splice(this.frames.indexOf(f), 1);
          resolve(f.message as BodyOf<K>);
        },
      }),
    );
  }

  close(): void {
    this.ws.close();
  }
}
