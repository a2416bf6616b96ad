import { randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { float32ToBytes, revocationListToJson, type WireLimits } from '@conclave/proto';
import pino, { type Logger } from 'pino';
import { Coordinator, type CoordinatorOptions } from './coordinator.ts';
import { ServerError, toErrorInfo } from './errors.ts';
import { createMetrics } from './metrics.ts';
import { tfjsModelJson } from './model-export.ts';
import { SqliteStore } from './store/sqlite-store.ts';
import { SqliteTrustStore } from './store/sqlite-trust-store.ts';
import { DeviceTransport } from './ws-transport.ts';

export interface ServeOptions {
  /** Directory for the SQLite database and the admin token. */
  dataDir: string;
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
  /** Admin token; else read from `tokenFile`, else from `<dataDir>/admin-token`, else generated there. */
  token?: string;
  tokenFile?: string;
  logger?: Logger;
  /** Largest admin request body. @default 512 MiB (task creation carries initial weights) */
  maxBodyBytes?: number;
  limits?: WireLimits;
  heartbeatMs?: number;
  helloTimeoutMs?: number;
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
  port: number;
  /** Base URL of the admin API, e.g. http://127.0.0.1:7300 */
  url: string;
  /** URL devices connect to, e.g. ws://127.0.0.1:7300/v1/devices */
  deviceUrl: string;
  token: string;
  tokenFile: string;
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

/** Starts a coordinator: SQLite store, device WebSocket endpoint and admin HTTP API on one port. */
export async function serve(opts: ServeOptions): Promise<RunningServer> {
  const logger = opts.logger ?? pino({ level: process.env.CONCLAVE_LOG_LEVEL ?? 'info' });
  const store = new SqliteStore({ dataDir: opts.dataDir });
  const trustStore = new SqliteTrustStore({ dataDir: opts.dataDir });
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
    onRoundEnd: (taskId, outcome, round) => {
      metrics.rounds.inc({ outcome });
      opts.onRoundEnd?.(taskId, outcome, round);
    },
  });
  const maxBody = opts.maxBodyBytes ?? 512 * 1024 * 1024;
  const http = createServer((req, res) => {
    handleAdmin(req, res).catch((err) => {
      const info = toErrorInfo(err);
      const status = err instanceof ServerError ? err.httpStatus : 500;
      if (status >= 500) logger.error({ err }, 'admin request failed');
      if (!res.headersSent) sendJson(res, status, { error: info });
      else res.end();
    });
  });

  const authorised = (req: IncomingMessage): boolean => {
    const header = req.headers.authorization ?? '';
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7).trim() : '');
    const want = Buffer.from(token);
    return given.length === want.length && timingSafeEqual(given, want);
  };

  async function readJson(req: IncomingMessage): Promise<unknown> {
    const parts: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > maxBody) throw new ServerError('MESSAGE_TOO_LARGE', `request body exceeds ${maxBody} bytes`, 413);
      parts.push(chunk as Buffer);
    }
    try {
      return JSON.parse(Buffer.concat(parts).toString('utf8'));
    } catch (err) {
      throw new ServerError('BAD_REQUEST', `request body is not valid JSON: ${(err as Error).message}`);
    }
  }

  async function handleAdmin(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    if (url.pathname === '/healthz') return sendJson(res, 200, { ok: true, devices: coordinator.connectedDevices });
    if (url.pathname === '/metrics') {
      res.writeHead(200, { 'content-type': metrics.registry.contentType });
      res.end(await metrics.registry.metrics());
      return;
    }
    if (!url.pathname.startsWith('/api/')) throw new ServerError('NOT_FOUND', `no route ${method} ${url.pathname}`, 404);
    if (!authorised(req)) {
      throw new ServerError('UNAUTHENTICATED', 'admin API needs "Authorization: Bearer <token>"; the token is printed by `conclave serve` and stored in its data directory', 401);
    }
    const parts = url.pathname.split('/').filter(Boolean).slice(1); // drop 'api'
    if (parts[0] === 'enrollment-tokens' && method === 'POST') {
      const body = (await readJson(req)) as { count?: unknown; ttlHours?: unknown };
      const ttlHours = body.ttlHours === undefined ? 168 : Number(body.ttlHours);
      if (!(ttlHours > 0)) throw new ServerError('BAD_REQUEST', `ttlHours must be a positive number, got ${JSON.stringify(body.ttlHours)}`);
      return sendJson(res, 201, await coordinator.issueEnrollmentTokens(Number(body.count), ttlHours * 3600 * 1000));
    }
    if (parts[0] === 'devices') {
      const deviceView = (d: Awaited<ReturnType<typeof coordinator.listDevices>>[number]) => ({ ...d, publicKey: d.publicKey ? Buffer.from(d.publicKey).toString('base64') : null });
      if (parts.length === 1 && method === 'GET') return sendJson(res, 200, { devices: (await coordinator.listDevices()).map(deviceView) });
      if (parts.length === 3 && parts[2] === 'revoke' && method === 'POST') {
        const body = (await readJson(req)) as { reason?: unknown };
        const reason = typeof body.reason === 'string' ? body.reason.slice(0, 200) : '';
        const d = await coordinator.revokeDevice(decodeURIComponent(parts[1]!), reason);
        return sendJson(res, 200, { ...d, publicKey: d.publicKey ? Buffer.from(d.publicKey).toString('base64') : null });
      }
    }
    // The enrollment authority's side (`conclave authority sign|revoke`): the coordinator lists
    // what waits for a certificate and stores what the authority signed; it signs nothing.
    if (parts[0] === 'certificates') {
      if (parts[1] === 'pending' && parts.length === 2 && method === 'GET') return sendJson(res, 200, { devices: await coordinator.trust.pending() });
      if (parts.length === 1 && method === 'POST') return sendJson(res, 201, await coordinator.trust.storeCertificates(await readJson(req)));
    }
    if (parts[0] === 'revocations' && parts.length === 1) {
      if (method === 'GET') return sendJson(res, 200, { lists: (await coordinator.trust.revocationLists()).map(revocationListToJson) });
      if (method === 'PUT') return sendJson(res, 200, await coordinator.trust.storeRevocationList(await readJson(req)));
    }
    // The transparency log of approved tasks (`conclave log verify`).
    if (parts[0] === 'transparency-log' && parts.length === 1 && method === 'GET') return sendJson(res, 200, coordinator.transparencyLog());
    if (parts[0] !== 'tasks') throw new ServerError('NOT_FOUND', `no route ${method} ${url.pathname}`, 404);
    const id = parts[1] ? decodeURIComponent(parts[1]) : undefined;
    if (!id && method === 'GET') return sendJson(res, 200, { tasks: await coordinator.listTasks() });
    if (!id && method === 'POST') {
      const body = await readJson(req);
      const taskId = await coordinator.createTask(body);
      await coordinator.store.audit('admin', 'task.start', { taskId }, Date.now());
      return sendJson(res, 201, { id: taskId, status: await coordinator.taskStatus(taskId) });
    }
    if (id && parts.length === 2 && method === 'GET') {
      return sendJson(res, 200, { ...(await coordinator.taskStatus(id)), rounds: await coordinator.store.listRounds(id, 50) });
    }
    // Task approval (`conclave task approve`): the coordinator shows what to sign and stores what
    // the approver signed with the log head that appends it; it signs nothing itself.
    if (id && parts[2] === 'approval-request' && parts.length === 3 && method === 'GET') return sendJson(res, 200, await coordinator.approvalRequest(id));
    if (id && parts[2] === 'approval' && parts.length === 3 && method === 'POST') {
      const accepted = await coordinator.acceptApproval(id, await readJson(req));
      return sendJson(res, 201, { ...accepted, status: await coordinator.taskStatus(id) });
    }
    if (id && parts[2] === 'stop' && method === 'POST') {
      await coordinator.stopTask(id);
      await coordinator.store.audit('admin', 'task.stop', { taskId: id }, Date.now());
      return sendJson(res, 200, await coordinator.taskStatus(id));
    }
    if (id && parts[2] === 'model' && method === 'GET') {
      const { version, spec, weights } = await coordinator.latestModel(id);
      if (parts[3] === 'weights.bin') {
        const bytes = float32ToBytes(weights);
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.byteLength, 'x-conclave-model-version': String(version) });
        res.end(bytes);
        return;
      }
      if (parts[3] === undefined || parts[3] === 'model.json') {
        return sendJson(res, 200, tfjsModelJson(spec, { taskId: id, version }), { 'x-conclave-model-version': String(version) });
      }
    }
    throw new ServerError('NOT_FOUND', `no route ${method} ${url.pathname}`, 404);
  }

  const transport = new DeviceTransport(http, coordinator, {
    metrics,
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.heartbeatMs !== undefined ? { heartbeatMs: opts.heartbeatMs } : {}),
    ...(opts.helloTimeoutMs !== undefined ? { helloTimeoutMs: opts.helloTimeoutMs } : {}),
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(opts.port ?? 0, host, () => resolve());
  });
  await coordinator.start();
  const port = (http.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  logger.info({ port, dataDir: opts.dataDir }, 'coordinator listening');
  let closing: Promise<void> | undefined;
  return {
    coordinator,
    port,
    url: `http://${shownHost}:${port}`,
    deviceUrl: `ws://${shownHost}:${port}/v1/devices`,
    token,
    tokenFile,
    close: () =>
      (closing ??= (async () => {
        coordinator.stop();
        await transport.close();
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
        await store.close();
        await trustStore.close();
      })()),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
