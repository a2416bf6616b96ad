import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { privateDatabaseFile } from '../src/private-file.ts';
import { SqliteStore } from '../src/store/sqlite-store.ts';
import { SqliteTrustStore } from '../src/store/sqlite-trust-store.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'conclave-mode-'));
  dirs.push(d);
  return d;
};
const mode = (file: string) => statSync(file).mode & 0o777;

describe('database files are created 0600 (issue 15 item 10)', () => {
  it('conclave.db and trust.db, with their -wal and -shm files, are readable by the owner only', async () => {
    const dir = tempDir();
    const store = new SqliteStore({ dataDir: dir });
    const trust = new SqliteTrustStore({ dataDir: dir });
    // A write makes SQLite create the WAL and shared-memory files.
    await store.createEnrollmentTokens(['0'.repeat(64)], 1, 2);
    await trust.revocationLists();
    const files = ['conclave.db', 'conclave.db-wal', 'conclave.db-shm', 'trust.db', 'trust.db-wal', 'trust.db-shm'].map((f) => path.join(dir, f));
    for (const f of files) expect(existsSync(f), f).toBe(true);
    expect(Object.fromEntries(files.map((f) => [path.basename(f), mode(f).toString(8)]))).toEqual(Object.fromEntries(files.map((f) => [path.basename(f), '600'])));
    expect(mode(dir)).toBe(0o700);
    await store.close();
    await trust.close();
  });

  it('narrows files an older version left 0644, and never widens a file', () => {
    const dir = tempDir();
    const db = path.join(dir, 'conclave.db');
    for (const f of [db, `${db}-wal`, `${db}-shm`]) {
      writeFileSync(f, '');
      chmodSync(f, 0o644);
    }
    privateDatabaseFile(db);
    for (const f of [db, `${db}-wal`, `${db}-shm`]) expect(mode(f)).toBe(0o600);
    const fresh = privateDatabaseFile(path.join(dir, 'new.db'));
    expect(mode(fresh)).toBe(0o600);
  });
});
