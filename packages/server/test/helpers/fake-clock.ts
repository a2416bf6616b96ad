import type { Clock, Timer } from '../../src/clock.ts';

interface FakeTimer {
  at: number;
  seq: number;
  fn: () => void;
}

/**
 * A clock whose time moves only when a test says so. `advance` runs every timer that falls
 * due, in deadline order (timers armed by those callbacks run too when they fall due).
 */
export class FakeClock implements Clock {
  private t: number;
  private seq = 0;
  private readonly timers = new Set<FakeTimer>();

  constructor(start = Date.UTC(2026, 11, 4)) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): Timer {
    const timer: FakeTimer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn };
    this.timers.add(timer);
    return timer;
  }

  clearTimeout(timer: Timer): void {
    this.timers.delete(timer as FakeTimer);
  }

  /** Timers armed and not yet fired, by deadline. */
  pending(): number[] {
    return [...this.timers].map((t) => t.at).sort((a, b) => a - b);
  }

  /** Moves time forward by `ms`, firing what falls due on the way. */
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = [...this.timers].filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.seq - b.seq)[0];
      if (!due) break;
      this.timers.delete(due);
      this.t = Math.max(this.t, due.at);
      due.fn();
    }
    this.t = end;
  }
}
