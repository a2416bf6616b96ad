/**
 * Model versions and their exports (issue 12, item 5). Every committed version stays in the
 * store; an export is the TensorFlow.js `model.json` with its weights in one `weights.bin`, plus
 * `conclave-model.json`: the version's round, metrics, ε and the feature recipe the devices
 * applied, which `loadConclaveModel` in the SDK reads to predict as the devices trained.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { float32ToBytes } from '@conclave/proto';
import { ServerError } from './errors.ts';
import type { RoundMetrics, Store } from './store/store.ts';
import type { StoredTaskSpec, TaskSpec } from './task-spec.ts';

/** File names of an export directory (the SDK's `MODEL_EXPORT_FILES` reads the same). */
export const MODEL_EXPORT_FILES = { modelJson: 'model.json', weights: 'weights.bin', metadata: 'conclave-model.json' } as const;

/** One version as listed by `GET /api/tasks/:id/models` and `conclave model list`. */
export interface ModelVersionView {
  version: number;
  /** The training round that committed it; null for the initial model (version 0). */
  round: number | null;
  createdAt: number;
  /** That round's metrics; its evaluation figures measure the model that came INTO the round (version − 1). */
  metrics: RoundMetrics | null;
  /** ε spent when this version was released (DP tasks), null without DP. */
  epsilon: { againstCoordinator: number | null; forReleasedModel: number | null; delta: number | null } | null;
}

/** `conclave-model.json`, also embedded in model.json as `userDefinedMetadata.conclave`. Mirrors the SDK's `ConclaveModelMetadata`. */
export interface ModelExportMetadata extends ModelVersionView {
  format: 'conclave-model';
  formatVersion: 1;
  taskId: string;
  taskName: string;
  stream: string;
  features: TaskSpec['features'];
  loss: string;
}

/** What `GET /api/tasks/:id/models/:version` answers; `conclave model export` writes its three files. */
export interface ModelExportBundle {
  metadata: ModelExportMetadata;
  /** model.json */
  modelJson: Record<string, unknown>;
  /** weights.bin, base64 */
  weightsBase64: string;
}

/** The TensorFlow.js `model.json` of a task's model, with its weights in one `weights.bin`. */
export function tfjsModelJson(spec: TaskSpec, meta: { taskId: string; version: number } | ModelExportMetadata): Record<string, unknown> {
  const conclave = 'format' in meta ? meta : { taskId: meta.taskId, modelVersion: meta.version, stream: spec.stream, features: spec.features };
  return {
    format: 'layers-model',
    generatedBy: 'conclave',
    convertedBy: null,
    modelTopology: spec.model.modelTopology,
    weightsManifest: [{ paths: ['weights.bin'], weights: spec.model.weightSpecs }],
    userDefinedMetadata: { conclave },
  };
}

function epsilonOf(spec: StoredTaskSpec, metrics: RoundMetrics | null): ModelVersionView['epsilon'] {
  if (!spec.privacy) return null;
  return {
    againstCoordinator: metrics?.epsilonSpent ?? (metrics ? null : 0),
    forReleasedModel: metrics?.epsilonForReleasedModel ?? metrics?.epsilonSpent ?? (metrics ? null : 0),
    delta: spec.privacy.delta ?? null,
  };
}

async function taskOf(store: Store, taskId: string) {
  const task = await store.getTask(taskId);
  if (!task) throw new ServerError('TASK_NOT_FOUND', `no task with id "${taskId}"`, 404);
  return task;
}

/** Every stored version of a task, oldest first. */
export async function listModelVersions(store: Store, taskId: string): Promise<ModelVersionView[]> {
  const task = await taskOf(store, taskId);
  return (await store.listModelVersions(taskId)).map((v) => ({ ...v, epsilon: epsilonOf(task.spec, v.metrics) }));
}

/** The export of one version (`'latest'`: the task's current model). */
export async function exportModelVersion(store: Store, taskId: string, version: number | 'latest'): Promise<ModelExportBundle> {
  const task = await taskOf(store, taskId);
  const wanted = version === 'latest' ? task.modelVersion : version;
  const versions = await store.listModelVersions(taskId);
  const row = versions.find((v) => v.version === wanted);
  const weights = row && (await store.getModel(taskId, wanted));
  if (!row || !weights) {
    const have = versions.map((v) => v.version);
    throw new ServerError('NOT_FOUND', `task ${taskId} has no model version ${wanted}; stored versions: ${have.length ? `${have[0]}–${have.at(-1)}` : 'none'}`, 404);
  }
  const metadata: ModelExportMetadata = {
    format: 'conclave-model',
    formatVersion: 1,
    taskId,
    taskName: task.spec.name,
    stream: task.spec.stream,
    ...row,
    epsilon: epsilonOf(task.spec, row.metrics),
    features: task.spec.features,
    loss: task.spec.loss,
  };
  return { metadata, modelJson: tfjsModelJson(task.spec, metadata), weightsBase64: Buffer.from(float32ToBytes(weights)).toString('base64') };
}

/** Writes an export bundle as model.json, weights.bin and conclave-model.json. Returns the weights' size. */
export function writeModelExport(dir: string, bundle: ModelExportBundle): number {
  const weights = Buffer.from(bundle.weightsBase64, 'base64');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, MODEL_EXPORT_FILES.modelJson), JSON.stringify(bundle.modelJson));
  writeFileSync(path.join(dir, MODEL_EXPORT_FILES.weights), weights);
  writeFileSync(path.join(dir, MODEL_EXPORT_FILES.metadata), JSON.stringify(bundle.metadata, null, 2) + '\n');
  return weights.length;
}
