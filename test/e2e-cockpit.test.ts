/**
 * The ML engineer's cockpit over a real task (issue 12, items 4, 5, 7): a text task trains a few
 * rounds with SDK devices; then every model version is listed and exported, the exports load
 * with the SDK's loadConclaveModel and predict as the coordinator's weights do by hand; then a
 * device is forgotten and its id is nowhere in the coordinator's databases.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { featurize, loadConclaveModel, validateFeatureSpec } from '@conclave/client-sdk';
import { exportModelVersion, listModelVersions, verifyAuditChain, writeModelExport } from '@conclave/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denseTask, startHarness, waitForTask, type Harness } from './helpers.ts';

interface ReadonlyDb {
  prepare(sql: string): { all(...args: unknown[]): unknown[] };
  close(): void;
}
const Database = createRequire(new URL('../packages/server/package.json', import.meta.url))('better-sqlite3') as new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => ReadonlyDb;

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../packages/server/bin/conclave.mjs');
const cliEnv = () => ({ ...process.env, CONCLAVE_URL: h.server.url, CONCLAVE_TOKEN: h.server.token });

const DIM = 64;
const RECIPE = { kind: 'hashed-bow', dim: DIM } as const;
const URGENT = ['outage', 'down', 'urgent', 'failing', 'broken', 'incident', 'pager', 'critical'];
const ROUTINE = ['lunch', 'newsletter', 'weekly', 'notes', 'social', 'reminder', 'coffee', 'digest'];
const FILLER = ['the', 'team', 'today', 'please', 'see', 'about', 'our', 'from'];

/** Seeded texts: urgent ones (label 1) carry urgent words, routine ones routine words. */
function texts(n: number, seed: number): { text: string; label: number }[] {
  let s = seed >>> 0 || 1;
  const next = (k: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % k;
  };
  return Array.from({ length: n }, () => {
    const label = next(2);
    const words = label ? URGENT : ROUTINE;
    return { label, text: Array.from({ length: 6 }, (_, i) => (i % 2 ? FILLER[next(FILLER.length)] : words[next(words.length)])).join(' ') };
  });
}

const PROBES = ['the pager says the build is broken', 'weekly lunch notes from the team', 'urgent: database outage', 'coffee reminder'];

/** sigmoid(x · kernel + bias) with the coordinator's flat weights (kernel [DIM, 1], then bias). */
function byHand(weights: Float32Array, text: string): number {
  const x = featurize(text, validateFeatureSpec(RECIPE));
  let z = weights[DIM]!;
  for (let i = 0; i < DIM; i++) z += x[i]! * weights[i]!;
  return 1 / (1 + Math.exp(-z));
}

/** Polls `ready` every 50 ms until it holds, or fails after `ms` with `detail()`. */
async function waitFor(ready: () => boolean, ms: number, detail: () => string): Promise<void> {
  const end = Date.now() + ms;
  while (!ready()) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms; ${detail()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let h: Harness;
let taskId: string;
const dirs: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  for (let i = 0; i < 4; i++) {
    const c = await h.addClient({ examples: [] });
    for (const e of texts(50, 100 + i)) await c.record('points', e);
  }
  taskId = await h.server.coordinator.createTask(await denseTask(DIM, { name: 'ticket triage', features: RECIPE, rounds: 3, training: { localEpochs: 3, batchSize: 16, clientLearningRate: 1 } }));
  const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running', 90_000);
  expect(done.status).toBe('completed');
}, 120_000);

afterAll(async () => {
  await h?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('model versions', () => {
  it('lists every committed version with its round and metrics; exports of version 1 and the latest predict as the weights do by hand', async () => {
    const store = h.server.coordinator.store;
    const versions = await listModelVersions(store, taskId);
    expect(versions.map((v) => [v.version, v.round])).toEqual([
      [0, null],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    const rounds = (await store.listRounds(taskId)).filter((r) => r.status === 'committed' && r.kind === 'train');
    expect(versions.slice(1).map((v) => v.metrics)).toEqual(rounds.map((r) => r.metrics));
    expect(versions.every((v) => v.epsilon === null)).toBe(true);

    const dir = mkdtempSync(path.join(tmpdir(), 'conclave-export-'));
    dirs.push(dir);
    const predictions: number[][] = [];
    for (const [version, wanted] of [
      [1, 1],
      ['latest', 3],
    ] as const) {
      const bundle = await exportModelVersion(store, taskId, version);
      expect(bundle.metadata).toMatchObject({ format: 'conclave-model', taskId, version: wanted, round: wanted, features: RECIPE, epsilon: null, loss: 'binaryCrossentropy' });
      expect(bundle.metadata.metrics).toEqual(rounds[wanted - 1]!.metrics);
      const out = path.join(dir, String(version));
      writeModelExport(out, bundle);
      expect(readdirSync(out).sort()).toEqual(['conclave-model.json', 'model.json', 'weights.bin']);
      const model = await loadConclaveModel(out);
      expect(model.metadata.version).toBe(wanted);
      const weights = (await store.getModel(taskId, wanted))!;
      const got = PROBES.map((t) => model.predict(t)[0]!);
      PROBES.forEach((t, i) => expect(got[i]).toBeCloseTo(byHand(weights, t), 5));
      predictions.push(got);
      model.dispose();
    }
    // Two versions, two models: training moved the weights, and the last one learned the task.
    expect(predictions[0]).not.toEqual(predictions[1]);
    const [pager, lunch, outage, coffee] = predictions[1]!;
    expect(Math.min(pager!, outage!)).toBeGreaterThan(Math.max(lunch!, coffee!));
  });

  it('refuses a version it does not have, naming the ones it has', async () => {
    await expect(exportModelVersion(h.server.coordinator.store, taskId, 9)).rejects.toThrow(`task ${taskId} has no model version 9; stored versions: 0–3`);
  });
});

describe('the right to be forgotten', () => {
  it("deletes every record of a device, keeps the rounds' counts, audits it without the id, and says which versions it went into", async () => {
    const store = h.server.coordinator.store;
    const participants = await store.participation(taskId, 1);
    const victim = h.clients.find((c) => participants.some((p) => p.deviceId === c.deviceId))!;
    const deviceId = victim.deviceId;
    const publicKey = Buffer.from((await store.getDevice(deviceId))!.publicKey!);
    const expected: number[] = [];
    for (const v of [1, 2, 3]) if ((await store.participation(taskId, v)).some((p) => p.deviceId === deviceId)) expected.push(v);
    const countsBefore = (await store.listRounds(taskId)).map((r) => r.metrics?.participants);
    await victim.stop();

    const result = await h.server.coordinator.forgetDevice(deviceId);
    expect(result).toEqual({ forgotten: true, modelVersions: [{ taskId, versions: expected }] });
    expect(await store.getDevice(deviceId)).toBeUndefined();
    expect((await store.listRounds(taskId)).map((r) => r.metrics?.participants)).toEqual(countsBefore);
    expect((await store.participation(taskId, 1)).length).toBe(participants.length - 1);

    // Every table and column of every database in the data directory: neither the id nor the key.
    const files = readdirSync(h.dataDir).filter((f) => f.endsWith('.db'));
    expect(files.sort()).toEqual(['conclave.db', 'trust.db']);
    let rowsScanned = 0;
    for (const file of files) {
      const db = new Database(path.join(h.dataDir, file), { readonly: true, fileMustExist: true });
      try {
        const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
        for (const table of tables) {
          for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
            rowsScanned += 1;
            for (const [column, value] of Object.entries(row)) {
              const bytes = value instanceof Uint8Array ? Buffer.from(value) : Buffer.from(String(value ?? ''), 'utf8');
              expect(bytes.includes(Buffer.from(deviceId)), `${file} ${table}.${column} holds the forgotten device id`).toBe(false);
              expect(bytes.includes(publicKey), `${file} ${table}.${column} holds the forgotten device's key`).toBe(false);
              expect(bytes.includes(Buffer.from(publicKey.toString('base64'))), `${file} ${table}.${column} holds the forgotten device's key (base64)`).toBe(false);
            }
          }
        }
      } finally {
        db.close();
      }
    }
    expect(rowsScanned).toBeGreaterThan(20);

    // The audit log records the forgetting under the device's former pseudonym, and is intact.
    const chain = await store.auditChain();
    expect(verifyAuditChain(chain).ok).toBe(true);
    // The task's lifecycle is on the record: created, approved, completed (with the round that finished it).
    const lifecycle = chain.filter((e) => e.detail.taskId === taskId).map((e) => e.action + (e.action === 'task.status' ? `:${String(e.detail.status)}` : ''));
    expect(lifecycle).toEqual(expect.arrayContaining(['task.create', 'task.approve', 'task.status:completed']));
    const entry = chain.at(-1)!;
    expect(entry).toMatchObject({ actor: 'admin', action: 'device.forget', detail: { device: expect.stringMatching(/^ref-/), modelVersions: [{ taskId, versions: expected }] } });
    const enrolled = chain.filter((e) => e.action === 'device.enroll' && e.detail.device === entry.detail.device);
    expect(enrolled).toHaveLength(1);
    // Forgetting again finds nothing.
    expect(await h.server.coordinator.forgetDevice(deviceId)).toEqual({ forgotten: false, modelVersions: [] });
  });
});

describe('the CLI against the admin API', () => {
  it('model list and export, audit verify and devices forget', async () => {
    const env = cliEnv();
    const dir = mkdtempSync(path.join(tmpdir(), 'conclave-cli-export-'));
    dirs.push(dir);
    // A device the first test did not forget; stopped, so it is in no round.
    const known = await Promise.all(h.clients.map(async (c) => (await h.server.coordinator.store.getDevice(c.deviceId)) !== undefined));
    const target = h.clients.filter((_, i) => known[i])[0]!;
    await target.stop();
    const [listed, exported, verified] = await Promise.all([
      run(process.execPath, [CLI, 'model', 'list', taskId, '--json'], { env }),
      run(process.execPath, [CLI, 'model', 'export', taskId, '--version', '1', '--out', dir], { env }),
      run(process.execPath, [CLI, 'audit', 'verify', '--json'], { env }),
    ]);
    const { models } = JSON.parse(listed.stdout) as { models: { version: number; round: number | null }[] };
    expect(models.map((m) => [m.version, m.round])).toEqual([
      [0, null],
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(exported.stdout).toContain(`wrote model version 1 of ${taskId} (round 1)`);
    const model = await loadConclaveModel(dir);
    const weights = (await h.server.coordinator.store.getModel(taskId, 1))!;
    for (const t of PROBES) expect(model.predict(t)[0]).toBeCloseTo(byHand(weights, t), 5);
    model.dispose();
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, head: { hash: expect.stringMatching(/^[0-9a-f]{64}$/) } });

    const forgot = await run(process.execPath, [CLI, 'devices', 'forget', target.deviceId, '--json'], { env });
    const answer = JSON.parse(forgot.stdout) as { forgotten: boolean; modelVersions: { taskId: string; versions: number[] }[] };
    expect(answer.forgotten).toBe(true);
    expect(await h.server.coordinator.store.getDevice(target.deviceId)).toBeUndefined();
    // The audit log, read over the API, ends with it and still verifies.
    const res = await fetch(`${h.server.url}/api/audit?limit=1`, { headers: { authorization: `Bearer ${h.server.token}` } });
    const { entries } = (await res.json()) as { entries: { action: string; detail: Record<string, unknown> }[] };
    expect(entries.map((e) => [e.action, e.detail.modelVersions])).toEqual([['device.forget', answer.modelVersions]]);
    const again = await fetch(`${h.server.url}/api/audit/verify`, { headers: { authorization: `Bearer ${h.server.token}` } });
    expect(((await again.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('task watch prints a row per round as it ends and exits when the task does', async () => {
    const second = await h.server.coordinator.createTask(await denseTask(DIM, { name: 'watched', features: RECIPE, rounds: 2 }));
    const child = spawn(process.execPath, [CLI, 'task', 'watch', second, '--interval', '200'], { env: cliEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Two of the four devices are forgotten or stopped by now, so the task waits in selection:
    // once the watch shows that, two more devices join and the rounds run.
    await waitFor(() => / {2}… round 1 \(train\) selecting/.test(stdout), 60_000, () => `watch printed: ${stdout}${stderr}`);
    for (let i = 0; i < 2; i++) {
      const c = await h.addClient({ examples: [] });
      for (const e of texts(50, 200 + i)) await c.record('points', e);
    }
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, stderr).toBe(0);
    const rows = await h.server.coordinator.store.listRounds(second);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(new RegExp(`^task ${second} \\(watched\\): `));
    expect(lines[1]).toMatch(/^round +kind +outcome +devices +train loss +eval loss +eval acc +of model +ε spent +time$/);
    // One row per round the store recorded, in order, with its counts and losses as stored.
    const table = lines.filter((l) => /^\d+ /.test(l));
    expect(table.map((l) => l.split(/ +/).slice(0, 4))).toEqual(rows.map((r) => [String(r.round), r.kind, r.status, r.metrics ? `${r.metrics.participants}/${r.metrics.selected}` : '—']));
    const committed = rows.find((r) => r.status === 'committed' && r.kind === 'train')!;
    expect(table.join('\n')).toContain(committed.metrics!.trainLoss!.toFixed(4));
    // The end is said.
    expect(lines.filter(Boolean).at(-1)).toBe('task completed — completed 2 rounds');
  });
});
