/**
 * What the coordinator tells observers (the admin API's live view) about its tasks: that
 * something about a task changed (its round's phase or counts, its status), and that a round
 * ended. Counts live in the task's status view; events carry task ids and round numbers only,
 * never a device.
 */
import { EventEmitter } from 'node:events';

export interface TaskEventMap {
  /**
   * The task's round phase, its cohort's counts or its status may have changed. `phase` is
   * true when a round's phase or the task's status itself moved (selection opened, a cohort
   * was selected, the task ended or moved to another node): a moment that can be over within
   * milliseconds, so observers read the status at once.
   */
  changed: [taskId: string, phase?: boolean];
  /** A round committed or aborted (its row is in the store). */
  'round-end': [taskId: string, outcome: 'committed' | 'aborted', round: number];
}

/** A typed event emitter of task events; listeners must not throw. */
export class TaskEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    // One listener per open live view; the admin API bounds how many it keeps.
    this.emitter.setMaxListeners(0);
  }

  on<K extends keyof TaskEventMap>(event: K, listener: (...args: TaskEventMap[K]) => void): () => void {
    const l = listener as (...args: unknown[]) => void;
    this.emitter.on(event, l);
    return () => this.emitter.off(event, l);
  }

  emit<K extends keyof TaskEventMap>(event: K, ...args: TaskEventMap[K]): void {
    if (this.emitter.listenerCount(event) > 0) this.emitter.emit(event, ...args);
  }
}
