/**
 * TensorFlow.js backend choice in browsers and Web Workers: the WebAssembly backend with its
 * `.wasm` files served next to the SDK bundle, else WebGL (in a worker only where OffscreenCanvas
 * exists), else the plain JavaScript CPU backend.
 *
 * Same exports as backend.ts, which picks for Node (native binding, wasm from node_modules). The
 * browser build (scripts/build-browser.mjs) redirects every import of `./backend.ts` here, so
 * train-core.ts runs unchanged in a Web Worker.
 */
import * as tf from '@tensorflow/tfjs';
import * as wasm from '@tensorflow/tfjs-backend-wasm';

/** `'tensorflow'` (tfjs-node) never loads in a browser; it stays in the union for parity with backend.ts. */
export type BackendName = 'tensorflow' | 'wasm' | 'webgl' | 'cpu';

export interface InitTensorflowOptions {
  /** Force one backend instead of the best that loads. @default undefined (auto) */
  prefer?: BackendName;
  /**
   * Threads for the WebAssembly backend. Threads need a cross-origin-isolated page; elsewhere
   * the backend runs single-threaded whatever this says. @default 1
   */
  wasmThreads?: number;
}

/**
 * Where the backend's `.wasm` files are served, as a URL prefix ending in `/`. The bundled Web
 * Worker sets this to its own directory (the build copies the files there). @default the directory
 * of this module's URL
 */
let wasmBase: string | undefined;

/** Points the WebAssembly backend at its `.wasm` files; call before the first `initTensorflow()`. */
export function setWasmBase(url: string): void {
  wasmBase = url.endsWith('/') ? url : `${url}/`;
}

let chosen: Promise<BackendName> | undefined;

async function tryWasm(threads: number): Promise<boolean> {
  try {
    wasm.setWasmPaths(wasmBase ?? new URL('./', import.meta.url).href);
    wasm.setThreadsCount(threads);
    return await tf.setBackend('wasm');
  } catch {
    return false;
  }
}

async function tryWebgl(): Promise<boolean> {
  // A worker has no DOM canvas; tfjs-backend-webgl draws on an OffscreenCanvas there.
  const g = globalThis as { document?: unknown; OffscreenCanvas?: unknown };
  if (g.document === undefined && g.OffscreenCanvas === undefined) return false;
  try {
    return await tf.setBackend('webgl');
  } catch {
    return false;
  }
}

/** Picks and initialises the best backend that loads here; idempotent per page or worker. */
export function initTensorflow(options: InitTensorflowOptions = {}): Promise<BackendName> {
  chosen ??= (async () => {
    const threads = options.wasmThreads ?? 1;
    const order: BackendName[] = options.prefer ? [options.prefer] : ['wasm', 'webgl', 'cpu'];
    for (const name of order) {
      if (name === 'wasm' && (await tryWasm(threads))) return 'wasm';
      if (name === 'webgl' && (await tryWebgl())) return 'webgl';
      if (name === 'cpu' && (await tf.setBackend('cpu'))) return 'cpu';
    }
    await tf.setBackend('cpu');
    return 'cpu';
  })();
  return chosen;
}

export { tf };
