/**
 * The enrollment authority's CLI against a real coordinator: `conclave authority init` makes a key
 * held apart from the coordinator, `sign` certifies the devices an employee reports (and only
 * those), `revoke` hands the coordinator a signed list whose sequence only grows; `task status
 * --json` shows the secure-aggregation settings in force, the explicit opt-out included.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { fromBase64, verifyCertificate, verifyRevocationList } from '@conclave/proto';
import { denseTask, startHarness, type Harness } from './helpers.ts';
import { RawDevice } from './raw-device.ts';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../packages/server/bin/conclave.mjs');

let h: Harness | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('conclave authority', () => {
  it('init, sign named devices, revoke with a growing sequence; the coordinator only relays', async () => {
    h = await startHarness();
    const dir = mkdtempSync(path.join(tmpdir(), 'conclave-authority-'));
    dirs.push(dir);
    const env = { ...process.env, CONCLAVE_URL: h.server.url, CONCLAVE_TOKEN: h.server.token };
    const cli = (...args: string[]) => run(process.execPath, [CLI, ...args], { env });

    const init = JSON.parse((await cli('authority', 'init', '--out', dir, '--name', 'Works council', '--json')).stdout) as { keyFile: string; publicKey: string };
    expect(statSync(init.keyFile).mode & 0o777).toBe(0o600);
    const authorityKey = fromBase64(init.publicKey);
    await expect(cli('authority', 'init', '--out', dir)).rejects.toThrow(/exists already; pass --force/);

    const a = await RawDevice.enrolled(h.server.deviceUrl, h.token(), ['points']);
    const b = await RawDevice.enrolled(h.server.deviceUrl, h.token(), ['points']);
    expect((await h.server.coordinator.trust.pending()).map((p) => p.deviceId).sort()).toEqual([a.deviceId, b.deviceId].sort());
    await expect(cli('authority', 'sign', '--key', init.keyFile)).rejects.toThrow(/name the devices to certify with --device/);
    await expect(cli('authority', 'sign', '--key', init.keyFile, '--device', 'dev-00000000000000000000000000000000')).rejects.toThrow(/is not pending at the coordinator/);

    const signed = JSON.parse((await cli('authority', 'sign', '--key', init.keyFile, '--device', a.deviceId, '--json')).stdout) as { certified: string[] };
    expect(signed.certified).toEqual([a.deviceId]);
    expect((await h.server.coordinator.trust.pending()).map((p) => p.deviceId)).toEqual([b.deviceId]);
    const cert = (await h.server.coordinator.trust.roundTrust([a.deviceId])).certificates[0]!;
    expect(await verifyCertificate(cert, { authorityKeys: [authorityKey], nowMs: Date.now(), publicKey: a.keys.publicKey })).toEqual({ ok: true });

    // A key file whose halves do not belong together is refused before anything is signed.
    const tampered = JSON.parse(readFileSync(init.keyFile, 'utf8')) as Record<string, string>;
    tampered.publicKey = Buffer.alloc(32, 7).toString('base64');
    writeFileSync(path.join(dir, 'tampered.key'), JSON.stringify(tampered));
    await expect(cli('authority', 'sign', '--key', path.join(dir, 'tampered.key'), '--device', b.deviceId)).rejects.toThrow(/the public key is not the seed's/);

    const first = JSON.parse((await cli('authority', 'revoke', '--key', init.keyFile, a.deviceId, '--json')).stdout) as { sequence: number };
    const firstList = JSON.parse(readFileSync(path.join(dir, 'revocation-list.json'), 'utf8')) as unknown;
    const second = JSON.parse((await cli('authority', 'revoke', '--key', init.keyFile, b.deviceId, '--json')).stdout) as { sequence: number; revoked: string[] };
    expect([first.sequence, second.sequence]).toEqual([1, 2]);
    const [stored] = await h.server.coordinator.trust.revocationLists();
    expect(stored!.sequence).toBe(2);
    expect([...stored!.revoked]).toEqual([a.deviceId, b.deviceId].sort());
    expect(await verifyRevocationList(stored!, { authorityKeys: [authorityKey] })).toEqual({ ok: true });
    // The coordinator keeps the newest list: the authority's own older list is refused, and so is a tampered one.
    await expect(h.server.coordinator.trust.storeRevocationList(firstList)).rejects.toThrow(/revocation list 1 is older than the stored list 2/);
    const current = JSON.parse(readFileSync(path.join(dir, 'revocation-list.json'), 'utf8')) as Record<string, unknown>;
    await expect(h.server.coordinator.trust.storeRevocationList({ ...current, revoked: [a.deviceId] })).rejects.toThrow(/signature/);
    a.close();
    b.close();
  }, 60_000);

  it('task status --json shows the secure-aggregation settings in force: malicious-server by default, an opt-out as stored', async () => {
    h = await startHarness();
    const env = { ...process.env, CONCLAVE_URL: h.server.url, CONCLAVE_TOKEN: h.server.token };
    const byDefault = await h.server.coordinator.createTask(await denseTask(8));
    const optOut = await h.server.coordinator.createTask(await denseTask(8, { secureAggregation: { maliciousServer: false } }));
    const status = async (id: string) => JSON.parse((await run(process.execPath, [CLI, 'task', 'status', id, '--json'], { env })).stdout) as { secureAggregation: { enabled: boolean; maliciousServer: boolean } };
    expect((await status(byDefault)).secureAggregation).toMatchObject({ enabled: true, maliciousServer: true });
    expect((await status(optOut)).secureAggregation).toMatchObject({ enabled: true, maliciousServer: false });
    const text = (await run(process.execPath, [CLI, 'task', 'status', optOut], { env })).stdout;
    expect(text).toMatch(/secagg\s+on, honest-but-curious setting \(explicit opt-out/);
  }, 60_000);
});
