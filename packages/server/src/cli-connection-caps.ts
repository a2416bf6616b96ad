/**
 * `conclave serve` flags for the device connection caps (connection-caps.ts): each flag sets one
 * cap, and a bad value is refused naming the flag.
 */
import type { Command } from 'commander';
import { DEFAULT_CONNECTION_CAPS, type ConnectionCaps } from './connection-caps.ts';

const FLAGS = [
  ['--max-connections <n>', 'maxConnections', 'device connections at once'],
  ['--max-unauthenticated <n>', 'maxUnauthenticated', 'connections still proving their identity'],
  ['--max-frames-per-second <n>', 'maxFramesPerSecond', 'frames one device connection may send per second'],
  ['--max-bytes-per-second <n>', 'maxBytesPerSecond', 'bytes one device connection may send per second'],
] as const satisfies readonly (readonly [string, keyof ConnectionCaps, string])[];

/** Adds the cap flags, each showing its default. */
export function withConnectionCapFlags(cmd: Command): Command {
  for (const [flag, cap, what] of FLAGS) cmd.option(flag, `${what} (default ${DEFAULT_CONNECTION_CAPS[cap]})`);
  return cmd;
}

/** The caps the flags set; throws naming the flag when a value is not a positive integer. */
export function connectionCapsFromFlags(opts: Record<string, unknown>): Partial<ConnectionCaps> {
  const caps: Partial<ConnectionCaps> = {};
  for (const [flag, cap] of FLAGS) {
    const raw = opts[cap];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag.split(' ')[0]} must be a positive integer, got "${String(raw)}"`);
    caps[cap] = n;
  }
  return caps;
}
