import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { WireLimits } from '@conclave/proto';
import { dashboardBuilt, dashboardDir as builtDashboardDir } from '@conclave/dashboard';
import pino, { type Logger } from 'pino';
import { buildAdminApp } from './admin/app.ts';
import type { AdminContext } from './admin/context.ts';
import { AdminSessions, type AdminSessionOptions } from './admin/sessions.ts';
import { Coordinator, type CoordinatorOptions } from './coordinator.ts';
import { ServerError } from './errors.ts';
import { createMetrics } from './metrics.ts';
import { observeTaskMetrics } from './task-metrics.ts';
import { openStore, parseStoreLocation, redactedLocation } from './store/open-store.ts';
import { DeviceTransport } from './ws-transport.ts';
import { PostgresNodeBus, type NodeBusStats } from './cluster/node-bus.ts';
import type { ConnectionCaps } from './connection-caps.ts';

export interface ServeOptions {
  /** Directory for the SQLite database (unless `store` names another) and the admin token. */
  dataDir: string;
  /**
   * Where the coordinator keeps its state: `sqlite:PATH` or a PostgreSQL URL
   * (`postgres://user:password@host:port/database`). @default SQLite in `dataDir`
   */
  store?: string;
  /** PostgreSQL connections this process keeps at most. @default 10 */
  storePoolSize?: number;
  /**
   * This node's name among several coordinator nodes sharing one PostgreSQL store: it leads the
   * tasks whose lease it holds (docs/storage.md). PostgreSQL only. @default the host name and 4 random bytes
   */
  nodeId?: string;
  /** How long a task's lease lasts unless its leader renews it (PostgreSQL). @default 10_000 */
  leaseMs?: number;
  /** Port of the device WebSocket endpoint (and of the admin API unless `adminPort` is given). @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /**
   * Puts the admin API (and the dashboard, /metrics, /healthz) on a listener of its own, so the
   * device port can face the network while the admin port stays on loopback. 0 = a free port.
   * @default undefined: one listener for both
   */
  adminPort?: number;
  /** Interface of the separate admin listener. @default '127.0.0.1' */
  adminHost?: string;
  /**
   * The dashboard's built files, or `false` for none (`/` then says how to build it).
   * @default the build of `@conclave/dashboard`, when built
   */
  dashboardDir?: string | false;
  /** Dashboard sign-ins (session cookie lifetime, clock). */
  adminSessions?: AdminSessionOptions;
  /** Comment heartbeat of the admin API's server-sent event streams. @default 15_000 */
  sseHeartbeatMs?: number;
  /** Count changes closer together than this go out as one live-view event (phase changes go out at once). @default 50 */
  sseCoalesceMs?: number;
  /** Admin token; else read from `tokenFile`, else from `<dataDir>/admin-token`, else generated there. */
  token?: string;
  tokenFile?: string;
  logger?: Logger;
  /** Largest admin request body. @default 512 MiB (task creation carries initial weights) */
  maxBodyBytes?: number;
  limits?: WireLimits;
  heartbeatMs?: number;
  helloTimeoutMs?: number;
  /**
   * Caps on device connections: all of them, those still proving an identity, frames and bytes
   * per second per connection, bytes left unread (PROTOCOL.md §7). @default DEFAULT_CONNECTION_CAPS
   */
  connectionCaps?: Partial<ConnectionCaps> | undefined;
  poolHoldMs?: number;
  idleRetryMs?: number;
  /** Uploads a task receives at once; bounds memory to about (this + 1) × model size. @default 4 */
  maxConcurrentUploads?: number;
  onRoundEnd?: (taskId: string, outcome: 'committed' | 'aborted', round: number) => void;
  /** Tasks wait for an approver's signature before they run (see CoordinatorOptions). @default true */
  requireApproval?: boolean;
  /** Approves every task as it is created, in this process: demo, examples and tests only. */
  autoApprover?: CoordinatorOptions['autoApprover'];
}

export interface RunningServer {
  coordinator: Coordinator;
  /** The device port (also the admin API's unless a separate admin port was asked for). */
  port: number;
  /** The admin API's port (equal to `port` on a single listener). */
  adminPort: number;
  /** Base URL of the admin API, e.g. http://127.0.0.1:7300 */
  url: string;
  /** URL devices connect to, e.g. ws://127.0.0.1:7300/v1/devices */
  deviceUrl: string;
  token: string;
  tokenFile: string;
  /** Several nodes (PostgreSQL): what this node sent to and received from the others. */
  nodeBus?: NodeBusStats;
  close(): Promise<void>;
}

function resolveToken(opts: ServeOptions): { token: string; tokenFile: string } {
  const tokenFile = opts.tokenFile ?? path.join(opts.dataDir, 'admin-token');
  if (opts.token) return { token: opts.token, tokenFile };
  if (existsSync(tokenFile)) {
    const token = readFileSync(tokenFile, 'utf8').trim();
    if (token.length < 16) throw new ServerError('BAD_REQUEST', `admin token in ${tokenFile} is shorter than 16 characters`);
    return { token, tokenFile };
  }
  const token = randomBytes(24).toString('base64url');
  writeFileSync(tokenFile, token + '\n', { mode: 0o600 });
  chmodSync(tokenFile, 0o600);
  return { token, tokenFile };
}

/**
 * Starts a coordinator: SQLite store, device WebSocket endpoint and admin HTTP API (Fastify), on
 * one port or, with `adminPort`, on two listeners.
 */
export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const logger = opts.logger ?? pino({ level: process.env.CONCLAVE_LOG_LEVEL ?? 'info' });
  const storeLocation = parseStoreLocation(opts.store, opts.dataDir);
  const cluster = clusterOf(opts, storeLocation.kind);
  const { store, trust: trustStore } = await openStore(storeLocation, opts.storePoolSize !== undefined ? { poolSize: opts.storePoolSize } : {});
  // Several nodes: devices of tasks led elsewhere are relayed over LISTEN/NOTIFY (cluster/node-bus.ts).
  const bus = cluster && storeLocation.kind === 'postgres' ? new PostgresNodeBus(cluster.nodeId, storeLocation.url, logger) : undefined;
  if (bus) {
    try {
      await bus.start();
    } catch (err) {
      await bus.stop();
      await store.close();
      throw new ServerError('STORE_UNAVAILABLE', `cannot listen for other coordinator nodes on ${redactedLocation(storeLocation)}: ${(err as Error).message}`, 503);
    }
  }
  const { token, tokenFile } = resolveToken(opts);
  const metrics = createMetrics();
  const coordinator = await Coordinator.open({
    store,
    trust: trustStore,
    logger,
    ...(opts.requireApproval !== undefined ? { requireApproval: opts.requireApproval } : {}),
    ...(opts.autoApprover ? { autoApprover: opts.autoApprover } : {}),
    ...(opts.poolHoldMs !== undefined ? { poolHoldMs: opts.poolHoldMs } : {}),
    ...(opts.idleRetryMs !== undefined ? { idleRetryMs: opts.idleRetryMs } : {}),
    ...(opts.maxConcurrentUploads !== undefined ? { maxConcurrentUploads: opts.maxConcurrentUploads } : {}),
    ...(cluster ? { cluster: { ...cluster, ...(bus ? { bus } : {}) } } : {}),
    onRoundEnd: (taskId, outcome, round) => {
      metrics.rounds.inc({ outcome });
      opts.onRoundEnd?.(taskId, outcome, round);
    },
  });
  // Per-task metrics from the coordinator's task events (task-metrics.ts).
  const stopTaskMetrics = observeTaskMetrics(metrics.task, coordinator);
  const maxBody = opts.maxBodyBytes ?? 512 * 1024 * 1024;
  const ctx: AdminContext = {
    coordinator,
    metrics,
    logger,
    token,
    sessions: new AdminSessions(opts.adminSessions),
    dashboardDir: opts.dashboardDir === false ? undefined : (opts.dashboardDir ?? (dashboardBuilt() ? builtDashboardDir : undefined)),
    sseHeartbeatMs: opts.sseHeartbeatMs ?? 15_000,
    sseCoalesceMs: opts.sseCoalesceMs ?? 50,
    streams: new Set(),
  };
  const app = await buildAdminApp(ctx, { bodyLimit: maxBody, version: packageVersion() });
  const separate = opts.adminPort !== undefined;
  // On a separate admin listener no device may connect: upgrades are refused there.
  const deviceHttp = separate ? createServer(devicePortOnly) : app.server;
  if (separate) app.server.on('upgrade', (_req, socket) => socket.end('HTTP/1.1 404 Not Found\r\nconnection: close\r\ncontent-length: 0\r\n\r\n'));
  const transport = new DeviceTransport(deviceHttp, coordinator, {
    metrics,
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.heartbeatMs !== undefined ? { heartbeatMs: opts.heartbeatMs } : {}),
    ...(opts.helloTimeoutMs !== undefined ? { helloTimeoutMs: opts.helloTimeoutMs } : {}),
    ...(opts.connectionCaps ? { caps: opts.connectionCaps } : {}),
  });
  const host = opts.host ?? '127.0.0.1';
  const adminHost = separate ? (opts.adminHost ?? '127.0.0.1') : host;
  try {
    if (separate) await listen(deviceHttp, opts.port ?? 0, host);
    await app.listen({ port: separate ? opts.adminPort! : (opts.port ?? 0), host: adminHost, listenTextResolver: () => 'admin API listening' });
  } catch (err) {
    await transport.close();
    if (separate) deviceHttp.close();
    await app.close();
    await bus?.stop();
    await store.close();
    await trustStore.close();
    throw err;
  }
  await coordinator.start();
  const port = (deviceHttp.address() as AddressInfo).port;
  const adminPort = (app.server.address() as AddressInfo).port;
  logger.info({ port, adminPort, dataDir: opts.dataDir, store: redactedLocation(storeLocation), ...(cluster ? { node: cluster.nodeId } : {}) }, 'coordinator listening');
  let closing: Promise<void> | undefined;
  return {
    coordinator,
    port,
    adminPort,
    url: `http://${urlHost(adminHost)}:${adminPort}`,
    deviceUrl: `ws://${urlHost(host)}:${port}/v1/devices`,
    token,
    tokenFile,
    ...(bus ? { nodeBus: bus.stats } : {}),
    close: () =>
      (closing ??= (async () => {
        stopTaskMetrics();
        // Gives this node's task leases up, so another node takes over at once.
        await coordinator.stop();
        await bus?.stop();
        await transport.close();
        await app.close();
        if (separate) {
          deviceHttp.closeAllConnections();
          await new Promise<void>((resolve) => deviceHttp.close(() => resolve()));
        }
        await store.close();
        await trustStore.close();
      })()),
  };
}

/** A node id: what `--node-id` accepts. */
const NODE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** On PostgreSQL every coordinator is a node of a cluster (maybe of one); SQLite serves one coordinator. */
function clusterOf(opts: ServeOptions, store: 'sqlite' | 'postgres'): { nodeId: string; leaseMs?: number } | undefined {
  if (store === 'sqlite') {
    if (opts.nodeId !== undefined || opts.leaseMs !== undefined) {
      throw new ServerError('BAD_REQUEST', 'several coordinator nodes (a node id, a lease time) need the PostgreSQL store: add --store postgres://user:password@host:port/database');
    }
    return undefined;
  }
  const nodeId = opts.nodeId ?? `${hostname().replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 40) || 'node'}-${randomBytes(4).toString('hex')}`;
  if (!NODE_ID.test(nodeId)) throw new ServerError('BAD_REQUEST', `node id "${nodeId}" is not valid: 1–64 letters, digits, ".", "_" or "-", starting with a letter or digit`);
  if (opts.leaseMs !== undefined && (!Number.isInteger(opts.leaseMs) || opts.leaseMs < 500 || opts.leaseMs > 600_000)) {
    throw new ServerError('BAD_REQUEST', `lease time must be an integer from 500 to 600000 ms, got ${opts.leaseMs}`);
  }
  return { nodeId, ...(opts.leaseMs !== undefined ? { leaseMs: opts.leaseMs } : {}) };
}

/** The device listener of a split setup: WebSocket upgrades only; every plain request is refused. */
function devicePortOnly(_req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): void {
  const body = JSON.stringify({ error: { code: 'NOT_FOUND', message: 'this port serves devices only (WebSocket at /v1/devices); the admin API listens on its own port' } });
  res.writeHead(404, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function listen(server: HttpServer, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** This package's version, for the OpenAPI document. */
function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}
