import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { afterEach, describe, expect, it } from 'vitest';
import { serve } from '@conclave/server';
import pino from 'pino';
import { RawDevice } from './raw-device.ts';
import { denseTask, logisticModel, modelSpec, nextEvent, separablePoints, startHarness, waitForTask, type Harness } from './helpers.ts';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../packages/server/bin/conclave.mjs');

let h: Harness | undefined;
const cleanup: (() => void)[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  for (const c of cleanup.splice(0)) c();
});

describe('a task waiting for devices is never a silent hang', () => {
  it('says what it waits for, times out each selection with a reason, then fails clearly', async () => {
    h = await startHarness();
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, { cohort: { goal: 3, minimum: 3 }, timeouts: { selectionMs: 150, roundMs: 5_000 }, maxConsecutiveFailures: 2 }),
    );
    await h.addClient();
    await waitForTask(h.server, taskId, (s) => s.status === 'running');
    const waiting = await h.server.coordinator.taskStatus(taskId);
    expect(waiting.phase).toBe('selecting');
    expect(waiting.waitingFor).toMatch(/^devices: [01] of 4 wanted \(minimum 3\) eligible for stream "points"; selection times out in/);
    const failed = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    expect(failed.status).toBe('failed');
    expect(failed.statusReason).toBe(
      '2 consecutive rounds failed; last: selection timed out after 0.2 s: 1 eligible device checked in for stream "points", minimum is 3',
    );
    const aborted = (await h.server.coordinator.store.listRounds(taskId)).filter((r) => r.status === 'aborted');
    expect(aborted).toHaveLength(2);
  });
});

describe('a restarted coordinator resumes from its last committed model version', () => {
  it('loses and duplicates no round, and the same SDK clients reconnect on their own', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'conclave-restart-'));
    cleanup.push(() => rmSync(dataDir, { recursive: true, force: true }));
    let stopAfterTwo!: () => void;
    const twoCommitted = new Promise<void>((r) => (stopAfterTwo = r));
    h = await startHarness({
      dataDir,
      onRoundEnd: (_id, outcome, round) => {
        if (outcome === 'committed' && round === 2) stopAfterTwo();
      },
    });
    const taskId = await h.server.coordinator.createTask(await denseTask(8, { rounds: 4 }));
    const clients: Awaited<ReturnType<Harness['addClient']>>[] = [];
    for (let i = 0; i < 4; i++) clients.push(await h.addClient());
    await twoCommitted;
    const reconnected = clients.map((c) => nextEvent(c, 'connected'));
    const before = await h.server.coordinator.latestModel(taskId);
    const port = h.server.port;
    await h.server.close();

    // Same data directory, same port: the clients' back-off brings them back.
    const again = await serve({ dataDir, port, logger: pino({ level: 'silent' }) });
    cleanup.push(() => void again.close());
    const resumed = await again.coordinator.taskStatus(taskId);
    expect(resumed.status).toBe('running');
    expect(resumed.modelVersion).toBeGreaterThanOrEqual(2);
    expect((await again.coordinator.latestModel(taskId)).weights.length).toBe(before.weights.length);
    await Promise.all(reconnected);
    const done = await waitForTask(again, taskId, (s) => s.status !== 'running');
    expect(done.status).toBe('completed');
    const committed = (await again.coordinator.store.listRounds(taskId)).filter((r) => r.status === 'committed');
    expect(committed.map((r) => r.round)).toEqual([1, 2, 3, 4, 5]);
    expect(committed.map((r) => r.modelVersionIn)).toEqual([0, 1, 2, 3, 4]);
    await Promise.all(clients.map((c) => c.stop()));
    await again.close();
  });
});

describe('the conclave CLI', () => {
  it('creates a task from a file, shows its status and exports a model tf.loadLayersModel can load', async () => {
    h = await startHarness();
    const dir = mkdtempSync(path.join(tmpdir(), 'conclave-cli-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    // An initial model saved the way an ML engineer would: a TensorFlow.js model.json + weights.
    const spec = await modelSpec(logisticModel(8, 3));
    writeFileSync(path.join(dir, 'weights.bin'), Buffer.from(spec.weightsBase64, 'base64'));
    writeFileSync(
      path.join(dir, 'model.json'),
      JSON.stringify({ modelTopology: spec.modelTopology, weightsManifest: [{ paths: ['weights.bin'], weights: spec.weightSpecs }], format: 'layers-model' }),
    );
    const task = await denseTask(8, { rounds: 5 });
    writeFileSync(path.join(dir, 'task.json'), JSON.stringify({ ...task, model: { path: 'model.json' } }));
    const env = { ...process.env, CONCLAVE_URL: h.server.url, CONCLAVE_TOKEN: h.server.token };

    const created = await run(process.execPath, [CLI, 'task', 'create', '--file', path.join(dir, 'task.json'), '--json'], { env });
    const { id } = JSON.parse(created.stdout) as { id: string };
    for (let i = 0; i < 4; i++) await h.addClient();
    await waitForTask(h.server, id, (s) => s.status === 'completed');

    const status = await run(process.execPath, [CLI, 'task', 'status', id], { env });
    expect(status.stdout).toContain(`task      ${id}  (test task)`);
    expect(status.stdout).toContain('rounds    5 of 5 done (model version 5)');
    expect(status.stdout).toMatch(/last      round 6 \(evaluate\): \d+ devices/);

    const out = path.join(dir, 'export');
    const exported = await run(process.execPath, [CLI, 'model', 'export', id, '--out', out], { env });
    expect(exported.stdout).toContain('wrote model version 5');

    // Serve the export and load it the way a user would.
    const files = createServer((req, res) => res.end(readFileSync(path.join(out, path.basename(req.url ?? '')))));
    await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
    cleanup.push(() => files.close());
    const port = (files.address() as { port: number }).port;
    const model = await tf.loadLayersModel(`http://127.0.0.1:${port}/model.json`);
    const points = separablePoints(200, 8, 99);
    const pred = (model.predict(tf.tensor2d(points.map((p) => p.features))) as tf.Tensor).dataSync();
    const acc = points.filter((p, i) => (pred[i]! > 0.5 ? 1 : 0) === p.label).length / points.length;
    expect(acc).toBeGreaterThan(0.8);
    const { weights } = await h.server.coordinator.latestModel(id);
    expect(Array.from((model.getWeights()[0]!.dataSync() as Float32Array).slice(0, 8))).toEqual(Array.from(weights.slice(0, 8)));
  });

  it("shows a DP task's privacy: mode, ε spent and left, noise, clip norm, and the devices' noise shares", async () => {
    h = await startHarness();
    const dir = mkdtempSync(path.join(tmpdir(), 'conclave-cli-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const env = { ...process.env, CONCLAVE_URL: h.server.url, CONCLAVE_TOKEN: h.server.token };
    const show = async (privacy: Record<string, unknown>) => {
      const file = path.join(dir, `task-${privacy.mode}.json`);
      writeFileSync(file, JSON.stringify(await denseTask(8, { rounds: 10, cohort: { goal: 10, minimum: 8 }, privacy: { targetEpsilon: 5, delta: 1e-5, population: 1000, ...privacy } })));
      const created = await run(process.execPath, [CLI, 'task', 'create', '--file', file, '--json'], { env });
      const { id } = JSON.parse(created.stdout) as { id: string };
      await waitForTask(h!.server, id, (s) => s.status === 'running');
      await h!.server.coordinator.stopTask(id, 'shown');
      return (await run(process.execPath, [CLI, 'task', 'status', id], { env })).stdout;
    };
    const central = await show({ mode: 'central', adaptive: { initialClipNorm: 0.2 } });
    expect(central).toMatch(/privacy {3}central DP: ε spent 0\.000 of 5 \(5\.000 left\) at δ = 0\.00001; noise multiplier \d\.\d{3}, sampling rate 0\.0100 of 1000 devices, adaptive clip norm, now 0\.2\n/);
    const distributed = await show({ mode: 'distributed', clipNorm: 1 });
    // The noise is calibrated on ε against the coordinator (no amplification, over the rounds one
    // device can join), and both figures are shown.
    expect(distributed).toMatch(/privacy {3}distributed DP: ε spent 0\.000 of 5 .* clip norm 1\n {10}noise added on the devices: σ \d+\.\d{3} each; modular wrap-around per round ≤ \d\.\de-1\d\n/);
    expect(distributed).toMatch(/ {10}ε against the coordinator 0\.000 \(at most \d+ rounds per device, no amplification; the budget\), ε for the released model 0\.000\n/);
  });

  it('issues enrollment tokens, lists devices and revokes one', async () => {
    h = await startHarness();
    const env = { ...process.env, CONCLAVE_URL: h.server.url, CONCLAVE_TOKEN: h.server.token };
    const issued = await run(process.execPath, [CLI, 'enroll', '--count', '2'], { env });
    const tokens = issued.stdout.trim().split('\n');
    expect(tokens).toHaveLength(2);
    expect(issued.stderr).toMatch(/^2 single-use token\(s\), valid until /);
    const device = await RawDevice.enrolled(h.server.deviceUrl, tokens[0]!, ['points']);
    const listed = await run(process.execPath, [CLI, 'devices', 'list'], { env });
    expect(listed.stdout).toBe(`${device.deviceId}\tconnected\n`);
    const revoked = await run(process.execPath, [CLI, 'devices', 'revoke', device.deviceId, '--reason', 'left the company'], { env });
    expect(revoked.stdout).toBe(`revoked ${device.deviceId}\n`);
    expect((await device.closed).code).toBe(4021);
    expect((await run(process.execPath, [CLI, 'devices', 'list'], { env })).stdout).toMatch(new RegExp(`^${device.deviceId}\trevoked `));
  });

  it('refuses admin calls without the token and names bad task fields', async () => {
    h = await startHarness();
    const dir = mkdtempSync(path.join(tmpdir(), 'conclave-cli-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const unauth = await fetch(`${h.server.url}/api/tasks`);
    expect(unauth.status).toBe(401);
    writeFileSync(path.join(dir, 'bad.json'), JSON.stringify({ ...(await denseTask(8)), cohort: { goal: 2, minimum: 5 }, rounds: 0 }));
    const env = { ...process.env, CONCLAVE_URL: h.server.url, CONCLAVE_TOKEN: h.server.token };
    const err = await run(process.execPath, [CLI, 'task', 'create', '--file', path.join(dir, 'bad.json')], { env }).catch((e: { stderr: string; code: number }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toContain('INVALID_TASK: invalid task: cohort: cohort.minimum must not exceed cohort.goal; rounds: Number must be greater than or equal to 1');
  });
});
