/**
 * What one device (or one peer without an identity) can make the coordinator hold: sessions of
 * one identity, idle sockets, frames per second, and whether one identity can sit twice in a
 * cohort. Runs a coordinator in this process (real loopback sockets) and prints one line per
 * figure; issue 15 item 4 lists them as measured before the caps.
 *
 *   pnpm bench:wire-limits [--sessions 300] [--idle 2000] [--flood-ms 1000] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { RawDevice } from '@conclave/e2e/raw-device';
import { serve } from '@conclave/server';
import pino from 'pino';

const { values } = parseArgs({
  options: {
    sessions: { type: 'string', default: '300' },
    idle: { type: 'string', default: '2000' },
    'flood-ms': { type: 'string', default: '1000' },
    json: { type: 'boolean', default: false },
  },
  args: process.argv.slice(2).filter((a) => a !== '--'),
});
const say = (s: string) => (values.json ? process.stderr : process.stdout).write(s + '\n');

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'conclave-wire-limits-'));
const server = await serve({ port: 0, dataDir, logger: pino({ level: 'silent' }), requireApproval: false });
const url = server.deviceUrl;
const token = async () => (await server.coordinator.issueEnrollmentTokens(1)).tokens[0]!;
const result: Record<string, number | boolean | string> = {};

/** Resolves with the device's Welcome, or undefined when the coordinator closed the socket first. */
async function tryAuthenticate(d: RawDevice, enrollmentToken?: string): Promise<boolean> {
  return Promise.race([d.authenticate(enrollmentToken).then(() => true), d.closed.then(() => false)]);
}
/** WebSocket readyState OPEN. */
const OPEN = 1;
const isOpen = (d: RawDevice) => d.ws.readyState === OPEN;

// 1. Sessions of one identity.
{
  const first = await RawDevice.connect(url);
  await first.authenticate(await token());
  const copies: RawDevice[] = [first];
  let accepted = 1;
  for (let i = 1; i < Number(values.sessions); i++) {
    const d = await RawDevice.connect(url);
    d.keys = first.keys;
    if (await tryAuthenticate(d)) accepted += 1;
    copies.push(d);
  }
  // Let close frames of replaced sessions arrive.
  await Promise.race([Promise.all(copies.slice(0, -1).map((d) => d.closed)), new Promise((r) => setTimeout(r, 2_000))]);
  result.sessionsOfOneIdentityAccepted = accepted;
  result.sessionsOfOneIdentityOpen = copies.filter(isOpen).length;
  result.coordinatorSessions = server.coordinator.connectedDevices;
  say(`sessions of one identity: ${accepted} of ${values.sessions} welcomed, ${result.sessionsOfOneIdentityOpen} still open, coordinator holds ${result.coordinatorSessions}`);
  for (const d of copies) d.ws.terminate();
}

// 2. Idle sockets that never say Hello.
{
  const n = Number(values.idle);
  const sockets = (await Promise.all(Array.from({ length: n }, () => RawDevice.connect(url).catch(() => undefined)))).filter((d) => d !== undefined);
  const opened = sockets.length;
  // A socket the coordinator refuses at once is closed right after the upgrade.
  await new Promise((r) => setTimeout(r, 500));
  const open = sockets.filter(isOpen).length;
  const refused = n - open;
  result.idleSocketsOpen = open;
  result.idleSocketsRefused = refused;
  say(`idle sockets (no Hello): ${opened} of ${n} upgraded, ${open} still open after 0.5 s, ${refused} closed`);
  for (const d of sockets) d.ws.terminate();
  await new Promise((r) => setTimeout(r, 200));
}

// 3. Frames per second one authenticated device can make the coordinator decode.
{
  const d = await RawDevice.connect(url);
  await d.authenticate(await token());
  const ms = Number(values['flood-ms']);
  const start = Date.now();
  let sent = 0;
  while (Date.now() - start < ms && isOpen(d)) {
    // Progress frames are decoded and routed like any other; in batches so the socket drains.
    for (let i = 0; i < 200 && isOpen(d); i++, sent++) d.send('progress', { taskId: 't', round: 1, fraction: 0.5 });
    await new Promise((r) => setImmediate(r));
  }
  const elapsed = (Date.now() - start) / 1000;
  const closed = await Promise.race([d.closed, new Promise<undefined>((r) => setTimeout(() => r(undefined), 500))]);
  result.floodFramesPerSecond = Math.round(sent / elapsed);
  result.floodClosedWith = closed ? closed.code : 'open';
  say(`one device flooding Progress: ${result.floodFramesPerSecond} frames/s sent for ${elapsed.toFixed(1)} s; connection ${closed ? `closed with ${closed.code} ${closed.reason}` : 'still open'}`);
  d.ws.terminate();
}

if (values.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
await server.close();
rmSync(dataDir, { recursive: true, force: true });
