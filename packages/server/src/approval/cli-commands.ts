/**
 * CLI commands of task approval and the transparency log: `conclave approver init`,
 * `conclave task approve`, `conclave log verify`. Registered on the main program by cli.ts,
 * which lends its connection helpers.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  generateSigningKeyPair,
  keyFingerprint,
  publicKeyFromJson,
  publicKeyToJson,
  signingKeyFromJson,
  signingKeyToJson,
  toHex,
  transparencyLogFromJson,
  verifyTransparencyLog,
  type LogMark,
} from '@conclave/proto';
import type { Command } from 'commander';
import { approverStateFromJson, signApprovalRequest, summarize } from './approver.ts';
import type { ApprovalRequest } from './task-approvals.ts';

interface Connection {
  url: string;
  token: string;
}

/** What cli.ts lends: its option set for remote commands, connection, admin API call and exit. */
export interface CliHelpers {
  remote: (cmd: Command) => Command;
  connection: (opts: { url?: string; token?: string; dataDir?: string }) => Connection;
  api: (conn: Connection, method: string, route: string, body?: unknown) => Promise<Response>;
  fail: (message: string) => never;
}

export const APPROVER_KEY_FILE = 'approver-key.json';
export const APPROVER_PUBLIC_FILE = 'approver.pub.json';
export const APPROVER_STATE_FILE = 'approver-state.json';

function readJsonFile(file: string, what: string, fail: (m: string) => never): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    fail(`cannot read ${what} ${file}: ${(err as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    fail(`${what} ${file} is not JSON: ${(err as Error).message}`);
  }
}

/** Writes an approver key pair to `dir` (refusing to overwrite one); returns the two paths. */
export async function initApprover(dir: string, name: string): Promise<{ keyFile: string; publicFile: string; fingerprint: string }> {
  const keyFile = path.join(dir, APPROVER_KEY_FILE);
  const publicFile = path.join(dir, APPROVER_PUBLIC_FILE);
  if (existsSync(keyFile)) throw new Error(`${keyFile} exists already; an approver key is never overwritten (choose another --out)`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pair = await generateSigningKeyPair();
  writeFileSync(keyFile, JSON.stringify(signingKeyToJson({ role: 'approver', name, ...pair }), null, 2) + '\n', { mode: 0o600 });
  writeFileSync(publicFile, JSON.stringify(await publicKeyToJson({ role: 'approver', name, publicKey: pair.publicKey }), null, 2) + '\n');
  return { keyFile, publicFile, fingerprint: await keyFingerprint(pair.publicKey) };
}

export function registerApprovalCommands(program: Command, h: CliHelpers): void {
  const approver = program.command('approver').description('the approver key that signs tasks and the transparency log (hold it apart from the coordinator)');
  approver
    .command('init')
    .description(`make an Ed25519 approver key pair: ${APPROVER_KEY_FILE} (keep it offline) and ${APPROVER_PUBLIC_FILE} (pin it in SDK configurations)`)
    .requiredOption('-o, --out <dir>', 'directory for the key files')
    .option('--name <name>', 'who approves, shown to employees (e.g. "Works council")', 'Approver')
    .action(async (opts: { out: string; name: string }) => {
      try {
        const { keyFile, publicFile, fingerprint } = await initApprover(opts.out, opts.name);
        process.stdout.write(`approver "${opts.name}" (${fingerprint})\n  private key ${keyFile}\n  public key  ${publicFile}\n`);
      } catch (err) {
        h.fail((err as Error).message);
      }
    });

  const task = program.commands.find((c) => c.name() === 'task') ?? program.command('task');
  h.remote(task.command('approve'))
    .description('sign a task awaiting approval and append it to the transparency log; it starts once approved')
    .argument('<id>', 'task id (conclave task list)')
    .requiredOption('-k, --key <file>', `the approver's private key file (${APPROVER_KEY_FILE})`)
    .option('--state <file>', `where the approver remembers the last log head it signed (default: ${APPROVER_STATE_FILE} beside the key)`)
    .option('--json', 'print the approval as JSON')
    .action(async (id: string, opts: { key: string; state?: string; json?: boolean; url?: string; token?: string; dataDir?: string }) => {
      const conn = h.connection(opts);
      let key;
      try {
        key = await signingKeyFromJson(readJsonFile(opts.key, 'approver key file', h.fail), 'approver', opts.key);
      } catch (err) {
        h.fail((err as Error).message);
      }
      const stateFile = opts.state ?? path.join(path.dirname(opts.key), APPROVER_STATE_FILE);
      let lastSigned: LogMark | undefined;
      if (existsSync(stateFile)) {
        try {
          lastSigned = approverStateFromJson(readJsonFile(stateFile, 'approver state file', h.fail));
        } catch (err) {
          h.fail(`${stateFile}: ${(err as Error).message}`);
        }
      }
      const route = `/api/tasks/${encodeURIComponent(id)}`;
      const request = (await (await h.api(conn, 'GET', `${route}/approval-request`)).json()) as ApprovalRequest;
      let signed;
      try {
        signed = await signApprovalRequest({ request, key, lastSigned, nowMs: Date.now() });
      } catch (err) {
        h.fail(`not signed: ${(err as Error).message}`);
      }
      await h.api(conn, 'POST', `${route}/approval`, { approval: signed.approval, head: signed.head });
      writeFileSync(stateFile, JSON.stringify(signed.state, null, 2) + '\n', { mode: 0o600 });
      if (opts.json) return void process.stdout.write(JSON.stringify({ approval: signed.approval, head: signed.head }) + '\n');
      process.stdout.write(`approved; the transparency log now has ${signed.head.size} task(s), root ${signed.head.rootHash}\n${signed.summary.join('\n')}\n`);
    });

  const log = program.command('log').description('the transparency log of approved tasks');
  h.remote(log.command('verify'))
    .description("check the whole log: every approval's signature, every signed head, heads growing, roots matching the entries")
    .requiredOption('-a, --approver <file...>', `public key file(s) of the approvers to trust (${APPROVER_PUBLIC_FILE})`)
    .option('-f, --file <log.json>', 'verify a saved copy instead of asking the coordinator')
    .option('--json', 'print the result as JSON')
    .action(async (opts: { approver: string[]; file?: string; json?: boolean; url?: string; token?: string; dataDir?: string }) => {
      let approverKeys: Uint8Array[];
      try {
        approverKeys = opts.approver.map((f) => publicKeyFromJson(readJsonFile(f, 'approver public key file', h.fail), 'approver', f).publicKey);
      } catch (err) {
        h.fail((err as Error).message);
      }
      const json = opts.file ? readJsonFile(opts.file, 'log file', h.fail) : await (await h.api(h.connection(opts), 'GET', '/api/transparency-log')).json();
      let parsed;
      try {
        parsed = transparencyLogFromJson(json);
      } catch (err) {
        h.fail(`the log cannot be read: ${(err as Error).message}`);
      }
      const result = await verifyTransparencyLog(parsed, { approverKeys });
      const head = parsed.heads.at(-1);
      if (opts.json) {
        process.stdout.write(JSON.stringify({ ...result, rootHash: head ? toHex(head.rootHash) : null }) + '\n');
      } else if (result.ok) {
        process.stdout.write(`transparency log OK: ${result.size} approved task(s), ${parsed.heads.length} signed head(s)${head ? `, root ${toHex(head.rootHash)}` : ''}\n`);
        for (const e of parsed.entries) process.stdout.write(`${(await summarize(e.statement)).slice(0, 1)[0]!.replace(/^task\s+/, '  ')}  approved ${new Date(e.statement.approvedAtMs).toISOString()} by ${e.statement.approverName}\n`);
      } else {
        process.stderr.write(`transparency log does NOT verify:\n${result.problems.map((p) => `  ${p}`).join('\n')}\n`);
      }
      if (!result.ok) process.exit(1);
    });
}
