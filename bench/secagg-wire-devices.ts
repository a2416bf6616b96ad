/**
 * The devices of `pnpm bench:secagg --wire`, hosted in child processes so that simulated devices
 * use every core beside the coordinator (one process per core by default): each host runs its
 * share of real SDK clients against the coordinator's device URL and reports when they are
 * connected, and, at the end, the bytes they uploaded and the CPU and memory they used. Devices
 * do not train: each holds a precomputed update (`updateFor`) through a `Trainer` that returns
 * it. Dropped devices stop as soon as they are selected (before they share keys).
 *
 * Protocol with the parent (IPC): parent → host `{ setup }`, host → parent `{ ready }`;
 * parent → host `{ mark }` (the round starts: CPU is counted from here);
 * parent → host `{ report }`, host → parent `{ stats }`; parent → host `{ stop }`, host exits.
 */
import { createHash } from 'node:crypto';
import { createClient, type ConclaveClient, type DeviceIdentity, type Trainer } from '@conclave/client-sdk';

export interface HostedDevice {
  readonly index: number;
  readonly enrollmentToken: string;
  readonly publicKey: string;
  readonly secretKey: string;
  readonly drop: boolean;
}

export interface HostSetup {
  readonly url: string;
  readonly seed: string;
  readonly params: number;
  readonly threat: 'honest' | 'malicious';
  readonly approverKey: string;
  readonly authorityKey: string;
  readonly devices: readonly HostedDevice[];
}

export interface HostStats {
  /** Masked upload bytes by device index. */
  readonly uploaded: Array<[number, number]>;
  readonly cpuMs: number;
  readonly peakRssMb: number;
}

export type ParentMessage = { setup: HostSetup } | { mark: true } | { report: true } | { stop: true };
export type HostMessage = { ready: number } | { stats: HostStats } | { failed: string };

/** Device `index`'s update: a deterministic stream from the seed, values in ±0.01. */
export function updateFor(seed: string, index: number, params: number): Float32Array {
  const out = new Float32Array(params);
  let block = Buffer.alloc(0);
  let used = 0;
  let counter = 0;
  for (let i = 0; i < params; i++) {
    if (used + 4 > block.length) {
      block = createHash('sha512').update(`${seed}\0update ${index}\0${counter++}`).digest();
      used = 0;
    }
    out[i] = (block.readUInt32LE(used) / 2 ** 32 - 0.5) * 0.02;
    used += 4;
  }
  return out;
}

const fromBase64 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'base64'));

async function host(setup: HostSetup, send: (m: HostMessage) => void): Promise<{ mark(): void; stats(): HostStats; stop(): Promise<void> }> {
  let cpu0 = process.cpuUsage();
  const uploaded = new Map<number, number>();
  const devices: ConclaveClient[] = [];
  for (const d of setup.devices) {
    const update = updateFor(setup.seed, d.index, setup.params);
    const trainer: Trainer = {
      train: async () => ({ delta: update.slice(), numExamples: 10, trainLoss: 0, evalBefore: { examples: 0, loss: 0, accuracy: 0 } }),
      evaluate: async () => ({ examples: 0, loss: 0, accuracy: 0 }),
      close: async () => {},
    };
    const identity: DeviceIdentity = { publicKey: fromBase64(d.publicKey), secretKey: fromBase64(d.secretKey) };
    const c = createClient({
      url: setup.url,
      enrollmentToken: d.enrollmentToken,
      identity,
      approverKeys: [fromBase64(setup.approverKey)],
      authorityKeys: [fromBase64(setup.authorityKey)],
      trainer,
      eligibilityIntervalMs: 60_000,
      // Devices accept an honest-but-curious round only when the bench measures one.
      requireMaliciousServerProtection: setup.threat === 'malicious',
    });
    await c.consent.grant('bench');
    await c.record('bench', { features: [0], label: 0 });
    await c.record('bench', { features: [0], label: 0 });
    if (d.drop) c.on('selected', () => void c.stop());
    c.on('uploaded', (u) => uploaded.set(d.index, u.bytes));
    devices.push(c);
  }
  await Promise.all(
    devices.map(
      (d) =>
        new Promise<void>((resolve) => {
          const off = d.on('connected', () => (off(), resolve()));
          void d.start();
        }),
    ),
  );
  send({ ready: devices.length });
  return {
    mark() {
      cpu0 = process.cpuUsage();
    },
    stats() {
      const cpu = process.cpuUsage(cpu0);
      return { uploaded: [...uploaded], cpuMs: Math.round((cpu.user + cpu.system) / 1000), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
    },
    stop: async () => {
      await Promise.all(devices.map((d) => d.stop()));
    },
  };
}

// Run as a device host when forked by secagg-wire.ts.
if (process.env.CONCLAVE_SECAGG_WIRE_HOST === '1' && process.send !== undefined) {
  const send = (m: HostMessage): void => void process.send?.(m);
  let running: Awaited<ReturnType<typeof host>> | undefined;
  process.on('message', (m: ParentMessage) => {
    if ('setup' in m) {
      host(m.setup, send).then(
        (h) => (running = h),
        (error: Error) => send({ failed: error.stack ?? error.message }),
      );
    } else if ('mark' in m) {
      running?.mark();
    } else if ('report' in m) {
      if (running) send({ stats: running.stats() });
    } else if ('stop' in m) {
      void (running?.stop() ?? Promise.resolve()).finally(() => process.exit(0));
    }
  });
}
