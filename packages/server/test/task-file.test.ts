import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeBytes, loadTaskFile } from '../src/task-file.ts';

// A one-layer logistic model over 4 features, as TensorFlow.js writes its model.json.
const topology = {
  class_name: 'Sequential',
  config: { name: 's', layers: [{ class_name: 'Dense', config: { name: 'd', units: 1, activation: 'sigmoid', batch_input_shape: [null, 4], dtype: 'float32' } }] },
};
const weights = [
  { name: 'd/kernel', shape: [4, 1], dtype: 'float32' },
  { name: 'd/bias', shape: [1], dtype: 'float32' },
];

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'conclave-task-file-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function writeTask(dir: string, model: Record<string, unknown>): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'task.json');
  writeFileSync(file, JSON.stringify({ name: 't', model }));
  return file;
}

function writeModel(dir: string, weightsFile = 'weights.bin', manifest = weights): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'model.json'), JSON.stringify({ modelTopology: topology, weightsManifest: [{ paths: [weightsFile], weights: manifest }] }));
}

describe('loadTaskFile', () => {
  it('inlines a model that lies beside the task file', () => {
    const dir = path.join(root, 'task');
    writeModel(path.join(dir, 'model'));
    const values = new Float32Array([1, 2, 3, 4, 5]);
    writeFileSync(path.join(dir, 'model', 'weights.bin'), new Uint8Array(values.buffer));
    const task = loadTaskFile(writeTask(dir, { path: 'model/model.json' }));
    const model = task.model as { modelTopology: unknown; weightSpecs: unknown[]; weightsBase64: string };
    expect(model.modelTopology).toEqual(topology);
    expect(model.weightSpecs).toEqual(weights);
    expect(new Float32Array(new Uint8Array(Buffer.from(model.weightsBase64, 'base64')).buffer)).toEqual(values);
  });

  it('refuses a model.path that climbs out of the task directory with ..', () => {
    const dir = path.join(root, 'task');
    writeModel(path.join(root, 'elsewhere'));
    writeFileSync(path.join(root, 'elsewhere', 'weights.bin'), new Uint8Array(20));
    expect(() => loadTaskFile(writeTask(dir, { path: '../elsewhere/model.json' }))).toThrow(/model.path "..\/elsewhere\/model.json" resolves outside the task file's directory/);
  });

  it('refuses an absolute model.path', () => {
    writeModel(path.join(root, 'task'));
    const file = writeTask(path.join(root, 'task'), { path: path.join(root, 'task', 'model.json') });
    expect(() => loadTaskFile(file)).toThrow(/must be a path relative to the task file's directory, not an absolute path/);
  });

  it('refuses a weights path that climbs out of the task directory, even from a subdirectory', () => {
    const dir = path.join(root, 'task');
    writeFileSync(path.join(root, 'secret.bin'), new Uint8Array(20));
    writeModel(path.join(dir, 'm'), '../../secret.bin');
    expect(() => loadTaskFile(writeTask(dir, { path: 'm/model.json' }))).toThrow(/weights file of m\/model.json "..\/..\/secret.bin" resolves outside/);
  });

  it('refuses a symbolic link that points outside the task directory', () => {
    const dir = path.join(root, 'task');
    writeModel(dir, 'weights.bin');
    writeFileSync(path.join(root, 'secret.bin'), new Uint8Array(20));
    symlinkSync(path.join(root, 'secret.bin'), path.join(dir, 'weights.bin'));
    expect(() => loadTaskFile(writeTask(dir, { path: 'model.json' }))).toThrow(/"weights.bin" resolves outside the task file's directory/);
  });

  it('never quotes the contents of a file it cannot parse', () => {
    const dir = path.join(root, 'task');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'model.json'), 'TOPSECRET-CONTENT not json');
    let message = '';
    try {
      loadTaskFile(writeTask(dir, { path: 'model.json' }));
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/model "model.json" is not valid JSON/);
    expect(message).not.toMatch(/TOPSECRET/);
    const bad = path.join(dir, 'bad-task.json');
    writeFileSync(bad, '{"name": SECRET-VALUE}');
    expect(() => loadTaskFile(bad)).toThrow(/task file .* is not valid JSON/);
    expect(() => loadTaskFile(bad)).not.toThrow(/SECRET/);
  });

  it('refuses a model larger than the wire carries from its size alone, naming the size and the cap', () => {
    const dir = path.join(root, 'task');
    const big = 300 * 1024 * 1024;
    writeModel(dir, 'weights.bin', [{ name: 'w', shape: [big / 4], dtype: 'float32' }]);
    // A sparse file: 300 MiB by stat, nothing on disk, and nothing read.
    const fd = openSync(path.join(dir, 'weights.bin'), 'w');
    ftruncateSync(fd, big);
    closeSync(fd);
    expect(() => loadTaskFile(writeTask(dir, { path: 'model.json' }))).toThrow(
      `weights file "weights.bin" is ${describeBytes(big)}, at most ${describeBytes(268_435_456)} allowed`,
    );
    // Several files are summed before any is read.
    writeFileSync(path.join(dir, 'model.json'), JSON.stringify({ modelTopology: topology, weightsManifest: [{ paths: ['a.bin', 'b.bin'], weights: [{ name: 'w', shape: [300], dtype: 'float32' }] }] }));
    writeFileSync(path.join(dir, 'a.bin'), new Uint8Array(600));
    writeFileSync(path.join(dir, 'b.bin'), new Uint8Array(600));
    expect(() => loadTaskFile(writeTask(dir, { path: 'model.json' }), { maxModelBytes: 1000 })).toThrow(
      `model "model.json" has ${describeBytes(1200)} of weights; devices accept at most ${describeBytes(1000)} (the wire's maxModelBytes)`,
    );
  });

  it('refuses weight files that do not hold what the manifest declares', () => {
    const dir = path.join(root, 'task');
    writeModel(dir);
    writeFileSync(path.join(dir, 'weights.bin'), new Uint8Array(12));
    expect(() => loadTaskFile(writeTask(dir, { path: 'model.json' }))).toThrow(/hold 12 bytes, its weightsManifest declares 5 float32 values \(20 bytes\)/);
  });

  it('refuses a weights path that is not a regular file', () => {
    const dir = path.join(root, 'task');
    writeModel(dir, 'sub');
    mkdirSync(path.join(dir, 'sub'));
    expect(() => loadTaskFile(writeTask(dir, { path: 'model.json' }))).toThrow(/"sub" is not a regular file/);
  });
});
