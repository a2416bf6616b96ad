import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { ExampleStore, RetentionLimits, StoredExample } from './example-store.ts';
import type { Example } from './train/types.ts';

/** Durable example store for Node hosts (CLIs, Electron): SQLite in the app's data directory. */
export class SqliteExampleStore implements ExampleStore {
  private readonly db: Database.Database;
  constructor(
    dataDir: string,
    private readonly retention: RetentionLimits = { maxPerStream: 10_000 },
  ) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    this.db = new Database(path.join(dataDir, 'examples.db'));
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS examples (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      stream TEXT NOT NULL,
      recorded_at INTEGER NOT NULL,
      body TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS examples_stream ON examples(stream, id);`);
  }

  add(stream: string, example: Example, now: number): void {
    this.db.transaction(() => {
      this.db.prepare(`INSERT INTO examples (stream, recorded_at, body) VALUES (?, ?, ?)`).run(stream, now, JSON.stringify(example));
      this.db
        .prepare(`DELETE FROM examples WHERE stream = ? AND id <= (SELECT id FROM examples WHERE stream = ? ORDER BY id DESC LIMIT 1 OFFSET ?)`)
        .run(stream, stream, this.retention.maxPerStream);
    })();
  }

  list(stream: string, limit = 1_000_000): StoredExample[] {
    const rows = this.db
      .prepare(`SELECT id, recorded_at, body FROM examples WHERE stream = ? ORDER BY id DESC LIMIT ?`)
      .all(stream, limit) as { id: number; recorded_at: number; body: string }[];
    return rows.reverse().map((r) => ({ ...(JSON.parse(r.body) as Example), id: r.id, recordedAt: r.recorded_at }));
  }

  counts(): Record<string, number> {
    const rows = this.db.prepare(`SELECT stream, COUNT(*) AS n FROM examples GROUP BY stream`).all() as { stream: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.stream, r.n]));
  }

  deleteStream(stream: string): void {
    this.db.prepare(`DELETE FROM examples WHERE stream = ?`).run(stream);
  }

  close(): void {
    this.db.close();
  }
}
