/**
 * The daily training budget (`limits.trainingMsPerDay`): how long this device has trained today,
 * by the device's local calendar day, persisted so that a restart does not reset it.
 */
import type { KeyValueStore } from './kv-store.ts';

/** The key holding one calendar day's training time (device local time), e.g. `conclave.training-ms.2026-12-4`. */
export function trainingDayKey(time: number): string {
  const d = new Date(time);
  return `conclave.training-ms.${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

export interface TrainingBudgetOptions {
  kv: KeyValueStore;
  /** The wall-clock time, for the calendar day. */
  now: () => number;
  /** Training time allowed per calendar day, in ms. @default unlimited */
  msPerDay?: number | undefined;
}

export class TrainingBudget {
  readonly #kv: KeyValueStore;
  readonly #now: () => number;
  /** Allowed per calendar day; `Infinity` when there is no limit. */
  readonly msPerDay: number;
  /** Additions run one after another, so two rounds finishing together never lose time. */
  #writes: Promise<unknown> = Promise.resolve();

  constructor(options: TrainingBudgetOptions) {
    const limit = options.msPerDay ?? Infinity;
    if (typeof limit !== 'number' || Number.isNaN(limit) || limit < 0) throw new RangeError(`msPerDay must be a number >= 0, got ${String(limit)}`);
    this.#kv = options.kv;
    this.#now = options.now;
    this.msPerDay = limit;
  }

  /** Training time recorded for today, in ms. */
  async usedToday(): Promise<number> {
    return this.#read(trainingDayKey(this.#now()));
  }

  /** Whether today's allowance is used up (never, without a limit). */
  async exhausted(): Promise<boolean> {
    if (this.msPerDay === Infinity) return false;
    return (await this.usedToday()) >= this.msPerDay;
  }

  /** Counts `ms` of training against today. */
  add(ms: number): Promise<void> {
    if (!(Number.isFinite(ms) && ms >= 0)) return Promise.reject(new RangeError(`training time must be a finite number >= 0, got ${ms}`));
    const next = this.#writes.then(async () => {
      const key = trainingDayKey(this.#now());
      await this.#kv.set(key, String((await this.#read(key)) + ms));
    });
    this.#writes = next.catch(() => {});
    return next;
  }

  async #read(key: string): Promise<number> {
    const saved = Number((await this.#kv.get(key)) ?? 0);
    return Number.isFinite(saved) && saved >= 0 ? saved : 0;
  }
}
