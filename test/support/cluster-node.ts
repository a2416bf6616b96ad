/**
 * `conclave serve` nodes of one cluster as child processes, for the failover tests: each on a
 * free port with a data directory of its own (its admin token), all on one PostgreSQL store,
 * with a node id and a lease time. SIGKILL is a real crash: no lease is released, nothing is
 * flushed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const CLI = path.resolve(import.meta.dirname, '../../packages/server/bin/conclave.mjs');

export interface ClusterNode {
  nodeId: string;
  child: ChildProcess;
  /** Admin API base URL. */
  url: string;
  deviceUrl: string;
  token: string;
  /** The admin API of this node: JSON in, JSON out; throws with the status and body on an error. */
  api(method: string, route: string, body?: unknown): Promise<any>;
  /** SIGKILL, resolved once the process has exited. */
  kill(): Promise<void>;
  /** SIGTERM (a graceful stop: leases released), resolved once it has exited. */
  stop(): Promise<void>;
}

export function startNode(opts: { nodeId: string; store: string; leaseMs: number; port?: number }): Promise<ClusterNode> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `conclave-node-${opts.nodeId}-`));
  const args = [CLI, 'serve', '--port', String(opts.port ?? 0), '--data-dir', dataDir, '--store', opts.store, '--store-pool-size', '4', '--node-id', opts.nodeId, '--lease-ms', String(opts.leaseMs)];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CONCLAVE_LOG_LEVEL: process.env.CONCLAVE_TEST_LOG ?? 'error' } });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const signal = async (s: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(s);
    await exited;
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const url = /admin API\s+(\S+)/.exec(out)?.[1];
      const deviceUrl = /devices\s+(ws\S+)/.exec(out)?.[1];
      const token = /admin token\s+(\S+)/.exec(out)?.[1];
      if (!url || !deviceUrl || !token) return;
      child.stdout!.off('data', onData);
      child.stdout!.resume();
      child.off('exit', onExit);
      const api = async (method: string, route: string, body?: unknown) => {
        const res = await fetch(url + route, {
          method,
          headers: { authorization: `Bearer ${token}`, connection: 'close', ...(body ? { 'content-type': 'application/json' } : {}) },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
        if (!res.ok) throw new Error(`${opts.nodeId}: ${method} ${route}: ${res.status} ${await res.text()}`);
        return res.json();
      };
      resolve({ nodeId: opts.nodeId, child, url, deviceUrl, token, api, kill: () => signal('SIGKILL'), stop: () => signal('SIGTERM') });
    };
    const onExit = (code: number | null) => reject(new Error(`conclave serve (node ${opts.nodeId}) exited with ${code}: ${out}${err}`));
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
}

/** Resolves once `test` holds, checking every 50 ms; rejects naming `what` after `timeoutMs`. */
export async function until(test: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
