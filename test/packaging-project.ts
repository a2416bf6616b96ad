/**
 * What the packaging test needs to act as a tool team outside this workspace: an environment
 * without the workspace's loaders and binaries, commands with their output kept for errors, the
 * README's snippets, a local prebuild of better-sqlite3, and a static web server for the page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * process.env as a shell outside the workspace has it: no NODE_OPTIONS (the tests resolve the
 * `source` condition through it), no npm_/pnpm_ variables a package-manager script inherits, and
 * no directory of this repository on PATH (so no tsx, tsc or vitest from here).
 */
export function outsideEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined || k === 'NODE_OPTIONS' || k === 'INIT_CWD' || /^(npm|pnpm)_/i.test(k) || k.startsWith('VITEST') || k === 'TSX_TSCONFIG_PATH') continue;
    env[k] = v;
  }
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => dir !== '' && !path.resolve(dir).startsWith(ROOT + path.sep))
    .join(path.delimiter);
  return { ...env, ...extra };
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a command to completion; rejects with its output when it fails or outlives `timeoutMs`. */
export function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? outsideEnv(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`${cmd} ${args.join(' ')} took longer than ${opts.timeoutMs} ms\n${stdout}\n${stderr}`));
    }, opts.timeoutMs ?? 300_000);
    child.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else reject(new Error(`${cmd} ${args.join(' ')} in ${opts.cwd} failed (${signal ?? `exit ${code}`})\n--- stdout\n${stdout}\n--- stderr\n${stderr}`));
    });
  });
}

/** A long-running process (coordinator, device) whose output is kept; `exited` settles on exit. */
export interface Background {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first stdout match of `pattern`; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function start(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv }): Background {
  // Its own process group, so that npx's shell and the node it starts are stopped together.
  const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  const waiters = new Set<() => void>();
  child.stdout!.on('data', (d: Buffer) => {
    stdout += d;
    for (const w of waiters) w();
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  const output = () => `$ ${cmd} ${args.join(' ')}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`;
  return {
    child,
    output,
    exited,
    waitFor(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const m = stdout.match(pattern);
          if (m) {
            done();
            resolve(m);
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} within ${timeoutMs} ms\n${output()}`));
        }, timeoutMs);
        const onExit = ({ code, signal }: { code: number | null; signal: NodeJS.Signals | null }) => {
          done();
          reject(new Error(`exited (${signal ?? `code ${code}`}) before printing ${pattern}\n${output()}`));
        };
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        void exited.then((e) => (waiters.has(check) ? onExit(e) : undefined));
        check();
      });
    },
  };
}

/** Stops a process started here and everything it started (its process group). */
export function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/**
 * The README's code blocks marked `<!-- packaging-test: NAME -->`, by name: the snippets the
 * packaging test runs exactly as a reader would paste them.
 */
export function readmeSnippets(): Map<string, string> {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const snippets = new Map<string, string>();
  for (const m of readme.matchAll(/<!-- packaging-test: ([\w./-]+) -->\s*\n```\w*\n([\s\S]*?)\n```/g)) snippets.set(m[1]!, `${m[2]!}\n`);
  return snippets;
}

/**
 * better-sqlite3 compiles SQLite from source when no prebuilt binary can be downloaded (about a
 * minute, or two on a busy machine). prebuild-install, which its install script runs first, takes
 * a binary from a local directory when `npm_config_better_sqlite3_local_prebuilds` names one: this
 * packs the binary the workspace's install already compiled in the layout prebuild-install expects.
 * Returns the environment for npm and the version to pin, or undefined (npm then compiles).
 */
export function localBetterSqlitePrebuild(dir: string): { env: Record<string, string>; version: string } | undefined {
  const require = createRequire(path.join(ROOT, 'packages/server/package.json'));
  const pkgDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const version = (JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string }).version;
  const binary = path.join(pkgDir, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(binary) || process.platform !== 'linux') return undefined;
  mkdirSync(dir, { recursive: true });
  const tarball = path.join(dir, `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`);
  const tar = spawnSync('tar', ['-czf', tarball, '-C', pkgDir, 'build/Release/better_sqlite3.node'], { stdio: 'pipe', encoding: 'utf8' });
  if (tar.status !== 0) throw new Error(`packing the better-sqlite3 binary failed: ${tar.error?.message ?? tar.stderr}`);
  return { env: { npm_config_better_sqlite3_local_prebuilds: dir }, version };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
};

/** Serves `root` as static files, plus the JSON `routes` (the tool's own backend). */
export async function serveStatic(root: string, routes: Record<string, () => unknown>): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes[url.pathname];
    if (route) return void res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(route()));
    const file = path.resolve(root, `.${decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)}`);
    if (!file.startsWith(root + path.sep) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}
