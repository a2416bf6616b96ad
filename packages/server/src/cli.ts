import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { serve } from './server.ts';
import { parseStoreLocation, redactedLocation } from './store/open-store.ts';
import { connectionCapsFromFlags, withConnectionCapFlags } from './cli-connection-caps.ts';
import { loadTaskFile } from './task-file.ts';
import { formatDeviceFailures } from './device-failures.ts';
import { registerApprovalCommands } from './approval/cli-commands.ts';
import { addAuthorityCommands } from './authority-cli.ts';
import { registerCockpitCommands } from './cli-cockpit.ts';

/** Where the CLI finds the coordinator and its token when flags do not say. */
interface Connection {
  url: string;
  token: string;
}

function connection(opts: { url?: string; token?: string; dataDir?: string }): Connection {
  const url = (opts.url ?? process.env.CONCLAVE_URL ?? 'http://127.0.0.1:7300').replace(/\/$/, '');
  let token = opts.token ?? process.env.CONCLAVE_TOKEN;
  if (!token && opts.dataDir) token = readFileSync(path.join(opts.dataDir, 'admin-token'), 'utf8').trim();
  if (!token) fail('no admin token: pass --token, set CONCLAVE_TOKEN, or pass --data-dir of the coordinator (it stores admin-token there)');
  return { url, token: token! };
}

function fail(message: string): never {
  process.stderr.write(`conclave: ${message}\n`);
  process.exit(1);
}

async function api(conn: Connection, method: string, route: string, body?: unknown): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(conn.url + route, {
      method,
      headers: { authorization: `Bearer ${conn.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  } catch (err) {
    fail(`cannot reach the coordinator at ${conn.url}: ${(err as Error & { cause?: Error }).cause?.message ?? (err as Error).message}`);
  }
  if (!res.ok) {
    const text = await res.text();
    let message = text;
    try {
      const parsed = JSON.parse(text) as { error?: { code: string; message: string } };
      if (parsed.error) message = `${parsed.error.code}: ${parsed.error.message}`;
    } catch {
      // not JSON: show it as it is
    }
    fail(`${method} ${route} failed (${res.status}): ${message}`);
  }
  return res;
}

function formatStatus(s: Record<string, any>): string {
  const lines = [
    `task      ${s.id}  (${s.name})`,
    `status    ${s.status}${s.statusReason ? ` — ${s.statusReason}` : ''}`,
    `stream    ${s.stream}`,
    `rounds    ${s.roundsDone} of ${s.roundsPlanned} done (model version ${s.modelVersion})`,
    `phase     ${s.phase}${s.round ? ` (round ${s.round}, ${s.roundKind})` : ''}`,
    `devices   ${s.devices.checkedIn} checked in, ${s.devices.eligible} eligible for this task`,
  ];
  const sa = s.secureAggregation;
  if (sa) {
    lines.push(
      `secagg    ${!sa.enabled ? 'OFF (updates reach the coordinator in the clear)' : sa.maliciousServer ? 'on, malicious-server setting (signed adverts, consistency check)' : 'on, honest-but-curious setting (explicit opt-out of the malicious-server protections)'}`,
    );
  }
  if (s.waitingFor) lines.push(`waiting   ${s.waitingFor}`);
  if (s.cohort) lines.push(`cohort    ${s.cohort.selected} selected, ${s.cohort.reported} reported, ${s.cohort.dropped} dropped`);
  if (s.lastAbortReason) lines.push(`last abort ${s.lastAbortReason}`);
  if (s.deviceFailures) lines.push(...formatDeviceFailures(s.deviceFailures));
  const p = s.privacy;
  if (p) {
    lines.push(
      `privacy   ${p.mode} DP: ε spent ${p.epsilonSpent.toFixed(3)} of ${p.targetEpsilon} (${p.epsilonRemaining.toFixed(3)} left) at δ = ${p.delta}; ` +
        `noise multiplier ${p.noiseMultiplier.toFixed(3)}, sampling rate ${p.samplingRate.toFixed(4)} of ${p.population} devices, ` +
        `${p.adaptiveClipping ? 'adaptive clip norm, now' : 'clip norm'} ${Number(p.clipNorm.toPrecision(4))}`,
    );
    if (p.deviceNoiseStddev !== undefined) {
      lines.push(
        `          noise added on the devices: σ ${p.deviceNoiseStddev.toPrecision(3)} each; modular wrap-around per round ≤ ${p.wrapProbabilityBound!.toExponential(1)}`,
      );
    }
    lines.push(
      `          ε against the coordinator ${p.epsilonAgainstCoordinator.toFixed(3)} (at most ${p.participationLimit} rounds per device, no amplification; the budget), ` +
        `ε for the released model ${p.epsilonForReleasedModel.toFixed(3)}`,
    );
  }
  const m = s.lastMetrics;
  if (m) {
    const fmt = (x: number | null, d = 4) => (x == null ? '—' : x.toFixed(d));
    lines.push(
      `last      round ${m.round} (${m.kind}): ${m.participants} devices, ${m.examples} examples, train loss ${fmt(m.trainLoss)}, eval loss ${fmt(m.evalLoss)}, eval accuracy ${fmt(m.evalAccuracy)} on ${m.evalExamples} examples, ${(m.durationMs / 1000).toFixed(1)} s`,
    );
  }
  return lines.join('\n');
}

const program = new Command('conclave')
  .description('Conclave federated-learning coordinator: run it, define tasks, watch rounds, export models.')
  .showHelpAfterError();

const remote = (cmd: Command) =>
  cmd
    .addOption(new Option('--url <url>', 'coordinator admin URL').env('CONCLAVE_URL').default('http://127.0.0.1:7300'))
    .addOption(new Option('--token <token>', 'admin token (printed by `conclave serve`)').env('CONCLAVE_TOKEN'))
    .option('--data-dir <dir>', "read the token from this coordinator's data directory");

withConnectionCapFlags(program.command('serve'))
  .description('start the coordinator: the device WebSocket endpoint, and the admin API with the dashboard (on the same port, or on their own with --admin-port)')
  .option('-p, --port <port>', 'port to listen on (0 = any free port)', '7300')
  .option('--host <host>', 'interface to bind', '127.0.0.1')
  .option('--admin-port <port>', 'serve the admin API, dashboard, /metrics and /healthz on this port of their own (0 = any free port); devices keep --port')
  .option('--admin-host <host>', 'interface of the separate admin listener (keep it on loopback or a private network)', '127.0.0.1')
  .requiredOption('-d, --data-dir <dir>', 'directory for the database and the admin token')
  .option('--token-file <file>', 'read the admin token from this file (default: <data-dir>/admin-token, generated if missing)')
  .option('--store <location>', 'where tasks, rounds and models are kept: sqlite:PATH or postgres://user:password@host:port/database (default: SQLite in --data-dir)')
  .option('--store-pool-size <n>', 'PostgreSQL connections this coordinator keeps at most', '10')
  .option('--node-id <name>', 'PostgreSQL: this node\'s name among several coordinators sharing the store; it leads the tasks whose lease it holds (default: host name + random suffix)')
  .option('--lease-ms <ms>', 'PostgreSQL: how long a task\'s lease lasts unless its leader renews it; another node takes the task over after this', '10000')
  .action(async (opts: { port: string; host: string; adminPort?: string; adminHost: string; dataDir: string; tokenFile?: string; store?: string; storePoolSize: string; nodeId?: string; leaseMs: string }) => {
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0–65535, got "${opts.port}"`);
    const adminPort = opts.adminPort === undefined ? undefined : Number(opts.adminPort);
    if (adminPort !== undefined && (!Number.isInteger(adminPort) || adminPort < 0 || adminPort > 65535)) fail(`--admin-port must be 0–65535, got "${opts.adminPort}"`);
    if (adminPort !== undefined && adminPort !== 0 && adminPort === port) fail(`--admin-port must differ from --port (${port})`);
    const admin = adminPort === undefined ? {} : { adminPort, adminHost: opts.adminHost };
    let storeLocation;
    try {
      storeLocation = parseStoreLocation(opts.store, path.resolve(opts.dataDir));
    } catch (err) {
      fail((err as Error).message);
    }
    const storePoolSize = Number(opts.storePoolSize);
    if (!Number.isInteger(storePoolSize) || storePoolSize < 1 || storePoolSize > 1000) fail(`--store-pool-size must be an integer from 1 to 1000, got "${opts.storePoolSize}"`);
    const leaseMs = Number(opts.leaseMs);
    if (!Number.isInteger(leaseMs) || leaseMs < 500 || leaseMs > 600_000) fail(`--lease-ms must be an integer from 500 to 600000, got "${opts.leaseMs}"`);
    if (storeLocation.kind === 'sqlite' && opts.nodeId !== undefined) fail('--node-id needs --store postgres://…: several coordinator nodes share one PostgreSQL database');
    const cluster = storeLocation.kind === 'postgres' ? { leaseMs, ...(opts.nodeId !== undefined ? { nodeId: opts.nodeId } : {}) } : {};
    mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
    let connectionCaps;
    try {
      connectionCaps = connectionCapsFromFlags(opts);
    } catch (err) {
      fail((err as Error).message);
    }
    let server;
    try {
      server = await serve({
        dataDir: path.resolve(opts.dataDir),
        port,
        host: opts.host,
        ...admin,
        connectionCaps,
        ...(opts.tokenFile ? { tokenFile: opts.tokenFile } : {}),
        ...(opts.store ? { store: opts.store, storePoolSize } : {}),
        ...cluster,
      });
    } catch (err) {
      fail((err as Error).message);
    }
    process.stdout.write(
      [
        `Conclave coordinator listening`,
        `  admin API   ${server.url}`,
        `  devices     ${server.deviceUrl}`,
        `  data        ${path.resolve(opts.dataDir)}`,
        `  store       ${redactedLocation(storeLocation)}`,
        ...(server.coordinator.nodeId ? [`  node        ${server.coordinator.nodeId} (leads the tasks whose lease it holds; lease ${leaseMs} ms)`] : []),
        `  admin token ${server.token}   (also in ${server.tokenFile})`,
        `Try: conclave task status <id> --url ${server.url} --data-dir ${opts.dataDir}`,
        '',
      ].join('\n'),
    );
    // Several nodes: what this node exchanged with the others, on SIGUSR2 and at shutdown (bench:cluster reads it).
    const busStats = () => server.nodeBus && process.stdout.write(`node bus ${JSON.stringify({ node: server.coordinator.nodeId, ...server.nodeBus })}\n`);
    if (server.nodeBus) process.on('SIGUSR2', busStats);
    const shutdown = async () => {
      await server.close();
      busStats();
      process.exit(0);
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

const task = program.command('task').description('define, start, inspect and stop training tasks');

remote(task.command('create'))
  .description('define a task from a JSON file and start it')
  .requiredOption('-f, --file <task.json>', 'task definition (see examples/email-triage/task.example.json)')
  .option('--json', 'print the created task as JSON')
  .action(async (opts) => {
    let body: Record<string, unknown>;
    try {
      body = loadTaskFile(opts.file);
    } catch (err) {
      fail((err as Error).message);
    }
    const res = await api(connection(opts), 'POST', '/api/tasks', body);
    const created = (await res.json()) as { id: string; status: Record<string, unknown> };
    process.stdout.write(opts.json ? JSON.stringify(created) + '\n' : `created task ${created.id}\n${formatStatus(created.status)}\n`);
  });

remote(task.command('status'))
  .description('rounds done, current phase, devices checked in and eligible, last metrics')
  .argument('<id>', 'task id')
  .option('--json', 'print JSON')
  .action(async (id: string, opts) => {
    const res = await api(connection(opts), 'GET', `/api/tasks/${encodeURIComponent(id)}`);
    const status = (await res.json()) as Record<string, unknown>;
    process.stdout.write(opts.json ? JSON.stringify(status) + '\n' : formatStatus(status) + '\n');
  });

remote(task.command('list'))
  .description('all tasks')
  .option('--json', 'print JSON')
  .action(async (opts) => {
    const res = await api(connection(opts), 'GET', '/api/tasks');
    const { tasks } = (await res.json()) as { tasks: Record<string, any>[] };
    if (opts.json) return void process.stdout.write(JSON.stringify(tasks) + '\n');
    if (tasks.length === 0) return void process.stdout.write('no tasks yet: conclave task create --file task.json\n');
    for (const t of tasks) process.stdout.write(`${t.id}\t${t.status}\t${t.roundsDone}/${t.roundsPlanned} rounds\t${t.phase}\t${t.name}\n`);
  });

remote(task.command('stop'))
  .description('stop a running task (its committed model stays exportable)')
  .argument('<id>', 'task id')
  .action(async (id: string, opts) => {
    const res = await api(connection(opts), 'POST', `/api/tasks/${encodeURIComponent(id)}/stop`);
    process.stdout.write(formatStatus((await res.json()) as Record<string, unknown>) + '\n');
  });

remote(program.command('enroll'))
  .description('issue single-use enrollment tokens; each lets one device register its identity')
  .requiredOption('-n, --count <n>', 'how many tokens')
  .option('--ttl-hours <h>', 'tokens expire after this many hours', '168')
  .option('--json', 'print JSON')
  .action(async (opts) => {
    const res = await api(connection(opts), 'POST', '/api/enrollment-tokens', { count: Number(opts.count), ttlHours: Number(opts.ttlHours) });
    const out = (await res.json()) as { tokens: string[]; expiresAt: number };
    if (opts.json) return void process.stdout.write(JSON.stringify(out) + '\n');
    process.stderr.write(`${out.tokens.length} single-use token(s), valid until ${new Date(out.expiresAt).toISOString()}:\n`);
    process.stdout.write(out.tokens.join('\n') + '\n');
  });

const devices = program.command('devices').description('enrolled devices');

remote(devices.command('list'))
  .description('enrolled devices, whether they are connected, and revocations')
  .option('--json', 'print JSON')
  .action(async (opts) => {
    const res = await api(connection(opts), 'GET', '/api/devices');
    const { devices: list } = (await res.json()) as { devices: { id: string; connected: boolean; enrolledAt: number | null; revokedAt: number | null; lastSeen: number }[] };
    if (opts.json) return void process.stdout.write(JSON.stringify(list) + '\n');
    if (list.length === 0) return void process.stdout.write('no devices yet: issue tokens with conclave enroll --count N\n');
    for (const d of list) {
      const state = d.revokedAt ? `revoked ${new Date(d.revokedAt).toISOString()}` : d.connected ? 'connected' : `last seen ${new Date(d.lastSeen).toISOString()}`;
      process.stdout.write(`${d.id}\t${state}\n`);
    }
  });

remote(devices.command('revoke'))
  .description('revoke a device for good (e.g. its owner left); it is disconnected and can never join again')
  .argument('<id>', 'device id (conclave devices list)')
  .option('--reason <text>', 'recorded in the audit log')
  .action(async (id: string, opts) => {
    await api(connection(opts), 'POST', `/api/devices/${encodeURIComponent(id)}/revoke`, { reason: opts.reason ?? '' });
    process.stdout.write(`revoked ${id}\n`);
  });

addAuthorityCommands(program, {
  remote,
  api: (opts, method, route, body) => api(connection(opts as { url?: string; token?: string; dataDir?: string }), method, route, body),
  fail,
});

registerApprovalCommands(program, { remote, connection, api, fail });
registerCockpitCommands(program, { remote, connection, api, fail });

program.parseAsync(process.argv).catch((err: Error) => fail(err.message));
