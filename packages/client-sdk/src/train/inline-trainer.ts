import { evaluate, train } from './train-core.ts';
import type { Trainer } from './types.ts';

/**
 * Trains on the calling thread. For tests and for comparing against the worker trainer in
 * benchmarks; a host application should use the worker trainer so its UI never stalls.
 */
export function createInlineTrainer(): Trainer {
  return { train, evaluate, close: async () => {} };
}
