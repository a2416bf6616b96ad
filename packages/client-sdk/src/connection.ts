/**
 * The device's connection to the coordinator: one WebSocket at a time, the authentication
 * handshake (Hello → Challenge → Proof → Welcome, PROTOCOL.md), and reconnects with jittered
 * exponential back-off. The handshake itself is a pure function of the frame; this adapter owns
 * the socket and the timers. The WebSocket constructor is injected: the browser's, or `ws` from
 * the Node face.
 */
import { PROTOCOL_VERSION, authMessage, checkProtocolVersion, decodeFrame, encodeFrame, type BodyName, type BodyOf, type Frame } from '@conclave/proto';
import type { Clock, RandomFloat, TimerHandle } from './clock.ts';
import { ClientError } from './errors.ts';
import { sign, type DeviceIdentity } from './identity.ts';

/** Minimal structural type of a WebSocket (the browser's, or `ws` in Node). */
export interface SocketLike {
  binaryType: string;
  readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
}
export type SocketCtor = new (url: string) => SocketLike;

/** WebSocket readyState OPEN. */
const OPEN = 1;
/** The device closes with this code when the coordinator speaks another protocol version; it then waits the longest back-off. */
export const PROTOCOL_VERSION_CLOSE_CODE = 4001;
/** The coordinator closed this session because a newer one of the same device identity replaced it: the device does not reconnect (PROTOCOL.md §7). */
export const SESSION_REPLACED_CLOSE_CODE = 4006;
/**
 * The coordinator refused or closed the connection for load: too many connections, too many
 * unauthenticated ones, frames or bytes too fast, a send buffer left unread, or a shutdown. The
 * device waits at least half the longest back-off before it tries again (PROTOCOL.md §7).
 */
export const BACK_OFF_CLOSE_CODES: ReadonlySet<number> = new Set([4030, 4031, 4032, 4040, 4041, 4042]);
/** The heartbeat assumed until the coordinator's Welcome says otherwise. */
export const DEFAULT_HEARTBEAT_MS = 15_000;
/** `stop()` waits at most this long for the socket to close. */
export const STOP_CLOSE_WAIT_MS = 1_000;
/** Doublings of the back-off cap stop here (the cap is also bounded by `maxDelayMs`). */
const MAX_BACKOFF_DOUBLINGS = 16;

export interface ReconnectSettings {
  initialDelayMs: number;
  maxDelayMs: number;
}

/**
 * How long to wait before reconnect number `attempt` (1, 2, …) after a close with `closeCode`:
 * exponential back-off with full jitter (uniform under a cap that doubles per attempt up to
 * `maxDelayMs`); a protocol-version mismatch waits `maxDelayMs`, since retrying sooner cannot help;
 * a refusal for load ({@link BACK_OFF_CLOSE_CODES}) waits between half of `maxDelayMs` and all of it,
 * so a crowd refused together does not come back together.
 */
export function reconnectDelay(attempt: number, closeCode: number, settings: ReconnectSettings, random: RandomFloat): number {
  if (closeCode === PROTOCOL_VERSION_CLOSE_CODE) return settings.maxDelayMs;
  if (BACK_OFF_CLOSE_CODES.has(closeCode)) return settings.maxDelayMs * (0.5 + random() / 2);
  const cap = Math.min(settings.maxDelayMs, settings.initialDelayMs * 2 ** Math.min(attempt, MAX_BACKOFF_DOUBLINGS));
  return random() * cap;
}

export interface Welcome {
  sessionId: string;
  deviceId: string;
  heartbeatMs: number;
}

/** What the handshake makes of one frame from the coordinator. */
export type HandshakeStep =
  | { kind: 'reply'; body: 'proof'; message: BodyOf<'proof'> }
  | { kind: 'welcome'; welcome: Welcome }
  | { kind: 'refuse'; error: ClientError }
  | { kind: 'not-handshake' };

/** The Hello a device opens every connection with. */
export function helloMessage(identity: DeviceIdentity, sdkVersion: string, enrollmentToken?: string): BodyOf<'hello'> {
  return { protocolVersion: PROTOCOL_VERSION, sdkVersion, publicKey: identity.publicKey, ...(enrollmentToken ? { enrollmentToken } : {}) };
}

/** The handshake's answer to a frame: sign the challenge, accept or refuse the Welcome. */
export function handshakeStep(frame: Frame, identity: DeviceIdentity): HandshakeStep {
  if (frame.body === 'challenge') {
    return { kind: 'reply', body: 'proof', message: { signature: sign(identity, authMessage(frame.message.nonce ?? new Uint8Array(), identity.publicKey)) } };
  }
  if (frame.body !== 'welcome') return { kind: 'not-handshake' };
  try {
    checkProtocolVersion(frame.message.protocolVersion ?? 0, 'server');
  } catch (err) {
    return { kind: 'refuse', error: new ClientError('PROTOCOL_VERSION', (err as Error).message) };
  }
  return { kind: 'welcome', welcome: { sessionId: frame.message.sessionId ?? '', deviceId: frame.message.deviceId ?? '', heartbeatMs: frame.message.heartbeatMs ?? 0 } };
}

export interface ConnectionOptions {
  url: string;
  /** Other nodes' endpoints: each reconnect goes to the next of `[url, ...urls]`. @default none */
  urls?: readonly string[];
  identity: DeviceIdentity;
  enrollmentToken?: string | undefined;
  sdkVersion: string;
  /** undefined: this runtime has none, and `start()` says so. */
  WebSocket: SocketCtor | undefined;
  reconnect: ReconnectSettings;
  clock: Clock;
  random: RandomFloat;
}

/** What the connection reports to the client that owns it. */
export interface ConnectionHandlers {
  /** The coordinator accepted this device's proof and protocol version. */
  connected(welcome: Welcome): void;
  /** Every frame after the handshake, decoded. */
  frame(frame: Frame): void;
  /** A new socket opened: the frames sent after this are on a new connection. */
  opened?(): void;
  /** A frame was handed to the socket: exactly these bytes (for the frame ledger). */
  sent?(bytes: Uint8Array, body: BodyName, message: BodyOf<BodyName>): void;
  /** The socket closed (not after `stop()`); a reconnect follows while the connection is active. */
  disconnected(event: { code: number; reason: string }): void;
  error(error: ClientError): void;
}

export class Connection {
  readonly #options: ConnectionOptions;
  readonly #handlers: ConnectionHandlers;
  #socket: SocketLike | undefined;
  #active = false;
  #attempt = 0;
  #reconnectTimer: TimerHandle | undefined;
  #heartbeatMs = DEFAULT_HEARTBEAT_MS;
  /** Index into `[url, ...urls]` of the endpoint the next socket opens to. */
  #endpoint = 0;

  constructor(options: ConnectionOptions, handlers: ConnectionHandlers) {
    this.#options = options;
    this.#handlers = handlers;
  }

  /** Started and not halted: the connection reconnects when it loses the socket. */
  get active(): boolean {
    return this.#active;
  }

  /** A socket is open (frames can be sent). */
  get open(): boolean {
    return this.#socket !== undefined && this.#socket.readyState === OPEN;
  }

  /** Has a socket, open or opening. */
  get connected(): boolean {
    return this.#socket !== undefined;
  }

  /** The coordinator's heartbeat interval, from its last Welcome. */
  get heartbeatMs(): number {
    return this.#heartbeatMs;
  }

  /** Reconnect attempts since the last Welcome. */
  get attempt(): number {
    return this.#attempt;
  }

  /** Opens the first socket; throws `CONNECTION_FAILED` when the WebSocket cannot even be constructed (a malformed URL). */
  start(): void {
    if (this.#active) return;
    this.#active = true;
    try {
      this.#connect();
    } catch (err) {
      this.#active = false;
      throw err;
    }
  }

  /** No more reconnects; the current socket stays until the coordinator closes it. */
  halt(): void {
    this.#active = false;
    this.#clearReconnect();
  }

  /** Sends one frame; returns exactly the bytes sent (empty when not connected). */
  send<K extends BodyName>(body: K, message: BodyOf<K>): Uint8Array {
    const socket = this.#socket;
    if (!socket || socket.readyState !== OPEN) return new Uint8Array(0);
    const bytes = encodeFrame(body, message);
    socket.send(bytes);
    this.#handlers.sent?.(bytes, body, message);
    return bytes;
  }

  /** Closes the socket (waiting briefly for the close) and stops reconnecting; no `disconnected` follows. */
  async stop(): Promise<void> {
    this.halt();
    const socket = this.#socket;
    this.#socket = undefined;
    if (!socket || socket.readyState > OPEN) return;
    const { clock } = this.#options;
    await new Promise<void>((resolve) => {
      const timer = clock.setTimeout(resolve, STOP_CLOSE_WAIT_MS);
      socket.onclose = () => {
        clock.clearTimeout(timer);
        resolve();
      };
      socket.close(1000, 'client stopped');
    });
  }

  #clearReconnect(): void {
    if (this.#reconnectTimer !== undefined) this.#options.clock.clearTimeout(this.#reconnectTimer);
    this.#reconnectTimer = undefined;
  }

  #connect(): void {
    this.#reconnectTimer = undefined;
    if (!this.#active) return;
    const { identity, sdkVersion, enrollmentToken } = this.#options;
    const url = this.url;
    const Ctor = this.#options.WebSocket;
    if (!Ctor) throw new ClientError('CONNECTION_FAILED', 'this runtime has no WebSocket: pass options.WebSocket');
    let ws: SocketLike;
    try {
      ws = new Ctor(url);
    } catch (err) {
      throw new ClientError('CONNECTION_FAILED', `cannot open a WebSocket to ${url}: ${(err as Error).message}`);
    }
    this.#socket = ws;
    ws.binaryType = 'arraybuffer';
    ws.onopen = () => {
      if (this.#socket !== ws) return;
      this.#handlers.opened?.();
      this.send('hello', helloMessage(identity, sdkVersion, enrollmentToken));
    };
    ws.onmessage = (ev) => {
      if (this.#socket === ws) this.#receive(ev.data);
    };
    ws.onerror = () => {
      // onclose follows; errors before open are reported there.
    };
    ws.onclose = (ev) => {
      if (this.#socket !== ws) return;
      this.#socket = undefined;
      this.#handlers.disconnected({ code: ev.code, reason: ev.reason });
      if (ev.code === SESSION_REPLACED_CLOSE_CODE) {
        // Another session of this identity is connected now (this device elsewhere, or a copy of
        // its key): reconnecting would only replace it in turn, and then be replaced again.
        this.halt();
        this.#handlers.error(new ClientError('SESSION_REPLACED', `the coordinator closed this session: ${ev.reason || 'a newer session of this device replaced it'}; not reconnecting`));
        return;
      }
      this.#scheduleReconnect(ev.code);
    };
  }

  /** The endpoint the current (or next) socket is for. */
  get url(): string {
    const { url, urls = [] } = this.#options;
    return this.#endpoint === 0 ? url : (urls[this.#endpoint - 1] ?? url);
  }

  #scheduleReconnect(closeCode: number): void {
    if (!this.#active) return;
    this.#attempt += 1;
    // Several coordinator nodes: the one just lost may be gone; the next one is tried first.
    this.#endpoint = (this.#endpoint + 1) % (1 + (this.#options.urls?.length ?? 0));
    const delay = reconnectDelay(this.#attempt, closeCode, this.#options.reconnect, this.#options.random);
    this.#reconnectTimer = this.#options.clock.setTimeout(() => {
      try {
        this.#connect();
      } catch (err) {
        this.halt();
        this.#handlers.error(err as ClientError);
      }
    }, delay);
  }

  #receive(data: unknown): void {
    if (!(data instanceof ArrayBuffer) && !ArrayBuffer.isView(data)) return;
    let frame: Frame;
    try {
      frame = decodeFrame(data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    } catch (err) {
      this.#handlers.error(new ClientError('SERVER_ERROR', `bad frame from the coordinator: ${(err as Error).message}`));
      return;
    }
    const step = handshakeStep(frame, this.#options.identity);
    switch (step.kind) {
      case 'reply':
        this.send(step.body, step.message);
        return;
      case 'refuse':
        this.#handlers.error(step.error);
        this.#socket?.close(PROTOCOL_VERSION_CLOSE_CODE, 'protocol version');
        return;
      case 'welcome':
        this.#attempt = 0;
        this.#heartbeatMs = step.welcome.heartbeatMs || this.#heartbeatMs;
        this.#handlers.connected(step.welcome);
        return;
      case 'not-handshake':
        this.#handlers.frame(frame);
    }
  }
}
