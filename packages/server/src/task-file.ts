/**
 * Reads a task file for `conclave task create`. `model.path` may point to a TensorFlow.js
 * model.json (with its weight files beside it); the CLI inlines its topology, weight specs and
 * weights. Every file it reads must lie inside the task file's directory (after resolving
 * symbolic links): a task file cannot turn an arbitrary file on the admin's machine into the
 * weights devices download. Sizes are checked from `stat` before anything is read, and errors
 * never quote a file's contents.
 */
import { realpathSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_LIMITS } from '@conclave/proto';
import { ServerError } from './errors.ts';

export interface TaskFileLimits {
  /** Largest model (all weight files together) devices accept. @default the wire's `maxModelBytes` (256 MiB) */
  maxModelBytes: number;
  /** Largest task file or model.json. @default 4 MiB plus room for a base64-inlined model of `maxModelBytes` */
  maxJsonFileBytes: number;
}

/** Largest model.json / task file without inlined weights. */
const JSON_FILE_BYTES = 4 * 1024 * 1024;

export const DEFAULT_TASK_FILE_LIMITS: Readonly<TaskFileLimits> = Object.freeze({
  maxModelBytes: DEFAULT_LIMITS.maxModelBytes,
  maxJsonFileBytes: JSON_FILE_BYTES + Math.ceil(DEFAULT_LIMITS.maxModelBytes / 3) * 4,
});

function invalid(message: string): never {
  throw new ServerError('INVALID_TASK', message);
}

/** `1.5 MiB (1572864 bytes)`. */
export function describeBytes(n: number): string {
  return `${(n / 1048576).toFixed(1)} MiB (${n} bytes)`;
}

/** The real path of `target`, refused unless it lies inside `root` (a real path itself). */
function containedFile(root: string, base: string, target: unknown, what: string): string {
  if (typeof target !== 'string' || target.length === 0) invalid(`${what} must be a relative file path`);
  if (path.isAbsolute(target) || /^[a-z][a-z0-9+.-]*:/i.test(target)) {
    invalid(`${what} "${target}" must be a path relative to the task file's directory, not an absolute path or URL`);
  }
  const joined = path.resolve(base, target);
  let real: string;
  try {
    real = realpathSync(joined);
  } catch (err) {
    invalid(`${what} "${target}" cannot be opened (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const rel = path.relative(root, real);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) {
    invalid(`${what} "${target}" resolves outside the task file's directory; keep the model and its weights beside the task file`);
  }
  return real;
}

/** The size of a regular file, refused above `max` before anything is read. */
function fileSize(file: string, shown: string, what: string, max: number): number {
  const stat = statSync(file);
  if (!stat.isFile()) invalid(`${what} "${shown}" is not a regular file`);
  if (stat.size > max) invalid(`${what} "${shown}" is ${describeBytes(stat.size)}, at most ${describeBytes(max)} allowed`);
  return stat.size;
}

/** Parses JSON without echoing any of it: V8's messages quote the text around the error. */
function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message)?.[1];
    if (at === undefined) invalid(`${what} is not valid JSON`);
    const before = text.slice(0, Number(at)).split('\n');
    invalid(`${what} is not valid JSON (line ${before.length}, column ${before.at(-1)!.length + 1})`);
  }
}

function readJsonFile(file: string, shown: string, what: string, max: number): unknown {
  fileSize(file, shown, what, max);
  return parseJson(readFileSync(file, 'utf8'), `${what} "${shown}"`);
}

type Manifest = { paths: unknown[]; weights: unknown[] }[];

function isManifest(x: unknown): x is Manifest {
  return Array.isArray(x) && x.every((g) => typeof g === 'object' && g !== null && Array.isArray(g.paths) && Array.isArray(g.weights));
}

/** Float32 values the manifest's weight specs declare (NaN when a shape is malformed). */
function declaredValues(weights: unknown[]): number {
  let n = 0;
  for (const w of weights) {
    const shape = (w as { shape?: unknown } | null)?.shape;
    if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) return Number.NaN;
    n += (shape as number[]).reduce((a, b) => a * b, 1);
  }
  return n;
}

/**
 * Reads a task file and inlines the model `model.path` names.
 * @throws ServerError INVALID_TASK naming the file and what is wrong with it (never its contents).
 */
export function loadTaskFile(file: string, limits: Partial<TaskFileLimits> = {}): Record<string, unknown> {
  const { maxModelBytes, maxJsonFileBytes } = { ...DEFAULT_TASK_FILE_LIMITS, ...limits };
  let realFile: string;
  try {
    realFile = realpathSync(file);
  } catch (err) {
    invalid(`cannot read task file ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const root = path.dirname(realFile);
  const task = readJsonFile(realFile, file, 'task file', maxJsonFileBytes);
  if (typeof task !== 'object' || task === null || Array.isArray(task)) invalid(`task file ${file} must hold a JSON object`);
  const t = task as Record<string, unknown>;
  const model = t.model as { path?: unknown } | undefined;
  if (model?.path === undefined) return t;
  const shownModel = String(model.path);
  const modelFile = containedFile(root, root, model.path, 'model.path');
  const json = readJsonFile(modelFile, shownModel, 'model', JSON_FILE_BYTES) as { modelTopology?: unknown; weightsManifest?: unknown };
  if (typeof json !== 'object' || json === null || !json.modelTopology || !isManifest(json.weightsManifest)) {
    invalid(`model "${shownModel}" is not a TensorFlow.js layers model.json (needs modelTopology and weightsManifest)`);
  }
  const manifest = json.weightsManifest;
  const modelDir = path.dirname(modelFile);
  const files = manifest.flatMap((g) => g.paths.map((p) => ({ shown: String(p), real: containedFile(root, modelDir, p, `weights file of ${shownModel}`) })));
  // Every size before any read: a model devices cannot take is refused without loading it.
  let total = 0;
  for (const f of files) total += fileSize(f.real, f.shown, 'weights file', maxModelBytes);
  if (total > maxModelBytes) {
    invalid(`model "${shownModel}" has ${describeBytes(total)} of weights; devices accept at most ${describeBytes(maxModelBytes)} (the wire's maxModelBytes)`);
  }
  const weights = manifest.flatMap((g) => g.weights);
  const values = declaredValues(weights);
  if (Number.isNaN(values)) invalid(`model "${shownModel}": a weight in its weightsManifest has no valid shape (an array of non-negative integers)`);
  if (values * 4 !== total) {
    invalid(`model "${shownModel}": its weight files hold ${total} bytes, its weightsManifest declares ${values} float32 values (${values * 4} bytes)`);
  }
  const buffers = files.map((f) => readFileSync(f.real));
  t.model = { modelTopology: json.modelTopology, weightSpecs: weights, weightsBase64: Buffer.concat(buffers).toString('base64') };
  return t;
}
