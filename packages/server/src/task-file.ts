import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Reads a task file. `model.path` may point to a TensorFlow.js model.json (with its weight
 * files beside it); the CLI inlines its topology, weight specs and weights.
 */
export function loadTaskFile(file: string): Record<string, unknown> {
  let task: Record<string, unknown>;
  try {
    task = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read task file ${file}: ${(err as Error).message}`);
  }
  const model = task.model as { path?: string } | undefined;
  if (model?.path) {
    const modelPath = path.resolve(path.dirname(file), model.path);
    let json: { modelTopology?: unknown; weightsManifest?: { paths: string[]; weights: unknown[] }[] };
    try {
      json = JSON.parse(readFileSync(modelPath, 'utf8'));
    } catch (err) {
      throw new Error(`cannot read model ${modelPath}: ${(err as Error).message}`);
    }
    if (!json.modelTopology || !Array.isArray(json.weightsManifest)) {
      throw new Error(`${modelPath} is not a TensorFlow.js layers model.json (needs modelTopology and weightsManifest)`);
    }
    const buffers = json.weightsManifest.flatMap((g) => g.paths.map((p) => readFileSync(path.resolve(path.dirname(modelPath), p))));
    task.model = {
      modelTopology: json.modelTopology,
      weightSpecs: json.weightsManifest.flatMap((g) => g.weights),
      weightsBase64: Buffer.concat(buffers).toString('base64'),
    };
  }
  return task;
}

