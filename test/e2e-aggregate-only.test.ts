/**
 * Nothing about one device outside the aggregate (issue 11), end to end: a task with federated
 * evaluation runs over real sockets; then every table and column of the coordinator's database
 * and every line it logged are scanned: no row or line that names a device carries a metric, a
 * count or a reason. And each device's ledger of the frames it sent matches, hash for hash, the
 * running hash the coordinator computed over the frames it received on that connection.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Writable } from 'node:stream';
import path from 'node:path';
import pino from 'pino';
import { REASON_CODE_NAMES } from '@conclave/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { denseTask, startHarness, waitForTask, type Harness } from './helpers.ts';

// The coordinator's own SQLite driver, to read its files as they are on disk.
interface ReadonlyDb {
  prepare(sql: string): { all(): unknown[] };
  close(): void;
}
const Database = createRequire(new URL('../packages/server/package.json', import.meta.url))('better-sqlite3') as new (file: string, options: { readonly: boolean; fileMustExist: boolean }) => ReadonlyDb;

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Column names that would hold something about one device if a device-linked row had them set. */
const PER_DEVICE_FIELD = /loss|accuracy|example|count|reason|metric|withdraw|code|epsilon/i;

describe('nothing about one device outside the aggregate', () => {
  it('evaluation travels only in the secure sum; the database and logs hold no per-device metric, count or reason; frame hashes match', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    h = await startHarness({ logger });
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, { rounds: 2, cohort: { goal: 4, minimum: 4, overSelection: 1 }, evaluation: { evalFraction: 0.25, finalRound: true } }),
    );
    for (let i = 0; i < 4; i++) await h.addClient();
    const done = await waitForTask(h.server, taskId, (s) => s.status !== 'running');
    expect(done.status).toBe('completed');

    // The evaluation round committed the cohort's sums, under secure aggregation.
    const rounds = (await h.server.coordinator.store.listRounds(taskId)).filter((r) => r.status === 'committed');
    expect(rounds.map((r) => r.kind)).toEqual(['train', 'train', 'evaluate']);
    const evaluation = rounds.at(-1)!.metrics!;
    expect(evaluation.evalExamples).toBeGreaterThan(0);
    expect(evaluation.evalAccuracy).toBeGreaterThan(0.5);
    expect((await h.server.coordinator.store.participation(taskId, 3)).every((p) => p.numExamples === 0)).toBe(true);

    // Frame hashes: for every device, the coordinator's running hash over the frames it received
    // equals the device's own, after the same number of frames on that connection.
    for (const client of h.clients) {
      const frames = await client.ledger.frames();
      const sessionId = frames.at(-1)!.sessionId!;
      const server = h.server.coordinator.frameDigest(sessionId);
      expect(server).toBeDefined();
      const connection = frames.find((f) => f.sessionId === sessionId)!.connection;
      const same = frames.find((f) => f.connection === connection && f.seq === server!.frames);
      expect(same?.runningHash).toBe(server!.runningHash);
      // Every kind of frame is in the ledger, grouped by round; no evaluation report exists any more.
      const kinds = new Set(frames.map((f) => f.kind));
      for (const k of ['hello', 'proof', 'checkIn', 'secagg.advertiseKeys', 'secagg.shareKeys', 'uploadStart', 'uploadChunk']) expect(kinds).toContain(k);
      const byRound = await client.ledger.rounds();
      expect(byRound.some((r) => r.taskId === taskId && r.round === 3 && r.frames.some((f) => f.kind === 'uploadChunk'))).toBe(true);
      // The ledger entries keep their shape and say what each upload was.
      const entries = await client.ledger.entries();
      expect(entries.map((e) => e.kind).sort()).toEqual(['evaluation', 'update', 'update']);
    }

    // The databases in the data directory: every table, every column.
    const deviceIds = h.clients.map((c) => c.deviceId);
    expect(deviceIds.every((d) => d.startsWith('dev-'))).toBe(true);
    let linkedRows = 0;
    const files = readdirSync(h.dataDir).filter((f) => f.endsWith('.db'));
    expect(files).toContain('conclave.db');
    for (const file of files) {
    const db = new Database(path.join(h.dataDir, file), { readonly: true, fileMustExist: true });
    try {
      const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
      if (file === 'conclave.db') expect(tables).toContain('participation');
      for (const table of tables) {
        for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
          const text = Object.values(row).map((v) => (v instanceof Buffer ? '' : String(v ?? ''))).join('\u0000');
          for (const code of REASON_CODE_NAMES.slice(1)) expect(text, `${table} holds reason code ${code}`).not.toContain(code);
          if (!deviceIds.some((d) => text.includes(d))) continue;
          linkedRows += 1;
          for (const [column, value] of Object.entries(row)) {
            if (!PER_DEVICE_FIELD.test(column)) continue;
            // A device-linked row may have such a column only empty or zero.
            expect([0, null, ''], `${table}.${column} = ${String(value)} beside a device id`).toContain(value);
          }
        }
      }
    } finally {
      db.close();
    }
    }
    expect(linkedRows).toBeGreaterThan(0);

    // The logs: no line that names a device carries a metric, count or reason.
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      if (!deviceIds.some((d) => line.includes(d))) continue;
      const entry = JSON.parse(line) as Record<string, unknown>;
      for (const [key, value] of Object.entries(entry)) {
        if (['level', 'time', 'pid', 'hostname', 'msg', 'device', 'deviceId', 'taskId', 'round', 'session'].includes(key)) continue;
        expect(PER_DEVICE_FIELD.test(key) && value !== 0 && value !== '' && value != null, `log field ${key} beside a device: ${line}`).toBe(false);
      }
      for (const code of REASON_CODE_NAMES.slice(1)) expect(line).not.toContain(code);
      expect(line).not.toMatch(/loss|accuracy|\d+ (training |held-out )?examples/i);
    }
  });
});
