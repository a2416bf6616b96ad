/**
 * TensorFlow.js backend choice at run time: the native `@tensorflow/tfjs-node` binding when its
 * binary is installed (it is an optional dependency and cannot be fetched everywhere), else the
 * WebAssembly backend, else the plain JavaScript CPU backend.
 */
import * as tf from '@tensorflow/tfjs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type BackendName = 'tensorflow' | 'wasm' | 'cpu';

export interface InitTensorflowOptions {
  /** Force one backend instead of the best that loads. @default undefined (auto) */
  prefer?: BackendName;
  /** Threads for the WebAssembly backend; 1 keeps a training worker to one core. @default 1 */
  wasmThreads?: number;
}

let chosen: Promise<BackendName> | undefined;

async function tryNative(): Promise<boolean> {
  try {
    // The module registers the 'tensorflow' backend when its native binary loads.
    await import('@tensorflow/tfjs-node' as string);
    return await tf.setBackend('tensorflow');
  } catch {
    return false;
  }
}

async function tryWasm(threads: number): Promise<boolean> {
  try {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const require = createRequire(import.meta.url);
    const dir = path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'));
    wasm.setWasmPaths(pathToFileURL(path.join(dir, 'dist') + path.sep).href.replace(/^file:\/\//, ''));
    wasm.setThreadsCount(threads);
    return await tf.setBackend('wasm');
  } catch {
    return false;
  }
}

/** Picks and initialises the fastest backend that loads here; idempotent per process/worker. */
export function initTensorflow(options: InitTensorflowOptions = {}): Promise<BackendName> {
  chosen ??= (async () => {
    // Production mode: no debug checks, and no console banner urging tfjs-node on every process
    // (the README explains the backends; `backendName()` reports which one runs).
    tf.env().set('PROD', true);
    const threads = options.wasmThreads ?? 1;
    const order: BackendName[] = options.prefer ? [options.prefer] : ['tensorflow', 'wasm', 'cpu'];
    for (const name of order) {
      if (name === 'tensorflow' && (await tryNative())) return 'tensorflow';
      if (name === 'wasm' && (await tryWasm(threads))) return 'wasm';
      if (name === 'cpu' && (await tf.setBackend('cpu'))) return 'cpu';
    }
    await tf.setBackend('cpu');
    return 'cpu';
  })();
  return chosen;
}

export { tf };
