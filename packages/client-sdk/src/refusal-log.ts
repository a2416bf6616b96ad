/**
 * Why this device refused a task or round (its device policy, an uncertified peer, a revocation
 * list that went backwards…), in full, kept on the device: the coordinator only ever gets the
 * reason code. Bounded (oldest dropped) and kept in the KeyValueStore beside the ledger.
 */
import { reasonCodeName, type ReasonCode, type ReasonCodeName } from '@conclave/proto';
import type { KeyValueStore } from './kv-store.ts';

export interface RefusalRecord {
  /** ISO 8601, UTC. */
  time: string;
  taskId: string;
  round: number;
  /** The code the coordinator was told. */
  code: ReasonCodeName;
  /** What the device found, in words (never sent). */
  message: string;
}

export const REFUSAL_LOG_KEY = 'conclave.refusals.v1';
/** Most records kept. */
export const MAX_REFUSALS = 1000;

export class RefusalLog {
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly kv: KeyValueStore,
    private readonly now: () => number,
  ) {}

  record(entry: { taskId: string; round: number; code: ReasonCode; message: string }): Promise<void> {
    const run = this.#queue.then(async () => {
      const list = await this.entries();
      list.push({ time: new Date(this.now()).toISOString(), taskId: entry.taskId, round: entry.round, code: reasonCodeName(entry.code), message: entry.message.slice(0, 2000) });
      await this.kv.set(REFUSAL_LOG_KEY, JSON.stringify(list.slice(-MAX_REFUSALS)));
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async entries(): Promise<RefusalRecord[]> {
    const text = await this.kv.get(REFUSAL_LOG_KEY);
    if (text === undefined) return [];
    const parsed = JSON.parse(text) as unknown;
    return Array.isArray(parsed) ? (parsed as RefusalRecord[]) : [];
  }

  clear(): Promise<void> {
    return this.kv.delete(REFUSAL_LOG_KEY);
  }
}
