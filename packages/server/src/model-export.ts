import type { TaskSpec } from './task-spec.ts';

/** The TensorFlow.js `model.json` of a task's model, with its weights in one `weights.bin`. */
export function tfjsModelJson(spec: TaskSpec, meta: { taskId: string; version: number }): Record<string, unknown> {
  return {
    format: 'layers-model',
    generatedBy: 'conclave',
    convertedBy: null,
    modelTopology: spec.model.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: spec.model.weightSpecs }],
    userDefinedMetadata: { conclave: { taskId: meta.taskId, modelVersion: meta.version, stream: spec.stream, features: spec.features } },
  };
}
