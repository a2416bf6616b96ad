/**
 * Web Worker body of the browser trainer (web-worker-trainer.ts): trains and evaluates with
 * train-core.ts, off the page's main thread. The browser build bundles it on its own, with
 * `./backend.ts` redirected to backend.browser.ts, as `web-worker-entry.js` next to the SDK bundle
 * and the TensorFlow.js `.wasm` files.
 *
 * Messages in: `{ init: { wasmBase?, backend? } }` once, then `{ id, kind: 'train' | 'evaluate', job }`.
 * Messages out: `{ ready: true, backend }` after init; `{ id, progress }`, `{ id, result }`, `{ id, error }`.
 */
import { initTensorflow, setWasmBase, type BackendName } from './backend.browser.ts';
import { evaluate, train } from './train-core.ts';
import type { EvalJob, TrainJob } from './types.ts';

/** The worker's global scope, typed structurally (the DOM lib has no WorkerGlobalScope here). */
interface WorkerScope {
  onmessage: ((ev: { data: unknown }) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}

type Init = { init: { wasmBase?: string; backend?: BackendName } };
type Request = { id: number; kind: 'train'; job: TrainJob } | { id: number; kind: 'evaluate'; job: EvalJob };

const scope = globalThis as unknown as WorkerScope;
let ready: Promise<BackendName> | undefined;

async function run(req: Request): Promise<void> {
  try {
    await ready;
    if (req.kind === 'train') {
      const out = await train(req.job, (fraction) => scope.postMessage({ id: req.id, progress: fraction }));
      scope.postMessage({ id: req.id, result: out }, [out.delta.buffer as ArrayBuffer, ...(out.encoded ? [out.encoded.buffer as ArrayBuffer] : [])]);
    } else {
      scope.postMessage({ id: req.id, result: await evaluate(req.job) });
    }
  } catch (err) {
    scope.postMessage({ id: req.id, error: (err as Error)?.message ?? String(err) });
  }
}

scope.onmessage = (ev) => {
  const m = ev.data as Init | Request;
  if ('init' in m) {
    if (m.init.wasmBase) setWasmBase(m.init.wasmBase);
    ready = initTensorflow(m.init.backend ? { prefer: m.init.backend } : {});
    ready.then(
      (backend) => scope.postMessage({ ready: true, backend }),
      (err: unknown) => scope.postMessage({ ready: false, error: (err as Error)?.message ?? String(err) }),
    );
    return;
  }
  void run(m);
};
