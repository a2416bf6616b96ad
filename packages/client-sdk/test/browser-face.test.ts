/**
 * The SDK's two faces: `src/index.ts` (Node) and `src/browser.ts` (browsers) export one shared
 * core, and the browser face — everything it imports — bundles for browsers with no Node
 * module. esbuild's metafile lists every input of the bundle; none may be a `node:` module, ws,
 * better-sqlite3, tfjs-node, or one of our Node-only files.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { describe, expect, it } from 'vitest';
import * as browserFace from '../src/browser.ts';
import * as core from '../src/core.ts';
import * as nodeFace from '../src/index.ts';

const PKG = fileURLToPath(new URL('..', import.meta.url));

/** Our files that import Node modules: the Node face only. */
const NODE_ONLY = ['src/index.ts', 'src/identity-file.ts', 'src/kv-store-file.ts', 'src/sqlite-example-store.ts', 'src/encrypted-sqlite-example-store.ts', 'src/train/worker-trainer.ts', 'src/train/train-worker-main.ts', 'src/train/backend.ts', 'src/train/inline-trainer.ts'];
const NODE_PACKAGE = /(^|\/)node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(ws|better-sqlite3|@tensorflow\/tfjs-node)\//;
const NODE_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](node:[^'"]+|ws|better-sqlite3|@tensorflow\/tfjs-node)['"]/;

async function bundleInputs(entry: string): Promise<string[]> {
  const result = await esbuild.build({
    absWorkingDir: PKG,
    entryPoints: [entry],
    bundle: true,
    write: false,
    outdir: 'bundle-check',
    format: 'esm',
    platform: 'browser',
    // The workspace's packages resolve to their TypeScript source (the packaging convention's condition).
    conditions: ['source'],
    metafile: true,
    logLevel: 'silent',
  });
  return Object.keys(result.metafile.inputs);
}

describe('the browser face', () => {
  it('bundles for browsers with no node: module, ws, better-sqlite3 or Node-only file among its inputs', async () => {
    const inputs = await bundleInputs('src/browser.ts');
    expect(inputs).toContain('src/browser.ts');
    expect(inputs).toContain('src/core.ts');
    expect(inputs).toContain('src/client.ts');
    expect(inputs.filter((i) => i.startsWith('node:'))).toEqual([]);
    expect(inputs.filter((i) => NODE_PACKAGE.test(i))).toEqual([]);
    expect(inputs.filter((i) => NODE_ONLY.includes(i))).toEqual([]);
    // And no source file in the bundle imports one (our packages' files, read directly).
    const ours = inputs.filter((i) => !i.includes('node_modules') && !i.startsWith('(') && /\.(ts|js|mjs)$/.test(i));
    expect(ours.length).toBeGreaterThan(20);
    expect(ours.filter((f) => NODE_IMPORT.test(readFileSync(path.join(PKG, f), 'utf8')))).toEqual([]);
  });

  it('would be caught importing a Node-only file: the Node face’s bundle lists them', async () => {
    // The same check against src/index.ts (bundled for Node) must see what the browser face must not.
    const result = await esbuild.build({ absWorkingDir: PKG, entryPoints: ['src/index.ts'], bundle: true, write: false, outdir: 'bundle-check', format: 'esm', platform: 'node', conditions: ['source'], metafile: true, logLevel: 'silent', packages: 'external' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toEqual(expect.arrayContaining(['src/index.ts', 'src/core.ts', 'src/identity-file.ts', 'src/train/worker-trainer.ts']));
  });
});

describe('the faces share one core', () => {
  it('both export every name of the core, and each its own createClient', () => {
    const names = Object.keys(core).sort();
    expect(names.length).toBeGreaterThan(20);
    expect(Object.keys(nodeFace)).toEqual(expect.arrayContaining(names));
    expect(Object.keys(browserFace)).toEqual(expect.arrayContaining(names));
    for (const name of names) {
      expect((nodeFace as Record<string, unknown>)[name], name).toBe((core as Record<string, unknown>)[name]);
      expect((browserFace as Record<string, unknown>)[name], name).toBe((core as Record<string, unknown>)[name]);
    }
    expect(typeof nodeFace.createClient).toBe('function');
    expect(typeof browserFace.createClient).toBe('function');
    expect(nodeFace.createClient).not.toBe(browserFace.createClient);
    expect('createClient' in core).toBe(false);
  });

  it('keep Node-only pieces on the Node face and browser-only ones on the browser face', () => {
    for (const name of ['SqliteExampleStore', 'EncryptedSqliteExampleStore', 'FileKeyValueStore', 'loadOrCreateIdentity', 'createWorkerTrainer', 'createInlineTrainer', 'initTensorflow']) {
      expect(name in nodeFace, name).toBe(true);
      expect(name in browserFace, name).toBe(false);
    }
    for (const name of ['createBrowserClient', 'loadOrCreateBrowserIdentity', 'createWebWorkerTrainer']) {
      expect(name in browserFace, name).toBe(true);
      expect(name in nodeFace, name).toBe(false);
    }
  });
});
