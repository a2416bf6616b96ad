/**
 * The coordinator's database files hold device identities, participation and the privacy
 * ledger: only the user running the coordinator may read them. SQLite gives a database's
 * -wal, -shm and -journal files the permissions of the database file itself (unix VFS,
 * `findCreateFileMode`), so creating that file 0600 before SQLite opens it is enough; files
 * left 0644 by an older version are narrowed at open.
 */
import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';

/** Creates `file` empty with mode 0600 if it does not exist, and narrows it and its SQLite side files to 0600. */
export function privateDatabaseFile(file: string): string {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(f)) chmodSync(f, 0o600);
  return file;
}
