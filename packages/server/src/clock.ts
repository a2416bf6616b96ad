/**
 * Time as the coordinator's round code sees it: the current time and one-shot timers. The
 * coordinator passes {@link systemClock}; tests pass a fake one and move time by hand, so every
 * deadline (selection, each secure-aggregation phase, reporting) is tested without waiting.
 */
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Calls `fn` once, `ms` milliseconds from now. A timer never keeps the process alive. */
  setTimeout(fn: () => void, ms: number): Timer;
  clearTimeout(timer: Timer): void;
}

/** An opaque handle from {@link Clock.setTimeout}. */
export type Timer = object;

/** The real clock: `Date.now` and Node's timers, unref'd so a pending deadline never holds the process open. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms) {
    const t = globalThis.setTimeout(fn, Math.max(0, ms));
    t.unref?.();
    return t;
  },
  clearTimeout(timer) {
    // Only timers this clock created reach here.
    globalThis.clearTimeout(timer as ReturnType<typeof globalThis.setTimeout>);
  },
};

/** One deadline at a time, on a clock: arming it again replaces the previous one. */
export class Deadline {
  private timer: Timer | undefined;
  /** When the armed deadline fires (ms since the epoch), or undefined. */
  at: number | undefined;

  constructor(private readonly clock: Clock) {}

  arm(at: number, fn: () => void): void {
    this.clear();
    this.at = at;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      this.at = undefined;
      fn();
    }, at - this.clock.now());
  }

  clear(): void {
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.at = undefined;
  }
}
