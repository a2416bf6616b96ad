/**
 * A Clock for tests: time moves only when the test calls `advance`, and every armed timer is
 * visible with its delay, so back-off and re-check schedules are asserted exactly, without sleeps.
 */
import type { Clock, TimerHandle } from '../src/clock.ts';

export interface FakeTimer {
  id: number;
  /** When it fires, on this clock. */
  at: number;
  /** The delay it was armed with. */
  ms: number;
  unref: boolean;
  fn: () => void;
}

export class FakeClock implements Clock {
  #now: number;
  #nextId = 1;
  readonly #timers = new Map<number, FakeTimer>();
  readonly #armed: ((t: FakeTimer) => void)[] = [];
  /** Every timer ever armed, in order. */
  readonly history: FakeTimer[] = [];

  constructor(start = Date.UTC(2026, 11, 4, 9, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimeout(fn: () => void, ms: number, options?: { unref?: boolean }): TimerHandle {
    const timer: FakeTimer = { id: this.#nextId++, at: this.#now + ms, ms, unref: !!options?.unref, fn };
    this.#timers.set(timer.id, timer);
    this.history.push(timer);
    for (const waiter of this.#armed.splice(0)) waiter(timer);
    return timer.id;
  }

  clearTimeout(handle: TimerHandle): void {
    this.#timers.delete(handle as number);
  }

  /** Timers armed and not yet fired or cleared, soonest first. */
  pending(): FakeTimer[] {
    return [...this.#timers.values()].sort((a, b) => a.at - b.at || a.id - b.id);
  }

  /** Resolves with the next timer armed from now on. */
  nextTimer(): Promise<FakeTimer> {
    return new Promise((resolve) => this.#armed.push(resolve));
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.#now + ms;
    for (;;) {
      const due = this.pending().find((t) => t.at <= until);
      if (!due) break;
      this.#timers.delete(due.id);
      this.#now = due.at;
      due.fn();
    }
    this.#now = until;
  }
}
