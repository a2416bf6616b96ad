/**
 * The Node face of the model loader: `loadConclaveModel(dir)` reads what `conclave model export`
 * wrote (model.json, weights.bin, conclave-model.json) and loads it with `loadConclaveModelFrom`.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { MODEL_EXPORT_FILES, loadConclaveModelFrom, type ConclaveModel } from './model-loader.ts';

/**
 * Loads an exported model from a directory, ready to `predict(text)` with the task's feature recipe.
 *
 * @example
 * ```ts
 * const triage = await loadConclaveModel('./exported');
 * const [pSpam] = triage.predict('Subject: cheap meds!!');
 * console.log(triage.metadata.version, triage.metadata.epsilon);
 * ```
 */
export async function loadConclaveModel(dir: string): Promise<ConclaveModel> {
  const file = (name: string) => {
    const p = path.join(dir, name);
    if (!existsSync(p)) throw new Error(`${p} is missing: a directory written by \`conclave model export\` holds ${Object.values(MODEL_EXPORT_FILES).join(', ')}`);
    return p;
  };
  const metadataPath = path.join(dir, MODEL_EXPORT_FILES.metadata);
  return loadConclaveModelFrom({
    modelJson: readFileSync(file(MODEL_EXPORT_FILES.modelJson), 'utf8'),
    weights: readFileSync(file(MODEL_EXPORT_FILES.weights)),
    ...(existsSync(metadataPath) ? { metadata: readFileSync(metadataPath, 'utf8') } : {}),
  });
}
