/**
 * Task approval through the CLI, as an approver and an auditor would use it: `conclave approver
 * init`, `conclave task approve` against a running coordinator, `conclave log verify` of the log
 * it serves and of a tampered copy, and an approver refusing to sign for a coordinator whose log
 * does not extend the head it signed last.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { denseTask, startHarness, type Harness } from './helpers.ts';

const run = promisify(execFile);
const CLI = path.resolve(import.meta.dirname, '../packages/server/bin/conclave.mjs');

let h: Harness;
let dir: string;
const env = () => ({ ...process.env, CONCLAVE_URL: h.server.url, CONCLAVE_TOKEN: h.server.token });
/** Runs the CLI; resolves with its exit code and output whatever the code. */
async function conclave(args: string[], environment = env()): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { env: environment });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  // No approver in-process: tasks wait for `conclave task approve`.
  h = await startHarness({ autoApprover: undefined });
  dir = mkdtempSync(path.join(tmpdir(), 'conclave-approver-'));
});

afterAll(async () => {
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

// Each CLI call starts a Node process from source: generous limits for a loaded machine.
describe('conclave approver, task approve and log verify', { timeout: 240_000 }, () => {
  let first: string;

  it('makes an approver key pair, private file readable by its owner only', async () => {
    const out = await conclave(['approver', 'init', '--out', path.join(dir, 'approver'), '--name', 'Works council']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/approver "Works council" \([0-9a-f]{4}(-[0-9a-f]{4}){3}\)/);
    expect(statSync(path.join(dir, 'approver', 'approver-key.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path.join(dir, 'approver', 'approver.pub.json'), 'utf8'))).toMatchObject({ kind: 'conclave-public-key', role: 'approver', name: 'Works council' });
    const again = await conclave(['approver', 'init', '--out', path.join(dir, 'approver')]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already; an approver key is never overwritten/);
  });

  it('keeps a new task awaiting approval until the approver signs it, then appends it to the log', async () => {
    first = await h.server.coordinator.createTask(await denseTask(8, { name: 'first' }));
    const status = JSON.parse((await conclave(['task', 'status', first, '--json'])).stdout) as { status: string; phase: string; waitingFor: string; roundsDone: number };
    expect(status.status).toBe('awaiting-approval');
    // Not finished: idle, waiting for the approver, who is told the command.
    expect(status.phase).toBe('idle');
    expect(status.waitingFor).toBe(`an approver's signature: conclave task approve ${first} --key …`);
    const approved = await conclave(['task', 'approve', first, '--key', path.join(dir, 'approver', 'approver-key.json')]);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toMatch(/approved; the transparency log now has 1 task\(s\)/);
    expect(approved.stdout).toContain('purpose     Testing federated averaging end to end.');
    expect(approved.stdout).toContain('approver    Works council');
    expect((await h.server.coordinator.taskStatus(first)).status).toBe('running');
    // Approving twice is refused: the task no longer awaits approval.
    const twice = await conclave(['task', 'approve', first, '--key', path.join(dir, 'approver', 'approver-key.json')]);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/is running, not awaiting approval/);

    const second = await h.server.coordinator.createTask(await denseTask(8, { name: 'second' }));
    expect((await conclave(['task', 'approve', second, '--key', path.join(dir, 'approver', 'approver-key.json')])).stdout).toMatch(/now has 2 task\(s\)/);
    const state = JSON.parse(readFileSync(path.join(dir, 'approver', 'approver-state.json'), 'utf8')) as { lastSigned: { size: number } };
    expect(state.lastSigned.size).toBe(2);
  });

  it('verifies the whole log it serves, and names what is wrong in a tampered copy or under another key', async () => {
    const pub = path.join(dir, 'approver', 'approver.pub.json');
    const ok = await conclave(['log', 'verify', '--approver', pub]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/transparency log OK: 2 approved task\(s\), 2 signed head\(s\), root [0-9a-f]{64}/);
    expect(ok.stdout).toContain(first);

    const log = (await (await fetch(`${h.server.url}/api/transparency-log`, { headers: { authorization: `Bearer ${h.server.token}` } })).json()) as {
      entries: { statement: { purpose: string } }[];
    };
    log.entries[0]!.statement.purpose = 'Something nobody approved.';
    const tampered = path.join(dir, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(log));
    const bad = await conclave(['log', 'verify', '--approver', pub, '--file', tampered]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('transparency log does NOT verify');
    expect(bad.stderr).toMatch(/entry 0: the approval of task .* does not carry Works council's signature/);
    expect(bad.stderr).toMatch(/head 0: root of size 1 is not the Merkle root of the first 1 entries/);

    await conclave(['approver', 'init', '--out', path.join(dir, 'other'), '--name', 'Someone else']);
    const other = await conclave(['log', 'verify', '--approver', path.join(dir, 'other', 'approver.pub.json')]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/approved by a key this device does not pin/);
  });

  it('refuses to sign for a coordinator whose log does not extend the head the approver signed last', async () => {
    const elsewhere = await startHarness({ autoApprover: undefined });
    try {
      const id = await elsewhere.server.coordinator.createTask(await denseTask(8, { name: 'elsewhere' }));
      const refused = await conclave(['task', 'approve', id, '--key', path.join(dir, 'approver', 'approver-key.json')], {
        ...process.env,
        CONCLAVE_URL: elsewhere.server.url,
        CONCLAVE_TOKEN: elsewhere.server.token,
      });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/not signed: the log has 0 entries, fewer than the 2 of the head this approver signed last: it was rolled back/);
      expect((await elsewhere.server.coordinator.taskStatus(id)).status).toBe('awaiting-approval');
      expect(elsewhere.server.coordinator.transparencyLog().entries).toEqual([]);
    } finally {
      await elsewhere.close();
    }
  });
});
