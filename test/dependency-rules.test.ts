/**
 * The workspace's dependency rules (.dependency-cruiser.cjs, run with dependency-cruiser's own
 * CLI exactly as `pnpm exec depcruise --config .dependency-cruiser.cjs packages examples test bench`):
 * the repository keeps them, and the same rules, built for a small tree written here, report
 * each kind of violation (a cycle, another package's src/ internals, a `node:` import in portable
 * code, undeclared dependencies) and nothing in the tree's allowed patterns.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const depcruiseBin = path.join(repoRoot, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

interface Violation {
  rule: { name: string };
  from: string;
  to: string;
}

/** Runs the depcruise CLI in `cwd` and returns its violations as `rule: from → to`, sorted. */
function depcruise(cwd: string, targets: string[]): Promise<string[]> {
  const args = [depcruiseBin, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', ...targets];
  return new Promise((resolve, reject) => {
    // The CLI exits non-zero when it finds violations; the JSON report is on stdout either way.
    execFile(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      let report: { summary: { violations: Violation[] } };
      try {
        report = JSON.parse(stdout) as typeof report;
      } catch {
        reject(new Error(`depcruise gave no JSON report (${error?.message ?? 'no error'}): ${stderr}`));
        return;
      }
      resolve(report.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`).sort());
    });
  });
}

function writeTree(root: string, files: Record<string, string>): void {
  for (const [file, contents] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), contents);
  }
}

const manifest = (fields: Record<string, unknown>) => JSON.stringify({ version: '0.0.0', type: 'module', ...fields }, null, 2);

/** A workspace in the repository's shape whose imports are all allowed. */
const ALLOWED: Record<string, string> = {
  'package.json': manifest({ name: 'fixture-root', private: true }),
  '.dependency-cruiser.cjs': `module.exports = require(${JSON.stringify(path.join(repoRoot, '.dependency-cruiser.cjs'))}).buildConfig(__dirname);\n`,
  'node_modules/leftpad/package.json': manifest({ name: 'leftpad', main: 'index.js' }),
  'node_modules/leftpad/index.js': 'export default (s) => s;\n',
  'node_modules/devtool/package.json': manifest({ name: 'devtool', main: 'index.js' }),
  'node_modules/devtool/index.js': 'export const check = () => true;\n',
  'packages/alpha/package.json': manifest({ name: '@fx/alpha', exports: { '.': { source: './src/index.ts', default: './dist/index.js' } } }),
  'packages/alpha/src/index.ts': "export { a } from './a.ts';\n",
  'packages/alpha/src/a.ts': "import { b } from './b.ts';\nexport const a = (): number => b + 1;\n",
  'packages/alpha/src/b.ts': 'export const b = 1;\n',
  'packages/alpha/src/internal.ts': 'export const internal = 2;\n',
  // A portable package whose Node-only file is chosen by the `node` condition of a #subpath.
  'packages/dp/package.json': manifest({
    name: '@fx/dp',
    exports: { '.': { source: './src/index.ts', default: './dist/index.js' } },
    imports: {
      '#random-backend': {
        source: { node: './src/random-node.ts', default: './src/random-web.ts' },
        node: './dist/random-node.js',
        default: './dist/random-web.js',
      },
    },
  }),
  'packages/dp/src/index.ts': "export { randomBytes } from '#random-backend';\n",
  'packages/dp/src/random-node.ts': "import { randomFillSync } from 'node:crypto';\nexport const randomBytes = (n: number) => randomFillSync(new Uint8Array(n));\n",
  'packages/dp/src/random-web.ts': 'export const randomBytes = (n: number) => globalThis.crypto.getRandomValues(new Uint8Array(n));\n',
  'packages/server/package.json': manifest({
    name: '@fx/server',
    exports: { '.': { source: './src/index.ts', default: './dist/index.js' } },
    dependencies: { '@fx/dp': 'workspace:*', leftpad: '^1.0.0' },
    devDependencies: { devtool: '^1.0.0' },
  }),
  'packages/server/src/index.ts': "import { readFileSync } from 'node:fs';\nimport leftpad from 'leftpad';\nimport { randomBytes } from '@fx/dp';\nexport const key = () => leftpad(String(randomBytes(4)[0])) + readFileSync.name;\n",
};

/** One file per kind of violation, added to the allowed tree. */
const VIOLATIONS: Record<string, string> = {
  // A cycle: a.ts → b.ts → a.ts.
  'packages/alpha/src/b.ts': "import { a } from './a.ts';\nexport const b = 1;\nexport const twice = () => a() * 2;\n",
  // A node: module in portable code, and the Node-only file imported without its condition.
  'packages/dp/src/clock.ts': "import { hrtime } from 'node:process';\nexport const now = () => hrtime.bigint();\n",
  'packages/dp/src/direct.ts': "export { randomBytes } from './random-node.ts';\n",
  // Another package's internals by a relative path, an undeclared workspace package, an undeclared npm package.
  'packages/server/src/deep.ts': "export { internal } from '../../alpha/src/internal.ts';\n",
  'packages/server/src/undeclared.ts': "export { a } from '@fx/alpha';\n",
  'packages/dp/src/pad.ts': "export { default as leftpad } from 'leftpad';\n",
  // A library using an application, a devDependency in src/, an import that resolves nowhere.
  'packages/dp/src/uses-server.ts': "export { key } from '@fx/server';\n",
  'packages/server/src/dev.ts': "export { check } from 'devtool';\n",
  'packages/server/src/missing.ts': "export { gone } from './gone.ts';\n",
};

const fixtures: string[] = [];

/** A fresh workspace with the allowed tree and `extra` files on top of it. */
function fixture(extra: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'conclave-dependency-rules-'));
  fixtures.push(root);
  writeTree(root, { ...ALLOWED, ...extra });
  mkdirSync(path.join(root, 'node_modules', '@fx'), { recursive: true });
  for (const name of ['alpha', 'dp', 'server']) {
    symlinkSync(path.join(root, 'packages', name), path.join(root, 'node_modules', '@fx', name), 'dir');
  }
  return root;
}

describe('dependency rules (.dependency-cruiser.cjs)', () => {
  afterAll(() => {
    for (const root of fixtures) rmSync(root, { recursive: true, force: true });
  });

  // About 10 s alone; the whole suite on two shared cores can stretch it well past the default.
  it('hold in the repository', async () => {
    expect(await depcruise(repoRoot, ['packages', 'examples', 'test', 'bench'])).toEqual([]);
  }, 180_000);

  it('accept a tree whose imports are all allowed', async () => {
    expect(await depcruise(fixture({}), ['packages'])).toEqual([]);
  });

  it('report a cycle, internals of another package, node: in portable code, undeclared dependencies and the rest', async () => {
    expect(await depcruise(fixture(VIOLATIONS), ['packages'])).toEqual(
      [
        'no-circular: packages/alpha/src/a.ts → packages/alpha/src/b.ts',
        'portable-no-node-builtins: packages/dp/src/clock.ts → process',
        'portable-node-files-only-through-conditions: packages/dp/src/direct.ts → packages/dp/src/random-node.ts',
        'no-internals-of-other-packages--packages-server: packages/server/src/deep.ts → packages/alpha/src/internal.ts',
        'no-relative-import-of-other-packages--packages-server: packages/server/src/deep.ts → packages/alpha/src/internal.ts',
        'no-undeclared-workspace-dependency--packages-server: packages/server/src/deep.ts → packages/alpha/src/internal.ts',
        'no-undeclared-workspace-dependency--packages-server: packages/server/src/undeclared.ts → packages/alpha/src/index.ts',
        'no-undeclared-dependency: packages/dp/src/pad.ts → node_modules/leftpad/index.js',
        'no-undeclared-workspace-dependency--packages-dp: packages/dp/src/uses-server.ts → packages/server/src/index.ts',
        'libraries-depend-on-nothing-of-ours: packages/dp/src/uses-server.ts → packages/server/src/index.ts',
        'nothing-of-ours-uses-the-applications: packages/dp/src/uses-server.ts → packages/server/src/index.ts',
        'src-no-dev-dependency: packages/server/src/dev.ts → node_modules/devtool/index.js',
        'no-unresolvable: packages/server/src/missing.ts → ./gone.ts',
      ].sort(),
    );
  });
});
