/**
 * `conclave serve` as a child process for the benches that stop and restart it (bench:chaos,
 * bench:soak): started on a fixed port and data directory so devices find it again, with its
 * admin API reached over HTTP as an operator would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';

const CLI = path.resolve(import.meta.dirname, '../packages/server/bin/conclave.mjs');

export interface ServeProcess {
  child: ChildProcess;
  /** Admin API base URL. */
  url: string;
  /** The device WebSocket endpoint. */
  deviceUrl: string;
  token: string;
  /** performance.now() when it printed where it listens. */
  listeningAt: number;
}

/** A port free now on loopback, to start (and restart) the coordinator on. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts `conclave serve` (logging errors only) and resolves once it says where it listens. */
export function startServe(port: number, dataDir: string): Promise<ServeProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', String(port), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CONCLAVE_LOG_LEVEL: 'error' },
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const url = /admin API\s+(\S+)/.exec(out)?.[1];
      const deviceUrl = /devices\s+(ws\S+)/.exec(out)?.[1];
      const token = /admin token\s+(\S+)/.exec(out)?.[1];
      if (url && deviceUrl && token) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.off('exit', onExit);
        resolve({ child, url, deviceUrl, token, listeningAt: performance.now() });
      }
    };
    const onExit = (code: number | null) => reject(new Error(`conclave serve exited with ${code}: ${out}${err}`));
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

/** The admin API of whichever process `current()` returns (it changes on each restart). */
export function adminApi(current: () => ServeProcess) {
  return async (method: string, route: string, body?: unknown): Promise<any> => {
    const { url, token } = current();
    const request = () =>
      fetch(url + route, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
    // A kept-alive socket to the process that was stopped resets once; the restarted one answers.
    const res = await request().catch((err: { cause?: { code?: string } }) => {
      if (err.cause?.code !== 'ECONNRESET') throw err;
      return request();
    });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    return res.json();
  };
}

/** Resolves once `test` holds, checking every 25 ms; rejects after `timeoutMs`. */
export async function until(test: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await test())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A SIGTERM that has not ended the process after this long is followed by SIGKILL. */
export const STOP_GRACE_MS = 15_000;

/**
 * Stops the process with `signal` and resolves once it has exited: `'graceful'`, or `'killed'`
 * when a SIGTERM did not end it within {@link STOP_GRACE_MS}.
 */
export async function stopServe(s: ServeProcess, signal: NodeJS.Signals): Promise<'graceful' | 'killed'> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return 'graceful';
  const exited = new Promise((r) => s.child.once('exit', r));
  s.child.kill(signal);
  if (signal === 'SIGKILL') return exited.then(() => 'graceful');
  const graceful = await Promise.race([exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), STOP_GRACE_MS).unref())]);
  if (graceful) return 'graceful';
  s.child.kill('SIGKILL');
  await exited;
  return 'killed';
}
