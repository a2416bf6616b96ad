import { parentPort } from 'node:worker_threads';
import { evaluate, train } from './train-core.ts';
import type { EvalJob, TrainJob } from './types.ts';

type Request = { id: number; kind: 'train'; job: TrainJob } | { id: number; kind: 'evaluate'; job: EvalJob };

const port = parentPort!;
port.on('message', async (req: Request) => {
  try {
    if (req.kind === 'train') {
      const out = await train(req.job, (fraction) => port.postMessage({ id: req.id, progress: fraction }));
      port.postMessage({ id: req.id, result: out }, [out.delta.buffer as ArrayBuffer, ...(out.encoded ? [out.encoded.buffer as ArrayBuffer] : [])]);
    } else {
      port.postMessage({ id: req.id, result: await evaluate(req.job) });
    }
  } catch (err) {
    port.postMessage({ id: req.id, error: (err as Error).message ?? String(err) });
  }
});
port.postMessage({ ready: true });
