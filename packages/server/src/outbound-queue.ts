/**
 * The frames on their way to one device, handed to its socket only as fast as the socket
 * drains, so a device that reads slowly (or not at all) never makes the coordinator buffer
 * without bound. Model download frames are encoded once and shared by the whole cohort: queueing
 * them holds a reference, not a copy, so they do not count against the device's cap; every other
 * frame does, and a device with more than `maxBufferedBytes` unread is refused (SLOW_READER).
 */
import type { ConnectionCaps } from './connection-caps.ts';

/** The socket side of the queue (`ws` WebSocket). */
export interface FrameSink {
  /** Bytes handed to the socket and not yet written out. */
  readonly bufferedAmount: number;
  /** `done` runs once the frame is written out (or with an error when the socket closed). */
  send(bytes: Uint8Array, done?: (err?: Error) => void): void;
}

export class OutboundQueue {
  private readonly queue: { bytes: Uint8Array; shared: boolean }[] = [];
  /** Bytes of queued frames that belong to this device alone. */
  private ownBytes = 0;
  /** A frame that crossed the high-water mark is being written out; the pump waits for it. */
  private waiting = false;
  private closed = false;

  constructor(
    private readonly sink: FrameSink,
    private readonly caps: Pick<ConnectionCaps, 'maxBufferedBytes' | 'sendHighWaterBytes'>,
  ) {}

  /** Queues a frame and sends what the socket can take. False (nothing queued) when the device has left too much unread. */
  push(bytes: Uint8Array, shared = false): boolean {
    if (this.closed) return true;
    if (!shared && this.ownBytes + this.sink.bufferedAmount + bytes.byteLength > this.caps.maxBufferedBytes) return false;
    this.queue.push({ bytes, shared });
    if (!shared) this.ownBytes += bytes.byteLength;
    this.pump();
    return true;
  }

  /** Frames not yet handed to the socket. */
  get queued(): number {
    return this.queue.length;
  }

  /** The connection is gone: drop what is queued. */
  close(): void {
    this.closed = true;
    this.queue.length = 0;
    this.ownBytes = 0;
  }

  private pump(): void {
    while (!this.waiting && !this.closed && this.queue.length > 0) {
      const { bytes, shared } = this.queue.shift()!;
      if (!shared) this.ownBytes -= bytes.byteLength;
      if (this.sink.bufferedAmount + bytes.byteLength <= this.caps.sendHighWaterBytes) {
        this.sink.send(bytes);
        continue;
      }
      this.waiting = true;
      this.sink.send(bytes, (err) => {
        this.waiting = false;
        if (err) return this.close();
        this.pump();
      });
    }
  }
}
