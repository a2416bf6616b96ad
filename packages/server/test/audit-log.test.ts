import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, auditEntryHash, nextAuditEntry, parseAuditAnchor, verifyAuditChain, type AuditEntry } from '../src/audit/audit-chain.ts';
import { formatVerification } from '../src/cli-audit.ts';
import { readAuditChain } from '../src/store/sqlite-audit.ts';
import { SqliteStore } from '../src/store/sqlite-store.ts';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../bin/conclave.mjs');

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'conclave-audit-'));
  dirs.push(dir);
  return dir;
}

/** A store with five audit entries, closed, and its data directory. */
async function auditedDir(): Promise<string> {
  const dir = tempDir();
  const store = new SqliteStore({ dataDir: dir });
  await store.audit('admin', 'session.signin', {}, 1_000);
  await store.audit('admin', 'task.stop', { taskId: 't1' }, 2_000);
  await store.audit('device', 'device.enroll', { deviceId: 'device-a' }, 3_000);
  await store.audit('admin', 'device.revoke', { deviceId: 'device-a', reason: 'left' }, 4_000);
  await store.audit('coordinator', 'privacy.budget-exhausted', { taskId: 't1', epsilon: 2.5 }, 5_000);
  await store.close();
  return dir;
}

/** Opens the real SQLite file as someone with write access to it would: triggers dropped first. */
function tamper(dir: string, edit: (db: Database.Database) => void): void {
  const db = new Database(path.join(dir, 'conclave.db'));
  db.exec('DROP TRIGGER IF EXISTS audit_log_append_only_update; DROP TRIGGER IF EXISTS audit_log_append_only_delete;');
  edit(db);
  db.close();
}

function verifyFile(dir: string, anchor?: { seq: number; hash: string }) {
  const db = new Database(path.join(dir, 'conclave.db'), { readonly: true });
  try {
    return verifyAuditChain(readAuditChain(db), anchor);
  } finally {
    db.close();
  }
}

describe('audit chain (pure)', () => {
  it('hashes the RFC 8785 encoding of (seq, at, actor, action, detail, prevHash): key order does not matter, every field does', () => {
    const a = nextAuditEntry(undefined, { at: 5, actor: 'admin', action: 'task.create', detail: { b: 1, a: 'x' } });
    expect(a.seq).toBe(1);
    expect(a.prevHash).toBe(GENESIS_HASH);
    expect(auditEntryHash({ ...a, detail: { a: 'x', b: 1 } })).toBe(a.hash);
    for (const changed of [{ seq: 2 }, { at: 6 }, { actor: 'device' }, { action: 'task.stop' }, { detail: { a: 'x', b: 2 } }, { prevHash: '1'.repeat(64) }]) {
      expect(auditEntryHash({ ...a, ...changed })).not.toBe(a.hash);
    }
    const b = nextAuditEntry(a, { at: 6, actor: 'admin', action: 'task.stop', detail: {} });
    expect([b.seq, b.prevHash]).toEqual([2, a.hash]);
    expect(verifyAuditChain([a, b])).toEqual({ ok: true, entries: 2, head: { seq: 2, hash: b.hash } });
  });

  it('parses a head as printed, and refuses anything else by name', () => {
    expect(parseAuditAnchor(`7:${'ab'.repeat(32)}`)).toEqual({ seq: 7, hash: 'ab'.repeat(32) });
    expect(() => parseAuditAnchor('7:abc')).toThrow(/not SEQ:HASH/);
    expect(() => parseAuditAnchor(`0:${'ab'.repeat(32)}`)).toThrow(/positive integer/);
  });
});

describe('audit log in the SQLite store', () => {
  it('chains every entry the store writes, with device ids replaced by pseudonyms', async () => {
    const dir = await auditedDir();
    const store = new SqliteStore({ dataDir: dir });
    const chain = await store.auditChain();
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(verifyAuditChain(chain).ok).toBe(true);
    const enroll = chain[2]!;
    const revoke = chain[3]!;
    expect(enroll.detail).toEqual({ device: expect.stringMatching(/^ref-[0-9a-f]{16}$/) });
    expect(revoke.detail).toEqual({ device: enroll.detail.device, reason: 'left' });
    expect(JSON.stringify(chain)).not.toContain('device-a');
    // auditLog: the latest entries, oldest first.
    expect((await store.auditLog(2)).map((e) => e.seq)).toEqual([4, 5]);
    await store.close();
  });

  it('verify finds an edited entry in the real file', async () => {
    const dir = await auditedDir();
    tamper(dir, (db) => db.prepare(`UPDATE audit_log SET detail_json = '{"taskId":"t2"}' WHERE seq = 2`).run());
    expect(verifyFile(dir)).toMatchObject({ ok: false, entries: 5, firstBadSeq: 2, problem: expect.stringMatching(/^entry 2 was altered/) });
  });

  it('verify finds a deleted entry', async () => {
    const dir = await auditedDir();
    tamper(dir, (db) => db.prepare(`DELETE FROM audit_log WHERE seq = 3`).run());
    expect(verifyFile(dir)).toMatchObject({ ok: false, entries: 4, firstBadSeq: 3, problem: expect.stringMatching(/entry 3 is missing/) });
  });

  it('verify finds swapped entries, whether the rows or their seq numbers are swapped', async () => {
    const rows = await auditedDir();
    // Swap the contents of rows 2 and 4 (every column but the row id): the stored order changes.
    tamper(rows, (db) => {
      const cols = 'seq, at, actor, action, detail_json, prev_hash, hash';
      const r2 = db.prepare(`SELECT ${cols} FROM audit_log WHERE seq = 2`).get() as Record<string, unknown>;
      const r4 = db.prepare(`SELECT ${cols} FROM audit_log WHERE seq = 4`).get() as Record<string, unknown>;
      const set = db.prepare(`UPDATE audit_log SET seq = @seq, at = @at, actor = @actor, action = @action, detail_json = @detail_json, prev_hash = @prev_hash, hash = @hash WHERE id = @id`);
      const id2 = (db.prepare('SELECT id FROM audit_log WHERE seq = 2').get() as { id: number }).id;
      const id4 = (db.prepare('SELECT id FROM audit_log WHERE seq = 4').get() as { id: number }).id;
      db.prepare('DROP INDEX audit_log_seq').run();
      set.run({ ...r4, id: id2 });
      set.run({ ...r2, id: id4 });
    });
    expect(verifyFile(rows)).toMatchObject({ ok: false, firstBadSeq: 2 });
    // Swap only the seq numbers (and so the order by seq) of entries 3 and 4.
    const seqs = await auditedDir();
    tamper(seqs, (db) => {
      db.prepare('DROP INDEX audit_log_seq').run();
      db.prepare('UPDATE audit_log SET seq = CASE seq WHEN 3 THEN 4 ELSE 3 END WHERE seq IN (3, 4)').run();
    });
    expect(verifyFile(seqs)).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('an anchored head catches a rewrite of the whole chain and a cut-off end', async () => {
    const dir = await auditedDir();
    const intact = verifyFile(dir);
    expect(intact.ok).toBe(true);
    const head = intact.head!;
    // Rewrite entry 2 and re-chain everything after it: the chain alone looks intact again.
    tamper(dir, (db) => {
      const entries = readAuditChain(db);
      let last: AuditEntry | undefined = entries[0];
      const update = db.prepare('UPDATE audit_log SET detail_json = ?, prev_hash = ?, hash = ? WHERE seq = ?');
      for (const e of entries.slice(1)) {
        const next = nextAuditEntry(last, { at: e.at, actor: e.actor, action: e.action, detail: e.seq === 2 ? { taskId: 'someone-else' } : e.detail });
        update.run(JSON.stringify(next.detail), next.prevHash, next.hash, e.seq);
        last = next;
      }
    });
    expect(verifyFile(dir).ok).toBe(true);
    expect(verifyFile(dir, head)).toMatchObject({ ok: false, firstBadSeq: 5, problem: expect.stringMatching(/rewritten/) });
    tamper(dir, (db) => db.prepare('DELETE FROM audit_log WHERE seq = 5').run());
    expect(verifyFile(dir, head)).toMatchObject({ ok: false, problem: expect.stringMatching(/cut off the end/) });
  });

  it('chains the entries written before the chain existed, in their order, with their device ids made pseudonyms', async () => {
    const dir = tempDir();
    // The real schema, then the audit log put back as an older coordinator left it.
    await (await Promise.resolve(new SqliteStore({ dataDir: dir }))).close();
    const db = new Database(path.join(dir, 'conclave.db'));
    const version = db.pragma('user_version', { simple: true }) as number;
    db.exec(`DROP TABLE audit_log; DROP TABLE device_refs;
      CREATE TABLE audit_log (id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, detail_json TEXT NOT NULL);
      CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
    const insert = db.prepare('INSERT INTO audit_log (at, actor, action, detail_json) VALUES (?, ?, ?, ?)');
    insert.run(10, 'admin', 'task.create', '{"taskId":"t1"}');
    insert.run(20, 'device', 'device.enroll', '{"deviceId":"legacy-device"}');
    insert.run(30, 'authority', 'certificates.stored', '{"devices":["legacy-device","other"]}');
    // The audit-chain migration is the last one: run it again from the version before it.
    db.pragma(`user_version = ${version - 1}`);
    db.close();

    const store = new SqliteStore({ dataDir: dir });
    await store.audit('admin', 'task.stop', { taskId: 't1' }, 40);
    const chain = await store.auditChain();
    expect(chain.map((e) => [e.seq, e.at, e.action])).toEqual([
      [1, 10, 'task.create'],
      [2, 20, 'device.enroll'],
      [3, 30, 'certificates.stored'],
      [4, 40, 'task.stop'],
    ]);
    expect(verifyAuditChain(chain).ok).toBe(true);
    expect(chain[2]!.detail.devices).toEqual([chain[1]!.detail.device, expect.stringMatching(/^ref-/)]);
    expect(JSON.stringify(chain)).not.toContain('legacy-device');
    await store.close();
    // Chained rows are append-only again.
    const check = new Database(path.join(dir, 'conclave.db'));
    expect(() => check.prepare('UPDATE audit_log SET actor = ? WHERE seq = 1').run('x')).toThrow('audit_log is append-only');
    expect(() => check.prepare('DELETE FROM audit_log').run()).toThrow('audit_log is append-only');
    check.close();
  });

  it('conclave audit verify --db exits 1 naming the first bad entry; audit list --db --json prints the chain', async () => {
    const dir = await auditedDir();
    const listed = await run(process.execPath, [CLI, 'audit', 'list', '--db', dir, '--json']);
    const { entries } = JSON.parse(listed.stdout) as { entries: AuditEntry[] };
    expect(entries.map((e) => e.action)).toEqual(['session.signin', 'task.stop', 'device.enroll', 'device.revoke', 'privacy.budget-exhausted']);
    expect(formatVerification(verifyFile(dir))).toContain(`audit log intact: 5 entries chained; head 5:${entries[4]!.hash}`);
    tamper(dir, (db) => db.prepare(`UPDATE audit_log SET actor = 'device' WHERE seq = 4`).run());
    const bad = await run(process.execPath, [CLI, 'audit', 'verify', '--db', dir, '--json']).catch((err: { code: number; stdout: string }) => err);
    expect('code' in bad ? bad.code : 0).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, firstBadSeq: 4 });
  });
});
