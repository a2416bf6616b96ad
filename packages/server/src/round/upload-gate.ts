/**
 * Upload flow control: devices announce an update (UploadStart) and send it only once granted
 * (UploadGrant). At most `maxConcurrent` uploads are in flight, each into a receive buffer taken
 * from a small pool, so the coordinator holds (maxConcurrent + 1) model-sized vectors whatever
 * the cohort size: the running sum and the buffers. Knows no sockets: `grant` returns who may
 * send now and the caller tells them.
 */

/** Receive buffers reused across uploads and rounds of one task (at most `capacity`). */
export class BufferPool {
  private readonly free: Float32Array[] = [];

  constructor(readonly capacity: number) {}

  /** A buffer of `words` entries. Every entry is overwritten by the upload before it is read, so reuse is safe. */
  take(words: number): Float32Array {
    const reused = this.free.at(-1)?.length === words ? this.free.pop() : undefined;
    return reused ?? new Float32Array(words);
  }

  give(buffer: Float32Array, words: number): void {
    if (buffer.length === words && this.free.length < this.capacity) this.free.push(buffer);
  }
}

/** One round's upload queue and slots. `P` is whatever the round calls a participant. */
export class UploadGate<P> {
  /** Announced but not yet granted, in arrival order. */
  private readonly queue: P[] = [];
  /** Granted and receiving, with their buffers. */
  private readonly inFlight = new Map<P, Float32Array>();

  constructor(
    private readonly pool: BufferPool,
    /** Entries of one upload in this round. */
    readonly words: number,
    /** Uploads received at the same time. */
    readonly maxConcurrent: number,
  ) {}

  /** An announced upload waits for its grant (each participant announces once). */
  request(p: P): void {
    this.queue.push(p);
  }

  /**
   * Grants queued uploads while slots are free; each granted upload gets its receive buffer.
   * `stillWaiting` filters out participants that left the queue's status meanwhile.
   */
  grant(stillWaiting: (p: P) => boolean): { participant: P; buffer: Float32Array }[] {
    const granted: { participant: P; buffer: Float32Array }[] = [];
    while (this.inFlight.size < this.maxConcurrent && this.queue.length > 0) {
      const p = this.queue.shift()!;
      if (!stillWaiting(p)) continue;
      const buffer = this.pool.take(this.words);
      this.inFlight.set(p, buffer);
      granted.push({ participant: p, buffer });
    }
    return granted;
  }

  /** Frees a participant's slot (upload complete, refused or dropped) and returns its buffer to the pool. */
  release(p: P): void {
    const buffer = this.inFlight.get(p);
    if (buffer) {
      this.inFlight.delete(p);
      this.pool.give(buffer, this.words);
    }
    const i = this.queue.indexOf(p);
    if (i >= 0) this.queue.splice(i, 1);
  }

  get uploading(): number {
    return this.inFlight.size;
  }

  get waiting(): number {
    return this.queue.length;
  }
}
