/**
 * `conclave audit list|verify` (issue 12, item 4): the coordinator's hash-chained audit log,
 * through the admin API, or read straight from a data directory (`--db DIR`) when the
 * coordinator is down or not trusted to check itself.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Command } from 'commander';
import { parseAuditAnchor, verifyAuditChain, type AuditAnchor, type AuditEntry, type AuditVerification } from './audit/audit-chain.ts';
import type { CliHelpers } from './approval/cli-commands.ts';
import { readAuditChain, readAuditTail } from './store/sqlite-audit.ts';

/** Opens `<dir>/conclave.db` read-only: checking the log never writes to it. */
function openDb(dir: string, fail: CliHelpers['fail']): Database.Database {
  const file = path.join(dir, 'conclave.db');
  if (!existsSync(file)) fail(`${file} does not exist: --db takes the coordinator's data directory`);
  return new Database(file, { readonly: true, fileMustExist: true });
}

function withDb<T>(dir: string, fail: CliHelpers['fail'], read: (db: Database.Database) => T): T {
  const db = openDb(dir, fail);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

function formatDetail(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join(' ');
}

export function formatAuditTable(entries: readonly AuditEntry[]): string {
  if (entries.length === 0) return 'the audit log is empty\n';
  const rows = entries.map((e) => [String(e.seq), new Date(e.at).toISOString(), e.actor, e.action, formatDetail(e.detail)]);
  const head = ['seq', 'at', 'actor', 'action', 'detail'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.slice(0, 4).map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

export function formatVerification(v: AuditVerification): string {
  if (v.ok) {
    return v.head
      ? `audit log intact: ${v.entries} entries chained; head ${v.head.seq}:${v.head.hash}\n(write the head down elsewhere and pass it to a later \`conclave audit verify --head\`: a rewrite of the whole chain cannot keep it)\n`
      : 'audit log intact: no entries yet\n';
  }
  return `audit log BROKEN at entry ${v.firstBadSeq} (of ${v.entries} read): ${v.problem}\n`;
}

export function registerAuditCommands(program: Command, { remote, connection, api, fail }: CliHelpers): void {
  const audit = program.command('audit').description('the append-only, hash-chained log of admin actions, task lifecycle and privacy-budget events');

  remote(audit.command('list'))
    .description('the latest audit entries, oldest first')
    .option('-n, --limit <n>', 'how many of the latest entries', '100')
    .option('--db <dir>', "read the log from this coordinator data directory instead of the admin API")
    .option('--json', 'print JSON: {"entries":[{seq, at, actor, action, detail, prevHash, hash}]}')
    .action(async (opts: { limit: string; db?: string; json?: boolean; url?: string; token?: string; dataDir?: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100_000) fail(`--limit must be an integer from 1 to 100000, got "${opts.limit}"`);
      const entries = opts.db
        ? withDb(opts.db, fail, (db) => readAuditTail(db, limit))
        : ((await (await api(connection(opts), 'GET', `/api/audit?limit=${limit}`)).json()) as { entries: AuditEntry[] }).entries;
      process.stdout.write(opts.json ? JSON.stringify({ entries }) + '\n' : formatAuditTable(entries));
    });

  remote(audit.command('verify'))
    .description('check that no audit entry was edited, deleted or reordered (exit code 1 and the first bad entry if one was)')
    .option('--head <seq:hash>', 'a head printed by an earlier verify: the chain must still contain it (detects a rewrite of the whole chain)')
    .option('--db <dir>', 'verify the log in this coordinator data directory instead of asking the admin API')
    .option('--json', 'print JSON: {"ok", "entries", "head"?, "firstBadSeq"?, "problem"?}')
    .action(async (opts: { head?: string; db?: string; json?: boolean; url?: string; token?: string; dataDir?: string }) => {
      let anchor: AuditAnchor | undefined;
      try {
        anchor = opts.head === undefined ? undefined : parseAuditAnchor(opts.head);
      } catch (err) {
        fail((err as Error).message);
      }
      let result: AuditVerification;
      if (opts.db) {
        result = withDb(opts.db, fail, (db) => verifyAuditChain(readAuditChain(db), anchor));
      } else {
        const query = anchor ? `?head=${anchor.seq}:${anchor.hash}` : '';
        result = (await (await api(connection(opts), 'GET', `/api/audit/verify${query}`)).json()) as AuditVerification;
      }
      process.stdout.write(opts.json ? JSON.stringify(result) + '\n' : formatVerification(result));
      if (!result.ok) process.exitCode = 1;
    });
}
