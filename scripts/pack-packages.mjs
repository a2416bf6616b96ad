#!/usr/bin/env node
// Builds the six publishable packages and packs them with `pnpm pack` (workspace:* dependencies
// become their versions), for a tool team to install with plain npm.
//
// Usage (from the repository root): pnpm pack:packages [--out DIR] [--no-build]
//   --out DIR    where the tarballs go, emptied first (default .tmp/packages)
//   --no-build   pack the dist/ already built
// Prints one tarball path per line.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

// The dashboard's built app ships with the server, which serves it.
const PUBLISHED = ['proto', 'secagg', 'dp', 'client-sdk', 'dashboard', 'server'];

const { values } = parseArgs({ options: { out: { type: 'string', default: '.tmp/packages' }, 'no-build': { type: 'boolean', default: false } }, strict: true });
const root = path.resolve(import.meta.dirname, '..');
const out = path.resolve(values.out);

/** The pnpm that runs this script (npm_execpath), else the one on PATH. */
function pnpm(args, { quiet = false } = {}) {
  const execPath = process.env.npm_execpath;
  const viaPnpm = execPath && /pnpm/.test(path.basename(execPath));
  const [cmd, cmdArgs] = viaPnpm && /\.[cm]?js$/.test(execPath) ? [process.execPath, [execPath, ...args]] : [viaPnpm ? execPath : 'pnpm', args];
  // stdout is this script's answer (the tarball list): pnpm's own output goes to stderr.
  const run = spawnSync(cmd, cmdArgs, { cwd: root, stdio: ['ignore', quiet ? 'pipe' : 2, 'inherit'], encoding: 'utf8' });
  if (run.status !== 0) {
    if (quiet) process.stderr.write(run.stdout ?? '');
    console.error(`pack-packages: pnpm ${args.join(' ')} failed (${run.error?.message ?? `exit ${run.status ?? run.signal}`})`);
    process.exit(1);
  }
}

const filters = PUBLISHED.flatMap((p) => ['--filter', `./packages/${p}`]);
if (!values['no-build']) pnpm([...filters, 'run', 'build']);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
pnpm([...filters, 'pack', '--pack-destination', out], { quiet: true });
const tarballs = readdirSync(out).filter((f) => f.endsWith('.tgz'));
if (tarballs.length !== PUBLISHED.length) {
  console.error(`pack-packages: expected ${PUBLISHED.length} tarballs in ${out}, found ${tarballs.length}: ${tarballs.join(', ')}`);
  process.exit(1);
}
for (const t of tarballs.sort()) console.log(path.join(out, t));
