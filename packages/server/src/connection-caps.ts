/**
 * What one device connection, or a crowd of them, may make the coordinator hold or do: the
 * caps on sockets (all, and those that have not proven an identity yet), on what one connection
 * sends per second, and on what the coordinator queues for a device that does not read. Each
 * refusal has its own close code (PROTOCOL.md §7). Pure: the transport asks, these answer.
 */
import type { WireErrorCode } from '@conclave/proto';
import { ServerError } from './errors.ts';

export interface ConnectionCaps {
  /** Connections that have not finished Hello → Challenge → Proof; one more is closed at once (TOO_MANY_UNAUTHENTICATED). @default 1_000 */
  maxUnauthenticated: number;
  /** Device connections at once, authenticated or not; one more is closed at once (TOO_MANY_CONNECTIONS). @default 20_000 */
  maxConnections: number;
  /** Frames one connection may send per second, with a burst of one second's worth (FRAME_RATE_EXCEEDED). @default 200 */
  maxFramesPerSecond: number;
  /**
   * Bytes one connection may send per second. Above it the coordinator stops reading the socket
   * until the rate is back under the cap (TCP slows the sender); a connection more than
   * `maxByteDebtSeconds` of traffic ahead is closed (BYTE_RATE_EXCEEDED). @default 64 MiB
   */
  maxBytesPerSecond: number;
  /** @default 4 */
  maxByteDebtSeconds: number;
  /**
   * Bytes queued for one device that it has not read yet, not counting the model download
   * frames the cohort shares (SLOW_READER beyond). @default 16 MiB
   */
  maxBufferedBytes: number;
  /** The coordinator hands a connection's socket at most this much at once; the rest waits for it to drain. @default 1 MiB */
  sendHighWaterBytes: number;
}

export const DEFAULT_CONNECTION_CAPS: Readonly<ConnectionCaps> = Object.freeze({
  maxUnauthenticated: 1_000,
  maxConnections: 20_000,
  maxFramesPerSecond: 200,
  maxBytesPerSecond: 64 * 1024 * 1024,
  maxByteDebtSeconds: 4,
  maxBufferedBytes: 16 * 1024 * 1024,
  sendHighWaterBytes: 1024 * 1024,
});

/** The caps with the defaults filled in; each given cap must be a positive integer (or a positive number of seconds). */
export function connectionCaps(given: Partial<ConnectionCaps> = {}): ConnectionCaps {
  const caps = { ...DEFAULT_CONNECTION_CAPS, ...given };
  for (const [name, value] of Object.entries(caps)) {
    const ok = name === 'maxByteDebtSeconds' ? Number.isFinite(value) && value > 0 : Number.isSafeInteger(value) && value > 0;
    if (!ok) throw new ServerError('BAD_REQUEST', `connection cap ${name} must be a positive ${name === 'maxByteDebtSeconds' ? 'number' : 'integer'}, got ${value}`);
  }
  return caps;
}

/**
 * A token bucket: `rate` units per second, holding at most `burst`. `take` spends and returns
 * the debt left (0 while within the rate); time comes from `now` (milliseconds).
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(amount: number): number {
    const t = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate);
    this.last = t;
    this.tokens -= amount;
    return this.tokens < 0 ? -this.tokens : 0;
  }

  /** Milliseconds until a debt of `debt` units is paid back. */
  msToRepay(debt: number): number {
    return Math.ceil((debt / this.rate) * 1000);
  }
}

/** What to do with a frame a connection just sent. */
export type InboundVerdict = { kind: 'ok' } | { kind: 'pause'; ms: number } | { kind: 'close'; code: WireErrorCode; message: string };

/** The per-connection rates: frames per second (a hard cap) and bytes per second (back-pressure, then a hard cap). */
export class InboundRate {
  private readonly frames: TokenBucket;
  private readonly bytes: TokenBucket;

  constructor(
    private readonly caps: ConnectionCaps,
    now: () => number,
  ) {
    this.frames = new TokenBucket(caps.maxFramesPerSecond, caps.maxFramesPerSecond, now);
    this.bytes = new TokenBucket(caps.maxBytesPerSecond, caps.maxBytesPerSecond, now);
  }

  frame(byteLength: number): InboundVerdict {
    if (this.frames.take(1) > 0) {
      return { kind: 'close', code: 'FRAME_RATE_EXCEEDED', message: `more than ${this.caps.maxFramesPerSecond} frames per second from one connection` };
    }
    const debt = this.bytes.take(byteLength);
    if (debt === 0) return { kind: 'ok' };
    if (debt > this.caps.maxBytesPerSecond * this.caps.maxByteDebtSeconds) {
      return { kind: 'close', code: 'BYTE_RATE_EXCEEDED', message: `more than ${this.caps.maxBytesPerSecond} bytes per second from one connection, ${this.caps.maxByteDebtSeconds} s ahead of the cap` };
    }
    return { kind: 'pause', ms: this.bytes.msToRepay(debt) };
  }
}
