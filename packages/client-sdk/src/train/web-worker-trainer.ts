import { ClientError } from '../errors.ts';
import type { EvalJob, EvalOutput, Trainer, TrainJob, TrainOutput } from './types.ts';

/** `'tensorflow'` is Node's native binding and never loads in a browser. */
export type BrowserBackendName = 'wasm' | 'webgl' | 'cpu';

export interface WebWorkerTrainerOptions {
  /**
   * URL of the bundled worker script. @default `web-worker-entry.js` next to the SDK bundle
   * (`new URL('./web-worker-entry.js', import.meta.url)`); pass it when you serve the file elsewhere.
   */
  workerUrl?: string | URL;
  /** URL prefix of the TensorFlow.js `.wasm` files. @default the worker script's directory */
  wasmBase?: string | URL;
  /** Force a backend instead of the best that loads (wasm, then WebGL, then CPU). */
  backend?: BrowserBackendName;
  /** Called once the worker has picked its backend. */
  onBackend?: (backend: BrowserBackendName) => void;
}

interface Pending {
  resolve: (v: never) => void;
  reject: (e: Error) => void;
  onProgress?: ((f: number) => void) | undefined;
}

type WorkerMessage =
  | { ready: true; backend: BrowserBackendName }
  | { ready: false; error: string }
  | { id: number; progress: number }
  | { id: number; result: unknown }
  | { id: number; error: string };

/**
 * Trains in a dedicated Web Worker (an ES module worker), so the page's main thread — the host
 * tool's UI, the SDK's socket and heartbeats — never stalls on TensorFlow.js. One job at a time;
 * later jobs queue. `close()` terminates the worker.
 */
export function createWebWorkerTrainer(options: WebWorkerTrainerOptions = {}): Trainer {
  const url = options.workerUrl ?? new URL('./web-worker-entry.js', import.meta.url);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let closed = false;
  let worker: Worker | undefined;
  let ready: Promise<void> | undefined;

  function fail(err: Error): void {
    for (const [id, p] of pending) {
      pending.delete(id);
      p.reject(err);
    }
  }

  /** The worker starts on the first job, so a page that is never selected never loads TensorFlow.js. */
  function start(): Promise<void> {
    if (ready) return ready;
    const w = new Worker(url, { type: 'module', name: 'conclave-trainer' });
    worker = w;
    ready = new Promise<void>((resolve, reject) => {
      w.onerror = (ev) => {
        const err = new ClientError('TRAINING_FAILED', `training worker ${String(url)} failed: ${ev.message || 'could not load it'}`);
        reject(err);
        fail(err);
      };
      w.onmessage = (ev: MessageEvent<WorkerMessage>) => {
        const m = ev.data;
        if ('ready' in m) {
          if (m.ready) {
            options.onBackend?.(m.backend);
            resolve();
          } else {
            reject(new ClientError('TRAINING_FAILED', `training worker could not start TensorFlow.js: ${m.error}`));
          }
          return;
        }
        const p = pending.get(m.id);
        if (!p) return;
        if ('progress' in m) return p.onProgress?.(m.progress);
        pending.delete(m.id);
        if ('error' in m) p.reject(new ClientError('TRAINING_FAILED', m.error));
        else p.resolve(m.result as never);
      };
    });
    const wasmBase = options.wasmBase ?? new URL('./', url instanceof URL ? url : new URL(url, globalThis.location?.href)).href;
    w.postMessage({ init: { wasmBase: String(wasmBase), ...(options.backend ? { backend: options.backend } : {}) } });
    return ready;
  }

  let chain: Promise<unknown> = Promise.resolve();
  function submit<T>(kind: 'train' | 'evaluate', job: TrainJob | EvalJob, onProgress?: (f: number) => void): Promise<T> {
    if (closed) return Promise.reject(new ClientError('TRAINING_FAILED', 'the web worker trainer is closed'));
    const run = chain.catch(() => {}).then(async () => {
      await start();
      return new Promise<T>((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve: resolve as (v: never) => void, reject, onProgress });
        // The weights are copied, not transferred: the client keeps its cached global model.
        worker!.postMessage({ id, kind, job });
      });
    });
    chain = run;
    return run;
  }

  return {
    train: (job, onProgress) => submit<TrainOutput>('train', job, onProgress),
    evaluate: (job) => submit<EvalOutput>('evaluate', job),
    close: async () => {
      closed = true;
      worker?.terminate();
      fail(new ClientError('TRAINING_FAILED', 'the web worker trainer was closed'));
    },
  };
}
