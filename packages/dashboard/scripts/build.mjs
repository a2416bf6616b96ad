#!/usr/bin/env node
// Builds the dashboard into dist/ without a moment where dist/ is empty or half-written: Vite
// writes to a staging directory beside it, which then replaces dist/ by two renames. A coordinator
// (or a test) serving dist/ while another build runs — `pnpm pack:packages` builds it too — sees
// the old files or the new ones, never a mix.
//
// Usage (from the repository root): pnpm --filter @conclave/dashboard build
import { renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const staging = path.join(root, `.dist-staging-${process.pid}`);
const old = path.join(root, `.dist-old-${process.pid}`);

try {
  await build({ root, configFile: path.join(root, 'vite.config.ts'), build: { outDir: staging, emptyOutDir: true } });
  try {
    renameSync(dist, old);
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  renameSync(staging, dist);
} finally {
  rmSync(staging, { recursive: true, force: true });
  rmSync(old, { recursive: true, force: true });
}
