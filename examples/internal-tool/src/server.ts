/**
 * The internal-tool example: a team search box that embeds the Conclave SDK in the browser.
 *
 * One process runs
 *  - a real coordinator (`serve()` from @conclave/server) with one task on the `search-queries`
 *    stream: a hashed bag-of-words logistic regression that learns which searches lead to a
 *    useful result, under secure aggregation (SecAgg+);
 *  - three simulated colleagues' devices (Node SDK clients with their own search histories), so
 *    the browser takes part in a real secure round, whose minimum is three devices;
 *  - the tool's web server: the page, the SDK's browser bundle (built at start), the document
 *    list the page searches on the device, and an endpoint handing the page an enrollment token
 *    (in a company, IT provisions these with `conclave enroll`).
 *
 * `pnpm --filter @conclave/example-internal-tool start` and open the printed URL.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import pino from 'pino';
import { createClient, createIdentity, createInlineTrainer, type ConclaveClient, type FeatureSpec } from '@conclave/client-sdk';
import { LocalApprover, LocalAuthority, serve, type RunningServer } from '@conclave/server';
import { buildBrowserSdk, bundleBrowserApp } from '../../../packages/client-sdk/scripts/build-browser.mjs';
import { colleagueQueries, DOCUMENTS } from './documents.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const exampleDir = path.resolve(here, '..');

/** A team of four: the example's explicit, lower minimum of certified peers (the SDK's default is 10). */
const TEAM_MIN_CERTIFIED_PEERS = 2;

export const STREAM = 'search-queries';
export const PURPOSE =
  'Learns which searches lead to a document people actually open, so the search box can rank results and suggest better wording. ' +
  'Your update is summed with at least two colleagues\u2019 before the server can see it.';

export interface InternalToolOptions {
  /** Port of the tool's web server. @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Simulated colleagues' devices taking part alongside the browser. @default 3 */
  colleagues?: number;
  /** Training rounds of the task. @default 10 */
  rounds?: number;
  /** How long a round waits for all devices (the browser included) before going ahead with the minimum. @default 60_000 */
  selectionMs?: number;
  /** How soon an idle device checks in again (e.g. after the employee opted in). @default 5_000 */
  idleRetryMs?: number;
  /** @default a fresh temporary directory, removed on close */
  dataDir?: string;
  /** Coordinator log level. @default 'silent' */
  logLevel?: string;
  /** Who approves the task, as the privacy panel names them. @default 'Team privacy officer' */
  approverName?: string;
}

export interface RunningInternalTool {
  /** The page, e.g. http://127.0.0.1:8080/ */
  url: string;
  coordinator: RunningServer;
  taskId: string;
  colleagues: ConclaveClient[];
  /** The approver's public key, which every device pins. */
  approverKey: Uint8Array;
  close(): Promise<void>;
}

/** The feature recipe: hashed bag of words of the query (devices featurize on their own). */
export function featureSpec(dim = 1024): FeatureSpec {
  return { kind: 'hashed-bow', dim, lowercase: true, ngrams: 1, stripHtml: true, signed: true, weighting: 'log', normalize: 'l2' } as FeatureSpec;
}

/** Logistic regression over the hashed features, as a task's `model` (topology, specs, base64 weights). */
async function modelSpec(dim: number): Promise<Record<string, unknown>> {
  const model = tf.sequential({
    layers: [tf.layers.dense({ inputShape: [dim], units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }) })],
  });
  let artifacts!: tf.io.ModelArtifacts;
  await model.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  model.dispose();
  return {
    modelTopology: artifacts.modelTopology,
    weightSpecs: artifacts.weightSpecs,
    weightsBase64: Buffer.from(artifacts.weightData as ArrayBuffer).toString('base64'),
  };
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

function sendFile(res: ServerResponse, file: string): void {
  let body: Buffer;
  try {
    if (!statSync(file).isFile()) throw new Error('not a file');
    body = readFileSync(file);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
}

function sendJson(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(value));
}

/** Resolves a request path inside `root`, or undefined when it would escape it. */
function inside(root: string, urlPath: string): string | undefined {
  const file = path.resolve(root, `.${decodeURIComponent(urlPath)}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}

export async function startInternalTool(options: InternalToolOptions = {}): Promise<RunningInternalTool> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'conclave-internal-tool-'));
  const buildDir = mkdtempSync(path.join(tmpdir(), 'conclave-internal-tool-build-'));
  const sdkDir = path.join(buildDir, 'sdk');
  // The SDK's browser bundle and this page's script, built now so they always match the source.
  await buildBrowserSdk({ outdir: sdkDir });
  await bundleBrowserApp({ entry: path.join(here, 'app.ts'), outfile: path.join(buildDir, 'app.js'), sdkUrl: '/sdk/conclave-sdk.js' });

  // The example is its own approver (in a company: a privacy officer with `conclave approver init`
  // and `conclave task approve`); devices pin its key, shipped with the tool's configuration.
  const approver = await LocalApprover.create(options.approverName ?? 'Team privacy officer');
  // …and its own enrollment authority (`conclave authority init` / `sign` in a company): it
  // certifies every device's key, which every device checks of its peers.
  const authority = await LocalAuthority.create('Team enrollment authority');
  const approverKey = Buffer.from(approver.publicKey).toString('base64');
  const coordinator = await serve({
    dataDir,
    port: 0,
    logger: pino({ level: options.logLevel ?? 'silent' }),
    poolHoldMs: 60_000,
    idleRetryMs: options.idleRetryMs ?? 5_000,
    autoApprover: approver,
  });
  const colleagues: ConclaveClient[] = [];
  let http: Server | undefined;
  try {
    const spec = featureSpec();
    const colleagueCount = options.colleagues ?? 3;
    const taskId = await coordinator.coordinator.createTask({
      name: 'Search ranking',
      purpose: PURPOSE,
      stream: STREAM,
      model: await modelSpec(spec.dim),
      features: spec,
      loss: 'binaryCrossentropy',
      training: { localEpochs: 2, batchSize: 8, clientLearningRate: 0.5 },
      // Every device (colleagues and the browser) is wanted in each round; three suffice when one leaves.
      cohort: { goal: colleagueCount + 1, minimum: 3, overSelection: 1 },
      rounds: options.rounds ?? 10,
      timeouts: { selectionMs: options.selectionMs ?? 60_000, roundMs: 60_000 },
      evaluation: { evalFraction: 0.2, finalRound: false },
      secureAggregation: { enabled: true, phaseTimeoutMs: 15_000 },
    });

    // The simulated colleagues: each its own device, identity and search history.
    const trainer = createInlineTrainer();
    const { tokens } = await coordinator.coordinator.issueEnrollmentTokens(colleagueCount);
    const identities = Array.from({ length: colleagueCount }, () => createIdentity());
    await authority.certify(coordinator.coordinator.trust, identities.map((id) => id.publicKey));
    for (let i = 0; i < colleagueCount; i++) {
      const client = createClient({
        url: coordinator.deviceUrl,
        trainer,
        enrollmentToken: tokens[i]!,
        identity: identities[i]!,
        approverKeys: [approver.publicKey],
        authorityKeys: [authority.publicKey],
        minCertifiedPeers: TEAM_MIN_CERTIFIED_PEERS,
        streams: [STREAM],
        reconnect: { initialDelayMs: 100, maxDelayMs: 2_000 },
      });
      await client.consent.grant(STREAM);
      for (const q of colleagueQueries(40, i + 1)) await client.record(STREAM, q);
      colleagues.push(client);
    }
    await Promise.all(colleagues.map((c) => c.start()));

    const publicDir = path.join(exampleDir, 'public');
    http = createServer(async (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'GET' && url.pathname === '/api/config') {
        return sendJson(res, {
          deviceUrl: coordinator.deviceUrl,
          // The approver keys the page's SDK pins (base64): part of the tool's own configuration.
          approverKeys: [approverKey],
          // The enrollment authority's key, and the team's explicit minimum of certified peers.
          authorityKeys: [Buffer.from(authority.publicKey).toString('base64')],
          minCertifiedPeers: TEAM_MIN_CERTIFIED_PEERS,
          streams: [{ stream: STREAM, name: 'Search queries', taskName: 'Search ranking', purpose: PURPOSE }],
          documents: DOCUMENTS,
        });
      }
      if (req.method === 'POST' && url.pathname === '/api/enrollment-token') {
        // A real deployment provisions devices through IT (`conclave enroll`); the demo hands one out.
        return sendJson(res, { token: (await coordinator.coordinator.issueEnrollmentTokens(1)).tokens[0] });
      }
      if (req.method === 'POST' && url.pathname === '/api/certify') {
        // The page enrolled: the example's authority certifies it (`conclave authority sign --device <id>`).
        const pending = await coordinator.coordinator.trust.pending();
        return void authority
          .certify(coordinator.coordinator.trust, pending.map((p) => Uint8Array.from(Buffer.from(p.publicKey, 'base64'))))
          .then((certified) => sendJson(res, { certified }), (err: Error) => sendJson(res, { error: err.message }));
      }
      if (req.method !== 'GET') return void res.writeHead(405).end();
      if (url.pathname === '/' || url.pathname === '/index.html') return sendFile(res, path.join(publicDir, 'index.html'));
      if (url.pathname === '/app.js' || url.pathname === '/app.js.map') return sendFile(res, path.join(buildDir, url.pathname.slice(1)));
      if (url.pathname.startsWith('/sdk/')) {
        const file = inside(sdkDir, url.pathname.slice('/sdk'.length));
        return file ? sendFile(res, file) : void res.writeHead(404).end();
      }
      const file = inside(publicDir, url.pathname);
      return file ? sendFile(res, file) : void res.writeHead(404).end();
    });
    const server = http;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://${options.host ?? '127.0.0.1'}:${port}/`,
      coordinator,
      taskId,
      colleagues,
      approverKey: approver.publicKey,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await Promise.all(colleagues.map((c) => c.stop()));
        await coordinator.close();
        rmSync(buildDir, { recursive: true, force: true });
        if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    http?.close();
    await Promise.all(colleagues.map((c) => c.stop()));
    await coordinator.close();
    rmSync(buildDir, { recursive: true, force: true });
    if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const port = Number(process.env.PORT ?? 8080);
  const tool = await startInternalTool({ port, logLevel: process.env.CONCLAVE_LOG_LEVEL ?? 'warn' });
  console.log(`Team search with the Conclave SDK: ${tool.url}`);
  console.log(`coordinator ${tool.coordinator.url} (admin token in its data dir), task ${tool.taskId}; ${tool.colleagues.length} simulated colleagues online`);
  const stop = () => void tool.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
