/**
 * How many training rounds of each task this device has contributed to, kept on the device so
 * that it can enforce the task's participation limit itself (`Plan.participation_limit`): the
 * bound behind ε against the coordinator holds only if a device never joins more rounds than
 * that, whatever the coordinator asks. A round counts from the moment its update is about to
 * leave the device, whether or not the round then commits.
 */
import { ClientError } from './errors.ts';
import type { KeyValueStore } from './kv-store.ts';

const FORMAT = 'conclave.sdk.participations';
const VERSION = 1;
/** Most tasks remembered; the least recently counted go first. */
const MAX_TASKS = 10_000;

export class ParticipationCounter {
  readonly #kv: KeyValueStore;
  readonly #key: string;
  #state: Promise<Map<string, number>> | undefined;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(options: { kv: KeyValueStore; key?: string }) {
    if (!options || typeof options.kv?.get !== 'function') throw new ClientError('INVALID_OPTIONS', 'ParticipationCounter needs options.kv, a KeyValueStore');
    this.#kv = options.kv;
    this.#key = options.key ?? 'conclave.participations.v1';
  }

  /** Rounds of `taskId` this device contributed to. */
  count(taskId: string): Promise<number> {
    return this.#serial(async (m) => m.get(taskId) ?? 0);
  }

  /** True when the device may take part in one more round of a task with this limit (0: no limit). */
  async allows(taskId: string, limit: number): Promise<boolean> {
    return limit <= 0 || (await this.count(taskId)) < limit;
  }

  /** Counts one more round of `taskId`; returns the new count. */
  add(taskId: string): Promise<number> {
    return this.#serial(async (m) => {
      const n = (m.get(taskId) ?? 0) + 1;
      m.delete(taskId);
      m.set(taskId, n);
      while (m.size > MAX_TASKS) m.delete(m.keys().next().value as string);
      await this.#kv.set(this.#key, JSON.stringify({ format: FORMAT, version: VERSION, tasks: Object.fromEntries(m) }));
      return n;
    });
  }

  #serial<T>(fn: (m: Map<string, number>) => Promise<T>): Promise<T> {
    const run = this.#queue.catch(() => {}).then(async () => fn(await this.#load()));
    this.#queue = run;
    return run;
  }

  #load(): Promise<Map<string, number>> {
    this.#state ??= this.#kv.get(this.#key).then((raw) => {
      if (raw === undefined) return new Map<string, number>();
      let v: { format?: unknown; version?: unknown; tasks?: unknown } | null;
      try {
        v = JSON.parse(raw) as typeof v;
      } catch {
        throw new ClientError('STORAGE_CORRUPT', `saved participation counts (${this.#key}) are not valid JSON`);
      }
      if (!v || v.format !== FORMAT || v.version !== VERSION || typeof v.tasks !== 'object' || v.tasks === null) {
        throw new ClientError('STORAGE_CORRUPT', `saved participation counts (${this.#key}) are not ${FORMAT} version ${VERSION}`);
      }
      const m = new Map<string, number>();
      for (const [task, n] of Object.entries(v.tasks as Record<string, unknown>)) {
        if (!Number.isSafeInteger(n) || (n as number) < 0) throw new ClientError('STORAGE_CORRUPT', `saved participation count of task ${JSON.stringify(task)} is ${String(n)}, not a count`);
        m.set(task, n as number);
      }
      return m;
    });
    return this.#state;
  }
}
