/**
 * Time and jitter, injected: the client's parts read the time, arm timers and draw back-off jitter
 * only through these, so tests drive them with a fake clock and a fixed random source instead of
 * mocking modules.
 */

/** An armed timer, as the clock that armed it knows it. */
export type TimerHandle = unknown;

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /**
   * Calls `fn` once after `ms`. `unref`: the timer alone does not keep a Node process alive
   * (background re-checks; no effect in browsers).
   */
  setTimeout(fn: () => void, ms: number, options?: { unref?: boolean }): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Uniform in [0, 1), like `Math.random`. Used for back-off jitter, never for cryptography. */
export type RandomFloat = () => number;

/** The platform's clock: `Date.now` and the global timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(fn, ms, options) {
    const timer = globalThis.setTimeout(fn, ms);
    if (options?.unref) (timer as { unref?: () => void }).unref?.();
    return timer;
  },
  clearTimeout(handle) {
    globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>);
  },
};

/** A clock that reads the time from `now` and arms timers on `timers`. */
export function clockWithNow(now: () => number, timers: Clock = systemClock): Clock {
  return { now, setTimeout: (fn, ms, options) => timers.setTimeout(fn, ms, options), clearTimeout: (h) => timers.clearTimeout(h) };
}
