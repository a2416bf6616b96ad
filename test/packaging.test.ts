/**
 * The six packages as a tool team gets them, outside this workspace: built and packed
 * (`pnpm pack:packages`), installed with plain `npm install` into fresh projects under the system's
 * temporary directory, run with plain `node` and no TypeScript loader. The projects follow the
 * README's "Install the SDK" snippets exactly: a coordinator (`npx conclave serve`) gets a task and
 * enrollment tokens through its CLI; two Node devices run the README's device.mjs; the README's
 * app.js is bundled with esbuild and runs in headless Chromium. The three devices complete one
 * secure-aggregation round.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killGroup, localBetterSqlitePrebuild, outsideEnv, readmeSnippets, ROOT, run, serveStatic, start, type Background } from './packaging-project.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PACKAGES = ['proto', 'secagg', 'dp', 'client-sdk', 'dashboard', 'server'] as const;
const SDK_PACKAGES = ['proto', 'secagg', 'dp', 'client-sdk'];
// The coordinator serves the dashboard's built app: the server package depends on it.
const COORDINATOR_PACKAGES = ['proto', 'secagg', 'dp', 'dashboard', 'server'];
const STREAM = 'search-queries';
const MINUTE = 60_000;

const snippets = readmeSnippets();
const snippet = (name: string): string => {
  const code = snippets.get(name);
  if (!code) throw new Error(`README.md has no code block marked <!-- packaging-test: ${name} --> (found: ${[...snippets.keys()].join(', ')})`);
  return code;
};

let work: string;
let packDir: string;
let coordinatorDir: string;
let toolDir: string;
let installEnv: NodeJS.ProcessEnv;
const processes: Background[] = [];
let browser: Browser | undefined;
let web: Server | undefined;

/** A fresh npm project: the tool team's `package.json`, with better-sqlite3 pinned to the local prebuild's version. */
function freshProject(name: string, betterSqlite3?: string): string {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  const manifest = { name, version: '1.0.0', private: true, type: 'module', ...(betterSqlite3 ? { overrides: { 'better-sqlite3': betterSqlite3 } } : {}) };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  return dir;
}

/** A task over the README's stream: logistic regression on hashed words, one secure round of three devices. */
async function taskFile(): Promise<Record<string, unknown>> {
  const dim = 64;
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [dim], units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 5 }) })] });
  let artifacts!: tf.io.ModelArtifacts;
  await model.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  model.dispose();
  return {
    name: 'Search ranking',
    purpose: 'Learns which searches lead to a document people open, so the search box ranks results better.',
    stream: STREAM,
    model: { modelTopology: artifacts.modelTopology, weightSpecs: artifacts.weightSpecs, weightsBase64: Buffer.from(artifacts.weightData as ArrayBuffer).toString('base64') },
    features: { kind: 'hashed-bow', dim, lowercase: true, ngrams: 1, stripHtml: true, signed: true, weighting: 'log', normalize: 'l2' },
    loss: 'binaryCrossentropy',
    training: { localEpochs: 1, batchSize: 4, clientLearningRate: 0.5 },
    // All three devices (two Node, one browser) in the round: secure aggregation's minimum.
    cohort: { goal: 3, minimum: 3, overSelection: 1 },
    rounds: 1,
    timeouts: { selectionMs: 3 * MINUTE, roundMs: 3 * MINUTE },
    evaluation: { evalFraction: 0.2, finalRound: false },
    secureAggregation: { enabled: true },
  };
}

/** Every `exports` target outside the `source` condition, as [where, target]. */
function builtTargets(exportsField: unknown, where = 'exports'): [string, string][] {
  if (typeof exportsField === 'string') return [[where, exportsField]];
  if (!exportsField || typeof exportsField !== 'object') return [];
  return Object.entries(exportsField).flatMap(([k, v]) => (k === 'source' ? [] : builtTargets(v, `${where}.${k}`)));
}

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'conclave-packaging-'));
  packDir = path.join(work, 'packages');
  // The reader's command: builds the six packages and packs them with `pnpm pack`.
  const packed = await run(process.execPath, [path.join(ROOT, 'scripts/pack-packages.mjs'), '--out', packDir], { cwd: ROOT, env: process.env, timeoutMs: 8 * MINUTE });
  expect(packed.stdout.trim().split('\n').map((f) => path.basename(f))).toEqual(PACKAGES.map((p) => `conclave-${p}-0.1.0.tgz`).sort());

  const prebuild = localBetterSqlitePrebuild(path.join(work, 'prebuilds'));
  installEnv = outsideEnv({ CONCLAVE_PACKAGES: packDir, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false', ...prebuild?.env });
  coordinatorDir = freshProject('coordinator', prebuild?.version);
  toolDir = freshProject('tool', prebuild?.version);
  // The README's install commands, as pasted, in two projects at once.
  await Promise.all([
    run('sh', ['-c', snippet('install-server.sh')], { cwd: coordinatorDir, env: installEnv, timeoutMs: 8 * MINUTE }),
    run('sh', ['-c', snippet('install-sdk.sh')], { cwd: toolDir, env: installEnv, timeoutMs: 8 * MINUTE }),
  ]);
  writeFileSync(path.join(toolDir, 'device.mjs'), snippet('device.mjs'));
  writeFileSync(path.join(toolDir, 'app.js'), snippet('app.js'));
  mkdirSync(path.join(toolDir, 'public'));
  writeFileSync(path.join(toolDir, 'public/index.html'), snippet('public/index.html'));
  await run('sh', ['-c', snippet('bundle.sh')], { cwd: toolDir, env: installEnv, timeoutMs: 5 * MINUTE });
}, 20 * MINUTE);

afterAll(async () => {
  await browser?.close();
  web?.closeAllConnections();
  web?.close();
  for (const p of processes) killGroup(p.child, 'SIGKILL');
  if (work && !process.env.CONCLAVE_KEEP_PACKAGING) rmSync(work, { recursive: true, force: true });
});

describe('the packed packages, installed with npm outside the workspace', () => {
  it('are public packages of compiled JavaScript, declarations and source maps, with every export target present and no TypeScript loader', () => {
    for (const [dir, names] of [[coordinatorDir, COORDINATOR_PACKAGES], [toolDir, SDK_PACKAGES]] as const) {
      for (const name of names) {
        const pkgDir = path.join(dir, 'node_modules/@conclave', name);
        const manifest = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as Record<string, any>;
        expect(manifest.private, name).toBeUndefined();
        expect(Object.keys(manifest.exports['.'])[0], `${name}: "source" comes first`).toBe('source');
        for (const [where, target] of [...builtTargets(manifest.exports), ...builtTargets(manifest.imports ?? {}, 'imports'), ['main', manifest.main], ['types', manifest.types]]) {
          if (target.includes('*') || target === './package.json') continue;
          expect(existsSync(path.join(pkgDir, target)), `${name} ${where} → ${target}`).toBe(true);
        }
        // The dashboard's Node entry (where its built app is) is in lib/; dist/ holds the app itself.
        const built = name === 'dashboard' ? ['lib/index.js', 'lib/index.js.map', 'lib/index.d.ts', 'dist/index.html'] : ['dist/index.js', 'dist/index.js.map', 'dist/index.d.ts'];
        for (const f of built) expect(existsSync(path.join(pkgDir, f)), `${name} ${f}`).toBe(true);
        expect(JSON.stringify(manifest.dependencies ?? {}), `${name} depends on no workspace: protocol`).not.toContain('workspace:');
      }
      expect(existsSync(path.join(dir, 'node_modules/tsx')), `tsx installed in ${path.basename(dir)}`).toBe(false);
      expect(existsSync(path.join(dir, 'node_modules/typescript')), `typescript installed in ${path.basename(dir)}`).toBe(false);
    }
    const sdk = path.join(toolDir, 'node_modules/@conclave/client-sdk');
    // What tsc does not emit: protobufjs's static module, the worker-thread entry, the browser assets.
    expect(existsSync(path.join(toolDir, 'node_modules/@conclave/proto/dist/generated/conclave.js'))).toBe(true);
    expect(readFileSync(path.join(sdk, 'dist/train/train-worker.mjs'), 'utf8')).not.toMatch(/tsx|\.ts['"]/);
    const assets = readdirSync(path.join(sdk, 'dist/browser'));
    expect(assets).toEqual(expect.arrayContaining(['conclave-sdk.js', 'web-worker-entry.js', 'tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm']));
    expect(readFileSync(path.join(coordinatorDir, 'node_modules/@conclave/server/bin/conclave.mjs'), 'utf8')).toContain("'../dist/cli.js'");
  });

  it('give a TypeScript project their declarations: the Node face, the browser face and the coordinator', async () => {
    const compilerOptions = { target: 'es2022', strict: true, noEmit: true, skipLibCheck: true, lib: ['es2023', 'dom'], types: [] };
    const tsconfig = { compilerOptions: { ...compilerOptions, module: 'nodenext', moduleResolution: 'nodenext' }, files: ['check.ts'] };
    writeFileSync(path.join(toolDir, 'tsconfig.json'), JSON.stringify(tsconfig));
    writeFileSync(
      path.join(toolDir, 'check.ts'),
      [
        "import { createClient, type ConclaveClient } from '@conclave/client-sdk';",
        "import { createBrowserClient, type BrowserClient } from '@conclave/client-sdk/browser';",
        '// @ts-expect-error the default types are the Node face, which has no browser client',
        "import { createBrowserClient as notInNode } from '@conclave/client-sdk';",
        "export const client: ConclaveClient = createClient({ url: 'ws://127.0.0.1:7300/v1/devices', enrollmentToken: 'token' });",
        "export const page: Promise<BrowserClient> = createBrowserClient({ url: 'ws://127.0.0.1:7300/v1/devices' });",
        '// @ts-expect-error a stream is named by a string (fails if the declarations were not found)',
        "void client.record(42, { text: 'x', label: 1 });",
        'void notInNode;',
        '',
      ].join('\n'),
    );
    // A bundler project that resolves the `browser` condition gets the browser face's types from ".".
    const bundler = { compilerOptions: { ...compilerOptions, module: 'esnext', moduleResolution: 'bundler', customConditions: ['browser'] }, files: ['check-browser.ts'] };
    writeFileSync(path.join(toolDir, 'tsconfig.browser.json'), JSON.stringify(bundler));
    writeFileSync(
      path.join(toolDir, 'check-browser.ts'),
      [
        "import { createBrowserClient, type BrowserClient } from '@conclave/client-sdk';",
        "export const page: Promise<BrowserClient> = createBrowserClient({ url: 'ws://127.0.0.1:7300/v1/devices' });",
        '',
      ].join('\n'),
    );
    writeFileSync(path.join(coordinatorDir, 'tsconfig.json'), JSON.stringify(tsconfig));
    writeFileSync(
      path.join(coordinatorDir, 'check.ts'),
      [
        "import { serve, type RunningServer } from '@conclave/server';",
        "export const server: Promise<RunningServer> = serve({ dataDir: 'data', port: 0 });",
        '// @ts-expect-error the port is a number',
        "void serve({ dataDir: 'data', port: '7300' });",
        '',
      ].join('\n'),
    );
    const tsc = createRequire(path.join(ROOT, 'package.json')).resolve('typescript/bin/tsc');
    await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: toolDir, timeoutMs: 2 * MINUTE });
    await run(process.execPath, [tsc, '-p', 'tsconfig.browser.json'], { cwd: toolDir, timeoutMs: 2 * MINUTE });
    await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: coordinatorDir, timeoutMs: 2 * MINUTE });
  }, 5 * MINUTE);

  it('resolve "@conclave/client-sdk" to the browser face in a browser bundle: no SQLite, ws or node: module', async () => {
    // The project's own esbuild, installed by the README's bundle.sh.
    const esbuild = createRequire(path.join(toolDir, 'package.json'))('esbuild') as { build(o: object): Promise<{ metafile: { inputs: Record<string, unknown> } }> };
    const result = await esbuild.build({
      stdin: { contents: "export { createBrowserClient } from '@conclave/client-sdk';", resolveDir: toolDir },
      absWorkingDir: toolDir,
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs).toContain('node_modules/@conclave/client-sdk/dist/browser.js');
    expect(inputs.filter((f) => /better-sqlite3|node_modules\/ws\/|client-sdk\/dist\/index\.js|tfjs-node/.test(f))).toEqual([]);
  });

  it('run a coordinator (npx conclave serve), two Node devices and a browser page through one secure round', async () => {
    const coordinator = start('npx', ['conclave', 'serve', '--port', '0', '--data-dir', 'conclave-data'], { cwd: coordinatorDir, env: outsideEnv() });
    processes.push(coordinator);
    await coordinator.waitFor(/^Try: /m, MINUTE);
    const out = coordinator.output();
    const adminUrl = out.match(/admin API\s+(http:\S+)/)![1]!;
    const deviceUrl = out.match(/devices\s+(ws:\S+)/)![1]!;
    const token = out.match(/admin token\s+(\S+)/)![1]!;
    const cli = (...args: string[]) => run('npx', ['conclave', ...args], { cwd: coordinatorDir, env: outsideEnv({ CONCLAVE_URL: adminUrl, CONCLAVE_TOKEN: token }), timeoutMs: MINUTE });
    const admin = async <T,>(route: string): Promise<T> => (await (await fetch(adminUrl + route, { headers: { authorization: `Bearer ${token}` } })).json()) as T;
    // The installed coordinator serves the dashboard's built app at / (no build step on this machine).
    const home = await fetch(adminUrl + '/');
    expect(home.status).toBe(200);
    expect(await home.text()).toMatch(/<script type="module"[^>]* src="\/assets\/index-[^"]+\.js"/);

    // The keys held apart from the coordinator: the approver's (tasks) and the enrollment authority's (devices).
    await cli('approver', 'init', '--out', 'keys/approver', '--name', 'Works council');
    await cli('authority', 'init', '--out', 'keys/authority', '--name', 'IT enrollment');
    writeFileSync(path.join(coordinatorDir, 'task.json'), JSON.stringify(await taskFile()));
    const taskId = (JSON.parse((await cli('task', 'create', '--file', 'task.json', '--json')).stdout) as { id: string }).id;
    const { tokens } = JSON.parse((await cli('enroll', '--count', '3', '--json')).stdout) as { tokens: string[] };
    expect(tokens).toHaveLength(3);

    // The tool team gets the two public key files; its devices pin them.
    const approverPublic = readFileSync(path.join(coordinatorDir, 'keys/approver/approver.pub.json'), 'utf8');
    const authorityPublic = readFileSync(path.join(coordinatorDir, 'keys/authority/authority.pub.json'), 'utf8');
    writeFileSync(path.join(toolDir, 'approver.pub.json'), approverPublic);
    writeFileSync(path.join(toolDir, 'authority.pub.json'), authorityPublic);

    // Two Node devices: the README's device.mjs, each with its own state directory.
    const devices = [0, 1].map((i) =>
      start(process.execPath, ['device.mjs'], {
        cwd: toolDir,
        env: outsideEnv({ CONCLAVE_DEVICE_URL: deviceUrl, CONCLAVE_ENROLLMENT_TOKEN: tokens[i]!, CONCLAVE_STATE_DIR: `device-${i}` }),
      }),
    );
    processes.push(...devices);

    // The page, with the tool's backend endpoint the README's app.js asks for its configuration.
    const site = await serveStatic(path.join(toolDir, 'public'), {
      '/conclave/config': () => ({ deviceUrl, enrollmentToken: tokens[2], approver: JSON.parse(approverPublic), authority: JSON.parse(authorityPublic) }),
    });
    web = site.server;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'] });
    const page = await browser.newPage();
    const pageErrors: string[] = [];
    const consoleLines: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => consoleLines.push(m.text()));
    await page.goto(site.url);

    // Once the three devices have enrolled, the authority certifies them and the approver signs
    // the task, which then starts.
    await expect.poll(async () => (await admin<{ devices: unknown[] }>('/api/devices')).devices.length, { timeout: 4 * MINUTE, interval: 250 }).toBe(3);
    await cli('authority', 'sign', '--key', 'keys/authority/authority.key', '--all-pending');
    await cli('task', 'approve', taskId, '--key', 'keys/approver/approver-key.json');

    const contributed = `contributed to round 1 of task ${taskId}`;
    await Promise.all(devices.map((d) => d.waitFor(new RegExp(contributed), 4 * MINUTE)));
    await expect.poll(() => consoleLines.some((l) => l.includes(contributed)), { timeout: 4 * MINUTE, interval: 200 }).toBe(true);

    // The coordinator committed the round: the task's one round is done.
    const status = JSON.parse((await cli('task', 'status', taskId, '--json')).stdout) as { roundsDone: number; status: string };
    expect(status).toMatchObject({ roundsDone: 1, status: 'completed' });

    // Each device's ledger names the upload; the Node devices stop cleanly on Ctrl-C.
    for (const d of devices) killGroup(d.child, 'SIGINT');
    for (const d of devices) {
      const exit = await d.exited;
      expect(exit, d.output()).toEqual({ code: 0, signal: null });
      expect(d.output()).toContain(taskId);
      expect(d.output()).toMatch(/[0-9a-f]{64}/);
    }
    await page.click('#show-ledger');
    await page.waitForFunction((id) => document.querySelector('#ledger')?.textContent?.includes(id), taskId, { timeout: MINUTE });
    expect(await page.textContent('#ledger')).toMatch(/[0-9a-f]{64}/);
    expect(pageErrors).toEqual([]);
  }, 10 * MINUTE);
});
