// Worker-thread entry in a source checkout. Plain JavaScript so Node loads it natively; it
// registers tsx's loader, resolves @conclave/* through their `source` export condition (the
// worker does not inherit a test runner's resolver), and runs the TypeScript worker body. The
// built package has its own dist/train/train-worker.mjs, which imports the compiled body.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

const addSourceCondition = 'export async function resolve(specifier, context, next) { return next(specifier, { ...context, conditions: ["source", ...context.conditions] }); }';
register(`data:text/javascript,${encodeURIComponent(addSourceCondition)}`);
registerTsx();
await import('./train-worker-main.ts');
