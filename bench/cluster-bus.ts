/**
 * `pnpm bench:cluster-bus` — the measurement behind the choice of node-to-node transport (issue 14
 * item 2): PostgreSQL LISTEN/NOTIFY (the coordinator's `PostgresNodeBus`) against NATS (Debian's
 * `nats-server`, the `nats` client) carrying the same traffic through the same `NodeBus` contract:
 * batched per event-loop turn, in order, one subject (channel) per node.
 *
 * Three loads, between two nodes in this process:
 * - round trips of a small message (a relayed check-in or SecAgg+ step, ~300 bytes), one at a time;
 * - a burst of relay frames (~1.2 kB each, a SecAgg+ share or advert), all at once;
 * - a burst of large messages (~70 kB: a partial sum or a broadcast that overflows NOTIFY's
 *   8,000-byte payload, which PostgresNodeBus passes through its node_messages table).
 * Reports wall time, messages and MB per second, round-trip p50/p99, and this process's CPU.
 *
 * Usage (from the repository root): pnpm bench:cluster-bus [--json]
 * Needs initdb/pg_ctl (Debian's postgresql) and nats-server on PATH or in /usr/sbin.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { connect, type NatsConnection } from 'nats';
import pino from 'pino';
import { PostgresNodeBus, PostgresStore, type BusMessage, type NodeBus, type NodeBusStats } from '@conclave/server';
import { startPostgresCluster } from '../test/support/postgres-cluster.ts';

const { values } = parseArgs({ options: { json: { type: 'boolean', default: false }, 'round-trips': { type: 'string', default: '500' }, frames: { type: 'string', default: '5000' }, large: { type: 'string', default: '200' } }, strict: true });
const ROUND_TRIPS = Number(values['round-trips']);
const FRAMES = Number(values.frames);
const LARGE = Number(values.large);

/** The same contract as PostgresNodeBus, over NATS: a subject per node, batches per event-loop turn. */
class NatsNodeBus implements NodeBus {
  readonly stats: NodeBusStats = { bytesSent: 0, bytesReceived: 0, messagesSent: 0, messagesReceived: 0, tableBatches: 0 };
  private nc: NatsConnection | undefined;
  private handler: (from: string, message: BusMessage) => void = () => undefined;
  private readonly outbox = new Map<string, BusMessage[]>();
  private flushing = false;

  constructor(
    readonly nodeId: string,
    private readonly url: string,
  ) {}

  static subjectOf(nodeId: string): string {
    return `conclave.node.${createHash('sha256').update(nodeId).digest('hex').slice(0, 32)}`;
  }

  async start(): Promise<void> {
    this.nc = await connect({ servers: this.url, name: this.nodeId });
    const sub = this.nc.subscribe(NatsNodeBus.subjectOf(this.nodeId));
    void (async () => {
      for await (const m of sub) {
        const { from, batch } = JSON.parse(Buffer.from(m.data).toString('utf8')) as { from: string; batch: BusMessage[] };
        this.stats.bytesReceived += m.data.length;
        for (const message of batch) {
          this.stats.messagesReceived += 1;
          this.handler(from, message);
        }
      }
    })();
    await this.nc.flush();
  }

  send(nodeId: string, message: BusMessage): void {
    const queue = this.outbox.get(nodeId) ?? [];
    queue.push(message);
    this.outbox.set(nodeId, queue);
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => {
      this.flushing = false;
      // One publish per batch, split where a batch would pass the server's max_payload (1 MiB).
      const limit = this.nc!.info!.max_payload - 1024;
      for (const [to, batch] of this.outbox) {
        let chunk: BusMessage[] = [];
        let size = 0;
        const publish = () => {
          const data = Buffer.from(JSON.stringify({ from: this.nodeId, batch: chunk }), 'utf8');
          this.nc!.publish(NatsNodeBus.subjectOf(to), data);
          this.stats.bytesSent += data.length;
          this.stats.messagesSent += chunk.length;
          chunk = [];
          size = 0;
        };
        for (const m of batch) {
          const n = JSON.stringify(m).length + 1;
          if (chunk.length > 0 && size + n > limit) publish();
          chunk.push(m);
          size += n;
        }
        if (chunk.length > 0) publish();
      }
      this.outbox.clear();
    });
  }

  onMessage(handler: (from: string, message: BusMessage) => void): void {
    this.handler = handler;
  }

  async stop(): Promise<void> {
    await this.nc?.drain();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function startNats(): Promise<{ url: string; child: ChildProcess }> {
  const bin = existsSync('/usr/sbin/nats-server') ? '/usr/sbin/nats-server' : 'nats-server';
  const port = await freePort();
  const child = spawn(bin, ['-a', '127.0.0.1', '-p', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
  const url = `nats://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (/Server is ready/.test(err)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`nats-server exited with ${code}: ${err}`)));
  });
  return { url, child };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

interface LoadResult {
  wallMs: number;
  cpuMs: number;
  messagesPerSecond: number;
  megabytesPerSecond: number;
  p50Ms?: number;
  p99Ms?: number;
}

/** Runs the three loads from a to b (b answers round trips). */
async function measure(a: NodeBus, b: NodeBus): Promise<Record<'roundTrip' | 'frames' | 'large', LoadResult>> {
  let waiting: ((m: BusMessage) => void) | undefined;
  let expected = 0;
  let received = 0;
  let allIn: (() => void) | undefined;
  b.onMessage((from, m) => {
    if (m.t === 'ping') b.send(from, { t: 'pong', n: m.n });
    else if (++received === expected) allIn?.();
  });
  a.onMessage((_from, m) => waiting?.(m));

  const small = randomBytes(220).toString('base64');
  let cpu0 = cpuMs();
  let t0 = performance.now();
  const rtts: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const s = performance.now();
    await new Promise<void>((resolve) => {
      waiting = () => resolve();
      a.send(b.nodeId, { t: 'ping', n: i, body: small });
    });
    rtts.push(performance.now() - s);
  }
  const rtWall = performance.now() - t0;
  const roundTrip: LoadResult = {
    wallMs: rtWall,
    cpuMs: cpuMs() - cpu0,
    messagesPerSecond: (2 * ROUND_TRIPS * 1000) / rtWall,
    megabytesPerSecond: (2 * ROUND_TRIPS * small.length) / 1e6 / (rtWall / 1000),
    p50Ms: quantile(rtts, 0.5),
    p99Ms: quantile(rtts, 0.99),
  };

  const burst = async (count: number, bytes: number): Promise<LoadResult> => {
    const body = randomBytes(Math.round(bytes * 0.75)).toString('base64');
    received = 0;
    expected = count;
    cpu0 = cpuMs();
    t0 = performance.now();
    const done = new Promise<void>((resolve) => (allIn = resolve));
    // Sent over a few event-loop turns, as relayed frames arrive from many devices.
    for (let i = 0; i < count; i++) {
      a.send(b.nodeId, { t: 'frame', n: i, body });
      if (i % 50 === 49) await new Promise((r) => setImmediate(r));
    }
    await done;
    const wallMs = performance.now() - t0;
    return { wallMs, cpuMs: cpuMs() - cpu0, messagesPerSecond: (count * 1000) / wallMs, megabytesPerSecond: (count * body.length) / 1e6 / (wallMs / 1000) };
  };
  const frames = await burst(FRAMES, 1200);
  const large = await burst(LARGE, 70_000);
  return { roundTrip, frames, large };
}

const logger = pino({ level: 'warn' });
const pgCluster = await startPostgresCluster();
const nats = await startNats();
const results: Record<string, Record<'roundTrip' | 'frames' | 'large', LoadResult> & { stats: NodeBusStats }> = {};
try {
  // The node_messages table comes with the store's migrations.
  const store = await PostgresStore.open({ url: pgCluster.url });
  await store.close();
  for (const kind of ['postgres', 'nats'] as const) {
    const make = (id: string): NodeBus => (kind === 'postgres' ? new PostgresNodeBus(id, pgCluster.url, logger) : new NatsNodeBus(id, nats.url));
    const a = make(`bench-a-${kind}`);
    const b = make(`bench-b-${kind}`);
    await Promise.all([a.start(), b.start()]);
    try {
      results[kind] = { ...(await measure(a, b)), stats: { ...a.stats } };
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  }
} finally {
  nats.child.kill('SIGTERM');
  await pgCluster.stop();
}

const machine = { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version, load: loadavg().map((x) => Number(x.toFixed(2))) };
const pgR = results.postgres!;
const natsR = results.nats!;
const ratios = {
  roundTripP50: pgR.roundTrip.p50Ms! / natsR.roundTrip.p50Ms!,
  framesPerSecond: natsR.frames.messagesPerSecond / pgR.frames.messagesPerSecond,
  largePerSecond: natsR.large.messagesPerSecond / pgR.large.messagesPerSecond,
  framesCpu: pgR.frames.cpuMs / natsR.frames.cpuMs,
};
if (values.json) {
  console.log(JSON.stringify({ machine, roundTrips: ROUND_TRIPS, frames: FRAMES, large: LARGE, results, ratios }));
} else {
  const f = (x: number, d = 1) => x.toFixed(d);
  console.log(`machine: ${machine.cores} cores, ${machine.cpu}, node ${machine.node}, load ${machine.load.join(' ')}`);
  for (const [kind, r] of Object.entries(results)) {
    console.log(`${kind}:`);
    console.log(`  round trips (${ROUND_TRIPS} × ~300 B): p50 ${f(r.roundTrip.p50Ms!, 2)} ms, p99 ${f(r.roundTrip.p99Ms!, 2)} ms`);
    console.log(`  relay frames (${FRAMES} × ~1.2 kB): ${f(r.frames.messagesPerSecond, 0)} msg/s, ${f(r.frames.megabytesPerSecond)} MB/s, this process ${f(r.frames.cpuMs, 0)} ms CPU`);
    console.log(`  large (${LARGE} × ~70 kB): ${f(r.large.messagesPerSecond, 0)} msg/s, ${f(r.large.megabytesPerSecond)} MB/s, this process ${f(r.large.cpuMs, 0)} ms CPU; table batches ${r.stats.tableBatches}`);
  }
  console.log(`ratios: round-trip p50 postgres/nats ${f(ratios.roundTripP50, 2)}, frames/s nats/postgres ${f(ratios.framesPerSecond, 2)}, large/s nats/postgres ${f(ratios.largePerSecond, 2)}, frame CPU postgres/nats ${f(ratios.framesCpu, 2)}`);
}
process.exit(0);
