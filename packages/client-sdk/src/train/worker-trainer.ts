import { Worker } from 'node:worker_threads';
import type { EvalJob, EvalOutput, Trainer, TrainJob, TrainOutput } from './types.ts';

export interface WorkerTrainerOptions {
  /** Worker threads in the pool; each trains one job at a time on one core. @default 1 */
  threads?: number;
}

interface Pending {
  resolve: (v: any) => void;
  reject: (e: Error) => void;
  onProgress?: ((f: number) => void) | undefined;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

/**
 * Trains in Node worker threads so the host's event loop (its UI, its sockets, the SDK's own
 * heartbeats) stays free. One pool may be shared by many clients in one process.
 */
export function createWorkerTrainer(options: WorkerTrainerOptions = {}): Trainer {
  const threads = Math.max(1, options.threads ?? 1);
  const pending = new Map<number, Pending>();
  const queue: { run: (slot: Slot) => void }[] = [];
  let nextId = 1;
  let closed = false;

  const slots: Slot[] = Array.from({ length: threads }, () => {
    const worker = new Worker(new URL('./train-worker.mjs', import.meta.url));
    worker.unref();
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('error', reject);
      const onReady = (m: { ready?: boolean }) => {
        if (m.ready) {
          worker.off('message', onReady);
          worker.off('error', reject);
          resolve();
        }
      };
      worker.on('message', onReady);
    });
    worker.on('message', (m: { id?: number; progress?: number; result?: unknown; error?: string }) => {
      if (m.id === undefined) return;
      const p = pending.get(m.id);
      if (!p) return;
      if (m.progress !== undefined) return p.onProgress?.(m.progress);
      pending.delete(m.id);
      if (m.error !== undefined) p.reject(new Error(m.error));
      else p.resolve(m.result);
    });
    worker.on('error', (err) => {
      for (const [id, p] of pending) {
        pending.delete(id);
        p.reject(err);
      }
    });
    return { worker, ready, busy: false };
  });

  function pump(): void {
    for (const slot of slots) {
      if (slot.busy || queue.length === 0) continue;
      slot.busy = true;
      queue.shift()!.run(slot);
    }
  }

  function submit<T>(kind: 'train' | 'evaluate', job: TrainJob | EvalJob, onProgress?: (f: number) => void): Promise<T> {
    if (closed) return Promise.reject(new Error('trainer is closed'));
    return new Promise<T>((resolve, reject) => {
      queue.push({
        run: (slot) => {
          const id = nextId++;
          const done = () => {
            slot.busy = false;
            pump();
          };
          pending.set(id, {
            resolve: (v) => {
              done();
              resolve(v);
            },
            reject: (e) => {
              done();
              reject(e);
            },
            onProgress,
          });
          slot.ready.then(
            () => slot.worker.postMessage({ id, kind, job }),
            (err) => pending.get(id)?.reject(err),
          );
        },
      });
      pump();
    });
  }

  return {
    train: (job, onProgress) => submit<TrainOutput>('train', job, onProgress),
    evaluate: (job) => submit<EvalOutput>('evaluate', job),
    close: async () => {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
