import type { Example } from './train/types.ts';

export interface StoredExample extends Example {
  id: number;
  recordedAt: number;
}

/**
 * Where a device keeps its examples. Examples never leave the device; only model updates do.
 * Implementations: in memory (here) and durable SQLite for Node (sqlite-example-store.ts).
 */
export interface ExampleStore {
  add(stream: string, example: Example, now: number): void | Promise<void>;
  list(stream: string, limit?: number): StoredExample[] | Promise<StoredExample[]>;
  counts(): Record<string, number> | Promise<Record<string, number>>;
  deleteStream(stream: string): void | Promise<void>;
  close(): void | Promise<void>;
}

export interface RetentionLimits {
  /** Most examples kept per stream; the oldest go first. @default 10_000 */
  maxPerStream: number;
}

export class MemoryExampleStore implements ExampleStore {
  private readonly streams = new Map<string, StoredExample[]>();
  private nextId = 1;
  constructor(private readonly retention: RetentionLimits = { maxPerStream: 10_000 }) {}

  add(stream: string, example: Example, now: number): void {
    const list = this.streams.get(stream) ?? [];
    list.push({ ...example, id: this.nextId++, recordedAt: now });
    if (list.length > this.retention.maxPerStream) list.splice(0, list.length - this.retention.maxPerStream);
    this.streams.set(stream, list);
  }

  list(stream: string, limit = Infinity): StoredExample[] {
    return (this.streams.get(stream) ?? []).slice(-limit);
  }

  counts(): Record<string, number> {
    return Object.fromEntries([...this.streams].map(([s, l]) => [s, l.length]));
  }

  deleteStream(stream: string): void {
    this.streams.delete(stream);
  }

  close(): void {}
}

/**
 * Deterministic held-out split: an example is for evaluation when a hash of its id falls under
 * `fraction`, so the same example stays on the same side in every round.
 */
export function isHeldOut(id: number, fraction: number): boolean {
  let h = Math.imul(id ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296 < fraction;
}
