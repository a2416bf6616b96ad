import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { serve, type RunningServer } from '../src/server.ts';

const CLI = path.resolve(import.meta.dirname, '../bin/conclave.mjs');
let server: RunningServer | undefined;
const cleanup: (() => void)[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const c of cleanup.splice(0)) c();
});

function dataDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'conclave-admin-port-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** How a WebSocket connection attempt ends: opened, or refused with an HTTP status. */
function connect(url: string): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => {
      ws.close();
      resolve('open');
    });
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', (err) => reject(err));
  });
}

describe('a separate admin listener (--admin-port)', () => {
  it('serves the admin API only on the admin port and devices only on the device port', async () => {
    server = await serve({ dataDir: dataDir(), port: 0, adminPort: 0, logger: pino({ level: 'silent' }) });
    const s = server;
    expect(s.adminPort).not.toBe(s.port);
    expect(s.url).toBe(`http://127.0.0.1:${s.adminPort}`);
    expect(s.deviceUrl).toBe(`ws://127.0.0.1:${s.port}/v1/devices`);
    const auth = { authorization: `Bearer ${s.token}` };

    expect((await fetch(`${s.url}/api/tasks`, { headers: auth })).status).toBe(200);
    expect((await fetch(`${s.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${s.url}/metrics`)).status).toBe(200);

    const deviceBase = `http://127.0.0.1:${s.port}`;
    for (const route of ['/api/tasks', '/api/openapi.json', '/metrics', '/']) {
      const res = await fetch(deviceBase + route, { headers: auth });
      expect(res.status, route).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    }

    expect(await connect(s.deviceUrl)).toBe('open');
    expect(await connect(`ws://127.0.0.1:${s.adminPort}/v1/devices`)).toBe(404);
    // The admin listener keeps serving after the refused upgrade.
    expect((await fetch(`${s.url}/api/tasks`, { headers: auth })).status).toBe(200);
  });

  it('keeps one listener for both without the flag', async () => {
    server = await serve({ dataDir: dataDir(), port: 0, logger: pino({ level: 'silent' }) });
    expect(server.adminPort).toBe(server.port);
    expect(await connect(server.deviceUrl)).toBe('open');
    expect((await fetch(`${server.url}/api/tasks`, { headers: { authorization: `Bearer ${server.token}` } })).status).toBe(200);
  });

  it('conclave serve --admin-port prints both listeners and the CLI reaches the API through --url', async () => {
    const dir = dataDir();
    const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--admin-port', '0', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CONCLAVE_LOG_LEVEL: 'silent' } });
    cleanup.push(() => child.kill('SIGKILL'));
    const lines: string[] = [];
    const rl = createInterface({ input: child.stdout! });
    await new Promise<void>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`conclave serve exited with ${code}: ${lines.join('\n')}`)));
      rl.on('line', (line) => {
        lines.push(line);
        if (line.startsWith('  admin token')) resolve();
      });
    });
    const adminUrl = /admin API\s+(\S+)/.exec(lines.join('\n'))![1]!;
    const deviceUrl = /devices\s+(\S+)/.exec(lines.join('\n'))![1]!;
    expect(new URL(adminUrl).port).not.toBe(new URL(deviceUrl.replace(/^ws/, 'http')).port);
    const listed = await new Promise<string>((resolve, reject) => {
      const cli = spawn(process.execPath, [CLI, 'task', 'list', '--json', '--url', adminUrl, '--data-dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      let err = '';
      cli.stdout.on('data', (d) => (out += d));
      cli.stderr.on('data', (d) => (err += d));
      cli.once('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`task list exited with ${code}: ${err}`))));
    });
    expect(JSON.parse(listed)).toEqual([]);
    const stopped = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await stopped;
  });
});
