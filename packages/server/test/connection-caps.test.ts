import { describe, expect, it } from 'vitest';
import { connectionCapsFromFlags } from '../src/cli-connection-caps.ts';
import { DEFAULT_CONNECTION_CAPS, InboundRate, TokenBucket, connectionCaps } from '../src/connection-caps.ts';
import { OutboundQueue, type FrameSink } from '../src/outbound-queue.ts';

describe('connection caps', () => {
  it('fill in the defaults and refuse a cap that is not a positive integer, naming it', () => {
    expect(connectionCaps({ maxConnections: 5 })).toEqual({ ...DEFAULT_CONNECTION_CAPS, maxConnections: 5 });
    expect(() => connectionCaps({ maxFramesPerSecond: 0 })).toThrow('connection cap maxFramesPerSecond must be a positive integer, got 0');
    expect(() => connectionCaps({ maxUnauthenticated: 1.5 })).toThrow('connection cap maxUnauthenticated must be a positive integer, got 1.5');
    expect(connectionCaps({ maxByteDebtSeconds: 0.5 }).maxByteDebtSeconds).toBe(0.5);
  });

  it('conclave serve flags set the caps; a bad value is refused naming the flag', () => {
    expect(connectionCapsFromFlags({ maxConnections: '100', maxFramesPerSecond: '20', port: '7300' })).toEqual({ maxConnections: 100, maxFramesPerSecond: 20 });
    expect(() => connectionCapsFromFlags({ maxBytesPerSecond: '-1' })).toThrow('--max-bytes-per-second must be a positive integer, got "-1"');
    expect(() => connectionCapsFromFlags({ maxUnauthenticated: 'lots' })).toThrow('--max-unauthenticated must be a positive integer, got "lots"');
  });
});

describe('TokenBucket and InboundRate', () => {
  it('a bucket holds one burst, refills at its rate, and reports the debt and the time to repay it', () => {
    let t = 0;
    const b = new TokenBucket(10, 10, () => t);
    expect(b.take(10)).toBe(0);
    expect(b.take(1)).toBe(1);
    expect(b.msToRepay(1)).toBe(100);
    t = 1_000;
    expect(b.take(9)).toBe(0);
    t = 100_000;
    // Never more than one burst saved up.
    expect(b.take(11)).toBe(1);
  });

  it('closes past the frame rate (FRAME_RATE_EXCEEDED), pauses past the byte rate, closes past the allowed debt (BYTE_RATE_EXCEEDED)', () => {
    let t = 0;
    const caps = connectionCaps({ maxFramesPerSecond: 3, maxBytesPerSecond: 1_000, maxByteDebtSeconds: 2 });
    const frames = new InboundRate(caps, () => t);
    expect([1, 2, 3].map(() => frames.frame(1).kind)).toEqual(['ok', 'ok', 'ok']);
    expect(frames.frame(1)).toEqual({ kind: 'close', code: 'FRAME_RATE_EXCEEDED', message: 'more than 3 frames per second from one connection' });
    t = 1_000;
    expect(frames.frame(1).kind).toBe('ok');

    const bytes = new InboundRate({ ...caps, maxFramesPerSecond: 100 }, () => t);
    expect(bytes.frame(1_000)).toEqual({ kind: 'ok' });
    expect(bytes.frame(500)).toEqual({ kind: 'pause', ms: 500 });
    expect(bytes.frame(1_400)).toEqual({ kind: 'pause', ms: 1_900 });
    expect(bytes.frame(200)).toEqual({ kind: 'close', code: 'BYTE_RATE_EXCEEDED', message: 'more than 1000 bytes per second from one connection, 2 s ahead of the cap' });
  });
});

/** A socket stand-in whose drain the test controls: frames written so far, and callbacks to run when they are written out. */
function sink(): FrameSink & { sent: number[]; drain(): void } {
  const pending: (() => void)[] = [];
  const s = {
    bufferedAmount: 0,
    sent: [] as number[],
    send(bytes: Uint8Array, done?: (err?: Error) => void) {
      s.sent.push(bytes.byteLength);
      s.bufferedAmount += bytes.byteLength;
      if (done) pending.push(() => done());
    },
    drain() {
      s.bufferedAmount = 0;
      for (const f of pending.splice(0)) f();
    },
  };
  return s;
}

describe('OutboundQueue', () => {
  it('hands the socket at most the high-water mark at once, keeps order, and sends the rest as it drains', () => {
    const s = sink();
    const q = new OutboundQueue(s, { maxBufferedBytes: 1_000, sendHighWaterBytes: 100 });
    for (const n of [60, 30, 50, 40, 70]) expect(q.push(new Uint8Array(n), true)).toBe(true);
    // 60 + 30 fit; 50 crosses the mark and waits for its write; the rest stay queued.
    expect(s.sent).toEqual([60, 30, 50]);
    expect(q.queued).toBe(2);
    s.drain();
    expect(s.sent).toEqual([60, 30, 50, 40, 70]);
    expect(q.queued).toBe(0);
  });

  it('counts a device\'s own unread bytes against its cap (not the shared model frames) and refuses past it', () => {
    const s = sink();
    const q = new OutboundQueue(s, { maxBufferedBytes: 300, sendHighWaterBytes: 100 });
    expect(q.push(new Uint8Array(150))).toBe(true);
    // A shared model frame of any size is queued by reference.
    expect(q.push(new Uint8Array(10_000), true)).toBe(true);
    expect(q.push(new Uint8Array(100))).toBe(true);
    // 150 in the socket's buffer, 100 of its own queued: 100 more would pass 300.
    expect(q.push(new Uint8Array(100))).toBe(false);
    s.drain();
    s.drain();
    expect(q.push(new Uint8Array(100))).toBe(true);
  });

  it('drops what is queued once the connection is gone', () => {
    const s = sink();
    const q = new OutboundQueue(s, { maxBufferedBytes: 1_000, sendHighWaterBytes: 10 });
    q.push(new Uint8Array(20));
    q.push(new Uint8Array(20));
    q.close();
    s.drain();
    expect(s.sent).toEqual([20]);
    expect(q.push(new Uint8Array(20))).toBe(true);
    expect(s.sent).toEqual([20]);
  });
});
