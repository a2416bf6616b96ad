#!/usr/bin/env node
// Builds the browser SDK into dist/browser/ (gitignored; tests build it when they run):
//   conclave-sdk.js        ESM bundle of src/browser.ts
//   chunk-*.js             what it imports dynamically (the PII lexicon, fetched after start)
//   web-worker-entry.js    the training worker (TensorFlow.js, train-core.ts)
//   tfjs-backend-wasm*.wasm  the WebAssembly backend's binaries, loaded by the worker
// Node-only modules never reach the bundle: the packages' `browser` export conditions choose the
// browser faces, and any import of a Node-only module by our code fails the build, naming it.
//
// Usage: node scripts/build-browser.mjs [--outdir DIR] [--minify]
// Also importable: `buildBrowserSdk({ outdir })`, `bundleBrowserApp({ ... })`.
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const here = path.dirname(fileURLToPath(import.meta.url));
const pkgDir = path.resolve(here, '..');
const srcDir = path.join(pkgDir, 'src');
export const DEFAULT_OUTDIR = path.join(pkgDir, 'dist', 'browser');

/**
 * The SDK's Node-only files (the Node face and what only it imports): one of them in the browser
 * graph is a bug, so the build fails and says who imported it. Node-only files of proto, secagg and
 * dp never get here: their package.json `imports` select them with the `node` condition.
 */
const NODE_ONLY_FILES = [
  'index.ts',
  'sqlite-example-store.ts',
  'encrypted-sqlite-example-store.ts',
  'identity-file.ts',
  'kv-store-file.ts',
  'train/worker-trainer.ts',
  'train/train-worker-main.ts',
  'train/train-worker.mjs',
].map((f) => path.join(srcDir, f));
const NODE_ONLY_PACKAGES = /^(node:|better-sqlite3$|ws$|@tensorflow\/tfjs-node|worker_threads$|fs$|path$|crypto$|tsx(\/|$))/;

/** esbuild plugin: browser redirects and the Node-only guard. */
export function browserPlugin() {
  return {
    name: 'conclave-browser',
    setup(build) {
      // train-core.ts imports ./backend.ts (Node's backend choice); the browser gets backend.browser.ts.
      build.onResolve({ filter: /[\\/]backend\.ts$/ }, (args) => {
        const resolved = path.resolve(args.resolveDir, args.path);
        if (resolved === path.join(srcDir, 'train', 'backend.ts')) return { path: path.join(srcDir, 'train', 'backend.browser.ts') };
        return undefined;
      });
      build.onResolve({ filter: /.*/ }, (args) => {
        if (args.kind === 'entry-point') return undefined;
        const isRelative = args.path.startsWith('.') || path.isAbsolute(args.path);
        if (isRelative) {
          const resolved = path.resolve(args.resolveDir, args.path);
          if (NODE_ONLY_FILES.includes(resolved)) {
            return { errors: [{ text: `Node-only module ${path.relative(pkgDir, resolved)} imported by ${path.relative(pkgDir, args.importer)} would end up in the browser bundle` }] };
          }
          return undefined;
        }
        // Third-party bundles (emscripten output, tfjs) guard their own Node paths and map them
        // away in their package.json "browser" fields; the guard is for our code.
        const ours = !args.importer.includes(`${path.sep}node_modules${path.sep}`);
        if (ours && NODE_ONLY_PACKAGES.test(args.path)) {
          return { errors: [{ text: `Node-only module "${args.path}" imported by ${path.relative(pkgDir, args.importer)} would end up in the browser bundle` }] };
        }
        return undefined;
      });
    },
  };
}

const common = {
  bundle: true,
  format: 'esm',
  platform: 'browser',
  // Our packages' `source` condition (src/*.ts, as in the workspace's tests), then their browser
  // faces: the SDK's `.` is src/browser.ts and secagg's #crypto-backend/#prg-backend are the
  // WebCrypto + tweetnacl files.
  conditions: ['source', 'browser'],
  target: ['es2022', 'chrome111', 'firefox111', 'safari16.4'],
  sourcemap: true,
  logLevel: 'silent',
  legalComments: 'none',
  // tfjs and protobufjs probe for Node through `process`/`require`; in a browser those are absent.
  define: { 'process.env.NODE_ENV': '"production"' },
};

/** Builds the SDK bundle, the worker and copies the wasm binaries into `outdir`. */
export async function buildBrowserSdk({ outdir = DEFAULT_OUTDIR, minify = false } = {}) {
  mkdirSync(outdir, { recursive: true });
  // The page imports the SDK by URL; its dynamic imports (the PII lexicon, loaded after start)
  // become chunk-*.js files next to it, fetched relative to it.
  const sdk = await esbuild.build({
    ...common,
    minify,
    entryPoints: { 'conclave-sdk': path.join(srcDir, 'browser.ts') },
    outdir,
    splitting: true,
    metafile: true,
    plugins: [browserPlugin()],
  });
  // The worker is fetched by URL as one file.
  const worker = await esbuild.build({
    ...common,
    minify,
    entryPoints: { 'web-worker-entry': path.join(srcDir, 'train', 'web-worker-entry.ts') },
    outdir,
    splitting: false,
    metafile: true,
    plugins: [browserPlugin()],
  });
  const result = {
    metafile: { inputs: { ...sdk.metafile.inputs, ...worker.metafile.inputs }, outputs: { ...sdk.metafile.outputs, ...worker.metafile.outputs } },
    warnings: [...sdk.warnings, ...worker.warnings],
  };
  const wasmDir = path.join(path.dirname(createRequire(path.join(pkgDir, 'package.json')).resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist');
  const wasmFiles = readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'));
  for (const f of wasmFiles) copyFileSync(path.join(wasmDir, f), path.join(outdir, f));
  return { outdir, metafile: result.metafile, wasmFiles, warnings: result.warnings };
}

/**
 * Bundles a page script that imports the SDK's browser entry (src/browser.ts): the import is left
 * to the page to load at `sdkUrl` (the built conclave-sdk.js), so the page and the SDK bundle
 * share one module instance and the worker URL resolves next to the SDK.
 */
export async function bundleBrowserApp({ entry, outfile, sdkUrl }) {
  const browserEntry = path.join(srcDir, 'browser.ts');
  await esbuild.build({
    ...common,
    entryPoints: [entry],
    outfile,
    plugins: [
      {
        name: 'conclave-sdk-external',
        setup(build) {
          build.onResolve({ filter: /browser\.ts$|^@conclave\/client-sdk\/browser$/ }, (args) => {
            const resolved = args.path.startsWith('@') ? browserEntry : path.resolve(args.resolveDir, args.path);
            return resolved === browserEntry ? { path: sdkUrl, external: true } : undefined;
          });
        },
      },
    ],
  });
  return { outfile };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--outdir');
  const outdir = at >= 0 && args[at + 1] ? path.resolve(args[at + 1]) : DEFAULT_OUTDIR;
  const started = Date.now();
  try {
    const { metafile, wasmFiles } = await buildBrowserSdk({ outdir, minify: args.includes('--minify') });
    for (const [file, out] of Object.entries(metafile.outputs)) {
      if (!file.endsWith('.map')) console.log(`${path.relative(process.cwd(), file)}  ${(out.bytes / 1024).toFixed(0)} KiB`);
    }
    console.log(`${wasmFiles.length} wasm files copied; built in ${Date.now() - started} ms`);
  } catch (err) {
    // esbuild has already printed located errors when logLevel allows; say it plainly too.
    console.error(`browser build failed: ${err.message}`);
    process.exitCode = 1;
  }
}
