/**
 * Device failures reach the admin (issue 15 item 7), end to end over real sockets: devices whose
 * examples do not fit the task's feature recipe all fail to train; each withdraws with the code
 * MODEL_MISMATCH and nothing else; the task fails at once with that reason instead of retrying
 * rounds; `task status` counts the codes per round and for the task; and no table row or log
 * line that names a device holds a code.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { REASON_CODE_NAMES } from '@conclave/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { denseTask, separablePoints, startHarness, waitForTask, type Harness } from './helpers.ts';

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

describe('device failures reach the admin', () => {
  it('a cohort that fails the same way fails the task at once with the code; status counts it; nothing links a code to a device', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'debug' }, new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }));
    h = await startHarness({ logger });
    // The model and the recipe agree (8 features), so `task create` accepts the task; the host
    // application on every device records 4 features per example, which no round can train on.
    const taskId = await h.server.coordinator.createTask(
      await denseTask(8, { rounds: 5, cohort: { goal: 3, minimum: 3, overSelection: 1 }, maxConsecutiveFailures: 10 }),
    );
    for (let i = 0; i < 3; i++) await h.addClient({ examples: separablePoints(30, 4, i + 1) });
    const failed = await waitForTask(h.server, taskId, (s) => s.status !== 'running');

    expect(failed.status, JSON.stringify(failed)).toBe('failed');
    expect(failed.statusReason).toMatch(/^most devices failed: MODEL_MISMATCH \([23] of 3 selected\) — the model does not fit what devices feed it/);
    // At once: in round 1 (its first attempt aborts on the first failure, when too few devices can
    // still report; the rest of its cohort's failures, arriving late, fail the task in the attempt
    // after at the latest), not after ten attempts of retries.
    const rounds = await h.server.coordinator.store.listRounds(taskId);
    expect(rounds.length).toBeLessThanOrEqual(2);
    expect(rounds.every((r) => r.round === 1 && r.status === 'aborted')).toBe(true);
    expect(rounds.at(-1)!.reason).toMatch(/^most devices failed: MODEL_MISMATCH/);
    const counts = failed.deviceFailures;
    expect(counts.total.MODEL_MISMATCH).toBeGreaterThanOrEqual(1);
    expect(Object.keys(counts.total)).toEqual(['MODEL_MISMATCH']);
    expect(counts.failed).toBe(counts.total.MODEL_MISMATCH);
    expect(counts.rounds[0]).toEqual({ round: 1, kind: 'train', status: 'aborted', counts: { MODEL_MISMATCH: expect.any(Number) } });
    // Read back from the store alone, the same.
    expect((await h.server.coordinator.taskStatus(taskId)).deviceFailures).toEqual(counts);

    // No stored row and no log line that names a device holds a reason code.
    const deviceIds = h.clients.map((c) => c.deviceId);
    const codes = REASON_CODE_NAMES.slice(1);
    let codeRows = 0;
    for (const file of readdirSync(h.dataDir).filter((f) => f.endsWith('.db'))) {
      const db = new Database(path.join(h.dataDir, file), { readonly: true, fileMustExist: true });
      try {
        const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map((t) => t.name);
        for (const table of tables) {
          for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
            const text = Object.values(row).map((v) => (v instanceof Buffer ? '' : String(v ?? ''))).join('\u0000');
            const code = codes.find((c) => text.includes(c));
            if (!code) continue;
            codeRows += 1;
            for (const d of deviceIds) expect(text, `${table} holds ${code} beside device ${d}`).not.toContain(d);
          }
        }
      } finally {
        db.close();
      }
    }
    expect(codeRows).toBeGreaterThan(0);
    let codeLines = 0;
    for (const line of lines) {
      if (!codes.some((c) => line.includes(c))) continue;
      codeLines += 1;
      for (const d of deviceIds) expect(line, 'a log line with a reason code names a device').not.toContain(d);
    }
    expect(codeLines).toBeGreaterThan(0);
  });
});
